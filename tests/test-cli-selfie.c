/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `id-preflight-check --selfie`: the selfie checks on still photos, run as
 * a person or a script would, on scenes built from the test portrait
 * (tests/selfie-scenes.c): a good selfie, a dark one, one with a window
 * behind, two faces, no face; plus a file that is not an image. The
 * verdicts are known by construction; both output formats are read. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "selfie-scenes.h"
#include "test-cli-util.h"

static const char *cli;
static char *dir;

/* `id-preflight-check --selfie ARGS…` in the scenes' folder. */
static void
run (PfTestCliRun       *result,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--selfie");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  pf_test_cli_run (result, cli, dir, NULL, (const char * const *) argv->pdata);
}

static char *
save (PfImage    *image,
      const char *name)
{
  return pf_test_cli_save_image (image, dir, name, "png");
}

/* The worst finding's title for @id in one file's JSON object. */
static const char *
worst_title (JsonObject *file,
             const char *id)
{
  JsonArray *findings = json_object_get_array_member (file, "findings");
  const char *title = NULL;
  int worst = -1;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *severity = json_object_get_string_member (finding, "severity");
      int rank = g_str_equal (severity, "blocker") ? 2 : g_str_equal (severity, "caution") ? 1 : 0;

      if (g_str_equal (json_object_get_string_member (finding, "id"), id) && rank > worst)
        {
          worst = rank;
          title = json_object_get_string_member (finding, "title");
        }
    }
  return title;
}

static void
test_json (void)
{
  g_autofree char *reason = NULL;
  g_autoptr(PfImage) good = NULL, dark = NULL, backlit = NULL, two = NULL, none = NULL;
  g_autofree char *good_path = NULL, *dark_path = NULL, *backlit_path = NULL;
  g_autofree char *two_path = NULL, *none_path = NULL, *text_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(PfTestCliRun) result = { 0 };
  JsonArray *files;
  PfRect face, faces[2];

  if (!pf_scene_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  good = pf_scene_portrait (1280, 720, 0.33, 0.5, 0.5, &face);
  good_path = save (good, "good.png");
  dark = pf_scene_portrait (1280, 720, 0.33, 0.5, 0.5, &face);
  pf_scene_gain (dark, 0.2);
  dark_path = save (dark, "dark.png");
  backlit = pf_scene_portrait (640, 360, 0.33, 0.5, 0.5, &face);
  pf_scene_backlight (backlit, &face, 245, 0.5);
  backlit_path = save (backlit, "backlit.png");
  two = pf_scene_two_faces (1280, 720, 0.3, faces);
  two_path = save (two, "two.png");
  none = pf_scene_no_face (640, 360);
  none_path = save (none, "none.png");
  text_path = g_build_filename (dir, "notes.png", NULL);
  g_assert_true (g_file_set_contents (text_path, "not an image", -1, NULL));

  /* Only the good selfie: nothing to change, exit status 0. */
  {
    const char *args[] = { good_path, NULL };
    g_auto(PfTestCliRun) only = { 0 };

    run (&only, args);
    g_assert_cmpint (only.status, ==, 0);
    g_assert_nonnull (strstr (only.out, "Nothing needs attention."));
    g_assert_nonnull (strstr (only.out, "1 face found"));
  }

  {
    const char *args[] = { "--json", good_path, dark_path, backlit_path, two_path, none_path,
                           text_path, NULL };

    run (&result, args);
  }
  /* A file that cannot be read wins: 2, said on standard error. */
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "notes.png"));
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 6);

  {
    JsonObject *good_file = json_array_get_object_element (files, 0);
    JsonObject *dark_file = json_array_get_object_element (files, 1);
    JsonObject *backlit_file = json_array_get_object_element (files, 2);
    JsonObject *two_file = json_array_get_object_element (files, 3);
    JsonObject *none_file = json_array_get_object_element (files, 4);
    JsonObject *bad_file = json_array_get_object_element (files, 5);
    JsonObject *box;

    g_assert_cmpint (json_object_get_int_member (good_file, "width"), ==, 1280);
    g_assert_true (json_object_get_boolean_member (good_file, "face_detection"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (good_file, "faces")),
                      ==, 1);
    /* The face box where the scene put the face. */
    box = json_array_get_object_element (json_object_get_array_member (good_file, "faces"), 0);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (box, "x") +
                                    json_object_get_double_member (box, "width") / 2,
                                    640, 0.15 * 0.33 * 720);
    g_assert_cmpstr (worst_title (good_file, "selfie.face"), ==, "Your face is well placed");
    g_assert_cmpstr (worst_title (good_file, "selfie.light"), ==, "Your face is well lit");
    g_assert_cmpstr (worst_title (good_file, "selfie.sharpness"), ==, "Your face is sharp");
    /* A still photo has no frame rate: no camera check. */
    g_assert_null (worst_title (good_file, "selfie.camera"));
    g_assert_true (json_object_has_member (json_object_get_object_member (good_file, "metrics"),
                                           "face.size"));

    g_assert_cmpstr (worst_title (dark_file, "selfie.light"), ==, "Your face is too dark");
    g_assert_cmpstr (worst_title (backlit_file, "selfie.light"), ==, "The light is behind you");
    g_assert_cmpstr (worst_title (two_file, "selfie.face"), ==, "More than one face in view");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (two_file, "faces")),
                      ==, 2);
    g_assert_cmpstr (worst_title (none_file, "selfie.face"), ==, "No face in view");
    g_assert_true (json_object_has_member (bad_file, "error"));
    g_assert_false (json_object_has_member (bad_file, "findings"));
  }

  /* The plain report says the same, worst first, with a verdict. */
  {
    const char *args[] = { backlit_path, NULL };
    g_auto(PfTestCliRun) text = { 0 };
    const char *blocker, *ok;

    run (&text, args);
    g_assert_cmpint (text.status, ==, 1);
    blocker = strstr (text.out, "Blocker  selfie.light: The light is behind you");
    ok = strstr (text.out, "OK       selfie.face: Your face is well placed");
    g_assert_nonnull (blocker);
    g_assert_nonnull (ok);
    g_assert_true (blocker < ok);
    g_assert_nonnull (strstr (text.out, "turn around"));
    g_assert_nonnull (strstr (text.out, "Change this before the liveness check"));
  }

  /* Without a face cascade: said, and the light checks still run on the
   * middle of the picture. */
  {
    const char *args[] = { "--json", dark_path, NULL };
    g_autoptr(JsonParser) parser2 = json_parser_new ();
    g_auto(PfTestCliRun) blind = { 0 };
    JsonObject *file;

    g_setenv ("PF_FACE_CASCADE", "", TRUE);
    run (&blind, args);
    g_unsetenv ("PF_FACE_CASCADE");
    g_assert_cmpint (blind.status, ==, 1);
    json_parser_load_from_data (parser2, blind.out, -1, &error);
    g_assert_no_error (error);
    file = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser2)), "files"),
      0);
    g_assert_false (json_object_get_boolean_member (file, "face_detection"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "faces")), ==, 0);
    g_assert_cmpstr (worst_title (file, "selfie.face"), ==, "Face detection is unavailable");
    g_assert_cmpstr (worst_title (file, "selfie.light"), ==, "Your face is too dark");
  }

  for (const char * const *p = (const char * const[]) { good_path, dark_path, backlit_path,
                                                        two_path, none_path, text_path, NULL };
       *p != NULL; p++)
    g_assert_cmpint (g_remove (*p), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s PATH-TO-id-preflight-check", argv[0]);
  cli = argv[1];
  dir = g_dir_make_tmp ("pf-cli-selfie-XXXXXX", NULL);

  g_test_add_func ("/pf/cli/selfie/verdicts", test_json);

  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return status;
}
