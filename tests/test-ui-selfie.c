/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie step under Xvfb. A fake camera plays a test video made of the
 * selfie scenes (tests/selfie-scenes.c): a dark room, then a good picture
 * held for seconds, then a window behind, then two faces; the checklist
 * must follow the scenes in order, and the page must turn ready while the
 * good picture holds. Without a camera the page offers a status page with
 * a way on (skip, the demo face), and the demo face plays its story to
 * the ready state with the real checks. */

#include "config.h"

#include <gst/gst.h>

#include "pf-selfie-page.h"
#include "selfie-scenes.h"
#include "test-ui-photo-util.h"

#define WIDTH  960
#define HEIGHT 680

static PfApplication *application;

typedef struct
{
  PfSelfiePage   *page;
  GPtrArray      *states;      /* char *: "face|light" kinds, as they changed */
  PfSelfieReport *last;
  gboolean        ready;       /* the page turned ready at some point */
  guint           ready_at;    /* the number of states seen by then */
} Recorder;

/* The checklist's wording for a finding, short. */
static const char *
kind_of (PfFinding *finding)
{
  static const struct {
    const char *title;
    const char *kind;
  } kinds[] = {
    { "Your face is well placed", "ok" },
    { "No face in view", "none" },
    { "More than one face in view", "many" },
    { "Your face is well lit", "ok" },
    { "The light is behind you", "backlight" },
    { "Your face is too dark", "dark" },
  };

  if (finding == NULL)
    return "-";
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (pf_finding_get_title (finding), kinds[i].title))
      return kinds[i].kind;
  return "other";
}

static gboolean
record_cb (gpointer data)
{
  Recorder *rec = data;
  PfSelfieReport *report = pf_selfie_page_get_report (rec->page);
  g_autofree char *state = NULL;

  if (report == NULL || report == rec->last)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&rec->last, pf_selfie_report_unref);
  rec->last = pf_selfie_report_ref (report);
  /* What the checklist rows show, not only what the report says. */
  state = g_strdup_printf ("%s|%s", kind_of (pf_selfie_page_get_item (rec->page, "selfie.face")),
                           kind_of (pf_selfie_page_get_item (rec->page, "selfie.light")));
  if (rec->states->len == 0 ||
      !g_str_equal (g_ptr_array_index (rec->states, rec->states->len - 1), state))
    g_ptr_array_add (rec->states, g_steal_pointer (&state));
  if (!rec->ready && pf_selfie_page_is_ready (rec->page))
    {
      rec->ready = TRUE;
      rec->ready_at = rec->states->len;
    }
  return G_SOURCE_CONTINUE;
}

static int
first_state (Recorder   *rec,
             const char *state,
             int         from)
{
  for (guint i = MAX (from, 0); i < rec->states->len; i++)
    if (g_str_equal (g_ptr_array_index (rec->states, i), state))
      return i;
  return -1;
}

static gboolean
camera_ended_cb (gpointer page)
{
  PfCamera *camera = pf_selfie_page_get_camera (page);

  return camera != NULL && pf_camera_get_state (camera) != PF_CAMERA_STATE_READY &&
         pf_camera_get_state (camera) != PF_CAMERA_STATE_STARTING &&
         pf_camera_get_state (camera) != PF_CAMERA_STATE_STOPPED;
}

static char *
write_scene (PfImage    *image,
             const char *dir,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (pf_image_get_data (image),
                                         pf_image_get_stride (image) * pf_image_get_height (image));
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (pf_image_get_width (image),
                                                          pf_image_get_height (image),
                                                          GDK_MEMORY_R8G8B8A8, bytes,
                                                          pf_image_get_stride (image));
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/* dark → fine (held) → backlit → two faces, at 10 frames a second. */
static char *
make_video (const char *dir)
{
  g_autoptr(PfImage) dark = NULL, fine = NULL, backlit = NULL, two = NULL;
  g_autofree char *dark_path = NULL, *fine_path = NULL, *backlit_path = NULL, *two_path = NULL;
  const char *stills[4];
  static const guint n_frames[] = { 30, 50, 30, 30 };
  PfRect face, faces[2];

  dark = pf_scene_portrait (640, 360, 0.33, 0.5, 0.5, &face);
  pf_scene_gain (dark, 0.2);
  fine = pf_scene_portrait (640, 360, 0.33, 0.5, 0.5, &face);
  backlit = pf_scene_portrait (640, 360, 0.33, 0.5, 0.5, &face);
  pf_scene_backlight (backlit, &face, 245, 0.5);
  two = pf_scene_two_faces (640, 360, 0.3, faces);

  stills[0] = dark_path = write_scene (dark, dir, "dark.png");
  stills[1] = fine_path = write_scene (fine, dir, "fine.png");
  stills[2] = backlit_path = write_scene (backlit, dir, "backlit.png");
  stills[3] = two_path = write_scene (two, dir, "two.png");
  return pf_test_photo_write_video (dir, stills, n_frames, G_N_ELEMENTS (stills));
}

static void
test_live (void)
{
  g_autofree char *reason = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pipeline = NULL;
  PfWindow *window;
  Recorder rec = { 0 };
  guint recorder;
  int dark, fine, backlit, two;
  PfSession *session;
  GPtrArray *findings;
  guint n_camera = 0;

  if (!pf_scene_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  dir = g_dir_make_tmp ("pf-selfie-XXXXXX", NULL);
  pipeline = make_video (dir);
  g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  session = pf_window_get_session (window);
  rec.page = PF_SELFIE_PAGE (pf_window_get_page (window, PF_STEP_SELFIE));
  rec.states = g_ptr_array_new_with_free_func (g_free);
  recorder = g_timeout_add (5, record_cb, &rec);
  pf_test_window_go_to (window, PF_STEP_SELFIE);

  pf_test_photo_wait (camera_ended_cb, rec.page, 60000, "the test video to end");
  g_source_remove (recorder);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  for (guint i = 0; i < rec.states->len; i++)
    g_test_message ("checklist %u: %s", i, (char *) g_ptr_array_index (rec.states, i));

  /* The scenes, in the order the camera showed them. */
  dark = first_state (&rec, "ok|dark", 0);
  fine = first_state (&rec, "ok|ok", dark);
  backlit = first_state (&rec, "ok|backlight", fine);
  two = first_state (&rec, "many|ok", backlit);
  if (two < 0)
    two = first_state (&rec, "many|backlight", backlit);
  g_assert_cmpint (dark, >=, 0);
  g_assert_cmpint (fine, >, dark);
  g_assert_cmpint (backlit, >, fine);
  g_assert_cmpint (two, >, backlit);

  /* Ready while the good picture held, not before it. */
  g_assert_true (rec.ready);
  g_assert_cmpint (rec.ready_at, >, fine);
  g_assert_cmpint (rec.ready_at, <=, backlit);
  g_assert_true (pf_wizard_page_get_complete (pf_window_get_page (window, PF_STEP_SELFIE)));
  /* The session holds the checklist the page was ready with: face, light
   * and sharpness fine; the fake camera's 640 × 360 at 10 frames a second
   * is too little for a liveness check, and the summary says so. */
  findings = pf_session_get_findings (session, PF_STEP_SELFIE);
  g_assert_nonnull (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);
      const char *id = pf_finding_get_id (finding);

      if (g_str_equal (id, "selfie.camera"))
        {
          g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_BLOCKER);
          n_camera++;
        }
      else
        g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_OK);
    }
  g_assert_cmpuint (n_camera, >, 0);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_SELFIE), ==, PF_STEP_STATUS_BLOCKER);

  /* The video ended: a status page with a way on, never a frozen frame. */
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpstr (pf_selfie_page_get_mode (rec.page), ==, "status");

  g_clear_pointer (&rec.last, pf_selfie_report_unref);
  g_ptr_array_unref (rec.states);
  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

static gboolean
is_no_camera_cb (gpointer page)
{
  PfCamera *camera = pf_selfie_page_get_camera (page);

  return camera != NULL && pf_camera_get_state (camera) == PF_CAMERA_STATE_NO_CAMERA &&
         g_str_equal (pf_selfie_page_get_mode (page), "status");
}

static gboolean
is_ready_cb (gpointer page)
{
  return pf_selfie_page_is_ready (page);
}

static gboolean
face_far_cb (gpointer page)
{
  PfFinding *face = pf_selfie_page_get_item (page, "selfie.face");

  return face != NULL && g_str_equal (pf_finding_get_title (face), "Your face is too far away");
}

static void
test_no_camera (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfSelfiePage *page = PF_SELFIE_PAGE (pf_window_get_page (window, PF_STEP_SELFIE));
  AdwStatusPage *status;
  GtkWidget *skip;

  pf_test_window_go_to (window, PF_STEP_SELFIE);
  pf_test_photo_wait (is_no_camera_cb, page, 10000, "the no-camera page");
  pf_test_ui_settle (GTK_WIDGET (window));
  status = ADW_STATUS_PAGE (pf_test_ui_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Camera Found");
  g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page),
                                                                "selfie.demo")));
  pf_test_photo_screenshot (window, "selfie-no-camera");

  /* Skipping goes on to the next step and leaves this one unchecked. */
  skip = pf_test_ui_find_action (GTK_WIDGET (page), "selfie.skip");
  g_assert_true (gtk_widget_is_visible (skip));
  pf_test_ui_click (skip);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_test_window_visible_step (window), !=, PF_STEP_SELFIE);
  g_assert_cmpint (pf_session_get_status (pf_window_get_session (window), PF_STEP_SELFIE), ==,
                   PF_STEP_STATUS_UNCHECKED);

  /* Back again, the demo face: too far away first, then ready, with the
   * real checks on the frames drawn at build time. */
  pf_test_window_go_to (window, PF_STEP_SELFIE);
  pf_test_photo_wait (is_no_camera_cb, page, 10000, "the no-camera page again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "selfie.demo", NULL));
  pf_test_photo_wait (face_far_cb, page, 10000, "the demo face, too far away");
  pf_test_photo_wait (is_ready_cb, page, 20000, "the demo face to be ready");
  g_assert_cmpstr (pf_selfie_page_get_mode (page), ==, "live");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Ready for the liveness check"));
  pf_test_photo_screenshot (window, "selfie-demo-ready");

  pf_test_window_free (window);
}

/* Without a face cascade (opencv-data missing) the page says so, the
 * light and sharpness checks look at the middle of the picture, and the
 * demo face still gets to ready on them. In a process of its own: the
 * detector is loaded once per process. */
static void
test_no_detection (void)
{
  PfWindow *window;
  PfSelfiePage *page;
  GtkWidget *label;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("PF_FACE_CASCADE", "", TRUE);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  page = PF_SELFIE_PAGE (pf_window_get_page (window, PF_STEP_SELFIE));
  pf_test_window_go_to (window, PF_STEP_SELFIE);
  pf_test_photo_wait (is_no_camera_cb, page, 10000, "the no-camera page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "selfie.demo", NULL));
  pf_test_photo_wait (is_ready_cb, page, 20000, "the demo face to be ready on the light checks");
  g_assert_false (pf_selfie_report_get_detection (pf_selfie_page_get_report (page)));
  g_assert_cmpstr (pf_finding_get_title (pf_selfie_page_get_item (page, "selfie.face")), ==,
                   "Face detection is unavailable");
  label = GTK_WIDGET (pf_test_ui_find_label (GTK_WIDGET (page),
    "Face detection is not installed on this computer (the opencv-data package), so the light "
    "checks look at the middle of the picture: keep your face there."));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = pf_test_photo_init (&argc, &argv);

  g_test_add_func ("/pf/ui/selfie/live", test_live);
  g_test_add_func ("/pf/ui/selfie/no-camera", test_no_camera);
  g_test_add_func ("/pf/ui/selfie/no-detection", test_no_detection);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
