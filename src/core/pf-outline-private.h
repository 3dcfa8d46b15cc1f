/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stages of the outline finder, shared by its files:
 * pf-outline-find.c is the entry point (one look for a camera frame, two
 * for a chosen photo), pf-outline-edges.c makes the edge map, pf-outline.c
 * the lines, pf-outline-search.c the quadrilaterals, pf-outline-choose.c
 * picks the document among them and fits it. */
#pragma once

#include "pf-outline.h"

G_BEGIN_DECLS

#define PF_OUTLINE_WORK_SIZE   320
/* A chosen photo also gets a look at twice the detail: a small document's
 * sides are twice as long there, and what blurs together at 320 (a card's
 * border and a band printed along it, a newspaper's print and the card on
 * it) comes apart. */
#define PF_OUTLINE_STILL_WORK_SIZE 640
#define PF_OUTLINE_MAX_LINES   48
#define PF_OUTLINE_N_BEST      16   /* candidates kept for the choice */
#define PF_OUTLINE_SUPPORT_TOL 12   /* degrees between an edge and a side it supports */
#define PF_OUTLINE_THREE_SIDES 0.75 /* a side placed from the proportions is a guess */
#define PF_OUTLINE_RIM_SHARE   0.08 /* of the document's size: a thin rim, not a band */
#define PF_OUTLINE_BAND_SHARE  0.04 /* ... unless the sides run on across it */
#define PF_OUTLINE_MAX_BAND_GROWTH 1.4 /* a header band's share of a page, and more */

typedef struct
{
  double nx, ny;   /* unit normal */
  double rho;      /* nx x + ny y = rho, origin at the image centre */
  double theta;    /* normal angle in degrees, 0..180 */
  int    votes;
  double px, py;   /* the line's point nearest the centre, image origin */
  double dx, dy;   /* unit direction along the line */
  int    t0, t1;   /* the range of t = (p - (px, py))·d inside the frame */
  float *pos;      /* prefix sums over t from t0 of the edge found there, */
  float *neg;      /* weighted by its strength, by polarity and of any */
  float *any;
} Line;

/* Where the point nearest @p lies along @line, as t. */
static inline double
pf_outline_t_on (const Line    *line,
                 const PfPoint *p)
{
  return (p->x - line->px) * line->dx + (p->y - line->py) * line->dy;
}

typedef struct
{
  int     lines[4];     /* in order around the quadrilateral; for three
                         * found sides, lines[3] is -1 and side 3 lies
                         * outside the frame */
  PfPoint corners[4];   /* corner k joins sides k and k + 1, work pixels */
  double  score;
  double  min_coverage;
  double  aspect_factor;
  double  through;      /* 0..1: the most any side's line runs on past both
                         * its corners */
} Candidate;

typedef struct
{
  /* The work image: brightness, and two colour differences (blue and red
   * minus brightness) when the photo's colours were given. */
  guint8  *img;
  gint16  *u;
  gint16  *v;
  int      w, h;
  int      factor;    /* grey pixels per work pixel */
  gboolean passport;  /* the expected document is a passport, which is
                       * photographed open */

  guint8  *dir;       /* 0: no edge; else 1 + gradient angle / 2° */
  guint8  *strength;  /* of each edge pixel, 0..255 for 0..1 */
  int     *edge_xy;   /* x, y of each edge pixel */
  guint8  *edge_theta; /* its normal angle, 0..179 */
  int      n_edges;

  Line     lines[PF_OUTLINE_MAX_LINES];
  int      n_lines;
  float   *profile_mem;
  double   cross[PF_OUTLINE_MAX_LINES][PF_OUTLINE_MAX_LINES];
} Work;

void      pf_outline_make_work   (Work            *work,
                                  const guint8    *grey,
                                  int              width,
                                  int              height,
                                  PfImage         *colour,
                                  int              work_size);
void      pf_outline_find_edges  (Work            *work);
void      pf_outline_work_clear  (Work            *work);

gboolean  pf_outline_find_at     (Work            *work,
                                  const guint8    *grey,
                                  int              width,
                                  int              height,
                                  PfImage         *colour,
                                  const double    *aspects,
                                  guint            n_aspects,
                                  int              work_size,
                                  Candidate       *winner);
double    pf_outline_segment_support (const Line *line,
                                      double      ta,
                                      double      tb,
                                      double     *visible);
gboolean  pf_outline_search      (Work            *work,
                                  const double    *aspects,
                                  guint            n_aspects,
                                  Candidate       *winner);
gboolean  pf_outline_choose      (const Work      *work,
                                  const Candidate *best,
                                  int              n_best,
                                  double           min_score,
                                  Candidate       *winner);
void      pf_outline_finish      (Work            *work,
                                  const Candidate *winner,
                                  const guint8    *grey,
                                  int              width,
                                  int              height,
                                  PfQuad          *quad);

double    pf_outline_angle_diff  (double           a,
                                  double           b);
gboolean  pf_outline_colour_at   (const Work      *work,
                                  double           x,
                                  double           y,
                                  double           out[3]);
double    pf_outline_colour_distance (const double a[3],
                                      const double b[3]);
gboolean  pf_outline_contains    (const PfPoint    outer[4],
                                  const PfPoint   *p,
                                  double           slack);
gboolean  pf_outline_outer_side_is_border (const Work      *work,
                                           const Candidate *outer,
                                           int              k_outer,
                                           const Candidate *inner,
                                           int              k_inner,
                                           gboolean         sides_run_on);
double    pf_outline_band_contrast (const Work      *work,
                                    const Candidate *cand);
gboolean  pf_outline_is_portrait   (const Work      *work,
                                    const Candidate *cand);
double    pf_outline_edge_density  (const Work      *work,
                                    const Candidate *cand);
double    pf_outline_weakest_side_contrast (const Work      *work,
                                            const Candidate *cand);

G_END_DECLS
