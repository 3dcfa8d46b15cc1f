/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the lines of an MRZ: dark blobs the size of characters, found
 * with a threshold against the local brightness, chained left to right
 * into text lines along the document's slant; an MRZ is two or three such
 * lines, long, parallel, evenly spaced and of equal extent. Work is done
 * on a reduced copy of large images (by the caller's factor): finding
 * needs less detail than reading. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-image.h"
#include "pf-mrz-find.h"

typedef struct
{
  int    x0, y0, x1, y1;  /* bounding box, inclusive */
  int    area;
  /* In the frame turned by the slant: */
  double cx, cy;
  double left, right;
  double w, h;
  int    next;
  int    prev;
} Blob;

typedef struct
{
  double left, right;      /* along the slant */
  double y;                /* middle height across the slant */
  double height;
  double pitch;            /* 0 when unknown */
  PfMrzFoundLine line;     /* in working pixels */
} Chain;

typedef struct
{
  guint8 *pixels;
  int     width;
  int     height;
} Grey;

static void
grey_clear (Grey *grey)
{
  if (grey->pixels != NULL)
    pf_secure_zero (grey->pixels, (gsize) grey->width * grey->height);
  g_clear_pointer (&grey->pixels, g_free);
}

/* A reduced copy by @factor, each pixel the mean of its block, then
 * smoothed over 3 x 3 so that sensor noise does not make speckles. */
static void
reduce (const guint8 *grey,
        int           width,
        int           height,
        gsize         stride,
        int           factor,
        Grey         *out)
{
  g_autofree guint8 *tmp = NULL;

  out->width = MAX (1, width / factor);
  out->height = MAX (1, height / factor);
  tmp = g_new (guint8, (gsize) out->width * out->height);
  out->pixels = g_new (guint8, (gsize) out->width * out->height);

  for (int y = 0; y < out->height; y++)
    for (int x = 0; x < out->width; x++)
      {
        guint sum = 0;

        for (int j = 0; j < factor; j++)
          for (int i = 0; i < factor; i++)
            sum += grey[(gsize) (y * factor + j) * stride + x * factor + i];
        tmp[y * out->width + x] = sum / (factor * factor);
      }

  for (int y = 0; y < out->height; y++)
    for (int x = 0; x < out->width; x++)
      {
        guint sum = 0, n = 0;

        for (int j = MAX (0, y - 1); j <= MIN (out->height - 1, y + 1); j++)
          for (int i = MAX (0, x - 1); i <= MIN (out->width - 1, x + 1); i++)
            {
              sum += tmp[j * out->width + i];
              n++;
            }
        out->pixels[y * out->width + x] = sum / n;
      }

  pf_secure_zero (tmp, (gsize) out->width * out->height);
}

/* Ink: pixels clearly darker than the mean around them. */
static guint8 *
threshold (const Grey *grey,
           int         radius)
{
  int w = grey->width, h = grey->height;
  g_autofree guint32 *integral = g_new0 (guint32, (gsize) (w + 1) * (h + 1));
  guint8 *dark = g_new0 (guint8, (gsize) w * h);

  for (int y = 0; y < h; y++)
    {
      guint32 row = 0;

      for (int x = 0; x < w; x++)
        {
          row += grey->pixels[y * w + x];
          integral[(gsize) (y + 1) * (w + 1) + x + 1] = integral[(gsize) y * (w + 1) + x + 1] + row;
        }
    }

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int x0 = MAX (0, x - radius), x1 = MIN (w, x + radius + 1);
        int y0 = MAX (0, y - radius), y1 = MIN (h, y + radius + 1);
        double sum = (double) integral[(gsize) y1 * (w + 1) + x1] -
                     integral[(gsize) y0 * (w + 1) + x1] -
                     integral[(gsize) y1 * (w + 1) + x0] +
                     integral[(gsize) y0 * (w + 1) + x0];
        double mean = sum / ((x1 - x0) * (y1 - y0));

        dark[y * w + x] = grey->pixels[y * w + x] < mean - MAX (8.0, 0.12 * mean);
      }

  return dark;
}

static int
find_root (int *parent,
           int  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

typedef struct
{
  int y, x0, x1;
} Run;

/* Connected blobs of ink (8-connected), from runs of ink pixels. */
static GArray *
find_blobs (const guint8 *dark,
            int           width,
            int           height)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autofree int *parent = NULL;
  g_autofree int *blob_of = NULL;
  GArray *blobs = g_array_new (FALSE, FALSE, sizeof (Blob));
  guint prev_start = 0, prev_end = 0, row_start = 0;
  int row_y = -2;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (dark[y * width + x] && (x == 0 || !dark[y * width + x - 1]))
        {
          Run run = { y, x, x };

          while (run.x1 + 1 < width && dark[y * width + run.x1 + 1])
            run.x1++;
          g_array_append_val (runs, run);
        }

  parent = g_new (int, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    parent[i] = i;

  /* Join each run with the runs of the row above that touch it. */
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);

      if (run->y != row_y)
        {
          if (run->y == row_y + 1)
            {
              prev_start = row_start;
              prev_end = i;
            }
          else
            prev_start = prev_end = i;
          row_start = i;
          row_y = run->y;
        }

      for (guint k = prev_start; k < prev_end; k++)
        {
          Run *above = &g_array_index (runs, Run, k);

          if (above->x1 < run->x0 - 1)
            continue;
          if (above->x0 > run->x1 + 1)
            break;
          parent[find_root (parent, i)] = find_root (parent, k);
        }
    }

  blob_of = g_new (int, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    blob_of[i] = -1;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      int root = find_root (parent, i);
      Blob *blob;

      if (blob_of[root] < 0)
        {
          Blob fresh = { run->x0, run->y, run->x1, run->y, 0 };

          blob_of[root] = blobs->len;
          g_array_append_val (blobs, fresh);
        }
      blob = &g_array_index (blobs, Blob, blob_of[root]);
      blob->x0 = MIN (blob->x0, run->x0);
      blob->x1 = MAX (blob->x1, run->x1);
      blob->y0 = MIN (blob->y0, run->y);
      blob->y1 = MAX (blob->y1, run->y);
      blob->area += run->x1 - run->x0 + 1;
    }

  return blobs;
}

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
      Blob *b = &g_array_index (blobs, Blob, i);
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
          Blob *b = &g_array_index (blobs, Blob, i);
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
  const Blob *ba = a, *bb = b;

  return (ba->left > bb->left) - (ba->left < bb->left);
}

/* Links each blob to the nearest blob on its right that sits on the same
 * text line, each at most once. */
static void
link_blobs (GArray *blobs)
{
  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *b = &g_array_index (blobs, Blob, i);

      b->next = b->prev = -1;
    }

  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *a = &g_array_index (blobs, Blob, i);
      double best_gap = G_MAXDOUBLE;
      int best = -1;

      for (guint j = i + 1; j < blobs->len; j++)
        {
          Blob *b = &g_array_index (blobs, Blob, j);
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
          Blob *b = &g_array_index (blobs, Blob, best);

          if (b->prev >= 0)
            {
              Blob *other = &g_array_index (blobs, Blob, b->prev);

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

      if (g_array_index (blobs, Blob, i).prev >= 0)
        continue;
      g_array_set_size (heights, 0);
      g_array_set_size (middles, 0);
      for (int k = i; k >= 0; k = g_array_index (blobs, Blob, k).next, n++)
        {
          Blob *b = &g_array_index (blobs, Blob, k);

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
              MIN (a->height, b->height) < h / 1.6 || g_array_index (blobs, Blob, b->head).prev >= 0)
            continue;

          g_array_index (blobs, Blob, a->tail).next = b->head;
          g_array_index (blobs, Blob, b->head).prev = a->tail;
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
  for (int i = head; i >= 0; i = g_array_index (blobs, Blob, i).next)
    {
      Blob *b = &g_array_index (blobs, Blob, i);

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
  for (int i = head; i >= 0; i = g_array_index (blobs, Blob, i).next)
    {
      Blob *b = &g_array_index (blobs, Blob, i);
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
          Blob *c = &g_array_index (blobs, Blob, j);
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
  g_autofree guint8 *dark = NULL;
  Grey small = { NULL, 0, 0 };
  double angle, c, s;
  guint n_blobs = 0;

  g_return_val_if_fail (factor >= 1, groups);

  reduce (grey, width, height, stride, factor, &small);
  dark = threshold (&small, MAX (8, MAX (small.width, small.height) / 25));
  blobs = find_blobs (dark, small.width, small.height);
  pf_secure_zero (dark, (gsize) small.width * small.height);
  grey_clear (&small);

  /* Only blobs the size of characters. */
  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *b = &g_array_index (blobs, Blob, i);
      int w = b->x1 - b->x0 + 1, h = b->y1 - b->y0 + 1;

      if (h < 5 || h > small.height / 4 || b->area < 0.08 * w * h || b->area < 8)
        continue;
      g_array_index (blobs, Blob, n_blobs++) = *b;
    }
  g_array_set_size (blobs, n_blobs);

  angle = find_slant (blobs);
  c = cos (angle);
  s = sin (angle);
  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *b = &g_array_index (blobs, Blob, i);
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

      if (g_array_index (blobs, Blob, i).prev >= 0)
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
