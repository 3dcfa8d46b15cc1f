/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document photo step under Xvfb, with fake cameras: a test video of a
 * generated ID card that comes into view cut off and blurred, then lies
 * framed and sharp (the overlays must follow, then the photo takes itself);
 * a camera that fails after a few frames; no camera at all; the demo
 * document; and photo files, good and bad, opened and pasted. Screenshots
 * of the live overlays, the result and the no-camera page go to
 * tests/screenshots/ in the build tree. */

#include "config.h"

#include <string.h>

#include "pf-finding-row.h"
#include "pf-image-loader.h"
#include "test-ui-photo-util.h"

#define WIDTH  960
#define HEIGHT 680

static PfApplication *application;

typedef struct
{
  gboolean has_outline;
  gboolean corners_in;     /* all four in the frame with a margin */
  guint    n_glare;
  double   focus;
} Seen;

typedef struct
{
  PfWindow      *window;
  PfPhotoPage   *page;
  PfPhotoReport *last;
  GArray        *seen;
} Recorder;

static gboolean
mode_is (PfPhotoPage *page,
         const char  *mode)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), mode) == 0;
}

static gboolean
is_live_cb (gpointer page)
{
  return mode_is (page, "live");
}

static gboolean
is_result_cb (gpointer page)
{
  return mode_is (page, "result");
}

static gboolean
is_counting_down_cb (gpointer page)
{
  const PfPhotoOverlay *overlay =
    pf_camera_view_get_overlay (pf_photo_page_get_camera_view (page));

  return overlay != NULL && overlay->ready;
}

static gboolean
is_camera_error_cb (gpointer page)
{
  PfCamera *camera = pf_photo_page_get_camera (page);

  return camera != NULL && pf_camera_get_state (camera) == PF_CAMERA_STATE_ERROR &&
         mode_is (page, "status");
}

static gboolean
is_no_camera_cb (gpointer page)
{
  PfCamera *camera = pf_photo_page_get_camera (page);

  return camera != NULL && pf_camera_get_state (camera) == PF_CAMERA_STATE_NO_CAMERA &&
         mode_is (page, "status");
}

static gboolean
has_outline_cb (gpointer page)
{
  const PfPhotoOverlay *overlay =
    pf_camera_view_get_overlay (pf_photo_page_get_camera_view (page));

  return overlay != NULL && overlay->has_outline;
}

/* Every new report the live view shows, as the overlays drew it. */
static gboolean
record_cb (gpointer data)
{
  Recorder *rec = data;
  PfCameraView *view = pf_photo_page_get_camera_view (rec->page);
  PfPhotoReport *report = pf_camera_view_get_report (view);
  const PfPhotoOverlay *overlay = pf_camera_view_get_overlay (view);

  if (report != NULL && report != rec->last && mode_is (rec->page, "live"))
    {
      Seen seen = {
        overlay->has_outline, pf_photo_overlay_corners_in (overlay), overlay->n_glare,
        overlay->focus,
      };

      g_clear_pointer (&rec->last, pf_photo_report_unref);
      rec->last = pf_photo_report_ref (report);
      g_array_append_val (rec->seen, seen);

    }

  return G_SOURCE_CONTINUE;
}

/* The stills of the test video: a card cut off at the top left and out of
 * focus; then cut off at the top left but sharp, with a reflection on its
 * text; then framed and sharp. */
static void
make_stills (const char *dir,
             char      **blurred,
             char      **glare,
             char      **good)
{
  PfSpecimenParams params;

  pf_test_photo_params (&params, 0.28, 0.35);
  params.rotation_deg = -6;
  params.blur_sigma = 3.5;
  *blurred = pf_test_photo_write (&params, dir, "blurred.png");

  params.blur_sigma = 0;
  params.rotation_deg = 5;
  params.center_x = 0.3;
  params.center_y = 0.33;
  g_assert_true (pf_specimen_params_add_glare (&params, PF_SPECIMEN_REGION_TEXT, 0.05, 1.3, 3));
  *glare = pf_test_photo_write (&params, dir, "glare.png");

  pf_test_photo_params (&params, 0.5, 0.5);
  *good = pf_test_photo_write (&params, dir, "good.png");
}

/* The fake camera: each still for a second, the last for long enough to
 * take itself. */
static char *
make_test_video (const char *dir)
{
  g_autofree char *blurred = NULL;
  g_autofree char *glare = NULL;
  g_autofree char *good = NULL;
  const guint n_frames[] = { 10, 10, 45 };

  make_stills (dir, &blurred, &glare, &good);
  {
    const char *stills[] = { blurred, glare, good };

    return pf_test_photo_write_video (dir, stills, n_frames, G_N_ELEMENTS (stills));
  }
}

/* A camera that shows @still for ever. */
static char *
still_camera (const char *still)
{
  return g_strdup_printf ("multifilesrc location=%s index=0 stop-index=0 "
                          "caps=image/png,framerate=1/1 ! pngdec ! imagefreeze is-live=true "
                          "! videoconvert ! video/x-raw,framerate=10/1", still);
}

/* The live page's overlays for the README: a cut-off card with glare, in
 * the light and the dark style, and a framed card half a second into the
 * auto-capture countdown. */
static void
test_screenshots (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  g_autofree char *blurred = NULL;
  g_autofree char *glare = NULL;
  g_autofree char *good = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *names[] = {
    "photo-live-cut-glare", "photo-live-cut-glare-dark", "photo-live-good", "photo-live-narrow",
  };

  make_stills (dir, &blurred, &glare, &good);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *pipeline = still_camera (i < 2 ? glare : good);
      PfWindow *window;
      PfPhotoPage *page;

      adw_style_manager_set_color_scheme (style, i == 1 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_DEFAULT);
      g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);
      /* The last one as on a phone: the window folded to one column. */
      window = pf_test_window_new (ADW_APPLICATION (application), i == 3 ? 380 : WIDTH,
                                   i == 3 ? 720 : HEIGHT);
      page = pf_test_photo_open (window, PF_DOCUMENT_KIND_ID_CARD);
      g_unsetenv ("PF_CAMERA_PIPELINE");

      pf_test_photo_wait (has_outline_cb, page, 10000, "the outline");
      if (i >= 2)
        {
          pf_test_photo_wait (is_counting_down_cb, page, 10000, "the countdown");
          pf_test_ui_wait (450);
        }
      else
        {
          const PfPhotoOverlay *overlay =
            pf_camera_view_get_overlay (pf_photo_page_get_camera_view (page));
          g_autofree char *described = NULL;

          for (int c = 0; c < 4; c++)
            g_test_message ("corner %d (%.0f, %.0f): %s", c, overlay->corners[c].x,
                            overlay->corners[c].y, pf_corner_state_to_string (overlay->corner_states[c]));

          g_assert_cmpint (overlay->corner_states[0], ==, PF_CORNER_CUT);
          g_assert_cmpint (overlay->corner_states[2], ==, PF_CORNER_OK);

          /* The instruction is a status line, and the picture's
           * description, for screen readers. */
          g_assert_cmpstr (overlay->instruction, ==, "Show all four corners");
          g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Show all four corners"));
          described = gtk_test_accessible_check_property (
            GTK_ACCESSIBLE (pf_photo_page_get_camera_view (page)),
            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Show all four corners");
          g_assert_null (described);
        }
      pf_test_photo_screenshot (window, names[i]);
      pf_test_window_free (window);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  pf_test_photo_remove_dir (dir);
}

static void
test_live (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  g_autofree char *pipeline = make_test_video (dir);
  Recorder rec = { 0 };
  PfSession *session;
  guint recorder;
  int first_cut = -1, first_framed = -1, last = -1;
  PfStepStatus expected;

  g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);
  rec.window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  rec.seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  session = pf_window_get_session (rec.window);
  /* Recording from before the camera starts: going to the step lets the
   * main loop run, and frames with it. */
  rec.page = PF_PHOTO_PAGE (pf_window_get_page (rec.window, PF_STEP_PHOTO));
  recorder = g_timeout_add (5, record_cb, &rec);
  g_assert_true (pf_test_photo_open (rec.window, PF_DOCUMENT_KIND_NONE) == rec.page);

  /* Nobody presses anything: the photo takes itself. */
  pf_test_photo_wait (is_result_cb, rec.page, 30000, "the photo to take itself");
  g_source_remove (recorder);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  /* Corners red while the card is cut off, then green once it is framed. */
  for (guint i = 0; i < rec.seen->len; i++)
    {
      Seen *seen = &g_array_index (rec.seen, Seen, i);

      g_test_message ("report %u: outline %d, corners in %d, glare %u, focus %.2f", i,
                      seen->has_outline, seen->corners_in, seen->n_glare, seen->focus);
      if (!seen->has_outline)
        continue;
      if (!seen->corners_in && first_cut < 0)
        first_cut = i;
      if (seen->corners_in && first_framed < 0)
        first_framed = i;
      last = i;
    }
  g_test_message ("%u reports; first cut off %d, first framed %d", rec.seen->len, first_cut,
                  first_framed);
  g_assert_cmpint (first_cut, >=, 0);
  g_assert_cmpint (first_framed, >, first_cut);
  g_assert_true (g_array_index (rec.seen, Seen, last).corners_in);

  /* The focus meter: low on the blurred card (found or not), high on the
   * sharp one. */
  if (g_array_index (rec.seen, Seen, 0).focus < 0)
    g_test_incomplete ("The reports carry no blur.focus: the blur check did not run");
  else
    g_assert_cmpfloat (g_array_index (rec.seen, Seen, 0).focus, <,
                       g_array_index (rec.seen, Seen, last).focus - 0.3);

  /* The reflection on the cut-off card was outlined, and gone once the
   * card was framed. */
  {
    gboolean glare_seen = FALSE;

    for (guint i = 0; i < rec.seen->len; i++)
      glare_seen |= g_array_index (rec.seen, Seen, i).n_glare > 0;
    g_assert_true (glare_seen);
    g_assert_cmpuint (g_array_index (rec.seen, Seen, last).n_glare, ==, 0);
  }

  /* The result shows the captured frame and its findings. */
  pf_test_ui_settle (GTK_WIDGET (rec.window));
  pf_test_photo_screenshot (rec.window, "photo-result");
  {
    PfCameraView *view = pf_photo_result_get_view (pf_photo_page_get_result (rec.page), 0);
    g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (pf_photo_page_get_result (rec.page)),
                                                     PF_TYPE_FINDING_ROW);

    g_assert_nonnull (pf_camera_view_get_image (view));
    g_assert_cmpint (pf_image_get_width (pf_camera_view_get_image (view)), ==, 1280);
    g_assert_cmpuint (rows->len, ==,
                      pf_photo_report_get_findings (pf_camera_view_get_report (view))->len);
    expected = pf_step_status_from_severity (pf_photo_report_get_worst (pf_camera_view_get_report (view)));
  }
  g_assert_null (pf_session_get_photo (session));

  /* "Use This Photo": into the session, and on to the next step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rec.page), "photo.use", NULL));
  pf_test_ui_settle (GTK_WIDGET (rec.window));
  g_assert_nonnull (pf_session_get_photo (session));
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_PHOTO), ==, expected);
  g_assert_true (pf_wizard_page_get_complete (PF_WIZARD_PAGE (rec.page)));
  g_assert_cmpint (pf_test_window_visible_step (rec.window), !=, PF_STEP_PHOTO);

  g_clear_pointer (&rec.last, pf_photo_report_unref);
  g_array_unref (rec.seen);
  pf_test_window_free (rec.window);
  pf_test_photo_remove_dir (dir);
}

/* The page's shortcut for @trigger (as GTK writes it), or %NULL. */
static GtkShortcut *
find_shortcut (GtkWidget  *page,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return shortcut;
        }
    }

  return NULL;
}

/* Ctrl+Return takes the photo, with auto-capture off; Ctrl+O and Ctrl+V
 * open and paste. */
static void
test_keyboard (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-photo-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *blurred = NULL;
  g_autofree char *glare = NULL;
  g_autofree char *good = NULL;
  g_autofree char *pipeline = NULL;
  PfWindow *window;
  PfPhotoPage *page;
  GtkShortcut *capture;

  make_stills (dir, &blurred, &glare, &good);
  pipeline = still_camera (good);
  g_settings_set_boolean (settings, "auto-capture", FALSE);
  g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  g_assert_cmpstr (gtk_shortcut_action_to_string (gtk_shortcut_get_action (
                     find_shortcut (GTK_WIDGET (page), "<Control>o"))), ==, "action(photo.open)");
  g_assert_cmpstr (gtk_shortcut_action_to_string (gtk_shortcut_get_action (
                     find_shortcut (GTK_WIDGET (page), "<Control>v"))), ==, "action(photo.paste)");
  capture = find_shortcut (GTK_WIDGET (page), "<Control>Return");
  g_assert_nonnull (capture);

  /* Everything is right for well over a second, and nothing happens by
   * itself; the shortcut takes the photo. */
  pf_test_photo_wait (is_counting_down_cb, page, 10000, "a good frame");
  pf_test_ui_wait (1500);
  g_assert_cmpstr (pf_photo_page_get_mode (page), ==, "live");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (capture), 0,
                                               GTK_WIDGET (page), NULL));
  pf_test_photo_wait (is_result_cb, page, 20000, "the photo taken by the shortcut");

  pf_test_window_free (window);
  g_settings_reset (settings, "auto-capture");
  pf_test_photo_remove_dir (dir);
}

static void
test_camera_error (void)
{
  PfWindow *window;
  PfPhotoPage *page;
  AdwStatusPage *status;
  PfCameraStats stats;
  guint64 delivered;

  /* identity fails the stream after 15 frames. */
  g_setenv ("PF_CAMERA_PIPELINE",
            "videotestsrc is-live=true ! video/x-raw,width=640,height=360,framerate=30/1 "
            "! identity error-after=15", TRUE);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  /* Live first, then the error page. The live view lasts half a second:
   * on a loaded machine the first frame and the error can come in one turn
   * of the main loop, so the frames the camera delivered say it was live. */
  pf_test_photo_wait (is_camera_error_cb, page, 10000, "the camera error page");
  pf_camera_get_stats (pf_photo_page_get_camera (page), &stats);
  g_assert_cmpuint (stats.frames_delivered, >, 0);

  status = ADW_STATUS_PAGE (pf_test_ui_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Camera Does Not Work");
  g_assert_cmpstr (adw_status_page_get_description (status), !=, "");
  g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page), "photo.retry")));
  g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page), "photo.open")));
  g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page), "photo.demo")));

  /* The app is alive, and "Try Again" starts the camera anew. */
  pf_test_ui_settle (GTK_WIDGET (window));
  delivered = stats.frames_delivered;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.retry", NULL));
  g_assert_false (is_camera_error_cb (page));
  pf_test_photo_wait (is_camera_error_cb, page, 10000, "the camera error page again");
  pf_camera_get_stats (pf_photo_page_get_camera (page), &stats);
  g_assert_cmpuint (stats.frames_delivered, >, delivered);

  pf_test_window_free (window);
}

static void
test_no_camera (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_ID_CARD);
  AdwStatusPage *status;

  pf_test_photo_wait (is_no_camera_cb, page, 10000, "the no-camera page");
  pf_test_ui_settle (GTK_WIDGET (window));
  status = ADW_STATUS_PAGE (pf_test_ui_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Camera Found");
  g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page), "photo.open")));
  g_assert_true (gtk_widget_get_sensitive (pf_test_ui_find_action (GTK_WIDGET (page), "photo.open")));
  pf_test_photo_screenshot (window, "photo-no-camera");

  /* "Try the Demo Document": the demo plays as the camera would, with the
   * real checks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.demo", NULL));
  pf_test_photo_wait (is_live_cb, page, 10000, "the demo document");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Demo document"));
  pf_test_photo_wait (has_outline_cb, page, 10000, "the demo document's outline");

  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = pf_test_photo_init (&argc, &argv);

  g_test_add_func ("/pf/ui/photo/live", test_live);
  g_test_add_func ("/pf/ui/photo/screenshots", test_screenshots);
  g_test_add_func ("/pf/ui/photo/keyboard", test_keyboard);
  g_test_add_func ("/pf/ui/photo/camera-error", test_camera_error);
  g_test_add_func ("/pf/ui/photo/no-camera", test_no_camera);
  pf_test_photo_add_file_tests (application);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
