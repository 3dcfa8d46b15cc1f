/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the lines of an MRZ: dark blobs the size of characters
 * (pf-mrz-blobs.c), chained left to right into text lines along the
 * document's slant; an MRZ is two or three such lines, long, parallel,
 * evenly spaced and of equal extent. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-image.h"
#include "pf-mrz-find.h"

typedef struct
{
  double left, right;      /* along the slant */
  double y;                /* middle height across the slant */
  double height;
  double pitch;            /* 0 when unknown */
  PfMrzFoundLine line;     /* in working pixels */
} Chain;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* The slant of the text: the angle at which the bottoms of character-like
 * blobs pile up into the fewest rows. */
static double
find_slant (GArray *blobs)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree int *bins = NULL;
  double best_angle = 0, best_score = -1, bin;
  int n_bins;
  double extent = 0;

  for (guint i = 0; i < blobs->len; i++)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);
      double h = b->y1 - b->y0 + 1;

      if (b->x1 - b->x0 + 1 <= 1.5 * h)
        g_array_append_val (heights, h);
      extent = MAX (extent, MAX (b->x1, b->y1));
    }
  if (heights->len < 8)
    return 0;

  bin = MAX (1.5, median (heights) / 5);
  n_bins = (int) (3 * extent / bin) + 4;
  bins = g_new (int, n_bins);

  for (int step = -50; step <= 50; step++)
    {
      double angle = step * G_PI / 1800, c = cos (angle), s = sin (angle), score = 0;

      memset (bins, 0, sizeof (int) * n_bins);
      for (guint i = 0; i < blobs->len; i++)
        {
          PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);
          double h = b->y1 - b->y0 + 1;
          double x = (b->x0 + b->x1 + 1) / 2.0, y = b->y1 + 1.0;
          int k;

          if (b->x1 - b->x0 + 1 > 1.5 * h)
            continue;
          k = (int) ((-x * s + y * c + extent) / bin);
          if (k >= 0 && k < n_bins)
            bins[k]++;
        }
      for (int k = 0; k < n_bins; k++)
        score += (double) bins[k] * bins[k];
      /* Prefer the smaller angle among equals. */
      if (score > best_score * (1 + 1e-9))
        {
          best_score = score;
          best_angle = angle;
        }
    }

  return best_angle;
}

static int
compare_blobs_left (gconstpointer a,
                    gconstpointer b)
{
  const PfMrzBlob *ba = a, *bb = b;

  return (ba->left > bb->left) - (ba->left < bb->left);
}

/* Links each blob to the nearest blob on its right that sits on the same
 * text line, each at most once. */
static void
link_blobs (GArray *blobs)
{
  for (guint i = 0; i < blobs->len; i++)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);

      b->next = b->prev = -1;
    }

  for (guint i = 0; i < blobs->len; i++)
    {
      PfMrzBlob *a = &g_array_index (blobs, PfMrzBlob, i);
      double best_gap = G_MAXDOUBLE;
      int best = -1;

      for (guint j = i + 1; j < blobs->len; j++)
        {
          PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, j);
          double hmax = MAX (a->h, b->h), gap = b->left - a->right;

          if (b->left > a->right + 2.6 * a->h)
            break;
          if (b->left < a->cx || gap > 1.3 * hmax)
            continue;
          if (fabs (a->cy - b->cy) > 0.3 * hmax || MIN (a->h, b->h) < 0.5 * hmax)
            continue;
          if (gap < best_gap)
            {
              best_gap = gap;
              best = j;
            }
        }

      if (best >= 0)
        {
          PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, best);

          if (b->prev >= 0)
            {
              PfMrzBlob *other = &g_array_index (blobs, PfMrzBlob, b->prev);

              if (b->left - other->right <= best_gap)
                continue;
              other->next = -1;
            }
          b->prev = i;
          a->next = best;
        }
    }
}

typedef struct
{
  int    head;
  int    tail;
  double left, right, y, height;
} Piece;

static int
compare_pieces_left (gconstpointer a,
                     gconstpointer b)
{
  const Piece *pa = a, *pb = b;

  return (pa->left > pb->left) - (pa->left < pb->left);
}

/* Joins chains that continue each other on one line across a short gap:
 * a line breaks where blur merged a character with the line above, or
 * where a character is missing. */
static void
join_pieces (GArray *blobs)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middles = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < blobs->len; i++)
    {
      Piece piece = { i, i, G_MAXDOUBLE, -G_MAXDOUBLE, 0, 0 };
      guint n = 0;

      if (g_array_index (blobs, PfMrzBlob, i).prev >= 0)
        continue;
      g_array_set_size (heights, 0);
      g_array_set_size (middles, 0);
      for (int k = i; k >= 0; k = g_array_index (blobs, PfMrzBlob, k).next, n++)
        {
          PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, k);

          piece.tail = k;
          piece.left = MIN (piece.left, b->left);
          piece.right = MAX (piece.right, b->right);
          g_array_append_val (heights, b->h);
          g_array_append_val (middles, b->cy);
        }
      if (n < 3)
        continue;
      piece.height = median (heights);
      piece.y = median (middles);
      g_array_append_val (pieces, piece);
    }

  g_array_sort (pieces, compare_pieces_left);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *a = &g_array_index (pieces, Piece, i);

      for (guint j = i + 1; j < pieces->len; j++)
        {
          Piece *b = &g_array_index (pieces, Piece, j);
          double h = MAX (a->height, b->height);

          if (b->left > a->right + 4 * h)
            break;
          if (b->left < a->right - 0.5 * h || fabs (a->y - b->y) > 0.35 * h ||
              MIN (a->height, b->height) < h / 1.6 ||
              g_array_index (blobs, PfMrzBlob, b->head).prev >= 0)
            continue;

          g_array_index (blobs, PfMrzBlob, a->tail).next = b->head;
          g_array_index (blobs, PfMrzBlob, b->head).prev = a->tail;
          b->head = a->head;
          b->left = a->left;
          break;
        }
    }
}

/* Measures a chain of linked blobs starting at @head. Returns FALSE when
 * it is too short to be an MRZ line. */
static gboolean
measure_chain (GArray *blobs,
               int     head,
               double  cos_a,
               double  sin_a,
               Chain  *chain)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) spacings = g_array_new (FALSE, FALSE, sizeof (double));
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0, slope, offset, h;
  int count = 0;

  chain->left = G_MAXDOUBLE;
  chain->right = -G_MAXDOUBLE;
  for (int i = head; i >= 0; i = g_array_index (blobs, PfMrzBlob, i).next)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);

      g_array_append_val (heights, b->h);
      chain->left = MIN (chain->left, b->left);
      chain->right = MAX (chain->right, b->right);
      count++;
    }
  h = median (heights);
  if (count < 6 || chain->right - chain->left < 18 * h)
    return FALSE;

  /* The line through the middles of full-size characters, along the
   * slant, and the spacing of neighbouring single characters. */
  for (int i = head; i >= 0; i = g_array_index (blobs, PfMrzBlob, i).next)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);
      int j = b->next;

      if (b->h >= 0.7 * h && b->h <= 1.3 * h && b->w <= 1.2 * h)
        {
          sx += b->cx;
          sy += b->cy;
          sxx += b->cx * b->cx;
          sxy += b->cx * b->cy;
          n++;
        }
      if (j >= 0)
        {
          PfMrzBlob *c = &g_array_index (blobs, PfMrzBlob, j);
          double spacing = c->cx - b->cx;

          if (b->w <= 0.95 * h && c->w <= 0.95 * h && spacing < 1.6 * h && spacing > 0.6 * h)
            g_array_append_val (spacings, spacing);
        }
    }
  if (n < 4 || n * sxx - sx * sx <= 0)
    return FALSE;

  slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  offset = (sy - slope * sx) / n;
  chain->height = h;
  chain->y = offset + slope * (chain->left + chain->right) / 2;
  chain->pitch = spacings->len >= 5 ? median (spacings) : 0;

  /* Back from the turned frame to the image. */
  {
    double y_left = offset + slope * chain->left, y_right = offset + slope * chain->right;

    chain->line.x0 = chain->left * cos_a - y_left * sin_a;
    chain->line.y0 = chain->left * sin_a + y_left * cos_a;
    chain->line.x1 = chain->right * cos_a - y_right * sin_a;
    chain->line.y1 = chain->right * sin_a + y_right * cos_a;
    chain->line.height = h;
  }
  return TRUE;
}

static int
compare_chains_y (gconstpointer a,
                  gconstpointer b)
{
  const Chain *ca = a, *cb = b;

  return (ca->y > cb->y) - (ca->y < cb->y);
}

/* Whether @upper and @lower can be neighbouring lines of one MRZ. A line
 * of fillers measures lower than one of digits: '<' is 80% of a digit's
 * height. */
static gboolean
compatible (const Chain *upper,
            const Chain *lower)
{
  double h = MAX (upper->height, lower->height);
  double dy = lower->y - upper->y;

  return dy >= 1.1 * h && dy <= 3.5 * h &&
         fabs (upper->left - lower->left) <= 2.5 * h &&
         fabs (upper->right - lower->right) <= 2.5 * h &&
         MIN (upper->height, lower->height) >= h / 1.6;
}

/* The number of characters the lines would have at their pitch. */
static double
estimate_cells (const Chain *chains,
                guint        n)
{
  double cells = 0, pitch = 0, length = 0, h = 0;
  guint with_pitch = 0;

  for (guint i = 0; i < n; i++)
    {
      length += chains[i].right - chains[i].left;
      h += chains[i].height;
      if (chains[i].pitch > 0)
        {
          pitch += chains[i].pitch;
          with_pitch++;
        }
    }
  length /= n;
  h /= n;
  if (with_pitch == 0)
    return 0;
  pitch /= with_pitch;
  cells = (length - 0.6 * h) / pitch + 1;
  return cells;
}

static void
add_group (GPtrArray   *groups,
           const Chain *chains,
           guint        n_lines,
           guint        n_cells,
           double       factor)
{
  PfMrzFoundGroup *group = g_new0 (PfMrzFoundGroup, 1);

  group->n_lines = n_lines;
  group->n_cells = n_cells;
  for (guint i = 0; i < n_lines; i++)
    {
      group->lines[i] = chains[i].line;
      group->lines[i].x0 *= factor;
      group->lines[i].y0 *= factor;
      group->lines[i].x1 *= factor;
      group->lines[i].y1 *= factor;
      group->lines[i].height *= factor;
    }
  g_ptr_array_add (groups, group);
}

/* Adds the readings a group of lines allows, likeliest first. */
static void
add_groups_for (GPtrArray   *groups,
                const Chain *lines,
                guint        n_lines,
                PfMrzFormat  format,
                double       factor)
{
  double cells;

  if (n_lines == 3 && (format == PF_MRZ_FORMAT_NONE || format == PF_MRZ_FORMAT_TD1))
    {
      cells = estimate_cells (lines, 3);
      if (format == PF_MRZ_FORMAT_TD1 || cells == 0 || (cells > 24 && cells < 34))
        add_group (groups, lines, 3, 30, factor);
    }

  if (n_lines >= 2 && format != PF_MRZ_FORMAT_TD1)
    {
      const Chain *pair = lines + n_lines - 2;

      cells = estimate_cells (pair, 2);
      if (format == PF_MRZ_FORMAT_TD2)
        add_group (groups, pair, 2, 36, factor);
      else if (format == PF_MRZ_FORMAT_TD3)
        add_group (groups, pair, 2, 44, factor);
      else if (cells == 0 || (cells > 37 && cells < 43))
        {
          /* Not sure: try both, the nearer first. */
          add_group (groups, pair, 2, cells < 40 ? 36 : 44, factor);
          add_group (groups, pair, 2, cells < 40 ? 44 : 36, factor);
        }
      else if (cells >= 31 && cells <= 50)
        add_group (groups, pair, 2, cells < 40 ? 36 : 44, factor);
    }
}

static void
free_group (gpointer data)
{
  pf_secure_zero (data, sizeof (PfMrzFoundGroup));
  g_free (data);
}

/**
 * pf_mrz_find_groups:
 * @format: the MRZ expected, or %PF_MRZ_FORMAT_NONE
 * @factor: how much to reduce the image first, 1 or more
 *
 * Returns: (transfer full) (element-type PfMrzFoundGroup): groups of lines
 *   that may be an MRZ, lowest in the image first
 */
GPtrArray *
pf_mrz_find_groups (const guint8 *grey,
                    int           width,
                    int           height,
                    gsize         stride,
                    PfMrzFormat   format,
                    int           factor)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (free_group);
  g_autoptr(GArray) blobs = NULL;
  g_autoptr(GArray) chains = g_array_new (FALSE, FALSE, sizeof (Chain));
  double angle, c, s;

  g_return_val_if_fail (factor >= 1, groups);

  blobs = pf_mrz_find_blobs (grey, width, height, stride, factor);

  angle = find_slant (blobs);
  c = cos (angle);
  s = sin (angle);
  for (guint i = 0; i < blobs->len; i++)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);
      double x = (b->x0 + b->x1 + 1) / 2.0, y = (b->y0 + b->y1 + 1) / 2.0;

      b->w = b->x1 - b->x0 + 1;
      b->h = b->y1 - b->y0 + 1;
      b->cx = x * c + y * s;
      b->cy = -x * s + y * c;
      b->left = b->cx - b->w / 2;
      b->right = b->cx + b->w / 2;
    }
  g_array_sort (blobs, compare_blobs_left);
  link_blobs (blobs);
  join_pieces (blobs);

  for (guint i = 0; i < blobs->len; i++)
    {
      Chain chain;

      if (g_array_index (blobs, PfMrzBlob, i).prev >= 0)
        continue;
      if (measure_chain (blobs, i, c, s, &chain))
        g_array_append_val (chains, chain);
    }
  g_array_sort (chains, compare_chains_y);

  /* From the bottom up: each line with the compatible lines above it. */
  for (int i = chains->len - 1; i >= 1; i--)
    {
      Chain lines[3];
      guint n = 1;

      lines[2] = g_array_index (chains, Chain, i);
      for (int j = i - 1; j >= 0 && n < 3; j--)
        {
          const Chain *candidate = &g_array_index (chains, Chain, j);

          if (compatible (candidate, &lines[3 - n]))
            {
              lines[2 - n] = *candidate;
              n++;
            }
        }
      if (n >= 2)
        add_groups_for (groups, lines + 3 - n, n, format, factor);
    }

  return groups;
}
