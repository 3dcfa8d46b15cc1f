/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agreement across frames (pf_read_document_frames(), PfReadingVote) on
 * drawn documents: the same document under different noise, blur, turn
 * and position agrees field by field; a frame whose MRZ was edited by a
 * swap the check digits cannot see (L for 1, or a name's letter) makes
 * that field uncertain, with both values. Also the TD2 card's size. */

#include "config.h"

#include <string.h>

#include "pf-ocr.h"
#include "pf-reading-vote.h"
#include "pf-session.h"
#include "pf-specimen.h"
#include "test-mrz-specimens.h"
#include "test-reading-util.h"

/* The same with a given name changed: names have no check digit. */
#define TD3_SWAPPED_NAME \
  "P<UTOERIKSSON<<ANNE<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

static gboolean have_ocr;

/* Reads frame 0 as the photo and the others as its live frames, MRZ
 * only (the drawn document's other text is random words). */
static PfReading *
read_frames (const char * const *mrzs,
             guint               n)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_image_unref);
  g_autoptr(GError) error = NULL;
  PfReadOptions options = { 0 };
  PfReading *reading;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (frames, reading_test_draw_frame (mrzs[i], i, 7));

  options.skip_printed = TRUE;
  g_date_set_dmy (&options.today, 1, 1, 2010);
  reading = pf_read_document_frames (g_ptr_array_index (frames, 0),
                                     (PfImage **) frames->pdata + 1, n - 1, &options, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (reading);
  return reading;
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return g_strv_contains (strv, value);
}

static void
test_frames_agree (void)
{
  const char * const mrzs[] = { TD3_SPECIMEN, TD3_SPECIMEN, TD3_SPECIMEN, TD3_SPECIMEN };
  g_autoptr(PfReading) reading = read_frames (mrzs, G_N_ELEMENTS (mrzs));
  PfReadingVote *vote = pf_reading_get_vote (reading);

  g_assert_nonnull (vote);
  g_assert_cmpuint (pf_reading_vote_get_n_readings (vote), ==, 4);
  g_assert_cmpstr (pf_reading_get_value (reading, PF_FIELD_DOCUMENT_NUMBER), ==, "L898902C3");
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      g_test_message ("%s: %s, %u of 4", pf_field_get_id (f),
                      pf_reading_agreement_to_string (pf_reading_get_agreement (reading, f)),
                      pf_reading_vote_get_support (vote, f));
      g_assert_cmpint (pf_reading_get_agreement (reading, f), ==, PF_READING_AGREEMENT_CONFIRMED);
      g_assert_cmpuint (pf_reading_vote_get_support (vote, f), ==, 4);
      g_assert_cmpuint (g_strv_length ((char **) pf_reading_vote_get_alternatives (vote, f)), ==, 0);
    }
  g_assert_true (pf_reading_vote_get_confirmed (vote));
}

/* The forged frame's MRZ passes every check digit: nothing but the other
 * frames can tell. */
static void
test_forged_number (void)
{
  const char * const mrzs[] = { TD3_SPECIMEN, TD3_SPECIMEN, TD3_SWAPPED_NUMBER };
  g_autoptr(PfMrz) forged = pf_mrz_parse (TD3_SWAPPED_NUMBER, NULL, NULL);
  g_autoptr(PfReading) reading = NULL;
  PfReadingVote *vote;
  const char * const *alternatives;

  g_assert_nonnull (forged);
  g_assert_true (pf_mrz_is_valid (forged));

  reading = read_frames (mrzs, G_N_ELEMENTS (mrzs));
  vote = pf_reading_get_vote (reading);
  g_assert_cmpint (pf_reading_get_agreement (reading, PF_FIELD_DOCUMENT_NUMBER), ==,
                   PF_READING_AGREEMENT_UNCERTAIN);
  alternatives = pf_reading_vote_get_alternatives (vote, PF_FIELD_DOCUMENT_NUMBER);
  g_assert_cmpuint (g_strv_length ((char **) alternatives), ==, 2);
  g_assert_cmpstr (alternatives[0], ==, "L898902C3");
  g_assert_cmpstr (alternatives[1], ==, "1898902C3");
  g_assert_false (pf_reading_vote_get_confirmed (vote));

  /* The photo's value stays the one shown; the other fields agree. */
  g_assert_cmpstr (pf_reading_get_value (reading, PF_FIELD_DOCUMENT_NUMBER), ==, "L898902C3");
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (f != PF_FIELD_DOCUMENT_NUMBER)
      g_assert_cmpint (pf_reading_get_agreement (reading, f), ==, PF_READING_AGREEMENT_CONFIRMED);
}

/* The photo itself forged: the frames outvote nothing, but they do not
 * back it either. */
static void
test_forged_photo (void)
{
  const char * const mrzs[] = { TD3_SWAPPED_NAME, TD3_SPECIMEN, TD3_SPECIMEN };
  g_autoptr(PfReading) reading = read_frames (mrzs, G_N_ELEMENTS (mrzs));
  PfReadingVote *vote = pf_reading_get_vote (reading);
  const char * const *alternatives;

  g_assert_cmpstr (pf_reading_get_value (reading, PF_FIELD_GIVEN_NAMES), ==, "ANNE MARIA");
  g_assert_cmpint (pf_reading_get_agreement (reading, PF_FIELD_GIVEN_NAMES), ==,
                   PF_READING_AGREEMENT_UNCERTAIN);
  alternatives = pf_reading_vote_get_alternatives (vote, PF_FIELD_GIVEN_NAMES);
  g_assert_cmpstr (alternatives[0], ==, "ANNE MARIA");
  g_assert_true (strv_has (alternatives, "ANNA MARIA"));
  g_assert_cmpuint (pf_reading_vote_get_support (vote, PF_FIELD_GIVEN_NAMES), ==, 1);
  g_assert_cmpint (pf_reading_get_agreement (reading, PF_FIELD_SURNAME), ==,
                   PF_READING_AGREEMENT_CONFIRMED);
}

/* A photo opened from a file has no frames: no vote, and every field's
 * agreement is "none", as before frames existed. */
static void
test_alone (void)
{
  const char * const mrzs[] = { TD3_SPECIMEN };
  g_autoptr(PfReading) reading = read_frames (mrzs, 1);

  g_assert_null (pf_reading_get_vote (reading));
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_assert_cmpint (pf_reading_get_agreement (reading, f), ==, PF_READING_AGREEMENT_NONE);
  g_assert_cmpstr (pf_reading_get_value (reading, PF_FIELD_SURNAME), ==, "ERIKSSON");
}

/* One reading alone: a check digit vouches for a number or a date, but
 * nothing vouches for a name. */
static void
test_vote_single (void)
{
  const char * const mrzs[] = { TD3_SPECIMEN };
  g_autoptr(PfReading) reading = read_frames (mrzs, 1);
  g_autoptr(PfReadingVote) vote = pf_reading_vote_new (&reading, 1);

  g_assert_cmpint (pf_reading_vote_get_agreement (vote, PF_FIELD_DOCUMENT_NUMBER), ==,
                   PF_READING_AGREEMENT_CONFIRMED);
  g_assert_cmpint (pf_reading_vote_get_agreement (vote, PF_FIELD_BIRTH_DATE), ==,
                   PF_READING_AGREEMENT_CONFIRMED);
  g_assert_cmpint (pf_reading_vote_get_agreement (vote, PF_FIELD_SURNAME), ==,
                   PF_READING_AGREEMENT_SINGLE);
  g_assert_cmpint (pf_reading_vote_get_agreement (vote, PF_FIELD_NATIONALITY), ==,
                   PF_READING_AGREEMENT_SINGLE);
  g_assert_false (pf_reading_vote_get_confirmed (vote));
  g_assert_cmpstr (pf_reading_agreement_to_string (PF_READING_AGREEMENT_SINGLE), ==, "single");
}

/* A frame with no document in it (the camera moved away) votes for
 * nothing; the others still confirm. */
static void
test_blank_frame (void)
{
  g_autoptr(PfImage) photo = reading_test_draw_frame (TD3_SPECIMEN, 0, 7);
  g_autoptr(PfImage) same = reading_test_draw_frame (TD3_SPECIMEN, 1, 7);
  g_autoptr(PfImage) blank = pf_image_new (640, 480);
  g_autoptr(PfImage) tiny = pf_image_new (20, 20);
  PfImage *frames[] = { blank, tiny, same };
  g_autoptr(PfReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  PfReadOptions options = { 0 };

  options.skip_printed = TRUE;
  reading = pf_read_document_frames (photo, frames, G_N_ELEMENTS (frames), &options, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_reading_vote_get_n_readings (pf_reading_get_vote (reading)), <=, 3);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_assert_cmpint (pf_reading_get_agreement (reading, f), ==, PF_READING_AGREEMENT_CONFIRMED);
}

static void
test_cancelled (void)
{
  g_autoptr(PfImage) photo = reading_test_draw_frame (TD3_SPECIMEN, 0, 7);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PfImage *frames[] = { photo };
  g_autoptr(GError) error = NULL;
  PfReadOptions options = { 0 };

  options.skip_printed = TRUE;
  g_cancellable_cancel (cancellable);
  g_assert_null (pf_read_document_frames (photo, frames, 1, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Generated documents photographed on a desk: the same card in four
 * frames, each at its own place, turn, blur and noise, read whole (the
 * printed zone with Tesseract too). No field may come out uncertain. */
static void
test_specimen_frames (void)
{
  static const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2, PF_SPECIMEN_TD3 };

  if (!have_ocr)
    {
      g_test_skip ("Tesseract's English data is not installed");
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(GPtrArray) specimens = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_specimen_free);
      PfImage *frames[3];
      g_autoptr(PfReading) reading = NULL;
      g_autoptr(GError) error = NULL;
      PfReadOptions options = { 0 };
      PfSpecimen *photo;

      for (guint i = 0; i < 4; i++)
        {
          PfSpecimenParams params;

          pf_specimen_params_init (&params);
          params.layout = layouts[l];
          params.seed = 300 + l;
          params.frame_width = 1280;
          params.frame_height = 720;
          params.doc_width_fraction = 0.70 + 0.03 * (i % 2);
          params.center_x = 0.5 + 0.02 * ((int) i - 1);
          params.center_y = 0.5 - 0.015 * ((int) i - 2);
          params.rotation_deg = -2.0 + 1.3 * i;
          params.blur_sigma = 0.3 + 0.2 * (i % 3);
          params.noise_sigma = 2 + i;
          params.jpeg_quality = i == 2 ? 80 : 0;
          g_ptr_array_add (specimens, pf_specimen_new (&params));
        }
      photo = g_ptr_array_index (specimens, 0);
      for (guint i = 0; i < 3; i++)
        frames[i] = ((PfSpecimen *) g_ptr_array_index (specimens, i + 1))->image;

      reading = pf_read_document_frames (photo->image, frames, 3, &options, NULL, &error);
      g_assert_no_error (error);
      for (PfField f = 0; f < PF_N_FIELDS; f++)
        {
          PfReadingAgreement agreement = pf_reading_get_agreement (reading, f);

          g_autofree char *alternatives =
            g_strjoinv (" | ", (char **) pf_reading_vote_get_alternatives (
                                 pf_reading_get_vote (reading), f));

          g_test_message ("%s %s: %s (%u of 4) %s", pf_specimen_layout_to_string (layouts[l]),
                          pf_field_get_id (f), pf_reading_agreement_to_string (agreement),
                          pf_reading_vote_get_support (pf_reading_get_vote (reading), f),
                          alternatives);
          g_assert_cmpint (agreement, !=, PF_READING_AGREEMENT_UNCERTAIN);
          g_assert_cmpint (agreement, !=, PF_READING_AGREEMENT_NONE);
        }
      g_assert_cmpint (pf_reading_get_agreement (reading, PF_FIELD_DOCUMENT_NUMBER), ==,
                       PF_READING_AGREEMENT_CONFIRMED);
      g_assert_cmpint (pf_reading_get_agreement (reading, PF_FIELD_SURNAME), ==,
                       PF_READING_AGREEMENT_CONFIRMED);
    }
}

/* The session keeps the live frames of the current photo only: a new
 * photo, or forgetting, drops them; a photo opened from a file has none. */
static void
test_session_frames (void)
{
  g_autoptr(PfSession) session = pf_session_new ();
  g_autoptr(PfImage) photo = pf_image_new (8, 8);
  g_autoptr(PfImage) other = pf_image_new (8, 8);
  g_autoptr(PfImage) a = pf_image_new (8, 8);
  g_autoptr(PfImage) b = pf_image_new (8, 8);
  PfImage *frames[] = { a, photo, b };
  GPtrArray *kept;

  /* Without a photo there is nothing for frames to belong to. */
  pf_session_set_photo_with_frames (session, NULL, frames, 3);
  g_assert_null (pf_session_get_photo_frames (session));

  /* A photo opened from a file has none. */
  pf_session_set_photo (session, other);
  g_assert_null (pf_session_get_photo_frames (session));

  /* A capture has them, without the photo itself. */
  pf_session_set_photo_with_frames (session, photo, frames, 3);
  g_assert_true (pf_session_get_photo (session) == photo);
  kept = pf_session_get_photo_frames (session);
  g_assert_nonnull (kept);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_true (g_ptr_array_index (kept, 0) == a);
  g_assert_true (g_ptr_array_index (kept, 1) == b);

  /* The same photo again keeps them; a retake drops them. */
  pf_session_set_photo (session, photo);
  g_assert_nonnull (pf_session_get_photo_frames (session));
  pf_session_set_photo (session, other);
  g_assert_null (pf_session_get_photo_frames (session));

  pf_session_set_photo_with_frames (session, photo, frames, 1);
  g_assert_cmpuint (pf_session_get_photo_frames (session)->len, ==, 1);
  pf_session_forget (session);
  g_assert_null (pf_session_get_photo_frames (session));
  g_assert_null (pf_session_get_photo (session));
}

/* TD2 cards: ID-2, a passport page's proportions at a smaller size. */
static void
test_td2_size (void)
{
  double w, h, pw, ph;

  pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD2, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 105.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 74.0, 1e-9);
  pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD3, &pw, &ph);
  pf_document_kind_get_size_mm (PF_DOCUMENT_KIND_PASSPORT, &w, &h);
  g_assert_cmpfloat (pw, ==, w);
  g_assert_cmpfloat (ph, ==, h);
  pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD1, &w, &h);
  pf_document_kind_get_size_mm (PF_DOCUMENT_KIND_ID_CARD, &pw, &ph);
  g_assert_cmpfloat (pw, ==, w);
  g_assert_cmpfloat (ph, ==, h);
  pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_NONE, &w, NULL);
  g_assert_cmpfloat (pw, ==, w);
  g_assert_cmpfloat_with_epsilon (105.0 / 74.0, 125.0 / 88.0, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_ocr = pf_ocr_get_data_dir () != NULL;
  if (!mrz_test_font_available ())
    {
      g_test_skip ("the OCR-B font is not installed");
      return g_test_run ();
    }

  g_test_add_func ("/pf/reading-vote/td2-size", test_td2_size);
  g_test_add_func ("/pf/reading-vote/session-frames", test_session_frames);
  g_test_add_func ("/pf/reading-vote/frames-agree", test_frames_agree);
  g_test_add_func ("/pf/reading-vote/forged-number", test_forged_number);
  g_test_add_func ("/pf/reading-vote/forged-photo", test_forged_photo);
  g_test_add_func ("/pf/reading-vote/alone", test_alone);
  g_test_add_func ("/pf/reading-vote/single", test_vote_single);
  g_test_add_func ("/pf/reading-vote/blank-frame", test_blank_frame);
  g_test_add_func ("/pf/reading-vote/cancelled", test_cancelled);
  g_test_add_func ("/pf/reading-vote/specimen-frames", test_specimen_frames);

  return g_test_run ();
}
