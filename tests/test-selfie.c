/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie checks on scenes built from a public-domain portrait (see
 * selfie-scenes.h): each scene has one fault, applied by construction, and
 * the verdict of every check it should move is asserted. A confusion table
 * per check shows what was expected against what was found. */

#include <math.h>
#include <string.h>

#include "pf-selfie.h"
#include "selfie-scenes.h"

typedef enum
{
  BUILD_PORTRAIT,
  BUILD_TWO,
  BUILD_NO_FACE,
  BUILD_DOCUMENT,
} Build;

typedef enum
{
  FAULT_NONE,
  FAULT_GAIN,       /* amount: gain on the whole frame */
  FAULT_BACKLIGHT,  /* amount: gain on the person; the rest becomes 245 */
  FAULT_SIDE,       /* amount: gain at the dark side of the face */
  FAULT_OVER,       /* amount: gain on the person */
  FAULT_GAUSS,      /* amount: sigma as a share of the face's width */
  FAULT_MOTION,     /* amount: path length as a share of the face's width */
  FAULT_NOISE,      /* amount: noise sigma in levels */
  FAULT_DARK_NOISE, /* amount: gain; then the noise a camera adds in the dark */
} Fault;

/* An expected kind: NULL is not asserted; "ok"; a problem's kind, with a
 * trailing "!" when it must be a blocker. */
typedef struct
{
  const char *name;
  Build       build;
  int         width;
  int         height;
  double      size;
  double      cx;
  double      cy;
  Fault       fault;
  double      amount;
  const char *face;
  const char *light;
  const char *sharpness;
} Scene;

static const Scene scenes[] = {
  { "good", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_NONE, 0, "ok", "ok", "ok" },
  { "good-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_NONE, 0, "ok", "ok", "ok" },
  { "good-phone", BUILD_PORTRAIT, 720, 1280, 0.40, 0.5, 0.45, FAULT_NONE, 0, "ok", "ok", "ok" },
  { "good-near", BUILD_PORTRAIT, 640, 360, 0.45, 0.55, 0.45, FAULT_NONE, 0, "ok", "ok", "ok" },
  { "good-far", BUILD_PORTRAIT, 640, 480, 0.24, 0.45, 0.5, FAULT_NONE, 0, "ok", "ok", "ok" },
  { "dim-0.8", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAIN, 0.8, "ok", "ok", "ok" },
  { "dark-0.35", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAIN, 0.35, "ok", "dark", NULL },
  { "dark-0.2", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAIN, 0.2, "ok", "dark!", NULL },
  { "noise-6", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_NOISE, 6, "ok", "ok", "ok" },
  { "noise-6-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_NOISE, 6, "ok", "ok", "ok" },
  { "dark-noisy-0.2", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_DARK_NOISE, 0.2, "ok", "dark!", NULL },
  { "dark-0.2-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_GAIN, 0.2, "ok", "dark!", NULL },
  { "backlight-0.8", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_BACKLIGHT, 0.8, "ok", "backlight", NULL },
  { "bright-wall", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_BACKLIGHT, 1.0, "ok", "ok", "ok" },
  { "backlight-0.5", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_BACKLIGHT, 0.5, "ok", "backlight!", NULL },
  { "backlight-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_BACKLIGHT, 0.5, "ok", "backlight!", NULL },
  { "side-0.4", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_SIDE, 0.4, "ok", "uneven", NULL },
  { "side-0.2", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_SIDE, 0.2, NULL, "uneven!", NULL },
  { "side-0.4-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_SIDE, 0.4, "ok", "uneven", NULL },
  { "over-1.8", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_OVER, 1.8, NULL, "bright!", NULL },
  { "gauss-0.5%", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAUSS, 0.005, "ok", "ok", "ok" },
  { "gauss-2%", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAUSS, 0.02, NULL, "ok", "focus" },
  { "gauss-2.5%", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAUSS, 0.025, NULL, "ok", "focus" },
  { "gauss-4%", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_GAUSS, 0.04, NULL, NULL, "focus!" },
  { "gauss-2.5%-720p", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_GAUSS, 0.025, NULL, "ok", "focus" },
  { "motion-10%", BUILD_PORTRAIT, 640, 360, 0.33, 0.5, 0.5, FAULT_MOTION, 0.10, NULL, "ok", "motion" },
  { "motion-16%", BUILD_PORTRAIT, 1280, 720, 0.33, 0.5, 0.5, FAULT_MOTION, 0.16, NULL, NULL, "motion!" },
  { "far-0.15", BUILD_PORTRAIT, 640, 360, 0.15, 0.5, 0.5, FAULT_NONE, 0, "far", NULL, NULL },
  { "far-0.13", BUILD_PORTRAIT, 1280, 720, 0.13, 0.5, 0.5, FAULT_NONE, 0, "far", NULL, NULL },
  { "far-0.15-720p", BUILD_PORTRAIT, 1280, 720, 0.15, 0.5, 0.5, FAULT_NONE, 0, "far", NULL, NULL },
  { "close-0.62", BUILD_PORTRAIT, 640, 360, 0.62, 0.5, 0.5, FAULT_NONE, 0, "close", NULL, "ok" },
  { "close-0.8", BUILD_PORTRAIT, 640, 360, 0.80, 0.5, 0.5, FAULT_NONE, 0, "close!", NULL, NULL },
  { "left", BUILD_PORTRAIT, 640, 360, 0.30, 0.22, 0.5, FAULT_NONE, 0, "off-centre", NULL, "ok" },
  { "high", BUILD_PORTRAIT, 640, 360, 0.30, 0.55, 0.22, FAULT_NONE, 0, "off-centre", NULL, "ok" },
  { "two", BUILD_TWO, 640, 360, 0.30, 0, 0, FAULT_NONE, 0, "many!", NULL, NULL },
  { "two-720p", BUILD_TWO, 1280, 720, 0.30, 0, 0, FAULT_NONE, 0, "many!", NULL, NULL },
  { "no-face", BUILD_NO_FACE, 640, 360, 0, 0, 0, FAULT_NONE, 0, "none!", NULL, NULL },
  { "document", BUILD_DOCUMENT, 640, 360, 0, 0, 0, FAULT_NONE, 0, "none!", NULL, NULL },
};

/* The finding titles (untranslated in tests) by kind. */
static const struct
{
  const char *title;
  const char *kind;
} kinds[] = {
  { "Your face is well placed", "ok" },
  { "No face in view", "none" },
  { "More than one face in view", "many" },
  { "Your face is too far away", "far" },
  { "Your face is too close", "close" },
  { "Your face is off-centre", "off-centre" },
  { "Face detection is unavailable", "unavailable" },
  { "Your face is well lit", "ok" },
  { "The light is behind you", "backlight" },
  { "Your face is too dark", "dark" },
  { "Your face is too bright", "bright" },
  { "One side of your face is in shadow", "uneven" },
  { "Your face is sharp", "ok" },
  { "The picture is blurred by movement", "motion" },
  { "Your face is out of focus", "focus" },
};

static const char * const check_ids[] = { "selfie.face", "selfie.light", "selfie.sharpness" };

static const char *
kind_of (PfFinding *finding)
{
  if (finding == NULL)
    return "-";
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (pf_finding_get_title (finding), kinds[i].title))
      return kinds[i].kind;
  return "?";
}

static PfImage *
build (const Scene *scene,
       PfRect      *face)
{
  PfRect faces[2];
  PfImage *image;

  switch (scene->build)
    {
    case BUILD_TWO:
      image = pf_scene_two_faces (scene->width, scene->height, scene->size, faces);
      *face = faces[0];
      return image;
    case BUILD_NO_FACE:
      return pf_scene_no_face (scene->width, scene->height);
    case BUILD_DOCUMENT:
      return pf_scene_document (scene->width, scene->height);
    case BUILD_PORTRAIT:
    default:
      break;
    }

  image = pf_scene_portrait (scene->width, scene->height, scene->size, scene->cx, scene->cy, face);
  switch (scene->fault)
    {
    case FAULT_GAIN:
      pf_scene_gain (image, scene->amount);
      break;
    case FAULT_BACKLIGHT:
      pf_scene_backlight (image, face, 245, scene->amount);
      break;
    case FAULT_SIDE:
      pf_scene_side_light (image, face, scene->amount);
      break;
    case FAULT_OVER:
      pf_scene_overexpose (image, face, scene->amount);
      break;
    case FAULT_GAUSS:
      pf_scene_gaussian (image, scene->amount * face->width);
      break;
    case FAULT_MOTION:
      pf_scene_motion (image, (int) (scene->amount * face->width + 0.5));
      break;
    case FAULT_NOISE:
      pf_scene_noise (image, scene->amount, 1);
      break;
    case FAULT_DARK_NOISE:
      pf_scene_gain (image, scene->amount);
      pf_scene_noise (image, 4, 2);
      break;
    case FAULT_NONE:
    default:
      break;
    }
  return image;
}

static gboolean
matches (const char *expected,
         PfFinding  *finding)
{
  gsize len = strlen (expected);
  gboolean blocker = len > 0 && expected[len - 1] == '!';

  if (blocker)
    len--;
  return strlen (kind_of (finding)) == len && strncmp (kind_of (finding), expected, len) == 0
         && (!blocker || pf_finding_get_severity (finding) == PF_SEVERITY_BLOCKER);
}

/* Counts per check: "expected -> found". */
static void
tally (GHashTable *table,
       const char *expected,
       const char *found)
{
  g_autofree char *plain = g_strndup (expected, strcspn (expected, "!"));
  char *key = g_strdup_printf ("%-11s -> %s", plain, found);

  g_hash_table_insert (table, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static void
print_table (const char *id,
             GHashTable *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) strcmp);

  g_test_message ("confusion table for %s (expected -> found: scenes)", id);
  for (GList *l = keys; l != NULL; l = l->next)
    g_test_message ("  %s: %u", (const char *) l->data,
                    GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));
}

static void
test_scenes (void)
{
  g_autofree char *reason = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  GHashTable *tables[G_N_ELEMENTS (check_ids)];

  if (!pf_scene_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (check_ids); c++)
    tables[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      const Scene *scene = &scenes[i];
      PfRect face = { 0 };
      g_autoptr(PfImage) image = build (scene, &face);
      g_autoptr(PfSelfieReport) report = pf_selfie_check (image, NULL);
      const char *expected[] = { scene->face, scene->light, scene->sharpness };
      double level = -1, background = -1, side = -1, width = -1, size = -1;

      pf_selfie_report_get_metric (report, "light.face_level", &level);
      pf_selfie_report_get_metric (report, "light.background_level", &background);
      pf_selfie_report_get_metric (report, "light.side_ratio", &side);
      pf_selfie_report_get_metric (report, "sharpness.width", &width);
      pf_selfie_report_get_metric (report, "face.size", &size);
      g_test_message ("%-16s faces %u size %.2f | level %.0f background %.0f side %.2f | "
                      "blur %.3f | %s, %s, %s",
                      scene->name, pf_selfie_report_get_n_faces (report), size, level,
                      background, side, width,
                      kind_of (pf_selfie_report_find (report, "selfie.face")),
                      kind_of (pf_selfie_report_find (report, "selfie.light")),
                      kind_of (pf_selfie_report_find (report, "selfie.sharpness")));

      /* A still photo: no camera verdict. */
      g_assert_null (pf_selfie_report_find (report, "selfie.camera"));
      g_assert_true (pf_selfie_report_get_detection (report));

      for (guint c = 0; c < G_N_ELEMENTS (check_ids); c++)
        {
          PfFinding *finding = pf_selfie_report_find (report, check_ids[c]);

          if (expected[c] == NULL)
            continue;
          tally (tables[c], expected[c], kind_of (finding));
          if (finding == NULL || !matches (expected[c], finding))
            g_string_append_printf (failures, "%s: %s expected %s, found %s (%s)\n",
                                    scene->name, check_ids[c], expected[c], kind_of (finding),
                                    finding ? pf_severity_to_string (pf_finding_get_severity (finding))
                                            : "no finding");
        }

      /* Where a face was built in, the one found must be it. */
      if (scene->build == BUILD_PORTRAIT && g_strcmp0 (scene->face, "ok") == 0)
        {
          PfRect found = { 0 };

          if (!pf_selfie_report_get_face (report, 0, &found)
              || fabs (found.x + found.width / 2 - face.x - face.width / 2) > face.width * 0.15
              || fabs (found.y + found.height / 2 - face.y - face.height / 2) > face.width * 0.15
              || fabs (found.width / face.width - 1) > 0.2)
            g_string_append_printf (failures, "%s: face found at %.0f,%.0f %.0f wide, built at "
                                    "%.0f,%.0f %.0f wide\n", scene->name, found.x, found.y,
                                    found.width, face.x, face.y, face.width);
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (check_ids); c++)
    {
      print_table (check_ids[c], tables[c]);
      g_hash_table_unref (tables[c]);
    }
  if (failures->len > 0)
    g_test_message ("wrong verdicts:\n%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
}

/* The camera check runs only when the options describe a live camera. */
static void
test_camera (void)
{
  static const struct
  {
    int         width;
    int         height;
    double      rate;
    PfSeverity  expected;
  } cases[] = {
    { 1280, 720, 30, PF_SEVERITY_OK },
    { 1920, 1080, 25, PF_SEVERITY_OK },
    { 720, 1280, 30, PF_SEVERITY_OK },
    { 640, 480, 30, PF_SEVERITY_CAUTION },
    { 320, 240, 30, PF_SEVERITY_BLOCKER },
    { 1280, 720, 20, PF_SEVERITY_CAUTION },
    { 1280, 720, 8, PF_SEVERITY_BLOCKER },
    { 1280, 720, 0, PF_SEVERITY_OK },
    { 0, 0, 30, PF_SEVERITY_OK },
  };
  g_autoptr(PfImage) image = pf_image_new (64, 48);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PfSelfieOptions options = { cases[i].rate, cases[i].width, cases[i].height, NULL };
      g_autoptr(PfSelfieReport) report = pf_selfie_check (image, &options);
      PfFinding *finding = pf_selfie_report_find (report, "selfie.camera");

      g_assert_nonnull (finding);
      g_assert_cmpint (pf_finding_get_severity (finding), ==, cases[i].expected);
      if (cases[i].expected != PF_SEVERITY_OK)
        g_assert_nonnull (strstr (pf_finding_get_advice (finding), "phone"));
    }
}

/* Any size, including frames too small for a face window, gives a report
 * without a crash; a blank frame has no face. */
static void
test_tiny_and_blank (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 3, 200 }, { 19, 19 }, { 640, 360 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PfImage) image = pf_image_new (sizes[i][0], sizes[i][1]);
      g_autoptr(PfSelfieReport) report = pf_selfie_check (image, NULL);
      PfFinding *face = pf_selfie_report_find (report, "selfie.face");

      g_assert_nonnull (face);
      g_assert_cmpuint (pf_selfie_report_get_n_faces (report), ==, 0);
      g_assert_cmpint (pf_finding_get_severity (face), ==, PF_SEVERITY_BLOCKER);
      g_assert_cmpint (pf_selfie_report_get_width (report), ==, sizes[i][0]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/selfie/scenes", test_scenes);
  g_test_add_func ("/pf/selfie/camera", test_camera);
  g_test_add_func ("/pf/selfie/tiny-and-blank", test_tiny_and_blank);

  return g_test_run ();
}
