/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "pf-application.h"

/* Tesseract parallelises with OpenMP, whose threads spin while they wait.
 * On the small crops we read, and beside our own worker threads, they cost
 * more than they give, so we want one thread per recognition. OpenMP reads
 * OMP_THREAD_LIMIT when its library is loaded, before main() runs, so
 * setting it here is too late for this process: we set it and start the
 * program again. The new process finds the variable set and goes on, so
 * this cannot loop; if the exec fails we carry on as we are. */
static void
ensure_single_omp_thread (char **argv)
{
  if (g_getenv ("OMP_THREAD_LIMIT") != NULL)
    return;

  if (!g_setenv ("OMP_THREAD_LIMIT", "1", TRUE))
    return;

  execv ("/proc/self/exe", argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfApplication) application = NULL;

  ensure_single_omp_thread (argv);

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = pf_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
