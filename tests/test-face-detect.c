/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Viola–Jones evaluator on OpenCV's frontal-face cascades (Debian's
 * opencv-data): reading them and refusing bad files, finding the face in a
 * public-domain portrait across sizes and places, and the selfie checks'
 * fallback when no cascade is installed. This program runs with
 * PF_FACE_CASCADE set empty, so the shared default detector is "missing";
 * the other tests load the cascades by path. */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pf-face-detect.h"
#include "pf-selfie.h"
#include "selfie-scenes.h"

#define CASCADE_DIR "/usr/share/opencv4/haarcascades/"

static PfFaceDetector *
load_or_skip (const char *name)
{
  g_autofree char *path = g_build_filename (CASCADE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  PfFaceDetector *detector;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *reason = g_strdup_printf ("%s is not installed (opencv-data)", path);

      g_test_skip (reason);
      return NULL;
    }
  detector = pf_face_detector_new_from_file (path, &error);
  g_assert_no_error (error);
  return detector;
}

static void
test_load (void)
{
  static const struct
  {
    const char *name;
    int         window;
  } cascades[] = {
    { "haarcascade_frontalface_alt2.xml", 20 },
    { "haarcascade_frontalface_default.xml", 24 },
    { "haarcascade_frontalface_alt.xml", 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
    {
      g_autoptr(PfFaceDetector) detector = load_or_skip (cascades[i].name);

      if (detector == NULL)
        return;
      g_assert_cmpint (pf_face_detector_get_window (detector), ==, cascades[i].window);
    }
}

static void
expect_invalid (const char *dir,
                const char *contents,
                gssize      length,
                int         code)
{
  g_autofree char *path = g_build_filename (dir, "cascade.xml", NULL);
  g_autoptr(GError) error = NULL;
  PfFaceDetector *detector;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  detector = pf_face_detector_new_from_file (path, &error);
  g_assert_null (detector);
  g_assert_error (error, PF_FACE_DETECT_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_unlink (path);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pf-face-XXXXXX", NULL);
  g_autofree char *real = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tilted = NULL;
  gsize length;
  PfFaceDetector *detector;

  g_assert_nonnull (dir);

  detector = pf_face_detector_new_from_file ("/nonexistent/cascade.xml", &error);
  g_assert_null (detector);
  g_assert_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_NOT_FOUND);

  expect_invalid (dir, "not xml at all \x01\x02", -1, PF_FACE_DETECT_ERROR_INVALID);
  expect_invalid (dir, "<opencv_storage><x>1</x></opencv_storage>", -1,
                  PF_FACE_DETECT_ERROR_INVALID);
  expect_invalid (dir, "<opencv_storage><cascade><featureType>HAAR</featureType>"
                  "<stageType>BOOST</stageType><width>24</width><height>24</height>"
                  "<stages><_><stageThreshold>x</stageThreshold></_></stages>"
                  "</cascade></opencv_storage>", -1, PF_FACE_DETECT_ERROR_INVALID);
  /* A feature pointing outside the window. */
  expect_invalid (dir, "<opencv_storage><cascade><featureType>HAAR</featureType>"
                  "<stageType>BOOST</stageType><width>24</width><height>24</height>"
                  "<stages><_><stageThreshold>0</stageThreshold><weakClassifiers><_>"
                  "<internalNodes>0 -1 0 0.5</internalNodes><leafValues>1 -1</leafValues>"
                  "</_></weakClassifiers></_></stages><features><_><rects>"
                  "<_>20 0 10 4 -1.</_><_>20 2 10 2 2.</_></rects></_></features>"
                  "</cascade></opencv_storage>", -1, PF_FACE_DETECT_ERROR_INVALID);
  tilted = g_strdup ("<opencv_storage><cascade><featureType>HAAR</featureType>"
                     "<features><_><rects><_>0 0 2 2 -1.</_><_>0 0 1 1 4.</_></rects>"
                     "<tilted>1</tilted></_></features></cascade></opencv_storage>");
  expect_invalid (dir, tilted, -1, PF_FACE_DETECT_ERROR_INVALID);

  /* A real cascade cut short. */
  if (g_file_get_contents (CASCADE_DIR "haarcascade_frontalface_alt2.xml", &real, &length, NULL))
    expect_invalid (dir, real, length / 2, PF_FACE_DETECT_ERROR_INVALID);

  g_rmdir (dir);
}

static double
overlap (const PfRect *a,
         const PfRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);
  double inter = MAX (w, 0) * MAX (h, 0);

  return inter / (a->width * a->height + b->width * b->height - inter);
}

/* The portrait itself, and its mirror image: one face, where it is. */
static void
test_astronaut (void)
{
  g_autoptr(PfFaceDetector) detector = load_or_skip ("haarcascade_frontalface_alt2.xml");
  g_autofree char *reason = NULL;
  g_autoptr(PfImage) image = NULL;
  g_autofree guint8 *mirror = NULL;
  const PfRect truth = { PF_SCENE_ASTRONAUT_FACE_X, PF_SCENE_ASTRONAUT_FACE_Y,
                         PF_SCENE_ASTRONAUT_FACE_SIZE, PF_SCENE_ASTRONAUT_FACE_SIZE };
  PfRect mirrored = truth;
  const guint8 *grey;

  if (detector == NULL)
    return;
  if (!pf_scene_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  /* A portrait at 0.1875 of 512, centred on its face, is the photo. */
  image = pf_scene_portrait (512, 512, 0.1875, (truth.x + 48) / 512, (truth.y + 48) / 512, NULL);
  grey = pf_image_get_grey (image);
  mirror = g_malloc (512 * 512);
  for (int y = 0; y < 512; y++)
    for (int x = 0; x < 512; x++)
      mirror[y * 512 + x] = grey[y * 512 + 511 - x];
  mirrored.x = 512 - truth.x - truth.width;

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GArray) faces = pf_face_detector_detect (detector, pass ? mirror : grey,
                                                         512, 512, 512, NULL);

      g_assert_cmpuint (faces->len, ==, 1);
      g_assert_cmpfloat (overlap (&g_array_index (faces, PfRect, 0), pass ? &mirrored : &truth),
                         >, 0.7);
    }
}

/* Sizes and places across a 640×360 frame, detected at full resolution
 * with the selfie step's demand of neighbours. */
static void
test_grid (void)
{
  static const double sizes[] = { 0.16, 0.22, 0.3, 0.45, 0.6 };
  static const double places[][2] = { { 0.3, 0.5 }, { 0.5, 0.4 }, { 0.7, 0.6 } };
  g_autoptr(PfFaceDetector) detector = load_or_skip ("haarcascade_frontalface_alt2.xml");
  g_autofree char *reason = NULL;
  PfFaceDetectParams params = { 0, 1.1, 8 };
  guint found = 0, total = 0, extra = 0;

  if (detector == NULL)
    return;
  if (!pf_scene_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        PfRect face;
        g_autoptr(PfImage) image = pf_scene_portrait (640, 360, sizes[s], places[p][0],
                                                      places[p][1], &face);
        g_autoptr(GArray) faces = pf_face_detector_detect (detector, pf_image_get_grey (image),
                                                           640, 360, 640, &params);
        gboolean hit = faces->len > 0
                       && overlap (&g_array_index (faces, PfRect, 0), &face) > 0.5;

        total++;
        found += hit;
        extra += faces->len > 0 ? faces->len - hit : 0;
        g_test_message ("size %.2f at %.1f,%.1f: %u faces%s", sizes[s], places[p][0],
                        places[p][1], faces->len, hit ? "" : " (missed)");
      }
  g_test_message ("found %u of %u faces, %u false", found, total, extra);
  g_assert_cmpuint (found, ==, total);
  g_assert_cmpuint (extra, ==, 0);
}

/* Flat, noisy and too small frames have no face and do not crash. */
static void
test_no_face (void)
{
  g_autoptr(PfFaceDetector) detector = load_or_skip ("haarcascade_frontalface_alt2.xml");
  g_autofree guint8 *pixels = g_malloc (320 * 180);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  if (detector == NULL)
    return;

  memset (pixels, 128, 320 * 180);
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GArray) faces = pf_face_detector_detect (detector, pixels, 320, 180, 320, NULL);

      g_assert_cmpuint (faces->len, ==, 0);
      for (int i = 0; i < 320 * 180; i++)
        pixels[i] = (guint8) g_rand_int_range (rand, 0, 256);
    }
  for (int w = 0; w < 24; w += 7)
    {
      g_autoptr(GArray) faces = pf_face_detector_detect (detector, pixels, w, 19, 320, NULL);

      g_assert_cmpuint (faces->len, ==, 0);
    }
}

/* No cascade: the default detector reports why, and the selfie checks say
 * face detection is unavailable and look at the middle of the frame. */
static void
test_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfFaceDetector) detector = pf_face_detector_get_default (&error);
  g_autoptr(PfImage) image = pf_image_new (640, 360);
  g_autoptr(PfSelfieReport) report = NULL;
  PfFinding *face;
  PfRect region, checked;

  g_assert_null (detector);
  g_assert_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "opencv-data"));

  memset (pf_image_get_data_mutable (image), 200, pf_image_get_stride (image) * 360);
  report = pf_selfie_check (image, NULL);
  g_assert_false (pf_selfie_report_get_detection (report));
  face = pf_selfie_report_find (report, "selfie.face");
  g_assert_nonnull (face);
  g_assert_cmpint (pf_finding_get_severity (face), ==, PF_SEVERITY_CAUTION);
  g_assert_cmpstr (pf_finding_get_title (face), ==, "Face detection is unavailable");
  g_assert_true (pf_finding_get_region (face, &region));
  g_assert_cmpfloat (fabs (region.x + region.width / 2 - 320), <, 1);
  g_assert_cmpfloat (fabs (region.y + region.height / 2 - 180), <, 1);
  g_assert_false (pf_selfie_report_get_checked_region (report, &checked));
  g_assert_cmpfloat (checked.width, ==, region.width);
  /* The light checks still ran, on the middle. */
  g_assert_nonnull (pf_selfie_report_find (report, "selfie.light"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("PF_FACE_CASCADE", "", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/face-detect/load", test_load);
  g_test_add_func ("/pf/face-detect/bad-files", test_bad_files);
  g_test_add_func ("/pf/face-detect/astronaut", test_astronaut);
  g_test_add_func ("/pf/face-detect/grid", test_grid);
  g_test_add_func ("/pf/face-detect/no-face", test_no_face);
  g_test_add_func ("/pf/face-detect/fallback", test_fallback);

  return g_test_run ();
}
