/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the command-line tests share: running id-preflight-check as a
 * person or a script would, and saving drawn images as the files it
 * reads. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "test-cli-util.h"

void
pf_test_cli_run_clear (PfTestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * pf_test_cli_run:
 * @cli: the program
 * @cwd: its working directory
 * @home: (nullable): its HOME and XDG directories, where anything written
 *   would show
 * @args: (array zero-terminated=1): its arguments
 *
 * Runs @cli with untranslated messages and keeps its exit status and
 * output. A crash fails the test: it is never an answer, whatever the
 * input.
 */
void
pf_test_cli_run (PfTestCliRun       *run,
                 const char         *cli,
                 const char         *cwd,
                 const char         *home,
                 const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  if (home != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
    }

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    g_error ("%s %s crashed (signal %d): %s", cli, args[0] != NULL ? args[0] : "",
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
}

/**
 * pf_test_cli_save_image:
 * @type: "png" or "jpeg" (which has no alpha: made opaque over black)
 *
 * Returns: (transfer full): the path of @image saved as @name in @dir
 */
char *
pf_test_cli_save_image (PfImage    *image,
                        const char *dir,
                        const char *name,
                        const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  pixbuf = gdk_pixbuf_new_from_data (pf_image_get_data (image), GDK_COLORSPACE_RGB, TRUE, 8,
                                     pf_image_get_width (image), pf_image_get_height (image),
                                     pf_image_get_stride (image), NULL, NULL);
  if (g_str_equal (type, "jpeg"))
    {
      g_autoptr(GdkPixbuf) opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8,
                                                    gdk_pixbuf_get_width (pixbuf),
                                                    gdk_pixbuf_get_height (pixbuf));

      gdk_pixbuf_composite_color (pixbuf, opaque, 0, 0,
                                  gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                                  0, 0, 1, 1, GDK_INTERP_NEAREST, 255, 0, 0, 1, 0, 0);
      gdk_pixbuf_save (opaque, path, "jpeg", &error, "quality", "92", NULL);
    }
  else
    gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return path;
}
