/* SPDX-License-Identifier: GPL-3.0-or-later */
/* id-preflight-check: the photo checks from the command line, for scripts
 * and for people who prefer a terminal. It reads the files it is given and
 * writes only to standard output and standard error; it never writes a
 * file and never opens a network connection. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-cli.h"
#include "pf-cli-json.h"
#include "pf-cli-selfie.h"
#include "pf-cli-text.h"

static gboolean
parse_kind (const char      *text,
            PfDocumentKind  *kind,
            GError         **error)
{
  if (text == NULL)
    {
      *kind = PF_DOCUMENT_KIND_NONE;
      return TRUE;
    }

  *kind = pf_document_kind_from_id (text);
  if (*kind != PF_DOCUMENT_KIND_NONE)
    return TRUE;

  /* TRANSLATORS: the kinds are fixed words of the command line, not to be
   * translated. */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown document kind “%s”: use passport, id-card, driving-licence or residence-permit."),
               text);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *details = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  gboolean read = FALSE;
  gboolean selfie = FALSE;
  gboolean version = FALSE;
  PfCliOptions options = { 0 };
  int status = PF_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON document instead of the plain report"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("The kind of document in the photos: passport, id-card, driving-licence or residence-permit"),
      N_("KIND") },
    { "read", 0, 0, G_OPTION_ARG_NONE, &read,
      N_("Also read the document: its kind, its machine-readable zone and its printed details"),
      NULL },
    { "details", 0, 0, G_OPTION_ARG_FILENAME, &details,
      N_("Compare the details typed into the service's form, a JSON object in FILE, with the "
         "document (implies --read)"),
      N_("FILE") },
    { "selfie", 0, 0, G_OPTION_ARG_NONE, &selfie,
      N_("Run the selfie checks (face, light, sharpness) on the photos instead"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  /* Tesseract reads the printed zone faster with one OpenMP thread. */
  pf_reading_prepare_process (argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks each photo for what makes identity verification fail: "
                                  "the document cut off, too small, blurred, glare, bad light, a steep angle, "
                                  "a finger in the way, a black-and-white copy or a photo of a screen."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when nothing needs attention, 1 when something should "
                                      "or must change, 2 when a file could not be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_kind (kind, &options.kind, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return PF_CLI_EXIT_TROUBLE;
    }

  if (version)
    {
      g_print ("id-preflight-check %s\n", PACKAGE_VERSION);
      return PF_CLI_EXIT_OK;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("%s: no photo given. Usage: %s [--json] [--kind KIND] [--read] [--details FILE] FILE…\n"),
                  g_get_prgname (), g_get_prgname ());
      return PF_CLI_EXIT_TROUBLE;
    }

  if (selfie)
    return pf_cli_selfie_run (files, json);

  options.json = json;
  options.read = read;
  if (details != NULL)
    {
      if (!pf_cli_details_load (details, options.typed, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return PF_CLI_EXIT_TROUBLE;
        }
      options.has_details = TRUE;
      options.read = TRUE;
    }
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_cli_result_free);

  for (guint i = 0; files[i] != NULL; i++)
    {
      PfCliResult *result = pf_cli_result_new (files[i]);

      pf_cli_result_run (result, &options);
      if (result->error != NULL)
        g_printerr ("%s: %s\n", result->display_path, result->error->message);

      status = MAX (status, pf_cli_result_get_exit_status (result));
      g_ptr_array_add (results, result);
    }

  if (options.json)
    {
      /* UTF-8 whatever the locale: JSON is for programs. */
      output = pf_cli_json_write (results);
      fputs (output, stdout);
    }
  else
    {
      output = pf_cli_text_write (results);
      g_print ("%s", output);
    }

  pf_cli_details_clear (options.typed);
  if (output != NULL)
    pf_secure_zero (output, strlen (output));

  if (fflush (stdout) != 0)
    return PF_CLI_EXIT_TROUBLE;

  return status;
}
