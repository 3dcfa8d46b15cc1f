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

/* One file's plain report: the faces, the findings worst first, then a
 * verdict in the liveness check's terms. */
static void
append_text_cb (GString  *out,
                gpointer  data)
{
  SelfieResult *result = data;
  PfSeverity worst;
  guint n_faces;
  PfRect face;

  if (result->report == NULL)
    return;

  worst = pf_selfie_report_get_worst (result->report);
  n_faces = pf_selfie_report_get_n_faces (result->report);
  pf_cli_text_append_file (out, result->display_path, result->width, result->height);
  if (pf_selfie_report_get_detection (result->report))
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE, "  %u face found\n",
                                         "  %u faces found\n", n_faces),
                            n_faces);
  if (pf_selfie_report_get_face (result->report, 0, &face))
    /* TRANSLATORS: the largest face's box: left, top, width, height. */
    g_string_append_printf (out, _("  Face: %.0f, %.0f (%.0f × %.0f pixels)\n"),
                            face.x, face.y, face.width, face.height);

  pf_cli_text_append_findings (out, pf_selfie_report_get_findings (result->report), FALSE);

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
  return pf_cli_text_write_files (results, append_text_cb);
}

static void
get_selfie_metric (gpointer    report,
                   const char *name,
                   double     *value)
{
  pf_selfie_report_get_metric (report, name, value);
}

/* One file's object: as the photo checks' (see pf_cli_json_begin_file()),
 * with the faces found in place of the outline. */
static void
add_json_result_cb (JsonBuilder *builder,
                    gpointer     data)
{
  SelfieResult *result = data;
  g_autoptr(GList) metrics = NULL;
  PfRect face;

  if (!pf_cli_json_begin_file (builder, result->display_path,
                               result->report == NULL ? result->error : NULL,
                               result->width, result->height))
    return;

  json_builder_set_member_name (builder, "face_detection");
  json_builder_add_boolean_value (builder, pf_selfie_report_get_detection (result->report));
  json_builder_set_member_name (builder, "faces");
  json_builder_begin_array (builder);
  for (guint i = 0; pf_selfie_report_get_face (result->report, i, &face); i++)
    pf_cli_json_add_rect (builder, &face);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "findings");
  pf_cli_json_add_findings (builder, pf_selfie_report_get_findings (result->report));
  metrics = pf_selfie_report_list_metrics (result->report);
  pf_cli_json_add_metrics (builder, metrics, get_selfie_metric, result->report);
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
  return pf_cli_json_write_files (results, add_json_result_cb);
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
