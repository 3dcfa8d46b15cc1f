/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo step with photo files: bad files get the loader's message on
 * the page, which stays usable; a good photo of an ID card, front and then
 * back, ends in the result view and, used, in the session; a pasted
 * picture; and `--demo`, which plays the demo document as the camera. */

#include "config.h"

#include <string.h>

#include "pf-finding-row.h"
#include "pf-image-loader.h"
#include "test-ui-photo-util.h"

#define WIDTH  960
#define HEIGHT 680

static PfApplication *application;

static gboolean
is_result_cb (gpointer page)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), "result") == 0;
}

static gboolean
is_live_cb (gpointer page)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), "live") == 0;
}

static gboolean
is_back_cb (gpointer page)
{
  return pf_photo_page_get_side (page) == 1 &&
         g_strcmp0 (pf_photo_page_get_mode (page), "checking") != 0;
}

typedef struct
{
  PfPhotoPage *page;
  const char  *message;
} MessageWait;

static gboolean
shows_message_cb (gpointer data)
{
  MessageWait *wait = data;

  return pf_test_ui_find_label (GTK_WIDGET (wait->page), wait->message) != NULL &&
         g_strcmp0 (pf_photo_page_get_mode (wait->page), "checking") != 0;
}

/* What the loader itself says about @path. */
static char *
loader_message (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_file (file, NULL, &error);

  g_assert_null (image);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gsize       length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  g_autofree char *png = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  PfSpecimenParams params;
  char *paths[3];

  /* An empty file, a photo cut off halfway, and words. */
  pf_test_photo_params (&params, 0.5, 0.5);
  png = pf_test_photo_write (&params, dir, "good.png");
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  paths[0] = write_file (dir, "empty.png", "", 0);
  paths[1] = write_file (dir, "truncated.png", contents, length / 2);
  paths[2] = write_file (dir, "words.jpg", "Not a picture at all.\n", 22);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *message = loader_message (paths[i]);
      MessageWait wait = { page, message };

      pf_photo_page_check_file (page, file);
      pf_test_photo_wait (shows_message_cb, &wait, 10000, message);
      if (i == 1)
        pf_test_photo_screenshot (window, "photo-bad-file");

      /* Still usable: the way on is still there and working. */
      g_assert_cmpstr (pf_photo_page_get_mode (page), !=, "result");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.dismiss", NULL));
      g_free (paths[i]);
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (png);

    pf_photo_page_check_file (page, file);
    pf_test_photo_wait (is_result_cb, page, 20000, "the result of a good file after bad ones");
  }

  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* An ID card: the front, then the back, then the result; "Use This Photo"
 * gives the session the front and the findings of both sides. */
static void
test_two_sides (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfSession *session = pf_window_get_session (window);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_ID_CARD);
  g_autofree char *path = NULL;
  g_autofree char *back_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) back = NULL;
  PfPhotoResult *result = pf_photo_page_get_result (page);
  PfSpecimenParams params;
  GPtrArray *findings;
  guint n_front, n_back, n_back_ids = 0;
  PfSeverity worst;

  pf_test_photo_params (&params, 0.5, 0.5);
  path = pf_test_photo_write (&params, dir, "card.png");
  file = g_file_new_for_path (path);
  /* The back, with the lamp reflected on it. */
  g_assert_true (pf_specimen_params_add_glare (&params, PF_SPECIMEN_REGION_TEXT, 0.05, 1.3, 5));
  back_path = pf_test_photo_write (&params, dir, "back.png");
  back = g_file_new_for_path (back_path);

  g_assert_cmpuint (pf_photo_page_get_side (page), ==, 0);
  pf_photo_page_check_file (page, file);
  pf_test_photo_wait (is_back_cb, page, 20000, "the back side to be asked for");
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "Back of the document (2 of 2): turn the document over"));

  pf_photo_page_check_file (page, back);
  pf_test_photo_wait (is_result_cb, page, 20000, "the result of both sides");
  pf_test_photo_screenshot (window, "photo-result-two-sides");

  n_front = pf_photo_report_get_findings (pf_camera_view_get_report (pf_photo_result_get_view (result, 0)))->len;
  n_back = pf_photo_report_get_findings (pf_camera_view_get_report (pf_photo_result_get_view (result, 1)))->len;
  worst = MAX (pf_photo_report_get_worst (pf_camera_view_get_report (pf_photo_result_get_view (result, 0))),
               pf_photo_report_get_worst (pf_camera_view_get_report (pf_photo_result_get_view (result, 1))));
  {
    g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (result), PF_TYPE_FINDING_ROW);

    g_assert_cmpuint (rows->len, ==, n_front + n_back);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.use", NULL));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_session_get_photo (session));
  g_assert_cmpint (pf_image_get_width (pf_session_get_photo (session)), ==, 1280);

  findings = pf_session_get_findings (session, PF_STEP_PHOTO);
  g_assert_cmpuint (findings->len, ==, n_front + n_back);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_has_prefix (pf_finding_get_id (g_ptr_array_index (findings, i)), "back.photo."))
      {
        n_back_ids++;
        g_assert_true (g_str_has_prefix (pf_finding_get_title (g_ptr_array_index (findings, i)),
                                         "Back: "));
      }
  g_assert_cmpuint (n_back_ids, ==, n_back);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_PHOTO), ==,
                   pf_step_status_from_severity (worst));

  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* Ctrl+V with a picture in the clipboard, as after copying an image in a
 * browser. */
static void
test_paste (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  PfSpecimenParams params;
  PfImage *shown;

  pf_test_photo_params (&params, 0.5, 0.5);
  path = pf_test_photo_write (&params, dir, "pasted.png");
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (page)), texture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.paste", NULL));
  pf_test_photo_wait (is_result_cb, page, 20000, "the result of a pasted picture");

  shown = pf_camera_view_get_image (pf_photo_result_get_view (pf_photo_page_get_result (page), 0));
  g_assert_cmpint (pf_image_get_width (shown), ==, gdk_texture_get_width (texture));
  g_assert_cmpint (pf_image_get_height (shown), ==, gdk_texture_get_height (texture));

  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* The drop target the page installs for files and pictures. */
static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Emits the drop target's "drop" as GTK does when a file manager drops
 * @files (a GdkFileList) on the page. */
static gboolean
drop_files (PfPhotoPage *page,
            GSList      *files)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (page));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (target);
  /* It takes what a file manager offers. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);

  return handled;
}

/* Drag and drop of a photo file: a good one is read and checked, ending in
 * the result view with the dropped photo; a bad one gives the loader's
 * message on the page, which stays usable. */
static void
test_drop (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) good_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  PfSpecimenParams params;
  PfPhotoReport *report;
  PfImage *shown;
  GSList files = { 0 };

  pf_test_photo_params (&params, 0.5, 0.5);
  good = pf_test_photo_write (&params, dir, "dropped.png");
  bad = write_file (dir, "dropped.jpg", "Not a picture at all.\n", 22);
  good_file = g_file_new_for_path (good);
  bad_file = g_file_new_for_path (bad);

  /* A bad file first: the message, and the page still takes photos. */
  message = loader_message (bad);
  files.data = bad_file;
  g_assert_true (drop_files (page, &files));
  {
    MessageWait wait = { page, message };

    pf_test_photo_wait (shows_message_cb, &wait, 10000, message);
  }
  g_assert_cmpstr (pf_photo_page_get_mode (page), !=, "result");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.dismiss", NULL));

  /* An empty drop says what to do. */
  {
    MessageWait wait = { page, "Nothing to open: drop or paste a photo file." };

    g_assert_true (drop_files (page, NULL));
    pf_test_photo_wait (shows_message_cb, &wait, 10000, wait.message);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.dismiss", NULL));
  }

  /* The good photo is loaded and checked. */
  files.data = good_file;
  g_assert_true (drop_files (page, &files));
  pf_test_photo_wait (is_result_cb, page, 20000, "the result of a dropped photo");

  shown = pf_camera_view_get_image (pf_photo_result_get_view (pf_photo_page_get_result (page), 0));
  report = pf_camera_view_get_report (pf_photo_result_get_view (pf_photo_page_get_result (page), 0));
  g_assert_nonnull (shown);
  g_assert_cmpint (pf_image_get_width (shown), ==, params.frame_width);
  g_assert_cmpint (pf_image_get_height (shown), ==, params.frame_height);
  g_assert_nonnull (report);
  g_assert_cmpint (pf_photo_report_get_width (report), ==, params.frame_width);
  /* Checked: every check left its finding, the outline among them. */
  g_assert_nonnull (pf_photo_report_find (report, "photo.outline"));
  g_assert_nonnull (pf_photo_report_find (report, "photo.blur"));
  g_assert_true (pf_photo_report_get_outline (report, NULL));

  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* The glare finding of @image checked as a photo file, at @strictness. */
static PfSeverity
glare_severity (PfImage *image,
                int      strictness)
{
  PfPhotoOptions options = { 0 };
  g_autoptr(PfPhotoReport) report = NULL;

  options.kind = PF_DOCUMENT_KIND_PASSPORT;
  options.glare_strictness = strictness;
  report = pf_photo_check (image, &options);
  g_assert_nonnull (pf_photo_report_find (report, "photo.glare"));
  return pf_finding_get_severity (pf_photo_report_find (report, "photo.glare"));
}

static PfSeverity
shown_glare_severity (PfPhotoPage *page)
{
  PfCameraView *view = pf_photo_result_get_view (pf_photo_page_get_result (page), 0);
  PfPhotoReport *report = pf_camera_view_get_report (view);
  PfFinding *glare = report != NULL ? pf_photo_report_find (report, "photo.glare") : NULL;

  return glare != NULL ? pf_finding_get_severity (glare) : (PfSeverity) -1;
}

typedef struct
{
  PfPhotoPage *page;
  PfSeverity   severity;
} GlareWait;

static gboolean
shows_glare_cb (gpointer data)
{
  GlareWait *wait = data;

  return shown_glare_severity (wait->page) == wait->severity;
}

static PfSeverity
session_glare_severity (PfSession *session)
{
  GPtrArray *findings = pf_session_get_findings (session, PF_STEP_PHOTO);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_str_equal (pf_finding_get_id (g_ptr_array_index (findings, i)), "photo.glare"))
      return pf_finding_get_severity (g_ptr_array_index (findings, i));

  return (PfSeverity) -1;
}

/* Changing the glare strictness in Preferences checks the photo already
 * shown again: the result and, once the photo was used, the session follow
 * the new setting. The photo is one whose glare the two settings judge
 * differently, found among a few reflections of growing size. */
static void
test_glare_strictness (void)
{
  static const double radii[] = { 0.006, 0.007, 0.008, 0.009, 0.011, 0.013 };
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PfSeverity lenient = PF_SEVERITY_OK;
  PfSeverity strict = PF_SEVERITY_OK;
  PfWindow *window;
  PfSession *session;
  PfPhotoPage *page;

  for (guint i = 0; i < G_N_ELEMENTS (radii) && path == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("glare-%u.png", i);
      g_autofree char *candidate = NULL;
      g_autoptr(GFile) candidate_file = NULL;
      g_autoptr(PfImage) image = NULL;
      PfSpecimenParams params;

      pf_test_photo_params (&params, 0.5, 0.5);
      g_assert_true (pf_specimen_params_add_glare (&params, PF_SPECIMEN_REGION_TEXT,
                                                   radii[i], 1.3, 5));
      candidate = pf_test_photo_write (&params, dir, name);
      candidate_file = g_file_new_for_path (candidate);
      image = pf_image_load_file (candidate_file, NULL, NULL);
      g_assert_nonnull (image);
      lenient = glare_severity (image, 0);
      strict = glare_severity (image, 2);
      if (lenient < strict)
        {
          g_test_message ("a reflection of radius %g: severity %d lenient, %d strict",
                          radii[i], lenient, strict);
          path = g_steal_pointer (&candidate);
        }
    }
  g_assert_nonnull (path);
  file = g_file_new_for_path (path);

  g_settings_set_int (settings, "glare-strictness", 0);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  session = pf_window_get_session (window);
  page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  pf_photo_page_check_file (page, file);
  pf_test_photo_wait (is_result_cb, page, 20000, "the result of the photo");
  g_assert_cmpint (shown_glare_severity (page), ==, lenient);

  /* Stricter while the result is shown: checked again. */
  g_settings_set_int (settings, "glare-strictness", 2);
  {
    GlareWait wait = { page, strict };

    pf_test_photo_wait (shows_glare_cb, &wait, 20000, "the photo checked again, strictly");
  }
  g_assert_cmpstr (pf_photo_page_get_mode (page), ==, "result");

  /* Used, then lenient again: the session follows too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.use", NULL));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (session_glare_severity (session), ==, strict);
  g_settings_set_int (settings, "glare-strictness", 0);
  {
    GlareWait wait = { page, lenient };

    pf_test_photo_wait (shows_glare_cb, &wait, 20000, "the photo checked again, leniently");
  }
  g_assert_cmpint (session_glare_severity (session), ==, lenient);

  g_settings_reset (settings, "glare-strictness");
  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* `id-preflight --demo`: the photo step plays the demo document, labelled
 * as such, without any camera, and takes its photos by itself. And
 * `--camera-pipeline`, which the camera then runs. */
static void
test_demo_option (void)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GVariantDict) pipeline_options = g_variant_dict_new (NULL);
  g_autoptr(GVariantDict) no_options = g_variant_dict_new (NULL);
  PfWindow *window;
  PfPhotoPage *page;
  int status = 0;

  g_variant_dict_insert (options, "demo", "b", TRUE);
  g_signal_emit_by_name (application, "handle-local-options", options, &status);
  g_assert_cmpint (status, ==, -1);
  g_assert_true (pf_application_get_demo (application));

  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  pf_test_photo_wait (is_live_cb, page, 10000, "the demo document");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Demo document"));
  g_assert_null (pf_photo_page_get_camera (page));

  pf_test_photo_wait (is_result_cb, page, 30000, "the demo photo to take itself");
  g_assert_nonnull (pf_camera_view_get_image (pf_photo_result_get_view (pf_photo_page_get_result (page), 0)));

  pf_test_window_free (window);

  /* --camera-pipeline: the description replaces the camera. */
  g_variant_dict_insert (pipeline_options, "camera-pipeline", "s", "videotestsrc is-live=true");
  g_signal_emit_by_name (application, "handle-local-options", pipeline_options, &status);
  g_assert_false (pf_application_get_demo (application));
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  pf_test_photo_wait (is_live_cb, page, 10000, "the test pipeline");
  g_assert_cmpstr (pf_camera_get_pipeline_description (pf_photo_page_get_camera (page)), ==,
                   "videotestsrc is-live=true");
  pf_test_window_free (window);

  g_signal_emit_by_name (application, "handle-local-options", no_options, &status);
  g_assert_null (pf_application_get_camera_pipeline (application));
}

void
pf_test_photo_add_file_tests (PfApplication *app)
{
  application = app;

  g_test_add_func ("/pf/ui/photo/bad-files", test_bad_files);
  g_test_add_func ("/pf/ui/photo/two-sides", test_two_sides);
  g_test_add_func ("/pf/ui/photo/paste", test_paste);
  g_test_add_func ("/pf/ui/photo/drop", test_drop);
  g_test_add_func ("/pf/ui/photo/demo-option", test_demo_option);
  g_test_add_func ("/pf/ui/photo/glare-strictness", test_glare_strictness);
}
