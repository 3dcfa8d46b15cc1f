/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-reading.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfApplication) application = NULL;
  const char *localedir;

  /* Before anything else: it may start the program again (see there). */
  pf_reading_prepare_process (argv);

  /* PF_LOCALEDIR runs an uninstalled build in its translations: `meson
   * devenv` points it at the build folder's po/ (where po/<lang>/LC_MESSAGES
   * holds the compiled catalogues), and so do the translated a11y walks. */
  localedir = g_getenv ("PF_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = pf_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
