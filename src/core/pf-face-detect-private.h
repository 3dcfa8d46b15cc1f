/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The face detector's cascade, shared by its reader (pf-face-cascade.c)
 * and its evaluator (pf-face-detect.c); not for use outside src/core. */
#pragma once

#include "pf-face-detect.h"

G_BEGIN_DECLS

typedef struct
{
  int   x, y, width, height;
  float weight;
} HaarRect;

typedef struct
{
  HaarRect rects[3];
  int      n_rects;
} HaarFeature;

/* A node of a weak classifier's tree; a child > 0 is another node of the
 * same tree, a child <= 0 the leaf numbered -child. */
typedef struct
{
  int   feature;
  float threshold;
  int   left;
  int   right;
} HaarNode;

typedef struct
{
  guint first_node;
  guint n_nodes;
  guint first_leaf;
} HaarWeak;

typedef struct
{
  guint first_weak;
  guint n_weak;
  float threshold;
} HaarStage;

struct _PfFaceDetector
{
  gatomicrefcount  ref_count;
  int              window_width;
  int              window_height;
  GArray          *features; /* HaarFeature */
  GArray          *nodes;    /* HaarNode */
  GArray          *leaves;   /* float */
  GArray          *weaks;    /* HaarWeak */
  GArray          *stages;   /* HaarStage */
};

PfFaceDetector *pf_face_detector_new_empty (void);

G_END_DECLS
