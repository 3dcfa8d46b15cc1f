/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live camera's last good frames before a capture, for reading the
 * document again (pf_read_document_frames()): a misread of one frame
 * seldom repeats in the next, so the details step can tell a sure
 * reading from one to check by hand. The page keeps the last few frames
 * of the front whose live checks found the document and nothing that
 * blocks, a little apart in time so that they differ by more than the
 * sensor's noise; at capture they go with the photo, and into the session
 * with it when the person uses the photo. A photo opened from a file
 * comes with none. The frames are copies: a camera frame may hold one of
 * the pipeline's few buffers, which the camera needs back. In memory
 * only; PfImage zeroes its pixels when freed. */

#include "config.h"

#include <string.h>

#include "pf-photo-page-private.h"

#define N_FRAMES        3
#define MIN_APART_USEC  (150 * G_TIME_SPAN_MILLISECOND)

struct _PfPhotoFrames
{
  PfImage *recent[N_FRAMES];  /* copies, the newest last */
  guint    n_recent;
  PfImage *last_seen;         /* the camera's frame the newest copy is of */
  gint64   last_kept;         /* monotonic */

  PfImage *photo;             /* the captured frame the ones below go with;
                               * compared only, like last_seen */
  PfImage *captured[N_FRAMES];
  guint    n_captured;
};

static void
clear_images (PfImage **images,
              guint    *n)
{
  for (guint i = 0; i < *n; i++)
    g_clear_pointer (&images[i], pf_image_unref);
  *n = 0;
}

static PfPhotoFrames *
get_frames (PfPhotoPage *self)
{
  if (self->frames == NULL)
    self->frames = g_new0 (PfPhotoFrames, 1);
  return self->frames;
}

/* A frame the worker checked, on the main thread: kept if the checks
 * found the document in it and nothing that blocks reading it. */
static void
worker_result_cb (PfPhotoPage   *self,
                  PfImage       *image,
                  PfPhotoReport *report)
{
  PfPhotoFrames *frames;
  gint64 now = g_get_monotonic_time ();

  if (self->phase != PF_PHOTO_PHASE_TAKING || self->side != 0 || image == NULL ||
      report == NULL || !pf_photo_report_get_outline (report, NULL) ||
      pf_photo_report_get_worst (report) == PF_SEVERITY_BLOCKER)
    return;

  frames = get_frames (self);
  if (frames->n_recent > 0 &&
      (now - frames->last_kept < MIN_APART_USEC || frames->last_seen == image))
    return;

  if (frames->n_recent == N_FRAMES)
    {
      pf_image_unref (frames->recent[0]);
      memmove (frames->recent, frames->recent + 1, (N_FRAMES - 1) * sizeof (PfImage *));
      frames->n_recent--;
    }
  frames->recent[frames->n_recent++] = pf_image_copy (image);
  /* Only compared, never used: a pointer that may dangle once the camera
   * frees the frame is still a fine "not this one again". */
  frames->last_seen = image;
  frames->last_kept = now;
}

/**
 * pf_photo_page_frames_watch:
 * @worker: a new analysis worker of the live camera
 *
 * Keeps the good frames @worker checks. Call for every worker made.
 */
void
pf_photo_page_frames_watch (PfPhotoPage   *self,
                            PfFrameWorker *worker)
{
  g_signal_connect_object (worker, "result", G_CALLBACK (worker_result_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pf_photo_page_frames_capture:
 * @photo: the frame just taken as the photo
 *
 * The frames kept so far go with @photo (the front only). The frame taken
 * is no second opinion on itself: a copy of it is left out.
 */
void
pf_photo_page_frames_capture (PfPhotoPage *self,
                              PfImage     *photo)
{
  PfPhotoFrames *frames = get_frames (self);
  gboolean newest_is_photo = frames->last_seen == photo;

  if (self->side != 0)
    return;

  clear_images (frames->captured, &frames->n_captured);
  frames->photo = photo;
  for (guint i = 0; i < frames->n_recent; i++)
    {
      if (newest_is_photo && i == frames->n_recent - 1)
        continue;
      frames->captured[frames->n_captured++] = g_steal_pointer (&frames->recent[i]);
    }
  frames->n_recent = 0;
  frames->last_seen = NULL;
}

/**
 * pf_photo_page_frames_checking:
 * @image: (nullable): the image about to be checked, %NULL for a file
 *
 * Anything checked for the front but the frame just captured (a file, a
 * pasted picture) comes without frames.
 */
void
pf_photo_page_frames_checking (PfPhotoPage *self,
                               PfImage     *image)
{
  PfPhotoFrames *frames = get_frames (self);

  if (self->side != 0)
    return;

  /* The capture's own check: the frames stay; the pointer, which may
   * dangle once the camera frees the frame, is done with. */
  if (image != NULL && image == frames->photo)
    {
      frames->photo = NULL;
      return;
    }

  clear_images (frames->captured, &frames->n_captured);
  frames->photo = NULL;
}

/**
 * pf_photo_page_frames_set_photo:
 * @session: the session to give @photo
 * @photo: the front, to go into the session
 *
 * Gives the session @photo with the frames captured with it, or none
 * when it was opened from a file or pasted.
 */
void
pf_photo_page_frames_set_photo (PfPhotoPage *self,
                                PfSession   *session,
                                PfImage     *photo)
{
  PfPhotoFrames *frames = get_frames (self);

  pf_session_set_photo_with_frames (session, photo, frames->captured, frames->n_captured);
  clear_images (frames->captured, &frames->n_captured);
  frames->photo = NULL;
}

void
pf_photo_page_frames_free (PfPhotoPage *self)
{
  PfPhotoFrames *frames = self->frames;

  if (frames == NULL)
    return;

  clear_images (frames->recent, &frames->n_recent);
  clear_images (frames->captured, &frames->n_captured);
  g_clear_pointer (&self->frames, g_free);
}
