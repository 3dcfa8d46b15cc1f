/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the photo page's files: pf-photo-page.c (the object, its
 * actions and what it shows), pf-photo-page-camera.c (the live camera, the
 * demo and auto-capture), pf-photo-page-files.c (open, drop, paste and
 * the checks of a chosen photo) and pf-photo-page-sides.c (front and back,
 * the result, and what goes into the session). */
#pragma once

#include "pf-live-camera.h"
#include "pf-photo-page.h"

G_BEGIN_DECLS

#define PF_PHOTO_MAX_SIDES 2

typedef struct _PfPhotoFrames PfPhotoFrames;

typedef enum
{
  PF_PHOTO_PHASE_TAKING,    /* the live view, or a status page with a way on */
  PF_PHOTO_PHASE_CHECKING,  /* a photo is being read and checked */
  PF_PHOTO_PHASE_RESULT,
} PfPhotoPhase;

struct _PfPhotoPage
{
  PfWizardPage    parent_instance;

  /* Template widgets */
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  GtkLabel       *side_label;
  GtkStack       *stack;
  PfCameraView   *camera_view;
  GtkLabel       *instruction_label;
  GtkLabel       *demo_label;
  GtkWidget      *capture_button;
  GtkCheckButton *auto_check;
  GtkWidget      *open_button;
  GtkSpinner     *checking_spinner;
  PfPhotoResult  *result;
  PfLiveCameraWidgets live_widgets;  /* the status page, the camera lists */

  /* Owned references */
  GSettings      *settings;
  PfLiveCamera   *live;            /* the camera, the demo and the worker */
  GCancellable   *check_cancellable;
  GCancellable   *recheck_cancellable;  /* the taken photos, checked again */
  PfImage        *images[PF_PHOTO_MAX_SIDES];
  PfPhotoReport  *reports[PF_PHOTO_MAX_SIDES];
  PfPhotoFrames  *frames;          /* the live frames to read with the photo */

  PfPhotoOptions  worker_options;  /* the options the worker checks with */
  PfPhotoPhase    phase;
  guint           n_sides;
  guint           side;            /* the side being taken */
  gboolean        shown;
  guint           checking_delay;  /* source: show the spinner only if slow */
  guint           countdown_tick;  /* source: auto-capture countdown */
  gint64          ready_since;     /* monotonic; 0 when not counting down */
};

/* pf-photo-page.c */
void            pf_photo_page_update          (PfPhotoPage   *self);
void            pf_photo_page_show_message    (PfPhotoPage   *self,
                                               const char    *message);
void            pf_photo_page_announce        (PfPhotoPage   *self,
                                               const char    *text);
void            pf_photo_page_get_options     (PfPhotoPage    *self,
                                               PfPhotoOptions *options);

/* pf-photo-page-sides.c */
void            pf_photo_page_clear_sides     (PfPhotoPage   *self);
void            pf_photo_page_set_n_sides     (PfPhotoPage   *self,
                                               guint          n_sides);
void            pf_photo_page_update_side_label (PfPhotoPage *self);
void            pf_photo_page_add_side        (PfPhotoPage   *self,
                                               PfImage       *image,
                                               PfPhotoReport *report);
void            pf_photo_page_retake          (PfPhotoPage   *self,
                                               guint          side);
void            pf_photo_page_use             (PfPhotoPage   *self);
void            pf_photo_page_report_findings (PfPhotoPage   *self);

/* pf-photo-page-recheck.c */
void            pf_photo_page_recheck_init    (PfPhotoPage   *self);
void            pf_photo_page_recheck         (PfPhotoPage   *self);
void            pf_photo_page_cancel_recheck  (PfPhotoPage   *self);

/* pf-photo-page-camera.c */
void            pf_photo_page_camera_init     (PfPhotoPage   *self);
void            pf_photo_page_camera_dispose  (PfPhotoPage   *self);
void            pf_photo_page_camera_update   (PfPhotoPage   *self);
void            pf_photo_page_camera_retry    (PfPhotoPage   *self);
void            pf_photo_page_start_demo      (PfPhotoPage   *self);
void            pf_photo_page_capture         (PfPhotoPage   *self);
void            pf_photo_page_stop_countdown  (PfPhotoPage   *self);
gboolean        pf_photo_page_is_live         (PfPhotoPage   *self);

/* pf-photo-page-files.c */
void            pf_photo_page_files_init      (PfPhotoPage   *self);
void            pf_photo_page_open            (PfPhotoPage   *self);
void            pf_photo_page_paste           (PfPhotoPage   *self);
void            pf_photo_page_check_image     (PfPhotoPage   *self,
                                               PfImage       *image);
void            pf_photo_page_cancel_check    (PfPhotoPage   *self);

/* pf-photo-page-frames.c */
void            pf_photo_page_frames_watch    (PfPhotoPage   *self,
                                               PfFrameWorker *worker);
void            pf_photo_page_frames_capture  (PfPhotoPage   *self,
                                               PfImage       *photo);
void            pf_photo_page_frames_checking (PfPhotoPage   *self,
                                               PfImage       *image);
void            pf_photo_page_frames_set_photo (PfPhotoPage  *self,
                                               PfSession     *session,
                                               PfImage       *photo);
void            pf_photo_page_frames_free     (PfPhotoPage   *self);

G_END_DECLS
