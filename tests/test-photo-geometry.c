/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The geometry photo checks (photo.outline, .corners, .size, .angle,
 * .background, .obstruction) over a grid of generated photos: every layout
 * on every background, each in several poses (turned, on its side, upside
 * down, tilted, steeply tilted, small, in a small frame) with a defect or
 * none (a corner cut off or close to the edge, a thumb over it, a
 * card-coloured desk, heavy noise and JPEG). The verdicts are asserted
 * against the generator's ground truth, with a confusion table per check;
 * a frame with a blocker-level defect must never come out all fine. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <stdlib.h>

#include "pf-specimen.h"

/* Layouts × backgrounds, this many frames each, and frames with no
 * document at all. */
#define FRAMES_PER_CELL 8
#define N_EMPTY 12

/* An outline is right when every corner in the frame is within this share
 * of the document's diagonal. */
#define MAX_CORNER_ERROR 0.03

typedef enum
{
  CHECK_OUTLINE,
  CHECK_CORNERS,
  CHECK_SIZE,
  CHECK_ANGLE,
  CHECK_BACKGROUND,
  CHECK_OBSTRUCTION,
  N_CHECKS,
} Check;

/* The share of frames each check must get right. The goal is 95% for
 * every check; these floors are a little under what the checks reach on
 * this grid today (the test prints the tables), so that a change that
 * makes a check worse fails. Most misses trace back to the outline: a card
 * on a newspaper whose slanted rows outvote its short side, a small card
 * partly out of the frame, a quadrilateral traced along a patterned cloth.
 * A chosen photo's outline gets a second, detailed look
 * (pf-outline-find.c): 95.7% right today, against 92.0% for camera
 * frames' one quick look. A build with the sanitizers gets a few frames
 * otherwise (94.7% of photos), its floating point rounded otherwise. */
static const double min_right[N_CHECKS] = {
  0.93, /* photo.outline */
  0.95, /* photo.corners */
  0.96, /* photo.size */
  0.96, /* photo.angle */
  0.97, /* photo.background */
  0.93, /* photo.obstruction */
};

/* The same for camera frames: one quick look at the outline, within a
 * frame's time; and the frames that may come out all fine despite a
 * blocker-level defect: none (a finger over a licence's corner and
 * portrait was one, when the portrait's edge was taken for the card's). */
#define MAX_LIVE_ALL_FINE_ON_BLOCKER 0
static const double min_right_live[N_CHECKS] = {
  0.89, /* photo.outline */
  0.94, /* photo.corners */
  0.96, /* photo.size */
  0.96, /* photo.angle */
  0.97, /* photo.background */
  0.92, /* photo.obstruction */
};

static const char *const check_ids[N_CHECKS] = {
  "photo.outline", "photo.corners", "photo.size", "photo.angle", "photo.background",
  "photo.obstruction",
};

/* Per check: truth (defect or clean) against verdict (flagged, ok, or no
 * verdict because the outline was not found). */
typedef struct
{
  int defect_flagged;
  int defect_ok;
  int defect_none;
  int clean_flagged;
  int clean_ok;
  int clean_none;
  int skipped;      /* marginal by construction */
} Tally;

static const int frame_sizes[][2] = {
  { 640, 480 }, { 800, 600 }, { 960, 540 }, { 1280, 720 },
};

/* The largest width share at which a document turned by @rotation still
 * fits the frame with room to spare. */
static double
fitting_width (const PfSpecimenParams *p,
               double                  rotation)
{
  double w_mm, h_mm, aspect, c, s;

  pf_specimen_layout_get_size_mm (p->layout, &w_mm, &h_mm);
  aspect = w_mm / h_mm;
  c = fabs (cos (rotation * G_PI / 180));
  s = fabs (sin (rotation * G_PI / 180));

  return 0.8 * MIN (1 / (c + s / aspect),
                    (double) p->frame_height / p->frame_width / (s + c / aspect));
}

/* Frame @index of the grid. Layout and background are crossed; the pose
 * and the added defect step through their variants in a Latin square. */
static void
grid_params (int               index,
             PfSpecimenParams *p,
             GString          *label)
{
  g_autoptr (GRand) rng = g_rand_new_with_seed (7919 * index + 13);
  int n_cells = PF_SPECIMEN_N_LAYOUTS * PF_SPECIMEN_BG_SAME_AS_CARD;
  int cell = index % n_cells, k = index / n_cells;
  PfSpecimenLayout layout = cell % PF_SPECIMEN_N_LAYOUTS;
  PfSpecimenBackground background = cell / PF_SPECIMEN_N_LAYOUTS;
  int pose = (cell + k) % 8, extra = (3 * cell + 5 * k) % 8;
  const int *size = frame_sizes[(cell + 3 * k) % G_N_ELEMENTS (frame_sizes)];
  static const char *const pose_names[] = {
    "square-on", "turned", "on-its-side", "tilted", "steep", "small", "upside-down", "low-res",
  };
  static const char *const extra_names[] = {
    "", "corner-cut", "thumb", "near-edge", "same-colour-desk", "noisy", "", "",
  };

  pf_specimen_params_init (p);
  p->layout = layout;
  p->frame_width = size[0];
  p->frame_height = size[1];
  pf_specimen_params_random (p, 1000 + index, 0);
  p->background = background;

  switch (pose)
    {
    case 1:
      p->rotation_deg = g_rand_double_range (rng, 20, 70) * (g_rand_boolean (rng) ? 1 : -1);
      p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
      p->center_x = p->center_y = 0.5;
      break;
    case 2:
      p->rotation_deg = g_rand_double_range (rng, 82, 98) + (g_rand_boolean (rng) ? 180 : 0);
      p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
      p->center_x = p->center_y = 0.5;
      break;
    case 3:
      {
        double total = g_rand_double_range (rng, 15, 28), a = g_rand_double_range (rng, 0, 2 * G_PI);

        p->tilt_x_deg = total * cos (a);
        p->tilt_y_deg = total * sin (a);
        p->doc_width_fraction *= 0.85;
        p->center_x = p->center_y = 0.5;
        break;
      }
    case 4:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_STEEP_ANGLE, index);
      break;
    case 5:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_TOO_SMALL, index);
      break;
    case 6:
      p->rotation_deg = 180 + g_rand_double_range (rng, -10, 10);
      break;
    case 7:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL, index);
      break;
    default:
      break;
    }

  switch (extra)
    {
    case 1:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_CORNER_CUT, index);
      break;
    case 2:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_OCCLUDED, index);
      break;
    case 3:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE, index);
      break;
    case 4:
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST, index);
      break;
    case 5:
      p->noise_sigma = 6;
      p->jpeg_quality = 55;
      break;
    default:
      break;
    }

  g_string_printf (label, "#%d %s on %s, %s%s%s, %dx%d", index,
                   pf_specimen_layout_to_string (layout),
                   pf_specimen_background_to_string (p->background), pose_names[pose],
                   *extra_names[extra] ? ", " : "", extra_names[extra], p->frame_width,
                   p->frame_height);
}

static void
tally (Tally    *t,
       gboolean  marginal,
       gboolean  defect,
       gboolean  ran,
       gboolean  flagged)
{
  if (marginal)
    t->skipped++;
  else if (defect)
    *(!ran ? &t->defect_none : flagged ? &t->defect_flagged : &t->defect_ok) += 1;
  else
    *(!ran ? &t->clean_none : flagged ? &t->clean_flagged : &t->clean_ok) += 1;
}

static double
tally_right (const Tally *t)
{
  int decided = t->defect_flagged + t->defect_ok + t->clean_flagged + t->clean_ok;

  return decided > 0 ? (double) (t->defect_flagged + t->clean_ok) / decided : 1;
}

static void
print_tally (const char  *id,
             const Tally *t)
{
  g_test_message ("%-18s defect: flagged %3d, ok %3d, no outline %3d | clean: ok %3d, "
                  "flagged %3d, no outline %3d | marginal %3d | right %.1f%%",
                  id, t->defect_flagged, t->defect_ok, t->defect_none, t->clean_ok,
                  t->clean_flagged, t->clean_none, t->skipped, 100 * tally_right (t));
}

static PfSeverity
severity_of (PfPhotoReport *report,
             const char    *id,
             gboolean      *present)
{
  PfFinding *finding = pf_photo_report_find (report, id);

  *present = finding != NULL;
  return finding != NULL ? pf_finding_get_severity (finding) : PF_SEVERITY_OK;
}

/* For working on the outline, not used by the suite: PF_GRID_FRAMES=14,95
 * runs only those frames of the two grids (their floors are then not
 * asserted; "never all fine on a blocker" still is), and PF_GRID_DUMP=DIR
 * saves each frame the grids run as DIR/grid-N.png or
 * DIR/grid-live-N.png, the true outline drawn in green and the one found
 * in red. */
static gboolean
grid_frame_wanted (int index)
{
  const char *frames = g_getenv ("PF_GRID_FRAMES");
  g_auto (GStrv) list = NULL;

  if (frames == NULL)
    return TRUE;
  list = g_strsplit (frames, ",", -1);
  for (int i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0' && atoi (list[i]) == index)
      return TRUE;
  return FALSE;
}

static void
draw_quad (cairo_t       *cr,
           const PfPoint  corners[4],
           double         red,
           double         green)
{
  for (int i = 0; i < 4; i++)
    cairo_line_to (cr, corners[i].x, corners[i].y);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, red, green, 0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
dump_frame (const PfSpecimen *s,
            const PfPoint     found[4],
            gboolean          has_outline,
            gboolean          live,
            int               index)
{
  const char *dir = g_getenv ("PF_GRID_DUMP");
  int width = pf_image_get_width (s->image), height = pf_image_get_height (s->image);
  const guint8 *rgba = pf_image_get_data (s->image);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *file = NULL, *path = NULL;

  if (dir == NULL || index < 0)
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = rgba + (gsize) y * pf_image_get_stride (s->image);
      guint32 *out = (guint32 *) (cairo_image_surface_get_data (surface)
                                  + (gsize) y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        out[x] = (guint32) in[4 * x] << 16 | (guint32) in[4 * x + 1] << 8 | in[4 * x + 2];
    }
  cairo_surface_mark_dirty (surface);
  cr = cairo_create (surface);
  draw_quad (cr, s->corners, 0, 0.8);
  if (has_outline)
    draw_quad (cr, found, 1, 0);
  cairo_destroy (cr);
  file = g_strdup_printf ("grid%s-%d.png", live ? "-live" : "", index);
  path = g_build_filename (dir, file, NULL);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_test_message ("cannot save %s", path);
  cairo_surface_destroy (surface);
}

/* What the checks make of one generated photo, counted into @tallies
 * (one per check) against the generator's truth. Returns whether the
 * outline was right; a frame with a blocker-level defect that comes out
 * all fine counts in @all_fine_on_blocker. */
static gboolean
judge_frame (const PfSpecimen *s,
             const char       *label,
             int               index,
             gboolean          live,
             Tally             tallies[N_CHECKS],
             int              *all_fine_on_blocker,
             double           *error_sum,
             int              *n_errors)
{
  const PfSpecimenDefects blocker_level = PF_SPECIMEN_DEFECT_NO_DOCUMENT
                                          | PF_SPECIMEN_DEFECT_CORNER_CUT
                                          | PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL
                                          | PF_SPECIMEN_DEFECT_OCCLUDED;
  g_autoptr (PfPhotoReport) report = NULL;
  PfSpecimenDefects defects, marginal = 0;
  PfPhotoOptions options = { 0 };
  PfPoint found[4];
  gboolean has_outline, present, right, low_contrast;
  PfSeverity severity;
  double error = 0;

  defects = pf_specimen_get_defects (s, &marginal);
  options.kind = pf_specimen_layout_get_kind (s->params.layout);
  options.live = live;
  report = pf_photo_check (s->image, &options);
  has_outline = pf_photo_report_get_outline (report, found);
  dump_frame (s, found, has_outline, live, index);

  /* Never all fine when a service would refuse the photo. */
  if ((defects & blocker_level) && pf_photo_report_get_worst (report) == PF_SEVERITY_OK)
    {
      (*all_fine_on_blocker)++;
      g_test_message ("all fine on a blocker: %s", label);
    }

  /* photo.outline: the document found where it is, or nothing found
   * when there is none. On a card-coloured desk not finding it is
   * right too: the advice is then to use a dark surface. */
  severity = severity_of (report, "photo.outline", &present);
  g_assert_true (present);
  g_assert_true ((severity == PF_SEVERITY_BLOCKER) == !has_outline);
  low_contrast = ((defects | marginal) & PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST) != 0;
  if (defects & PF_SPECIMEN_DEFECT_NO_DOCUMENT)
    right = !has_outline;
  else if (has_outline)
    {
      right = pf_specimen_outline_matches (s, found, MAX_CORNER_ERROR, &error);
      if (right)
        {
          *error_sum += error;
          (*n_errors)++;
        }
    }
  else
    right = low_contrast;
  if (!right)
    g_test_message ("outline wrong: %s (%s, error %.1f%%; truth %.0f,%.0f %.0f,%.0f %.0f,%.0f "
                    "%.0f,%.0f; found %.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f)", label,
                    has_outline ? "found" : "not found", 100 * error, s->corners[0].x,
                    s->corners[0].y, s->corners[1].x, s->corners[1].y, s->corners[2].x,
                    s->corners[2].y, s->corners[3].x, s->corners[3].y,
                    has_outline ? found[0].x : 0, has_outline ? found[0].y : 0,
                    has_outline ? found[1].x : 0, has_outline ? found[1].y : 0,
                    has_outline ? found[2].x : 0, has_outline ? found[2].y : 0,
                    has_outline ? found[3].x : 0, has_outline ? found[3].y : 0);
  if (defects & PF_SPECIMEN_DEFECT_NO_DOCUMENT)
    tally (&tallies[CHECK_OUTLINE], FALSE, TRUE, TRUE, right);
  else
    tally (&tallies[CHECK_OUTLINE], FALSE, FALSE, TRUE, !right);

  /* The checks that need the outline run only with one. */
  for (int c = CHECK_CORNERS; c < N_CHECKS; c++)
    {
      PfSpecimenDefects mine = 0, blocking = 0;
      gboolean flagged, is_marginal, defect;

      switch (c)
        {
        case CHECK_CORNERS:
          mine = PF_SPECIMEN_DEFECT_CORNER_CUT | PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE;
          blocking = PF_SPECIMEN_DEFECT_CORNER_CUT;
          break;
        case CHECK_SIZE:
          mine = PF_SPECIMEN_DEFECT_TOO_SMALL | PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL;
          blocking = PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL;
          break;
        case CHECK_ANGLE:
          mine = PF_SPECIMEN_DEFECT_STEEP_ANGLE;
          break;
        case CHECK_BACKGROUND:
          mine = PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST;
          break;
        case CHECK_OBSTRUCTION:
          mine = blocking = PF_SPECIMEN_DEFECT_OCCLUDED;
          break;
        default:
          g_assert_not_reached ();
        }

      /* With nothing to find, only the outline's verdict counts. */
      if (defects & PF_SPECIMEN_DEFECT_NO_DOCUMENT)
        continue;
      severity = severity_of (report, check_ids[c], &present);
      g_assert_true (present == has_outline || c == CHECK_BACKGROUND);
      defect = (defects & mine) != 0;
      is_marginal = !defect && (marginal & mine) != 0;
      /* A defect that stops services must be a blocker here too. */
      flagged = (defects & blocking) ? severity == PF_SEVERITY_BLOCKER
                                     : severity != PF_SEVERITY_OK;
      if (!is_marginal && present && flagged != defect)
        g_test_message ("%s %s: %s", check_ids[c], defect ? "missed" : "false alarm", label);
      tally (&tallies[c], is_marginal, defect, present, flagged);
    }

  return right;
}

/* The grid as a chosen photo (@live FALSE: the checks may take their time)
 * or as camera frames, which get the one quick look at the outline and
 * are held to the lower @floors, and may come out all fine despite a
 * blocker-level defect on @max_all_fine frames. */
static void
run_grid (gboolean      live,
          const double *floors,
          int           max_all_fine)
{
  int n_frames = PF_SPECIMEN_N_LAYOUTS * PF_SPECIMEN_BG_SAME_AS_CARD * FRAMES_PER_CELL + N_EMPTY;
  Tally tallies[N_CHECKS] = { { 0 } };
  int all_fine_on_blocker = 0;
  double error_sum = 0;
  int n_errors = 0, n_judged = 0;

  for (int i = 0; i < n_frames; i++)
    {
      g_autoptr (GString) label = g_string_new (NULL);
      g_autoptr (PfSpecimen) s = NULL;
      PfSpecimenParams p;

      if (!grid_frame_wanted (i))
        continue;
      if (i < n_frames - N_EMPTY)
        grid_params (i, &p, label);
      else
        {
          int bg = i % PF_SPECIMEN_BG_SAME_AS_CARD;

          pf_specimen_params_init (&p);
          p.frame_width = 800;
          p.frame_height = 600;
          pf_specimen_params_random (&p, 5000 + i, 0);
          p.background = bg;
          pf_specimen_params_add_defect (&p, PF_SPECIMEN_DEFECT_NO_DOCUMENT, i);
          g_string_printf (label, "#%d nothing on %s", i, pf_specimen_background_to_string (bg));
        }

      s = pf_specimen_new (&p);
      judge_frame (s, label->str, i, live, tallies, &all_fine_on_blocker, &error_sum, &n_errors);
      n_judged++;
    }

  g_test_message ("%d frames, %s; outline corner error on found documents: mean %.2f%% of the "
                  "diagonal", n_judged, live ? "live" : "still",
                  n_errors > 0 ? 100 * error_sum / n_errors : 0);
  for (int c = 0; c < N_CHECKS; c++)
    print_tally (check_ids[c], &tallies[c]);

  g_test_message ("all fine on a blocker (%s): %d", live ? "live" : "still", all_fine_on_blocker);
  g_assert_cmpint (all_fine_on_blocker, <=, max_all_fine);
  if (g_getenv ("PF_GRID_FRAMES") != NULL)
    {
      g_test_message ("PF_GRID_FRAMES is set: a part of the grid, no floors asserted");
      return;
    }
  for (int c = 0; c < N_CHECKS; c++)
    {
      g_test_message ("%s (%s): %.1f%% right", check_ids[c], live ? "live" : "still",
                      100 * tally_right (&tallies[c]));
      g_assert_cmpfloat (tally_right (&tallies[c]), >=, floors[c]);
    }
}

static void
test_grid (void)
{
  run_grid (FALSE, min_right, 0);
}

static void
test_grid_live (void)
{
  run_grid (TRUE, min_right_live, MAX_LIVE_ALL_FINE_ON_BLOCKER);
}

/* A photo of nothing, and odd sizes: the outline says so, and the checks
 * that need it stay silent. Long thin strips too, where the reduced copies
 * the checks work on are reduced by more than the short side, as a file
 * and as a camera frame. */
static void
test_nothing (void)
{
  const int sizes[][2] = {
    { 1, 1 }, { 3, 500 }, { 640, 480 }, { 17, 16 }, { 17000, 16 }, { 16, 17000 }, { 40000, 1 },
    { 1, 40000 }, { 60, 61000 },
  };

  for (guint i = 0; i < 2 * G_N_ELEMENTS (sizes); i++)
    {
      PfPhotoOptions options = { .live = i % 2 };
      g_autoptr (PfImage) image = pf_image_new (sizes[i / 2][0], sizes[i / 2][1]);
      g_autoptr (PfPhotoReport) report = pf_photo_check (image, &options);
      PfFinding *outline = pf_photo_report_find (report, "photo.outline");

      g_assert_nonnull (outline);
      g_assert_cmpint (pf_finding_get_severity (outline), ==, PF_SEVERITY_BLOCKER);
      g_assert_cmpstr (pf_finding_get_advice (outline), !=, "");
      g_assert_false (pf_photo_report_get_outline (report, NULL));
      for (int c = CHECK_CORNERS; c < N_CHECKS; c++)
        g_assert_null (pf_photo_report_find (report, check_ids[c]));
    }
}

/* A document at a known place with one corner outside the frame: the
 * finding names that corner, points at it, and the other corners pass. */
static void
test_cut_corner (void)
{
  static const char *const names[4] = { "top-left", "top-right", "bottom-right", "bottom-left" };

  for (int corner = 0; corner < 4; corner++)
    {
      g_autoptr (PfSpecimen) s = NULL;
      g_autoptr (PfPhotoReport) report = NULL;
      PfSpecimenParams p;
      GPtrArray *findings;
      int n_corner_findings = 0;
      double w = 800, h = 600;
      PfPoint inside[4] = { { 120, 110 }, { 660, 130 }, { 650, 470 }, { 110, 450 } };
      PfPoint outside = { corner == 0 || corner == 3 ? -40 : w + 40,
                          corner < 2 ? -35 : h + 35 };

      pf_specimen_params_init (&p);
      p.frame_width = (int) w;
      p.frame_height = (int) h;
      pf_specimen_params_random (&p, 77 + corner, PF_SPECIMEN_RANDOM_PLAIN);
      p.use_corners = TRUE;
      memcpy (p.corners, inside, sizeof inside);
      /* Pull the chosen corner out of the frame, keeping the shape convex. */
      p.corners[corner] = outside;
      s = pf_specimen_new (&p);
      report = pf_photo_check (s->image, NULL);

      findings = pf_photo_report_get_findings (report);
      for (guint i = 0; i < findings->len; i++)
        {
          PfFinding *finding = g_ptr_array_index (findings, i);
          PfRect region;

          if (!g_str_equal (pf_finding_get_id (finding), "photo.corners"))
            continue;
          n_corner_findings++;
          g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_BLOCKER);
          g_assert_nonnull (strstr (pf_finding_get_title (finding), names[corner]));
          g_assert_true (pf_finding_get_region (finding, &region));
          /* The region sits at the corner's side of the frame. */
          g_assert_true ((region.x + region.width / 2 < w / 2) == (outside.x < 0));
          g_assert_true ((region.y + region.height / 2 < h / 2) == (outside.y < 0));
        }
      g_assert_cmpint (n_corner_findings, ==, 1);
    }
}

/* Turning the document in the picture is fine, and said to be. */
static void
test_turned_is_fine (void)
{
  g_autoptr (PfSpecimen) s = NULL;
  g_autoptr (PfPhotoReport) report = NULL;
  PfSpecimenParams p;
  PfFinding *angle;
  double rotation;

  pf_specimen_params_init (&p);
  p.frame_width = 960;
  p.frame_height = 720;
  pf_specimen_params_random (&p, 4242, PF_SPECIMEN_RANDOM_PLAIN);
  p.rotation_deg = 35;
  p.tilt_x_deg = p.tilt_y_deg = 0;
  p.doc_width_fraction = 0.5;
  p.center_x = p.center_y = 0.5;
  s = pf_specimen_new (&p);
  report = pf_photo_check (s->image, NULL);

  angle = pf_photo_report_find (report, "photo.angle");
  g_assert_nonnull (angle);
  g_assert_cmpint (pf_finding_get_severity (angle), ==, PF_SEVERITY_OK);
  g_assert_nonnull (strstr (pf_finding_get_title (angle), "turned"));
  g_assert_true (pf_photo_report_get_metric (report, "angle.rotation_deg", &rotation));
  g_assert_cmpfloat (fabs (rotation - 35), <, 3);
}

/* Harder light and handling than the main grid gives: an open passport
 * with its facing page, the phone's shadow across the document, light
 * falling off steeply, sharpening halos, coarse JPEG, on the patterned
 * surfaces and in a hand. Only the outline is asserted, with its own
 * floor: these frames say how far from the main grid's figure real photos
 * may fall. */
#define N_UNKIND 40
#define MIN_UNKIND_RIGHT 0.85

static void
test_unkind (void)
{
  static const PfSpecimenBackground backgrounds[] = {
    PF_SPECIMEN_BG_CLOTH, PF_SPECIMEN_BG_HAND, PF_SPECIMEN_BG_NEWSPAPER, PF_SPECIMEN_BG_WOOD,
    PF_SPECIMEN_BG_KEYBOARD, PF_SPECIMEN_BG_LIGHT_PLAIN, PF_SPECIMEN_BG_CARPET, PF_SPECIMEN_BG_TILES,
  };
  int right = 0, decided = 0;

  for (int i = 0; i < N_UNKIND; i++)
    {
      g_autoptr (GRand) rng = g_rand_new_with_seed (104729 * i + 7);
      g_autoptr (PfSpecimen) s = NULL;
      g_autoptr (PfPhotoReport) report = NULL;
      PfSpecimenParams p;
      PfSpecimenDefects defects, marginal = 0;
      PfPhotoOptions options = { 0 };
      PfPoint found[4];
      double error = 0;
      gboolean ok;

      pf_specimen_params_init (&p);
      p.layout = i % PF_SPECIMEN_N_LAYOUTS;
      p.frame_width = i % 2 ? 1280 : 960;
      p.frame_height = i % 2 ? 720 : 540;
      pf_specimen_params_random (&p, 7000 + i, 0);
      p.background = backgrounds[i % G_N_ELEMENTS (backgrounds)];
      p.booklet = p.layout == PF_SPECIMEN_TD3;
      p.shadow = g_rand_double_range (rng, 0.2, 0.45);
      p.light_gradient = g_rand_double_range (rng, 0.3, 0.55);
      p.light_angle_deg = g_rand_double_range (rng, 0, 360);
      p.sharpen = g_rand_double_range (rng, 0.5, 1);
      p.jpeg_quality = g_rand_int_range (rng, 30, 60);
      p.rotation_deg = g_rand_double_range (rng, -40, 40);
      p.doc_width_fraction = MIN (p.doc_width_fraction, fitting_width (&p, p.rotation_deg));
      p.center_x = p.center_y = 0.5;
      p.tilt_x_deg = g_rand_double_range (rng, -12, 12);
      p.tilt_y_deg = g_rand_double_range (rng, -12, 12);
      s = pf_specimen_new (&p);
      defects = pf_specimen_get_defects (s, &marginal);
      options.kind = pf_specimen_layout_get_kind (p.layout);
      report = pf_photo_check (s->image, &options);

      /* A document that hardly stands out may go unfound. */
      if ((defects | marginal) & PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST)
        continue;
      decided++;
      ok = pf_photo_report_get_outline (report, found) &&
           pf_specimen_outline_matches (s, found, MAX_CORNER_ERROR, &error);
      right += ok;
      if (!ok)
        g_test_message ("unkind outline wrong: #%d %s on %s", i,
                        pf_specimen_layout_to_string (p.layout),
                        pf_specimen_background_to_string (p.background));
    }

  g_test_message ("unkind frames: outline right on %d of %d (%.1f%%)", right, decided,
                  decided > 0 ? 100.0 * right / decided : 0);
  g_assert_cmpint (decided, >=, N_UNKIND / 2);
  g_assert_cmpfloat ((double) right / decided, >=, MIN_UNKIND_RIGHT);
}

/* The photos people really take, beyond the main grid: the document
 * filling the frame, or the photo cropped to the card by its owner (edges
 * at or just inside the border, corners then cut off by construction); a
 * flatbed scan on the white lid; a card held in a hand with a thumb over
 * its edge; the hard shadow of a head or a phone across the card; dim light
 * at a phone's full 12 megapixels with heavy noise and coarse JPEG (the
 * checks work on their downscaled copy); a desk of the card's own colour;
 * an open passport with the facing page and the binding. Every card has
 * the ISO rounded corners (3.18 mm). Each frame is judged like the main
 * grid's, per group and per check. */
typedef enum
{
  REAL_FILLS_FRAME,
  REAL_CROPPED,
  REAL_SCANNER,
  REAL_HELD,
  REAL_CAST_SHADOW,
  REAL_DIM_12MP,
  REAL_SAME_COLOUR,
  REAL_PASSPORT_OPEN,
  N_REAL,
} RealGroup;

static const struct
{
  const char *name;
  int         n_frames;
  double      min_outline; /* the share of its frames whose outline is right */
} real_groups[N_REAL] = {
  [REAL_FILLS_FRAME] = { "fills the frame", 12, 0.66 },
  [REAL_CROPPED] = { "cropped to the card", 12, 0.9 },
  [REAL_SCANNER] = { "flatbed scan", 8, 0.87 },
  [REAL_HELD] = { "held, thumb on edge", 12, 0.75 },
  [REAL_CAST_SHADOW] = { "hard cast shadow", 12, 0.9 },
  [REAL_DIM_12MP] = { "dim 12 MP, noisy", 4, 0.75 },
  [REAL_SAME_COLOUR] = { "card-coloured desk", 8, 0.87 },
  [REAL_PASSPORT_OPEN] = { "open passport", 12, 0.66 },
};

/* The share of frames each check must get right on these photos, a
 * little under what they reach today; and how many frames with a
 * blocker-level defect may come out all fine: none. (A thumb over the top
 * edge of a card held against a background of its header's colour, where
 * the outline stops at the header and the thumb lies outside it, was
 * one until the MRZ anchor read that steep photo seen square on.) */
static const double min_real_right[N_CHECKS] = {
  0.93, /* photo.outline */
  0.95, /* photo.corners */
  0.95, /* photo.size */
  0.95, /* photo.angle */
  0.95, /* photo.background */
  0.92, /* photo.obstruction */
};
#define MAX_REAL_ALL_FINE_ON_BLOCKER 0

static void
real_params (RealGroup         group,
             int               i,
             PfSpecimenParams *p)
{
  g_autoptr (GRand) rng = g_rand_new_with_seed (15485863 * group + 31 * i + 3);
  static const int phone[][2] = { { 1280, 960 }, { 1280, 720 }, { 960, 1280 }, { 1600, 1200 } };
  const int *frame = phone[i % G_N_ELEMENTS (phone)];
  double w_mm, h_mm;

  pf_specimen_params_init (p);
  p->layout = i % PF_SPECIMEN_N_LAYOUTS;
  p->frame_width = frame[0];
  p->frame_height = frame[1];
  pf_specimen_params_random (p, 9000 + 100 * group + i, 0);
  pf_specimen_layout_get_size_mm (p->layout, &w_mm, &h_mm);

  switch (group)
    {
    case REAL_FILLS_FRAME:
      /* As close as the phone lets one come: the document's long side
       * along the frame's, from just inside the edges to just past them. */
      p->background = g_rand_int_range (rng, 0, PF_SPECIMEN_BG_SAME_AS_CARD);
      p->rotation_deg = (p->frame_height > p->frame_width ? 90 : 0)
                        + g_rand_double_range (rng, -4, 4);
      p->tilt_x_deg = g_rand_double_range (rng, -6, 6);
      p->tilt_y_deg = g_rand_double_range (rng, -6, 6);
      p->center_x = 0.5 + g_rand_double_range (rng, -0.02, 0.02);
      p->center_y = 0.5 + g_rand_double_range (rng, -0.02, 0.02);
      p->doc_width_fraction = g_rand_double_range (rng, 0.86, 1.02)
                              * MIN (1.0, (double) MIN (p->frame_width, p->frame_height)
                                            / MAX (p->frame_width, p->frame_height) * w_mm / h_mm);
      if (p->frame_height > p->frame_width)
        p->doc_width_fraction *= (double) p->frame_height / p->frame_width;
      break;

    case REAL_CROPPED:
      /* The owner cropped the photo to the card: the frame has the
       * card's proportions and the card's border lies a little inside
       * it, on it, or just outside it. */
      p->background = g_rand_int_range (rng, 0, PF_SPECIMEN_BG_SAME_AS_CARD);
      p->frame_width = g_rand_int_range (rng, 700, 1400);
      p->frame_height = (int) (p->frame_width * g_rand_double_range (rng, 0.98, 1.02) * h_mm / w_mm);
      p->rotation_deg = g_rand_double_range (rng, -1.5, 1.5);
      p->tilt_x_deg = p->tilt_y_deg = 0;
      p->center_x = 0.5 + g_rand_double_range (rng, -0.01, 0.01);
      p->center_y = 0.5 + g_rand_double_range (rng, -0.01, 0.01);
      p->doc_width_fraction = g_rand_double_range (rng, 0.9, 1.04);
      break;

    case REAL_SCANNER:
      /* 150 dpi, A4 upright, the document anywhere on the glass. */
      p->scanner = TRUE;
      p->background = PF_SPECIMEN_BG_LIGHT_PLAIN;
      p->frame_width = 1240;
      p->frame_height = 1754;
      p->fov_deg = 1;
      p->tilt_x_deg = p->tilt_y_deg = 0;
      p->rotation_deg = g_rand_double_range (rng, -5, 5) + (i % 3 == 2 ? 90 : 0);
      p->doc_width_fraction = w_mm / 210;
      p->center_x = g_rand_double_range (rng, 0.3, 0.7);
      p->center_y = g_rand_double_range (rng, 0.15, 0.85);
      p->light_gradient = p->shadow = p->vignetting = 0;
      p->noise_sigma = MIN (p->noise_sigma, 2);
      p->blur_sigma = 0.6;
      p->motion_length = 0;
      break;

    case REAL_HELD:
      p->background = PF_SPECIMEN_BG_HAND;
      p->rotation_deg = g_rand_double_range (rng, -12, 12);
      p->center_x = p->center_y = 0.5;
      p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_OCCLUDED, 9000 + i);
      break;

    case REAL_CAST_SHADOW:
      {
        static const PfSpecimenBackground surfaces[] = {
          PF_SPECIMEN_BG_DARK_PLAIN, PF_SPECIMEN_BG_LIGHT_PLAIN, PF_SPECIMEN_BG_WOOD,
          PF_SPECIMEN_BG_CLOTH,
        };

        p->background = surfaces[i % G_N_ELEMENTS (surfaces)];
        p->shadow = g_rand_double_range (rng, 0.45, 0.7);
        p->shadow_softness = g_rand_double_range (rng, 0.003, 0.015);
        p->rotation_deg = g_rand_double_range (rng, -25, 25);
        p->center_x = p->center_y = 0.5;
        p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
        break;
      }

    case REAL_DIM_12MP:
      p->frame_width = i % 2 ? 3024 : 4032;
      p->frame_height = i % 2 ? 4032 : 3024;
      p->background = (i * 3) % PF_SPECIMEN_BG_SAME_AS_CARD;
      p->rotation_deg = g_rand_double_range (rng, -20, 20) + (i % 2 ? 90 : 0);
      p->center_x = p->center_y = 0.5;
      p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
      p->exposure = g_rand_double_range (rng, 0.3, 0.45);
      p->noise_sigma = g_rand_double_range (rng, 10, 16);
      p->jpeg_quality = g_rand_int_range (rng, 30, 50);
      p->blur_sigma = g_rand_double_range (rng, 1, 2);
      break;

    case REAL_SAME_COLOUR:
      p->rotation_deg = g_rand_double_range (rng, -30, 30);
      p->center_x = p->center_y = 0.5;
      p->doc_width_fraction = MIN (p->doc_width_fraction, fitting_width (p, p->rotation_deg));
      pf_specimen_params_add_defect (p, PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST, 9000 + i);
      break;

    case REAL_PASSPORT_OPEN:
    case N_REAL:
    default:
      p->layout = PF_SPECIMEN_TD3;
      p->booklet = TRUE;
      p->background = (i * 5) % PF_SPECIMEN_BG_SAME_AS_CARD;
      /* The booklet is twice the page: the page smaller in the frame. */
      p->rotation_deg = g_rand_double_range (rng, -20, 20);
      p->doc_width_fraction = MIN (0.55, fitting_width (p, p->rotation_deg));
      p->center_x = 0.5;
      p->center_y = 0.62;
      p->tilt_x_deg = g_rand_double_range (rng, -10, 10);
      p->tilt_y_deg = g_rand_double_range (rng, -10, 10);
      break;
    }
}

static void
test_real (void)
{
  Tally tallies[N_CHECKS] = { { 0 } };
  int all_fine_on_blocker = 0, n_frames = 0, n_errors = 0;
  double error_sum = 0;
  int group_right[N_REAL] = { 0 };

  for (int g = 0; g < N_REAL; g++)
    {
      for (int i = 0; i < real_groups[g].n_frames; i++)
        {
          g_autoptr (GString) label = g_string_new (NULL);
          g_autoptr (PfSpecimen) s = NULL;
          PfSpecimenParams p;

          real_params (g, i, &p);
          s = pf_specimen_new (&p);
          g_string_printf (label, "%s #%d: %s on %s, %dx%d", real_groups[g].name, i,
                           pf_specimen_layout_to_string (p.layout),
                           pf_specimen_background_to_string (p.background), p.frame_width,
                           p.frame_height);
          group_right[g] += judge_frame (s, label->str, -1, FALSE, tallies, &all_fine_on_blocker,
                                         &error_sum, &n_errors);
          n_frames++;
        }
    }

  g_test_message ("%d real-world frames; outline corner error on found documents: mean "
                  "%.2f%% of the diagonal", n_frames, n_errors > 0 ? 100 * error_sum / n_errors : 0);
  for (int g = 0; g < N_REAL; g++)
    g_test_message ("%-22s outline right on %2d of %2d (%.0f%%)", real_groups[g].name,
                    group_right[g], real_groups[g].n_frames,
                    100.0 * group_right[g] / real_groups[g].n_frames);
  for (int c = 0; c < N_CHECKS; c++)
    print_tally (check_ids[c], &tallies[c]);

  g_assert_cmpint (all_fine_on_blocker, <=, MAX_REAL_ALL_FINE_ON_BLOCKER);
  for (int g = 0; g < N_REAL; g++)
    g_assert_cmpfloat ((double) group_right[g] / real_groups[g].n_frames, >=,
                       real_groups[g].min_outline);
  for (int c = 0; c < N_CHECKS; c++)
    g_assert_cmpfloat (tally_right (&tallies[c]), >=, min_real_right[c]);
}

/* The document is opaque: on a newspaper the print around it does not
 * show through it (frames #200 and #272 of the grid were thought to show
 * it; what shows there is the card's own guilloche), pixel for pixel the
 * same as on a plain desk. */
static void
test_opaque (void)
{
  const int frames[] = { 200, 272 };

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_autoptr (GString) label = g_string_new (NULL);
      g_autoptr (PfSpecimen) on_print = NULL;
      g_autoptr (PfSpecimen) on_desk = NULL;
      PfSpecimenParams p;
      int n = 0;

      grid_params (frames[i], &p, label);
      g_assert_cmpint (p.background, ==, PF_SPECIMEN_BG_NEWSPAPER);
      /* JPEG's blocks mix the two a little near the border; the rest is
       * the same noise, light and lens on both. */
      p.jpeg_quality = 0;
      on_print = pf_specimen_new (&p);
      p.background = PF_SPECIMEN_BG_DARK_PLAIN;
      on_desk = pf_specimen_new (&p);

      /* Inside the document, clear of its antialiased border. */
      for (double u = 0.05; u <= 0.95; u += 0.01)
        for (double v = 0.05; v <= 0.95; v += 0.01)
          {
            const PfPoint *c = on_print->corners;
            double x = (1 - u) * (1 - v) * c[0].x + u * (1 - v) * c[1].x + u * v * c[2].x + (1 - u) * v * c[3].x;
            double y = (1 - u) * (1 - v) * c[0].y + u * (1 - v) * c[1].y + u * v * c[2].y + (1 - u) * v * c[3].y;
            gsize offset = (gsize) y * pf_image_get_stride (on_print->image) + 4 * (gsize) x;

            g_assert_cmpmem (pf_image_get_data (on_print->image) + offset, 3,
                             pf_image_get_data (on_desk->image) + offset, 3);
            n++;
          }
      g_assert_cmpint (n, >, 1000);
    }
}

/* The truth the quality checks asked for: the portrait's quadrilateral
 * inside its bounds, and each glare core as the frame shows it. */
static void
test_truth (void)
{
  for (int seed = 0; seed < 6; seed++)
    {
      g_autoptr (PfSpecimen) s = NULL;
      PfSpecimenParams p;

      pf_specimen_params_init (&p);
      p.frame_width = 800;
      p.frame_height = 600;
      pf_specimen_params_random (&p, 300 + seed, PF_SPECIMEN_RANDOM_LAYOUT);
      p.n_glare = 0;
      g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_TEXT, 0.06, 1.2, seed));
      /* The second spot half off the frame. */
      p.center_x = 0.15;
      s = pf_specimen_new (&p);

      for (int k = 0; k < 4; k++)
        {
          g_assert_cmpfloat (s->photo_corners[k].x, >=, s->photo_box.x - 0.5);
          g_assert_cmpfloat (s->photo_corners[k].x, <=, s->photo_box.x + s->photo_box.width + 0.5);
          g_assert_cmpfloat (s->photo_corners[k].y, >=, s->photo_box.y - 0.5);
          g_assert_cmpfloat (s->photo_corners[k].y, <=, s->photo_box.y + s->photo_box.height + 0.5);
        }
      for (int i = 0; i < s->params.n_glare; i++)
        {
          PfRect c = s->glare_clipped_boxes[i], b = s->glare_boxes[i];

          g_assert_cmpint (s->glare_clipped_pixels[i], <=, (c.width + 0.5) * (c.height + 0.5));
          if (s->glare_clipped_pixels[i] == 0)
            continue;
          g_assert_cmpfloat (c.x, >=, MAX (0, floor (b.x) - 1));
          g_assert_cmpfloat (c.y, >=, MAX (0, floor (b.y) - 1));
          g_assert_cmpfloat (c.x + c.width, <=, MIN (p.frame_width, ceil (b.x + b.width) + 1));
          g_assert_cmpfloat (c.y + c.height, <=, MIN (p.frame_height, ceil (b.y + b.height) + 1));
          /* The core clips: its pixels are white. */
          {
            const guint8 *px = pf_image_get_data (s->image)
                               + (gsize) (c.y + c.height / 2) * pf_image_get_stride (s->image)
                               + 4 * (gsize) (c.x + c.width / 2);

            if (s->glare_is_defect[i] && c.width >= 5 && c.height >= 5)
              g_assert_cmpint (px[0] + px[1] + px[2], >=, 3 * 235);
          }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/photo-geometry/nothing", test_nothing);
  g_test_add_func ("/pf/photo-geometry/cut-corner", test_cut_corner);
  g_test_add_func ("/pf/photo-geometry/turned-is-fine", test_turned_is_fine);
  g_test_add_func ("/pf/photo-geometry/opaque", test_opaque);
  g_test_add_func ("/pf/photo-geometry/truth", test_truth);
  g_test_add_func ("/pf/photo-geometry/unkind", test_unkind);
  g_test_add_func ("/pf/photo-geometry/real", test_real);
  g_test_add_func ("/pf/photo-geometry/grid", test_grid);
  g_test_add_func ("/pf/photo-geometry/grid-live", test_grid_live);

  return g_test_run ();
}
