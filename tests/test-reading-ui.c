/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agreement across frames in the app, under Xvfb: a fake camera plays a
 * generated passport page, held a little differently from frame to frame
 * (place, turn, noise), until the photo takes itself; the photo page
 * hands the last good frames to the session with the photo, and the
 * details step reads them with it and says they read alike. Then the
 * details step alone, given a photo and frames of which one was forged
 * by a swap the check digits pass: it names the detail and both readings.
 * A photo without frames reads as before and says nothing about them. */

#include "config.h"

#include <string.h>

#include "pf-details-page.h"
#include "test-mrz-specimens.h"
#include "test-reading-util.h"
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
is_read_cb (gpointer page)
{
  PfDetailsState state = pf_details_page_get_state (page);

  return state == PF_DETAILS_STATE_READ || state == PF_DETAILS_STATE_UNREADABLE;
}

/* A visible label under @root whose text holds @part, or %NULL. */
static GtkLabel *
find_label_with (GtkWidget  *root,
                 const char *part)
{
  g_autoptr(GPtrArray) found = pf_test_ui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < found->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (found, i);

      if (strstr (gtk_label_get_text (label), part) != NULL &&
          gtk_widget_is_visible (GTK_WIDGET (label)))
        return label;
    }
  return NULL;
}

/* The stills of the fake camera: one passport page, four ways held. */
static char *
make_video (const char *dir)
{
  g_autoptr(GPtrArray) stills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sequence = g_ptr_array_new ();
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < 4; i++)
    {
      PfSpecimenParams params;
      g_autofree char *name = g_strdup_printf ("held-%u.png", i);

      pf_test_photo_params (&params, 0.5 + 0.012 * ((int) i - 1), 0.5 - 0.01 * (i % 2));
      params.layout = PF_SPECIMEN_TD3;
      params.doc_width_fraction = 0.64;
      params.rotation_deg = 1.0 + 0.7 * i;
      params.noise_sigma = 2 + i;
      g_ptr_array_add (stills, pf_test_photo_write (&params, dir, name));
    }

  /* Each held for two frames (0.2 s at 10 a second), round and round for
   * long enough to take itself on a loaded machine. */
  for (guint k = 0; k < 100; k++)
    {
      guint two = 2;

      g_ptr_array_add (sequence, g_ptr_array_index (stills, k % 4));
      g_array_append_val (lengths, two);
    }
  return pf_test_photo_write_video (dir, (const char * const *) sequence->pdata,
                                    (const guint *) lengths->data, sequence->len);
}

static void
test_live (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-reading-XXXXXX", NULL);
  g_autofree char *pipeline = make_video (dir);
  g_autofree char *alike = NULL;
  PfWindow *window;
  PfSession *session;
  PfPhotoPage *photo_page;
  PfDetailsPage *details;
  GPtrArray *frames;
  PfReadingVote *vote;

  g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  session = pf_window_get_session (window);
  photo_page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  pf_test_photo_wait (is_result_cb, photo_page, 60000, "the photo to take itself");
  g_unsetenv ("PF_CAMERA_PIPELINE");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (photo_page), "photo.use", NULL));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_session_get_photo (session));

  /* The last good frames before the capture, none of them the photo. */
  frames = pf_session_get_photo_frames (session);
  g_assert_nonnull (frames);
  g_test_message ("%u frames handed over with the photo", frames->len);
  /* How many depends on how fast the worker got through the frames: on
   * a loaded machine it may check only a couple before the capture. */
  g_assert_cmpuint (frames->len, >=, 1);
  g_assert_cmpuint (frames->len, <=, 3);
  for (guint i = 0; i < frames->len; i++)
    g_assert_true (g_ptr_array_index (frames, i) != pf_session_get_photo (session));

  /* The details step reads the photo and the frames, and they agree. */
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  details = PF_DETAILS_PAGE (pf_window_get_page (window, PF_STEP_DETAILS));
  pf_test_photo_wait (is_read_cb, details, 60000, "the reading");
  g_assert_cmpint (pf_details_page_get_state (details), ==, PF_DETAILS_STATE_READ);
  vote = pf_details_page_get_vote (details);
  g_assert_nonnull (vote);
  g_assert_cmpuint (pf_reading_vote_get_n_readings (vote), ==, 1 + frames->len);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      g_autofree char *values =
        g_strjoinv (" | ", (char **) pf_reading_vote_get_alternatives (vote, f));

      g_test_message ("%s: %s, %u of %u %s", pf_field_get_id (f),
                      pf_reading_agreement_to_string (pf_reading_vote_get_agreement (vote, f)),
                      pf_reading_vote_get_support (vote, f),
                      pf_reading_vote_get_n_readings (vote), values);
      g_assert_cmpint (pf_reading_vote_get_agreement (vote, f), ==,
                       PF_READING_AGREEMENT_CONFIRMED);
    }
  g_assert_true (pf_reading_vote_get_confirmed (vote));
  alike = g_strdup_printf ("The photo and %u camera frames before it read alike.",
                           pf_reading_vote_get_n_readings (vote) - 1);
  g_assert_nonnull (find_label_with (GTK_WIDGET (details), alike));
  pf_test_photo_screenshot (window, "details-frames-agree");

  /* Forgetting drops the frames with the photo, and what they said. */
  pf_session_forget (session);
  g_assert_null (pf_session_get_photo_frames (session));
  g_assert_null (pf_details_page_get_vote (details));

  pf_test_window_free (window);
  pf_test_photo_remove_dir (dir);
}

/* The details step given frames directly: one forged frame makes the
 * document number uncertain, and the page names both readings. Without
 * frames it says nothing about them. */
static void
test_uncertain (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *details = PF_DETAILS_PAGE (pf_window_get_page (window, PF_STEP_DETAILS));
  g_autoptr(PfImage) photo = reading_test_draw_frame (TD3_SPECIMEN, 0, 7);
  g_autoptr(PfImage) alone = reading_test_draw_frame (TD3_SPECIMEN, 3, 7);
  g_autoptr(PfImage) same = reading_test_draw_frame (TD3_SPECIMEN, 1, 7);
  g_autoptr(PfImage) forged = reading_test_draw_frame (TD3_SWAPPED_NUMBER, 2, 7);
  PfImage *frames[] = { same, forged };
  PfReadingVote *vote;
  GtkLabel *note;

  /* A photo opened from a file: no frames, no word about them. */
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  pf_session_set_photo (session, alone);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_test_photo_wait (is_read_cb, details, 60000, "the reading of the photo alone");
  g_assert_cmpint (pf_details_page_get_state (details), ==, PF_DETAILS_STATE_READ);
  g_assert_null (pf_details_page_get_vote (details));
  g_assert_null (find_label_with (GTK_WIDGET (details), "camera"));
  g_assert_nonnull (find_label_with (GTK_WIDGET (details), "Read from your document photo"));

  /* A capture with its frames, one of them forged. */
  pf_session_set_photo_with_frames (session, photo, frames, G_N_ELEMENTS (frames));
  pf_test_photo_wait (is_read_cb, details, 60000, "the reading with frames");
  g_assert_cmpint (pf_details_page_get_state (details), ==, PF_DETAILS_STATE_READ);
  vote = pf_details_page_get_vote (details);
  g_assert_nonnull (vote);
  g_assert_cmpuint (pf_reading_vote_get_n_readings (vote), ==, 3);
  g_assert_cmpint (pf_reading_vote_get_agreement (vote, PF_FIELD_DOCUMENT_NUMBER), ==,
                   PF_READING_AGREEMENT_UNCERTAIN);
  g_assert_nonnull (find_label_with (GTK_WIDGET (details), "Some details read differently"));
  /* The document number's note lists both readings, one a line. */
  note = find_label_with (GTK_WIDGET (details), "“1898902C3”");
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (gtk_label_get_text (note), "“L898902C3”"));
  pf_test_photo_screenshot (window, "details-frames-differ");

  /* A retake: the frames and what they said go. */
  pf_session_set_photo (session, alone);
  g_assert_null (pf_session_get_photo_frames (session));
  pf_test_photo_wait (is_read_cb, details, 60000, "the reading of the retake");
  g_assert_null (pf_details_page_get_vote (details));
  g_assert_null (find_label_with (GTK_WIDGET (details), "“1898902C3”"));

  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = pf_test_photo_init (&argc, &argv);

  if (!mrz_test_font_available ())
    g_test_skip ("the OCR-B font is not installed");
  else
    {
      g_test_add_func ("/pf/reading-ui/uncertain", test_uncertain);
      g_test_add_func ("/pf/reading-ui/live", test_live);
    }

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
