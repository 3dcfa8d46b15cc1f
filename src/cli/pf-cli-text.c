/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plain report for people: per file, what needs changing first, then
 * what was checked and found fine, and a one-line verdict. Files that could
 * not be read are reported on standard error by the caller. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-cli-text.h"

const char *
pf_cli_text_severity_label (PfSeverity severity)
{
  switch (severity)
    {
    case PF_SEVERITY_OK:
      return C_("severity", "OK");
    case PF_SEVERITY_CAUTION:
      return C_("severity", "Caution");
    case PF_SEVERITY_BLOCKER:
      return C_("severity", "Blocker");
    default:
      g_return_val_if_reached ("");
    }
}

/* Worst first. */
static int
compare_severity_cb (gconstpointer a,
                     gconstpointer b)
{
  PfFinding *fa = *(PfFinding * const *) a;
  PfFinding *fb = *(PfFinding * const *) b;

  return (int) pf_finding_get_severity (fb) - (int) pf_finding_get_severity (fa);
}

static void
append_finding (GString   *out,
                PfFinding *finding,
                gboolean   with_region)
{
  const char *advice = pf_finding_get_advice (finding);
  PfRect region;

  g_string_append_printf (out, "  %-8s %s: %s\n",
                          pf_cli_text_severity_label (pf_finding_get_severity (finding)),
                          pf_finding_get_id (finding),
                          pf_finding_get_title (finding));
  if (advice[0] != '\0')
    g_string_append_printf (out, "           %s\n", advice);
  if (with_region && pf_finding_get_region (finding, &region))
    /* TRANSLATORS: where a finding is in the photo: left, top, width,
     * height, in pixels. */
    g_string_append_printf (out, _("           Where: %.0f, %.0f (%.0f × %.0f pixels)\n"),
                            region.x, region.y, region.width, region.height);
}

/**
 * pf_cli_text_append_findings:
 * @findings: (element-type PfFinding): a report's findings
 * @with_regions: also say where each finding is in the photo
 *
 * Appends one line a finding (and its advice), worst first; a stable sort
 * (GLib 2.32 and later), so equal severities keep the checks' order.
 */
void
pf_cli_text_append_findings (GString   *out,
                             GPtrArray *findings,
                             gboolean   with_regions)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (findings->len, NULL);

  /* Borrowed pointers. */
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (findings, i));
  g_ptr_array_sort (sorted, compare_severity_cb);

  for (guint i = 0; i < sorted->len; i++)
    append_finding (out, g_ptr_array_index (sorted, i), with_regions);
}

/* The first line of a file's report. */
void
pf_cli_text_append_file (GString    *out,
                         const char *display_path,
                         int         width,
                         int         height)
{
  /* TRANSLATORS: a file's name, then the photo's width and height. */
  g_string_append_printf (out, _("%s: %d × %d pixels\n"), display_path, width, height);
}

static void
append_verdict (GString   *out,
                GPtrArray *findings)
{
  guint blockers = 0, cautions = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      PfSeverity severity = pf_finding_get_severity (g_ptr_array_index (findings, i));

      blockers += severity == PF_SEVERITY_BLOCKER;
      cautions += severity == PF_SEVERITY_CAUTION;
    }

  g_string_append (out, "  ");
  if (findings->len == 0)
    /* Never "nothing needs attention" for a photo nothing looked at. */
    g_string_append (out, _("No checks ran on this photo."));
  else if (blockers > 0)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Take a new photo before you send it: %u problem a service will refuse.",
                                         "Take a new photo before you send it: %u problems a service will refuse.",
                                         blockers),
                            blockers);
  else if (cautions > 0)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Usable, but %u thing is worth improving.",
                                         "Usable, but %u things are worth improving.",
                                         cautions),
                            cautions);
  else
    g_string_append (out, _("Nothing needs attention."));
  g_string_append_c (out, '\n');
}

static const char *
source_label (PfReadingSource source)
{
  switch (source)
    {
    case PF_READING_SOURCE_MRZ:
      return _("from the MRZ");
    case PF_READING_SOURCE_PRINTED:
      return _("from the printed text");
    case PF_READING_SOURCE_BOTH:
      return _("the MRZ and the printed text agree");
    case PF_READING_SOURCE_DISAGREE:
      return _("the MRZ and the printed text differ");
    case PF_READING_SOURCE_NONE:
    default:
      return "";
    }
}

static void
append_reading (GString     *out,
                PfCliResult *result)
{
  PfReading *reading = result->reading;
  PfMrz *mrz;
  const GError *printed_error;
  PfDocumentKind kind;

  if (reading == NULL)
    {
      /* TRANSLATORS: why the document could not be read. */
      g_string_append_printf (out, _("  Document not read: %s\n"),
                              result->read_error != NULL ? result->read_error->message : "");
      return;
    }

  kind = pf_reading_get_kind (reading);
  if (kind != PF_DOCUMENT_KIND_NONE)
    /* TRANSLATORS: the kind of document, as its MRZ names it. */
    g_string_append_printf (out, _("  Document: %s (as its MRZ says)\n"),
                            pf_document_kind_get_label (kind));

  mrz = pf_reading_get_mrz (reading);
  if (mrz == NULL)
    g_string_append (out, _("  MRZ: none found\n"));
  else
    {
      g_string_append (out, pf_mrz_is_valid (mrz)
                              ? _("  MRZ: read, every check digit passes\n")
                              : _("  MRZ: read, but it fails its checks (a misread or a damaged document)\n"));
      for (guint l = 0; l < pf_mrz_get_n_lines (mrz); l++)
        g_string_append_printf (out, "    %s\n", pf_mrz_get_line (mrz, l));
    }

  printed_error = pf_reading_get_printed_error (reading);
  if (printed_error != NULL)
    g_string_append_printf (out, "  %s\n", printed_error->message);

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *value = pf_reading_get_value (reading, f);

      if (value == NULL)
        /* TRANSLATORS: a detail's name, then that it could not be read. */
        g_string_append_printf (out, _("  %s: not read\n"), pf_field_get_label (f));
      else
        /* TRANSLATORS: a detail's name, its value on the document, where
         * it was read, and how sure the reading is, in percent. */
        g_string_append_printf (out, _("  %s: %s (%s, %.0f%%)\n"), pf_field_get_label (f), value,
                                source_label (pf_reading_get_source (reading, f)),
                                100 * pf_reading_get_confidence (reading, f));
    }
}

static void
append_comparisons (GString   *out,
                    GPtrArray *comparisons)
{
  for (guint i = 0; i < comparisons->len; i++)
    {
      PfComparison *comparison = g_ptr_array_index (comparisons, i);
      PfFinding *finding;

      if (pf_comparison_get_verdict (comparison) == PF_VERDICT_NOT_COMPARED)
        continue;
      finding = pf_comparison_get_finding (comparison);
      if (finding != NULL)
        append_finding (out, finding, TRUE);
    }
}

static void
append_result_cb (GString  *out,
                  gpointer  data)
{
  PfCliResult *result = data;
  GPtrArray *findings;
  PfPoint corners[4];

  if (result->photo == NULL)
    return;

  findings = pf_photo_report_get_findings (result->photo);
  pf_cli_text_append_file (out, result->display_path, result->width, result->height);

  if (pf_photo_report_get_outline (result->photo, corners))
    /* TRANSLATORS: the document's four corners in the photo, clockwise
     * from the top left, as x, y pixel positions. */
    g_string_append_printf (out, _("  Document corners: (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f)\n"),
                            corners[0].x, corners[0].y, corners[1].x, corners[1].y,
                            corners[2].x, corners[2].y, corners[3].x, corners[3].y);

  pf_cli_text_append_findings (out, findings, TRUE);

  append_verdict (out, findings);

  if (result->reading != NULL || result->read_error != NULL)
    append_reading (out, result);
  if (result->comparisons != NULL)
    append_comparisons (out, result->comparisons);
}

/**
 * pf_cli_text_write:
 * @results: (element-type PfCliResult): one per file, in order
 *
 * Returns: (transfer full): the report for the files that could be read
 */
char *
pf_cli_text_write (GPtrArray *results)
{
  return pf_cli_text_write_files (results, append_result_cb);
}

/**
 * pf_cli_text_write_files:
 * @results: one per file, in order, of any kind
 * @append_file: appends one file's report; nothing for a file that could
 *   not be read
 *
 * Returns: (transfer full): the reports, a blank line between two
 */
char *
pf_cli_text_write_files (GPtrArray         *results,
                         PfCliTextFileFunc  append_file)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) file = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      g_string_truncate (file, 0);
      append_file (file, g_ptr_array_index (results, i));
      if (file->len == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, file->str, file->len);
    }

  return g_string_free (out, FALSE);
}
