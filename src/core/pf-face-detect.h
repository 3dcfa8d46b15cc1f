/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-finding.h"

G_BEGIN_DECLS

#define PF_FACE_DETECT_ERROR (pf_face_detect_error_quark ())

/**
 * PfFaceDetectError:
 * @PF_FACE_DETECT_ERROR_NOT_FOUND: no face cascade is installed
 * @PF_FACE_DETECT_ERROR_INVALID: the cascade file could not be read or is
 *   not a Haar cascade this detector understands
 */
typedef enum
{
  PF_FACE_DETECT_ERROR_NOT_FOUND,
  PF_FACE_DETECT_ERROR_INVALID,
} PfFaceDetectError;

/**
 * PfFaceDetectParams:
 * @min_size: the smallest face to look for, in pixels of the image given;
 *   0 for the cascade's own window size
 * @scale_factor: how much the window grows from one scale to the next;
 *   0 for 1.1
 * @min_neighbors: how many overlapping hits a face needs beyond the first;
 *   0 for 3 (negative: keep every hit)
 *
 * Zero-initialised parameters are valid defaults.
 */
typedef struct
{
  int    min_size;
  double scale_factor;
  int    min_neighbors;
} PfFaceDetectParams;

/**
 * PfFaceDetector:
 *
 * A Viola–Jones face detector running OpenCV's frontal-face Haar cascade
 * (read at run time from Debian's opencv-data, or the Flatpak's copy).
 * Immutable once loaded and ref-counted: one detector serves any number of
 * threads at once.
 */
typedef struct _PfFaceDetector PfFaceDetector;

#define PF_TYPE_FACE_DETECTOR (pf_face_detector_get_type ())

GQuark           pf_face_detect_error_quark     (void);
GType            pf_face_detector_get_type      (void) G_GNUC_CONST;

PfFaceDetector  *pf_face_detector_new_from_file (const char               *path,
                                                 GError                  **error);
PfFaceDetector  *pf_face_detector_get_default   (GError                  **error);
PfFaceDetector  *pf_face_detector_ref           (PfFaceDetector           *self);
void             pf_face_detector_unref         (PfFaceDetector           *self);
int              pf_face_detector_get_window    (PfFaceDetector           *self);
GArray          *pf_face_detector_detect        (PfFaceDetector           *self,
                                                 const guint8             *grey,
                                                 int                       width,
                                                 int                       height,
                                                 gsize                     stride,
                                                 const PfFaceDetectParams *params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfFaceDetector, pf_face_detector_unref)

G_END_DECLS
