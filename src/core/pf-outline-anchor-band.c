/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The MRZ found for the outline's anchor (pf-outline-anchor.c): read by
 * the MRZ reader in the still, turned first when the document is turned
 * more than the reader allows, and set up as the document's frame: its
 * direction, its scale in pixels a millimetre, and the ends of its last
 * line. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-mrz-reader.h"
#include "pf-outline-anchor.h"
#include "pf-outline.h"
#include "pf-photo-util.h"
#include "pf-rectify.h"

/* The reader's band ends 200 font units under the last baseline; OCR-B's
 * capitals are 713 units tall: the last line's middle is this many
 * capital heights above the band's bottom. */
#define BAND_TO_MIDDLE    ((200.0 + 713.0 / 2) / 713.0)
/* The turned copy the MRZ is read in when the document is turned: MRZ
 * characters stay a dozen pixels tall on a document half the frame wide. */
#define MAX_TURNED_SIZE   2000
/* Seen less steeply, the reader's grid follows the glyphs' change of size
 * along a line: where the first reading found no MRZ at all, a second one
 * seen square on would only double the time on photos whose MRZ is
 * blurred or absent. An MRZ found but misread gets the second look at any
 * angle. */
#define MIN_SQUARE_ON_TILT_DEG 12.0

/* A copy of @grey turned by -@angle_deg about its centre and reduced to at
 * most MAX_TURNED_SIZE, so that a line at @angle_deg runs across it; and
 * the map back: p = centre + R (angle) (q - turned centre) / scale. */
typedef struct
{
  guint8 *pixels;
  int     width;
  int     height;
  double  cos_a, sin_a;
  double  scale;
  double  cx, cy;   /* the image's centre */
  double  tcx, tcy; /* the copy's centre */
} Turned;

static void
turned_to_image (const Turned *t,
                 double        x,
                 double        y,
                 PfPoint      *p)
{
  double dx = (x - t->tcx) / t->scale, dy = (y - t->tcy) / t->scale;

  p->x = t->cx + dx * t->cos_a - dy * t->sin_a;
  p->y = t->cy + dx * t->sin_a + dy * t->cos_a;
}

static void
turned_make (Turned       *t,
             const guint8 *grey,
             int           width,
             int           height,
             double        angle_deg)
{
  double a = angle_deg * G_PI / 180;
  double bw, bh;

  t->cos_a = cos (a);
  t->sin_a = sin (a);
  bw = fabs (width * t->cos_a) + fabs (height * t->sin_a);
  bh = fabs (width * t->sin_a) + fabs (height * t->cos_a);
  t->scale = MIN (1.0, MAX_TURNED_SIZE / MAX (bw, bh));
  t->width = MAX (1, (int) (bw * t->scale));
  t->height = MAX (1, (int) (bh * t->scale));
  t->cx = (width - 1) / 2.0;
  t->cy = (height - 1) / 2.0;
  t->tcx = (t->width - 1) / 2.0;
  t->tcy = (t->height - 1) / 2.0;
  t->pixels = g_malloc ((gsize) t->width * t->height);

  for (int y = 0; y < t->height; y++)
    {
      PfPoint p;
      double stepx = t->cos_a / t->scale, stepy = t->sin_a / t->scale;

      turned_to_image (t, 0, y, &p);
      for (int x = 0; x < t->width; x++, p.x += stepx, p.y += stepy)
        {
          /* Outside the image: its nearest pixel, so that the frame's
           * border makes no edge and no blob. */
          double sx = CLAMP (p.x, 0, width - 1.001), sy = CLAMP (p.y, 0, height - 1.001);
          int x0 = (int) sx, y0 = (int) sy;
          int x1 = MIN (x0 + 1, width - 1), y1 = MIN (y0 + 1, height - 1);
          double fx = sx - x0, fy = sy - y0;
          const guint8 *r0 = grey + (gsize) y0 * width, *r1 = grey + (gsize) y1 * width;
          double top = r0[x0] + fx * (r0[x1] - r0[x0]);
          double bottom = r1[x0] + fx * (r1[x1] - r1[x0]);

          t->pixels[(gsize) y * t->width + x] = (guint8) (top + fy * (bottom - top) + 0.5);
        }
    }
}

static void
turned_clear (Turned *t)
{
  if (t->pixels != NULL)
    pf_secure_zero (t->pixels, (gsize) t->width * t->height);
  g_clear_pointer (&t->pixels, g_free);
}

/* Reads the MRZ with its lines at about @angle_deg in the image; fills
 * @band's corners in image pixels and @scale with the pixels read per
 * image pixel. */
static PfMrzReading *
read_at (const guint8 *grey,
         int           width,
         int           height,
         double        angle_deg,
         PfPoint       band[4],
         double       *scale)
{
  PfMrzReading *reading;
  Turned turned = { NULL };

  *scale = 1;

  /* The reader allows a few degrees of slant itself, and half a turn;
   * past 16 megapixels it reads a reduced copy, which bounds the memory
   * its own copies take. */
  if (fabs (angle_deg) < 3 && (double) width * height <= 16e6)
    {
      reading = pf_mrz_read_grey (grey, width, height, width, NULL, NULL);
      if (reading != NULL)
        pf_mrz_reading_get_band (reading, band);
      return reading;
    }

  turned_make (&turned, grey, width, height, angle_deg);
  *scale = turned.scale;
  reading = pf_mrz_read_grey (turned.pixels, turned.width, turned.height, turned.width, NULL,
                              NULL);
  if (reading != NULL)
    {
      pf_mrz_reading_get_band (reading, band);
      for (int k = 0; k < 4; k++)
        turned_to_image (&turned, band[k].x, band[k].y, &band[k]);
    }
  turned_clear (&turned);
  return reading;
}

static gboolean
band_set_up (PfAnchorBand *band,
             PfMrzReading *reading,
             double        scale)
{
  PfMrzFormat format = pf_mrz_get_format (pf_mrz_reading_get_mrz (reading));
  double h, hl, hr, len;

  switch (format)
    {
    case PF_MRZ_FORMAT_TD1:
      band->n_chars = 30;
      break;
    case PF_MRZ_FORMAT_TD2:
      band->n_chars = 36;
      break;
    case PF_MRZ_FORMAT_TD3:
      band->n_chars = 44;
      break;
    case PF_MRZ_FORMAT_NONE:
    default:
      return FALSE;
    }
  if (pf_mrz_reading_get_n_lines (reading) == 0 ||
      strlen (pf_mrz_reading_get_line (reading, 0)) != band->n_chars)
    return FALSE;

  band->format = format;
  band->valid = pf_mrz_reading_get_valid (reading);
  band->char_height = pf_mrz_reading_get_char_height (reading) / scale;
  pf_mrz_format_get_size_mm (format, &band->width_mm, &band->height_mm);

  /* The band's ends, and their heights. */
  h = band->char_height * BAND_TO_MIDDLE;
  hl = hypot (band->band[3].x - band->band[0].x, band->band[3].y - band->band[0].y);
  hr = hypot (band->band[2].x - band->band[1].x, band->band[2].y - band->band[1].y);
  if (hl < 1 || hr < 1)
    return FALSE;
  band->left.x = band->band[3].x - (band->band[3].x - band->band[0].x) / hl * h;
  band->left.y = band->band[3].y - (band->band[3].y - band->band[0].y) / hl * h;
  band->right.x = band->band[2].x - (band->band[2].x - band->band[1].x) / hr * h;
  band->right.y = band->band[2].y - (band->band[2].y - band->band[1].y) / hr * h;
  len = hypot (band->right.x - band->left.x, band->right.y - band->left.y);
  if (len < 10 * band->char_height)
    return FALSE;
  band->ux = (band->right.x - band->left.x) / len;
  band->uy = (band->right.y - band->left.y) / len;
  band->vx = -band->uy;
  band->vy = band->ux;
  band->px_per_mm = len / (band->n_chars * PF_ANCHOR_CHAR_PITCH_MM);

  /* The band's height at either end (as the reader fitted it, or through
   * the perspective it was read in) says how much nearer that end is. */
  band->scale_left = CLAMP (2 * hl / (hl + hr), 0.6, 1.4);
  band->scale_right = CLAMP (2 * hr / (hl + hr), 0.6, 1.4);
  return TRUE;
}

/* Reads the MRZ in the photo seen square on through @hint. Under a steep
 * perspective the glyphs grow or shrink along a line by more than the
 * reader's grid follows, and a reading of the photo as it is fails or
 * misses a character; the outline levels the lines and evens their pitch
 * even when one of its sides is wrong (the MRZ lies along the bottom,
 * which it has). Fills @band in image pixels and @scale with the copy's
 * pixels per image pixel along the band. */
static PfMrzReading *
read_rectified (const guint8  *grey,
                int            width,
                int            height,
                const PfPoint  hint[4],
                PfPoint        band[4],
                double        *scale)
{
  g_autoptr(PfRectified) rectified = NULL;
  PfMrzReading *reading;
  PfDocRegion region;
  PfPoint corners[4], found[4];
  PfQuadPose pose;
  double long_px, width_mm = 100, height_mm;

  memcpy (corners, hint, sizeof corners);
  pf_rectify_orient_landscape (corners);
  long_px = MAX (hypot (corners[1].x - corners[0].x, corners[1].y - corners[0].y),
                 hypot (corners[2].x - corners[3].x, corners[2].y - corners[3].y));
  if (long_px < 1)
    return NULL;
  /* In the document's proportions as the perspective says them: seen
   * steeply, the sides' own ratio would squash the glyphs. */
  pf_quad_get_pose (corners, width, height, &pose);
  height_mm = width_mm / (pose.first_is_long ? pose.aspect : 1 / pose.aspect);
  rectified = pf_rectify_grey (grey, width, height, width, corners, width_mm, height_mm,
                               MIN (long_px, MAX_TURNED_SIZE) / width_mm);
  if (rectified == NULL)
    return NULL;

  reading = pf_mrz_read_grey (rectified->grey, rectified->width, rectified->height,
                              rectified->width, NULL, NULL);
  if (reading == NULL)
    return NULL;

  /* Back through the homography the copy was sampled with (its pixel
   * centres at (x + 0.5) / width of the unit square). */
  pf_mrz_reading_get_band (reading, found);
  pf_doc_region_set_quad (&region, corners, width_mm, height_mm);
  for (int k = 0; k < 4; k++)
    pf_doc_region_to_image (&region, (found[k].x + 0.5) / rectified->width,
                            (found[k].y + 0.5) / rectified->height, &band[k]);
  *scale = hypot (found[1].x - found[0].x, found[1].y - found[0].y) /
           MAX (1e-9, hypot (band[1].x - band[0].x, band[1].y - band[0].y));
  return reading;
}

/**
 * pf_outline_anchor_find_band:
 * @grey: the photo, full resolution, @width bytes a row
 * @hint: (nullable): the edge-based outline, whose long side says which
 *   way the document is turned
 * @band: (out caller-allocates): the MRZ found
 *
 * Reads the MRZ with the MRZ reader, turning the image first when the
 * document is turned more than the reader allows; without a hint, level
 * and a quarter turn are tried. With a hint, when that gives an MRZ whose
 * check digits fail (or, seen steeply, none), the photo is read once more
 * seen square on through the hint.
 *
 * Returns: %TRUE if an MRZ of a known format was read
 */
gboolean
pf_outline_anchor_find_band (const guint8  *grey,
                             int            width,
                             int            height,
                             const PfPoint *hint,
                             PfAnchorBand  *band)
{
  double angles[2] = { 0, 90 }, tilt = 0;
  gboolean found = FALSE;

  memset (band, 0, sizeof *band);
  if (hint != NULL)
    {
      PfQuadPose pose;

      pf_quad_get_pose (hint, width, height, &pose);
      angles[0] = pose.in_plane_deg > 90 ? pose.in_plane_deg - 180 : pose.in_plane_deg;
      angles[1] = angles[0] > 0 ? angles[0] - 90 : angles[0] + 90;
      tilt = pose.tilt_deg;
    }

  for (guint i = 0; i < G_N_ELEMENTS (angles) && !found; i++)
    {
      double scale;
      g_autoptr(PfMrzReading) reading = read_at (grey, width, height, angles[i], band->band,
                                                 &scale);

      if (reading != NULL)
        found = band_set_up (band, reading, scale);
    }

  if (hint != NULL && !(found && band->valid) && (found || tilt >= MIN_SQUARE_ON_TILT_DEG))
    {
      PfAnchorBand square_on = { 0 };
      double scale = 1;
      g_autoptr(PfMrzReading) reading = read_rectified (grey, width, height, hint,
                                                        square_on.band, &scale);

      if (reading != NULL && band_set_up (&square_on, reading, scale) && square_on.valid)
        {
          *band = square_on;
          return TRUE;
        }
    }

  if (!found)
    memset (band, 0, sizeof *band);
  return found;
}
