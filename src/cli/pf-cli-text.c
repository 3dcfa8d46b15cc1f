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
                PfFinding *finding)
{
  const char *advice = pf_finding_get_advice (finding);
  PfRect region;

  g_string_append_printf (out, "  %-8s %s: %s\n",
                          pf_cli_text_severity_label (pf_finding_get_severity (finding)),
                          pf_finding_get_id (finding),
                          pf_finding_get_title (finding));
  if (advice[0] != '\0')
    g_string_append_printf (out, "           %s\n", advice);
  if (pf_finding_get_region (finding, &region))
    /* TRANSLATORS: where a finding is in the photo: left, top, width,
     * height, in pixels. */
    g_string_append_printf (out, _("           Where: %.0f, %.0f (%.0f × %.0f pixels)\n"),
                            region.x, region.y, region.width, region.height);
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

static void
append_result (GString     *out,
               PfCliResult *result)
{
  g_autoptr(GPtrArray) sorted = NULL;
  GPtrArray *findings = pf_photo_report_get_findings (result->photo);
  PfPoint corners[4];

  /* TRANSLATORS: a file's name, then the photo's width and height. */
  g_string_append_printf (out, _("%s: %d × %d pixels\n"),
                          result->display_path, result->width, result->height);

  if (pf_photo_report_get_outline (result->photo, corners))
    /* TRANSLATORS: the document's four corners in the photo, clockwise
     * from the top left, as x, y pixel positions. */
    g_string_append_printf (out, _("  Document corners: (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f)\n"),
                            corners[0].x, corners[0].y, corners[1].x, corners[1].y,
                            corners[2].x, corners[2].y, corners[3].x, corners[3].y);

  /* Borrowed pointers; a stable sort (GLib 2.32 and later), so equal
   * severities keep the checks' order. */
  sorted = g_ptr_array_new_full (findings->len, NULL);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (findings, i));
  g_ptr_array_sort (sorted, compare_severity_cb);

  for (guint i = 0; i < sorted->len; i++)
    append_finding (out, g_ptr_array_index (sorted, i));

  append_verdict (out, findings);
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
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      PfCliResult *result = g_ptr_array_index (results, i);

      if (result->photo == NULL)
        continue;
      if (!first)
        g_string_append_c (out, '\n');
      append_result (out, result);
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}
