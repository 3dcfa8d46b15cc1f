/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `id-preflight-check --selfie FILE…`: the selfie checks (face, light,
 * sharpness) on still photos, in the photo checks' output formats: the
 * plain report (per file the findings worst first, then a verdict) and
 * the JSON one ({ "files": [ … ] }, each finding as the photo checks'
 * are). A still photo has no frame rate, so the camera check does not
 * run. Each image is dropped, and so zeroed, once it is checked. */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "pf-cli.h"
#include "pf-cli-json.h"
#include "pf-cli-selfie.h"
#include "pf-cli-text.h"
#include "pf-image-loader.h"
#include "pf-selfie.h"

typedef struct
{
  char           *display_path;
  GError         *error;
  int             width;
  int             height;
  PfSelfieReport *report;
} SelfieResult;

static void
selfie_result_free (SelfieResult *self)
{
  g_free (self->display_path);
  g_clear_error (&self->error);
  g_clear_pointer (&self->report, pf_selfie_report_unref);
  g_free (self);
}

static SelfieResult *
check_file (const char *path)
{
  SelfieResult *self = g_new0 (SelfieResult, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfImage) image = NULL;

  self->display_path = g_filename_display_name (path);
  image = pf_image_load_file (file, NULL, &self->error);
  if (image == NULL)
    return self;

  self->width = pf_image_get_width (image);
  self->height = pf_image_get_height (image);
  self->report = pf_selfie_check (image, NULL);
  return self;
}

/* Worst first; a stable sort keeps the checks' order among equals. */
static int
compare_severity_cb (gconstpointer a,
                     gconstpointer b)
{
  PfFinding *fa = *(PfFinding * const *) a;
  PfFinding *fb = *(PfFinding * const *) b;

  return (int) pf_finding_get_severity (fb) - (int) pf_finding_get_severity (fa);
}

static void
append_text (GString      *out,
             SelfieResult *result)
{
  GPtrArray *findings = pf_selfie_report_get_findings (result->report);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (findings->len, NULL);
  PfSeverity worst = pf_selfie_report_get_worst (result->report);
  guint n_faces = pf_selfie_report_get_n_faces (result->report);
  PfRect face;

  /* TRANSLATORS: a file's name, then the photo's width and height. */
  g_string_append_printf (out, _("%s: %d × %d pixels\n"),
                          result->display_path, result->width, result->height);
  if (pf_selfie_report_get_detection (result->report))
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE, "  %u face found\n",
                                         "  %u faces found\n", n_faces),
                            n_faces);
  if (pf_selfie_report_get_face (result->report, 0, &face))
    /* TRANSLATORS: the largest face's box: left, top, width, height. */
    g_string_append_printf (out, _("  Face: %.0f, %.0f (%.0f × %.0f pixels)\n"),
                            face.x, face.y, face.width, face.height);

  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (findings, i));
  g_ptr_array_sort (sorted, compare_severity_cb);
  for (guint i = 0; i < sorted->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (sorted, i);
      const char *advice = pf_finding_get_advice (finding);

      g_string_append_printf (out, "  %-8s %s: %s\n",
                              pf_cli_text_severity_label (pf_finding_get_severity (finding)),
                              pf_finding_get_id (finding), pf_finding_get_title (finding));
      if (advice[0] != '\0')
        g_string_append_printf (out, "           %s\n", advice);
    }

  g_string_append (out, "  ");
  if (worst == PF_SEVERITY_BLOCKER)
    g_string_append (out, _("Change this before the liveness check, or it will likely fail."));
  else if (worst == PF_SEVERITY_CAUTION)
    g_string_append (out, _("Usable, but the liveness check will go better with these changes."));
  else
    g_string_append (out, _("Nothing needs attention."));
  g_string_append_c (out, '\n');
}

/**
 * pf_cli_selfie_write_text:
 * @results: (element-type SelfieResult): one per file
 *
 * Returns: (transfer full): the plain report for the files that could be
 *   read
 */
char *
pf_cli_selfie_write_text (GPtrArray *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      SelfieResult *result = g_ptr_array_index (results, i);

      if (result->report == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      append_text (out, result);
    }

  return g_string_free (out, FALSE);
}

static void
add_json_result (JsonBuilder  *builder,
                 SelfieResult *result)
{
  g_autoptr(GList) metrics = NULL;
  PfRect face;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, result->display_path);
  if (result->report == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, result->error->message);
      json_builder_end_object (builder);
      return;
    }

  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, result->width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, result->height);
  json_builder_set_member_name (builder, "face_detection");
  json_builder_add_boolean_value (builder, pf_selfie_report_get_detection (result->report));
  json_builder_set_member_name (builder, "faces");
  json_builder_begin_array (builder);
  for (guint i = 0; pf_selfie_report_get_face (result->report, i, &face); i++)
    pf_cli_json_add_rect (builder, &face);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "findings");
  pf_cli_json_add_findings (builder, pf_selfie_report_get_findings (result->report));

  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_object (builder);
  metrics = pf_selfie_report_list_metrics (result->report);
  for (GList *l = metrics; l != NULL; l = l->next)
    {
      double value = 0;

      pf_selfie_report_get_metric (result->report, l->data, &value);
      json_builder_set_member_name (builder, l->data);
      pf_cli_json_add_number (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * pf_cli_selfie_write_json:
 *
 * Returns: (transfer full): `{ "files": [ … ] }`, UTF-8, ending in a
 *   newline
 */
char *
pf_cli_selfie_write_json (GPtrArray *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    add_json_result (builder, g_ptr_array_index (results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/**
 * pf_cli_selfie_run:
 * @files: (array zero-terminated=1): the photos, at least one
 * @json: JSON rather than the plain report
 *
 * Checks every photo and prints the report.
 *
 * Returns: the exit status: 0 when nothing needs attention, 1 when
 *   something does, 2 when a file could not be read
 */
int
pf_cli_selfie_run (char     **files,
                   gboolean   json)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) selfie_result_free);
  g_autofree char *output = NULL;
  int status = PF_CLI_EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      SelfieResult *result = check_file (files[i]);

      if (result->report == NULL)
        {
          g_printerr ("%s: %s\n", result->display_path, result->error->message);
          status = PF_CLI_EXIT_TROUBLE;
        }
      else if (pf_selfie_report_get_worst (result->report) != PF_SEVERITY_OK)
        status = MAX (status, PF_CLI_EXIT_ATTENTION);
      g_ptr_array_add (results, result);
    }

  /* JSON is UTF-8 whatever the locale, as the photo report's. */
  if (json)
    {
      output = pf_cli_selfie_write_json (results);
      fputs (output, stdout);
    }
  else
    {
      output = pf_cli_selfie_write_text (results);
      g_print ("%s", output);
    }
  if (fflush (stdout) != 0)
    return PF_CLI_EXIT_TROUBLE;
  return status;
}
