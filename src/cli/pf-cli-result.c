/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the checks on one file and keeps what they found. The image itself
 * is dropped (and so zeroed) as soon as the checks are done: only the
 * findings outlive it. */

#include "config.h"

#include "pf-cli.h"
#include "pf-image-loader.h"

PfCliResult *
pf_cli_result_new (const char *path)
{
  PfCliResult *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (PfCliResult, 1);
  self->path = g_strdup (path);
  self->display_path = g_filename_display_name (path);

  return self;
}

void
pf_cli_result_free (PfCliResult *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->display_path);
  g_clear_error (&self->error);
  g_clear_pointer (&self->photo, pf_photo_report_unref);
  g_clear_pointer (&self->reading, pf_reading_unref);
  g_clear_error (&self->read_error);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_free (self);
}

/* Reads the document with the outline the checks found, and compares what
 * was typed with it, by the comparator the details page uses. */
static void
read_document (PfCliResult        *self,
               PfImage            *image,
               const PfCliOptions *options)
{
  PfReadOptions read_options = { 0 };

  read_options.kind = options->kind;
  read_options.has_outline = pf_photo_report_get_outline (self->photo, read_options.outline);
  self->reading = pf_read_document_full (image, &read_options, NULL, &self->read_error);
  if (self->reading == NULL || !options->has_details)
    return;

  /* The typed values were checked to be UTF-8 when they were loaded. */
  self->comparisons = pf_reading_compare (self->reading, (const char **) options->typed,
                                          PF_COMPARE_NONE, &self->read_error);
}

void
pf_cli_result_run (PfCliResult        *self,
                   const PfCliOptions *options)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfImage) image = NULL;
  PfPhotoOptions photo_options = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  /* A path, never a URI: the companion only reads files on this computer. */
  file = g_file_new_for_path (self->path);
  image = pf_image_load_file (file, NULL, &self->error);
  if (image == NULL)
    return;

  self->width = pf_image_get_width (image);
  self->height = pf_image_get_height (image);

  photo_options.kind = options->kind;
  photo_options.live = FALSE;
  photo_options.glare_strictness = 1;
  self->photo = pf_photo_check (image, &photo_options);

  if (options->read || options->has_details)
    read_document (self, image, options);
}

/**
 * pf_cli_result_get_worst:
 *
 * Returns: the most serious finding's severity; %PF_SEVERITY_OK for a file
 *   that could not be read (its error is reported apart)
 */
PfSeverity
pf_cli_result_get_worst (PfCliResult *self)
{
  g_return_val_if_fail (self != NULL, PF_SEVERITY_OK);

  if (self->photo == NULL)
    return PF_SEVERITY_OK;

  return pf_photo_report_get_worst (self->photo);
}

int
pf_cli_result_get_exit_status (PfCliResult *self)
{
  g_return_val_if_fail (self != NULL, PF_CLI_EXIT_TROUBLE);

  if (self->error != NULL)
    return PF_CLI_EXIT_TROUBLE;
  if (pf_cli_result_get_worst (self) != PF_SEVERITY_OK)
    return PF_CLI_EXIT_ATTENTION;
  /* A detail that differs from the document, or could not be checked
   * against it, needs the person's attention as much as a blurred photo. */
  for (guint i = 0; self->comparisons != NULL && i < self->comparisons->len; i++)
    {
      PfVerdict verdict = pf_comparison_get_verdict (g_ptr_array_index (self->comparisons, i));

      if (verdict == PF_VERDICT_MISMATCH || verdict == PF_VERDICT_UNREADABLE)
        return PF_CLI_EXIT_ATTENTION;
    }

  return PF_CLI_EXIT_OK;
}
