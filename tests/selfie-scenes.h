/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Selfie test scenes, built at test time from the NASA portrait of Eileen
 * Collins that Debian's python3-skimage ships as astronaut.png (public
 * domain), with the faults a selfie camera sees: darkness, a window
 * behind, light from one side, blur, distance, a second face, no face. */
#pragma once

#include "pf-finding.h"
#include "pf-image.h"

G_BEGIN_DECLS

/* The face in astronaut.png (512×512) as the frontal cascade boxes it. */
#define PF_SCENE_ASTRONAUT_FACE_X 176.0
#define PF_SCENE_ASTRONAUT_FACE_Y 66.0
#define PF_SCENE_ASTRONAUT_FACE_SIZE 96.0

const char *pf_scene_astronaut_path (void);
gboolean    pf_scene_available      (char        **reason);

PfImage    *pf_scene_portrait       (int            width,
                                     int            height,
                                     double         face_size,
                                     double         centre_x,
                                     double         centre_y,
                                     PfRect        *face);
PfImage    *pf_scene_two_faces      (int            width,
                                     int            height,
                                     double         face_size,
                                     PfRect         faces[2]);
PfImage    *pf_scene_no_face        (int            width,
                                     int            height);
PfImage    *pf_scene_document       (int            width,
                                     int            height);

PfImage    *pf_scene_resize         (PfImage       *image,
                                     int            width);
void        pf_scene_gain           (PfImage       *image,
                                     double         gain);
void        pf_scene_backlight      (PfImage       *image,
                                     const PfRect  *face,
                                     int            backdrop,
                                     double         face_gain);
void        pf_scene_side_light     (PfImage       *image,
                                     const PfRect  *face,
                                     double         dark_gain);
void        pf_scene_overexpose     (PfImage       *image,
                                     const PfRect  *face,
                                     double         gain);
void        pf_scene_gaussian       (PfImage       *image,
                                     double         sigma);
void        pf_scene_noise          (PfImage       *image,
                                     double         sigma,
                                     guint32        seed);
void        pf_scene_motion         (PfImage       *image,
                                     int            length);

G_END_DECLS
