/* SPDX-License-Identifier: GPL-3.0-or-later */
/* selfie.light: is the face lit well enough for a liveness check?
 *
 * Everything is measured on the small grey copy, as levels of the face's
 * inside (the middle of the detected box: eyes, nose, cheeks, mouth, with
 * little hair or background) against the frame around it:
 *
 * - too dark: the face's median level is low; the camera then raises its
 *   gain, and noise hides the small movements a liveness check follows;
 * - backlight: the background is bright and much brighter than the face,
 *   the usual picture of a window behind the person (the camera exposes for
 *   the window and the face goes dark);
 * - uneven: one half of the face much darker than the other, a lamp or a
 *   window to one side; the check then misreads a turn of the head;
 * - overexposed: much of the face is clipped white, with no detail left.
 *
 * Levels, not ratios, set the dark and bright limits: a camera's curve
 * maps a well-lit face to the middle of the range whatever the light. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-photo-util.h"
#include "pf-selfie-private.h"

/* The face's median level (0..255). */
#define DARK_BLOCKER      45
#define DARK_CAUTION      75
/* Background median at least this bright, and brighter than the face by
 * at least the margin, for backlight. */
#define BACKLIGHT_LEVEL   170
#define BACKLIGHT_CAUTION 65
#define BACKLIGHT_BLOCKER 105
/* The darker half's level over the brighter's (with a small offset, so
 * that noise in a dark face does not make it look uneven). */
#define UNEVEN_CAUTION    0.72
#define UNEVEN_BLOCKER    0.55
/* The share of the face at or above CLIP_LEVEL. */
#define CLIP_LEVEL        245
#define CLIP_CAUTION      0.10
#define CLIP_BLOCKER      0.25

/* The histogram of the small copy in [x0, x1) × [y0, y1) (small pixels),
 * leaving out @hole when given. */
static guint32
histogram (const PfSelfieContext *ctx,
           int                    x0,
           int                    y0,
           int                    x1,
           int                    y1,
           const int             *hole,
           guint32                hist[256])
{
  guint32 total = 0;

  memset (hist, 0, 256 * sizeof (guint32));
  x0 = CLAMP (x0, 0, ctx->small_width);
  x1 = CLAMP (x1, 0, ctx->small_width);
  y0 = CLAMP (y0, 0, ctx->small_height);
  y1 = CLAMP (y1, 0, ctx->small_height);
  for (int y = y0; y < y1; y++)
    {
      const guint8 *row = ctx->small + (gsize) y * ctx->small_width;

      for (int x = x0; x < x1; x++)
        {
          if (hole != NULL && x >= hole[0] && x < hole[2] && y >= hole[1] && y < hole[3])
            continue;
          hist[row[x]]++;
          total++;
        }
    }

  return total;
}

static int
median_level (const PfSelfieContext *ctx,
              int                    x0,
              int                    y0,
              int                    x1,
              int                    y1,
              const int             *hole,
              guint32               *total)
{
  guint32 hist[256];
  guint32 n = histogram (ctx, x0, y0, x1, y1, hole, hist);

  if (total != NULL)
    *total = n;
  return n > 0 ? pf_histogram_percentile (hist, n, 0.5) : -1;
}

void
pf_selfie_check_light (PfSelfieContext *ctx)
{
  const PfRect *f = &ctx->face;
  double s = ctx->small_scale;
  int fx0 = (int) ((f->x + 0.2 * f->width) * s), fx1 = (int) ((f->x + 0.8 * f->width) * s + 0.5);
  int fy0 = (int) ((f->y + 0.15 * f->height) * s);
  int fy1 = (int) ((f->y + 0.9 * f->height) * s + 0.5);
  int mid = (fx0 + fx1) / 2;
  /* The head, hair and neck around the face, and the body below it, are
   * not background. */
  int hole[4] = {
    (int) ((f->x - 0.6 * f->width) * s),
    (int) ((f->y - 0.7 * f->height) * s),
    (int) ((f->x + 1.6 * f->width) * s + 0.5),
    ctx->small_height,
  };
  guint32 hist[256], total, background_total;
  int level, background, left, right, problems = 0;
  double side, clipped;

  total = histogram (ctx, fx0, fy0, fx1, fy1, NULL, hist);
  if (total < 16)
    return;
  level = pf_histogram_percentile (hist, total, 0.5);
  clipped = pf_histogram_fraction (hist, total, CLIP_LEVEL, 255);
  left = median_level (ctx, fx0, fy0, mid, fy1, NULL, NULL);
  right = median_level (ctx, mid, fy0, fx1, fy1, NULL, NULL);
  side = (MIN (left, right) + 10.0) / (MAX (left, right) + 10.0);
  background = median_level (ctx, 0, 0, ctx->small_width, ctx->small_height, hole,
                             &background_total);
  /* A face filling the frame leaves too little background to judge. */
  if (background_total < total / 2)
    background = -1;

  pf_selfie_set_metric (ctx, "light.face_level", level);
  pf_selfie_set_metric (ctx, "light.side_ratio", side);
  pf_selfie_set_metric (ctx, "light.clipped", clipped);
  if (background >= 0)
    pf_selfie_set_metric (ctx, "light.background_level", background);

  if (background >= BACKLIGHT_LEVEL && background - level >= BACKLIGHT_CAUTION)
    {
      /* The cause of a dark face here is the window: say that, not "add
       * light". */
      pf_selfie_context_add (ctx, "selfie.light",
                             background - level >= BACKLIGHT_BLOCKER ? PF_SEVERITY_BLOCKER
                                                                     : PF_SEVERITY_CAUTION,
                             _("The light is behind you"),
                             _("There is a window or lamp behind you: turn around so that it is "
                               "in front of you."),
                             f);
      problems++;
    }
  else if (level < DARK_CAUTION)
    {
      pf_selfie_context_add (ctx, "selfie.light",
                             level < DARK_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                             _("Your face is too dark"),
                             _("Turn on a light or face a window, so that the light falls on "
                               "your face."),
                             f);
      problems++;
    }

  if (clipped >= CLIP_CAUTION)
    {
      pf_selfie_context_add (ctx, "selfie.light",
                             clipped >= CLIP_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                             _("Your face is too bright"),
                             _("Move away from the strong light or lamp, or turn it so that it "
                               "does not shine straight at your face."),
                             f);
      problems++;
    }

  if (side < UNEVEN_CAUTION)
    {
      PfRect dark_half = *f;

      dark_half.width = f->width / 2;
      if (right < left)
        dark_half.x += f->width / 2;
      pf_selfie_context_add (ctx, "selfie.light",
                             side < UNEVEN_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                             _("One side of your face is in shadow"),
                             _("Turn towards the light, so that it falls evenly on both sides "
                               "of your face."),
                             &dark_half);
      problems++;
    }

  if (problems == 0)
    pf_selfie_context_add_ok (ctx, "selfie.light", _("Your face is well lit"));
}
