/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's entry point (the stages are in pf-outline.c and the
 * files it names). A camera frame gets one look, on a copy about 320
 * pixels across, to stay within a frame's time. A chosen photo also gets a
 * second look at twice the detail, and when the two looks disagree, each
 * outline is checked against the picture: a document's border separates
 * the document from what it lies on along its whole length, so the outline
 * whose sides show a clear step in colour or brightness along more of
 * their length is the document. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-outline-private.h"

/* A picture cropped to the document: its proportions within 4% of a
 * document's, print on at least 2% of its work pixels, and any
 * quadrilateral found in it under half its area. */
#define CROPPED_ASPECT_TOL 0.04
#define CROPPED_MIN_EDGES  0.02
#define CROPPED_MAX_INNER  0.5
#define CROPPED_CONFIDENCE 0.3

/* Verification: samples along each side, the step across it measured this
 * far either side (a share of the document's size, at least two pixels),
 * and the colour distance (grey levels) that makes a clear step. */
#define VERIFY_SAMPLES   32
#define VERIFY_NEAR      0.012
#define VERIFY_FAR       0.05
#define VERIFY_MIN_STEP  18.0
#define VERIFY_MIN_SHOWN 0.25 /* of a side in the frame for it to count */
#define VERIFY_PRINT     0.08 /* edge pixels inside a document, at least */
/* A document found only in the detailed look must be this clear a border
 * (verify ()) to count: the quick look is the tried one. */
#define VERIFY_ONLY_DETAILED 0.78
/* When the two looks disagree, the detailed one's outline must be this
 * much the clearer border to be taken over the quick one's. */
#define VERIFY_BETTER        0.05
/* ... or, when it adds a band along one side to the quick one's, nearly
 * as clear. */
#define VERIFY_BAND_SLACK    0.1

/* Two outlines agree when no corner is further apart than this share of
 * the document's diagonal. */
#define AGREE_SHARE 0.02

/* A photo its owner cropped to the document has the document's
 * proportions, a phone's picture (4:3, 16:9) has not; and when the crop is
 * tight no side of the document is left to find, or only something printed
 * on it (the portrait, a band along its edge), far smaller than the
 * picture. A picture of those proportions with print on it and no large
 * quadrilateral in it is the document. */
static gboolean
is_cropped_to_document (const Work      *work,
                        const double    *aspects,
                        guint            n_aspects,
                        const Candidate *winner)
{
  double aspect = (double) MAX (work->w, work->h) / MIN (work->w, work->h);
  gboolean shaped = FALSE;

  for (guint i = 0; i < n_aspects; i++)
    shaped |= fabs (log (aspect / aspects[i])) < CROPPED_ASPECT_TOL;
  if (!shaped || work->n_edges < CROPPED_MIN_EDGES * work->w * work->h)
    return FALSE;

  if (winner == NULL)
    return TRUE;
  if (pf_quad_area (winner->corners) >= CROPPED_MAX_INNER * work->w * work->h)
    return FALSE;

  /* Around a portrait or a band found on a cropped document there is more
   * print; around a card on a scanner's lid or a desk, a plain surface. */
  {
    int outside = 0, edges = 0;

    for (int y = 1; y < work->h - 1; y += 2)
      for (int x = 1; x < work->w - 1; x += 2)
        {
          int n_left = 0;

          /* Either way round: inside is on the same side of all four. */
          for (int k = 0; k < 4; k++)
            {
              const PfPoint *a = &winner->corners[k], *b = &winner->corners[(k + 1) % 4];

              n_left += (b->x - a->x) * (y - a->y) - (b->y - a->y) * (x - a->x) >= 0;
            }
          if (n_left == 0 || n_left == 4)
            continue;
          outside++;
          edges += work->dir[(gsize) y * work->w + x] != 0;
        }
    return outside > 0 && edges >= CROPPED_MIN_EDGES * outside;
  }
}

/* The share of the pixels well inside @c (work pixels) that are clear
 * edges: print, a portrait, the MRZ. */
static double
print_density (const Work    *work,
               const PfPoint  c[4])
{
  double mx = 0, my = 0;
  int inside = 0, edges = 0;

  for (int k = 0; k < 4; k++)
    {
      mx += c[k].x / 4;
      my += c[k].y / 4;
    }
  /* Points on a grid over the quadrilateral shrunk to 80% about its
   * centre, clear of its border. */
  for (int j = 0; j < 24; j++)
    for (int i = 0; i < 24; i++)
      {
        double u = (i + 0.5) / 24, v = (j + 0.5) / 24;
        double x = (1 - u) * (1 - v) * c[0].x + u * (1 - v) * c[1].x + u * v * c[2].x
                   + (1 - u) * v * c[3].x;
        double y = (1 - u) * (1 - v) * c[0].y + u * (1 - v) * c[1].y + u * v * c[2].y
                   + (1 - u) * v * c[3].y;
        int xi = (int) lrint (mx + 0.8 * (x - mx)), yi = (int) lrint (my + 0.8 * (y - my));

        if (xi < 0 || yi < 0 || xi >= work->w || yi >= work->h)
          continue;
        inside++;
        /* The edge map is thinned: look at the pixel and its neighbour. */
        edges += work->dir[(gsize) yi * work->w + xi] != 0
                 || (xi + 1 < work->w && work->dir[(gsize) yi * work->w + xi + 1] != 0);
      }

  return inside > 0 ? (double) edges / inside : 0;
}

/* How much of the outline's sides is a border: per side shown in the
 * frame, the share of points along it where just inside and just outside
 * differ clearly; the mean of the sides and the weakest side, averaged. A
 * thumb or a glare spot breaks a border for a stretch, a line through
 * print or a band's edge inside the document has the same surface on both
 * sides for much of its length, or its ends run off the document. From 0
 * (no side is a border) to 1 (all are, all along); @quad is in the pixels
 * of the grey image @work was made from. */
static double
verify (const Work   *work,
        const PfQuad *quad)
{
  PfPoint c[4];
  double f = work->factor, size, depths[2], sides[4], sum = 0, weakest = 1;
  int n_sides = 0, lowest = 0;

  for (int k = 0; k < 4; k++)
    {
      c[k].x = (quad->corners[k].x + 0.5) / f - 0.5;
      c[k].y = (quad->corners[k].y + 0.5) / f - 0.5;
    }
  size = sqrt (pf_quad_area (c));
  /* Near the side and further off: a line between two tiles, or a row of
   * a keyboard, has a step right at it and the same surface a little
   * further on either side; a document lies on one side all along. */
  depths[0] = MAX (2, VERIFY_NEAR * size);
  depths[1] = MAX (4, VERIFY_FAR * size);

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &c[k], *b = &c[(k + 1) % 4];
      int shown = 0, clear = 0;
      double nx, ny, side;

      pf_quad_outward_normal (c, k, &nx, &ny);
      for (int i = 0; i < VERIFY_SAMPLES; i++)
        {
          double t = 0.04 + 0.92 * (i + 0.5) / VERIFY_SAMPLES;
          double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
          double in[3], out[3], d[2];
          int j;

          for (j = 0; j < 2; j++)
            {
              if (!pf_outline_colour_at (work, px - depths[j] * nx, py - depths[j] * ny, in)
                  || !pf_outline_colour_at (work, px + depths[j] * nx, py + depths[j] * ny, out))
                break;
              d[j] = pf_outline_colour_distance (in, out);
            }
          if (j < 2)
            continue;
          shown++;
          clear += d[0] >= VERIFY_MIN_STEP && d[1] >= VERIFY_MIN_STEP;
        }
      /* What lies outside the frame was placed, not seen: it counts half,
       * so that an outline is not the better for reaching out of the
       * picture where nothing can contradict it. */
      if (shown < VERIFY_MIN_SHOWN * VERIFY_SAMPLES)
        continue;
      side = (clear + 0.5 * (VERIFY_SAMPLES - shown)) / VERIFY_SAMPLES;
      sides[n_sides++] = side;
    }
  if (n_sides < 2)
    return 0;
  /* An open passport's page meets the facing page at the binding, which
   * need not be a border: when a passport is expected, its weakest side
   * is left out. */
  for (int k = 0; k < n_sides; k++)
    if (sides[k] < sides[lowest])
      lowest = k;
  for (int k = 0; k < n_sides; k++)
    {
      if (work->passport && k == lowest)
        continue;
      sum += sides[k];
      weakest = MIN (weakest, sides[k]);
    }
  n_sides -= work->passport ? 1 : 0;

  /* A document has print on it; a tile, a window or a sheet of plain
   * paper framed by the same steps has not. */
  return 0.5 * (sum / n_sides + weakest) * MIN (1, print_density (work, c) / VERIFY_PRINT);
}

static gboolean
outlines_agree (const PfQuad *a,
                const PfQuad *b)
{
  double diag = MAX (hypot (a->corners[2].x - a->corners[0].x, a->corners[2].y - a->corners[0].y),
                     hypot (a->corners[3].x - a->corners[1].x, a->corners[3].y - a->corners[1].y));

  /* The corners are ordered as seen in the picture by both. */
  for (int k = 0; k < 4; k++)
    if (hypot (a->corners[k].x - b->corners[k].x, a->corners[k].y - b->corners[k].y)
        > AGREE_SHARE * diag)
      return FALSE;
  return TRUE;
}

static double
line_distance (const PfPoint *a,
               const PfPoint *b,
               const PfPoint *p)
{
  double len = MAX (hypot (b->x - a->x, b->y - a->y), 1e-9);

  return fabs ((p->x - a->x) * (b->y - a->y) - (p->y - a->y) * (b->x - a->x)) / len;
}

/* Is @detailed @quick with a band along one side added: the same lines
 * for the other sides (but one placed outside the frame, which follows
 * the proportions), one side further out, and @quick inside? */
static gboolean
adds_band (const PfQuad *quick,
           const PfQuad *detailed,
           int           width,
           int           height)
{
  double diag = MAX (hypot (quick->corners[2].x - quick->corners[0].x,
                            quick->corners[2].y - quick->corners[0].y),
                     hypot (quick->corners[3].x - quick->corners[1].x,
                            quick->corners[3].y - quick->corners[1].y));
  double area = pf_quad_area (quick->corners), grown = pf_quad_area (detailed->corners);
  int differ = 0;

  if (grown <= area || grown > PF_OUTLINE_MAX_BAND_GROWTH * area)
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &quick->corners[k], *b = &quick->corners[(k + 1) % 4];
      double mx = (a->x + b->x) / 2, my = (a->y + b->y) / 2;

      if (!pf_outline_contains (detailed->corners, a, 0.01 * diag))
        return FALSE;
      if (mx < 0 || my < 0 || mx > width - 1 || my > height - 1)
        continue;
      if (line_distance (a, b, &detailed->corners[k]) > AGREE_SHARE * diag
          || line_distance (a, b, &detailed->corners[(k + 1) % 4]) > AGREE_SHARE * diag)
        differ++;
    }

  return differ == 1;
}

/* One look, at @work_size: the quadrilateral, or the whole picture when
 * the photo was cropped to the document. @work is left for the caller to
 * verify with and clear. */
static gboolean
look (Work         *work,
      const guint8 *grey,
      int           width,
      int           height,
      PfImage      *colour,
      const double *aspects,
      guint         n_aspects,
      int           work_size,
      PfQuad       *quad)
{
  Candidate winner;
  gboolean found;

  memset (quad, 0, sizeof *quad);
  found = pf_outline_find_at (work, grey, width, height, colour, aspects, n_aspects, work_size,
                              &winner);
  if (is_cropped_to_document (work, aspects, n_aspects, found ? &winner : NULL))
    {
      /* The whole picture is the document, its border at or past the
       * picture's: the corners lie just outside, so that photo.corners
       * says they are cut off rather than that nothing was found. */
      quad->corners[0] = (PfPoint) { -1, -1 };
      quad->corners[1] = (PfPoint) { width, -1 };
      quad->corners[2] = (PfPoint) { width, height };
      quad->corners[3] = (PfPoint) { -1, height };
      quad->n_found_sides = 0;
      quad->confidence = CROPPED_CONFIDENCE;
      return TRUE;
    }
  if (found)
    pf_outline_finish (work, &winner, grey, width, height, quad);
  return found;
}

/**
 * pf_outline_find:
 * @grey: a grey image, @width bytes a row
 * @colour: (nullable): the photo @grey was made from, for colour edges
 * @aspects: the proportions (long side over short side) the document may
 *   have, the expected one first
 * @live: a camera frame, which gets the one quick look
 * @quad: (out): the outline, in @grey's pixels
 *
 * Finds the document's outline. Meant for an image with a long side of
 * some hundreds of pixels (the photo checks' downscaled copy).
 *
 * Returns: %TRUE if a document was found
 */
gboolean
pf_outline_find (const guint8 *grey,
                 int           width,
                 int           height,
                 PfImage      *colour,
                 const double *aspects,
                 guint         n_aspects,
                 gboolean      live,
                 PfQuad       *quad)
{
  Work coarse = { 0 }, fine = { 0 };
  PfQuad detailed;
  gboolean found, found_fine;

  g_return_val_if_fail (grey != NULL, FALSE);
  g_return_val_if_fail (aspects != NULL && n_aspects > 0, FALSE);
  g_return_val_if_fail (quad != NULL, FALSE);

  memset (quad, 0, sizeof *quad);
  if (width < 16 || height < 16)
    return FALSE;

  found = look (&coarse, grey, width, height, colour, aspects, n_aspects, PF_OUTLINE_WORK_SIZE,
                quad);
  pf_outline_work_clear (&coarse);
  /* Twice the detail is only there in a larger picture; and a cropped
   * photo is settled. */
  if (live || MAX (width, height) < PF_OUTLINE_STILL_WORK_SIZE * 3 / 4
      || (found && quad->n_found_sides == 0))
    return found;

  found_fine = look (&fine, grey, width, height, colour, aspects, n_aspects,
                     PF_OUTLINE_STILL_WORK_SIZE, &detailed);
  if (found_fine && detailed.n_found_sides > 0)
    {
      if (!found)
        {
          double vf = verify (&fine, &detailed);

          if (vf >= VERIFY_ONLY_DETAILED)
            {
              *quad = detailed;
              found = TRUE;
            }
        }
      /* Of an open passport, the page and the facing page are both
       * framed by clear steps but for the binding: the borders cannot
       * tell them apart, the print on them can (prefer_page ()), and the
       * quick look has weighed it. */
      else if (!fine.passport && !outlines_agree (quad, &detailed))
        {
          double vc = verify (&fine, quad), vf = verify (&fine, &detailed);

          /* Twice the detail shows a band's thin edge along the
           * document's own (pf_outline_choose ()) where the quick look
           * saw only the band's inner edge, the clearer step. */
          if (vf >= vc + VERIFY_BETTER
              || (adds_band (quad, &detailed, width, height) && vf >= vc - VERIFY_BAND_SLACK))
            *quad = detailed;
        }
    }
  pf_outline_work_clear (&fine);

  return found;
}
