/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session holds what the person chose and every step's result. Pages
 * read and write it and never talk to each other; the step list and the
 * summary are views of it. Everything here lives in memory only. This file
 * holds the object, the steps' findings, the date of birth and the photo;
 * the details step's texts (typed, corrected, read) are in
 * pf-session-details.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-core-enums.h"
#include "pf-session-private.h"

G_DEFINE_FINAL_TYPE (PfSession, pf_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_KIND,
  PROP_HAS_BIRTH_DATE,
  PROP_PHOTO,
  N_PROPS
};

enum {
  STEP_CHANGED,
  DETAILS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *id;
  const char *title;
} steps[PF_N_STEPS] = {
  [PF_STEP_START] = { "start", N_("Start") },
  [PF_STEP_PHOTO] = { "photo", N_("Document photo") },
  [PF_STEP_DETAILS] = { "details", N_("Your details") },
  [PF_STEP_VALIDITY] = { "validity", N_("Document validity") },
  [PF_STEP_SELFIE] = { "selfie", N_("Selfie check") },
  [PF_STEP_REGION] = { "region", N_("Region and age") },
  [PF_STEP_SAFETY] = { "safety", N_("Stay safe") },
  [PF_STEP_SUMMARY] = { "summary", N_("Summary") },
};

/**
 * pf_step_get_id:
 *
 * Returns: a stable name for the step, used in reports and page names
 */
const char *
pf_step_get_id (PfStep step)
{
  g_return_val_if_fail (step < PF_N_STEPS, NULL);
  return steps[step].id;
}

/**
 * pf_step_get_title:
 *
 * Returns: the translated title of the step
 */
const char *
pf_step_get_title (PfStep step)
{
  g_return_val_if_fail (step < PF_N_STEPS, NULL);
  return _(steps[step].title);
}

PfStepStatus
pf_step_status_from_severity (PfSeverity severity)
{
  switch (severity)
    {
    case PF_SEVERITY_OK:
      return PF_STEP_STATUS_OK;
    case PF_SEVERITY_CAUTION:
      return PF_STEP_STATUS_CAUTION;
    case PF_SEVERITY_BLOCKER:
      return PF_STEP_STATUS_BLOCKER;
    default:
      g_return_val_if_reached (PF_STEP_STATUS_UNCHECKED);
    }
}

static void
pf_session_dispose (GObject *object)
{
  PfSession *self = PF_SESSION (object);

  pf_session_forget (self);

  G_OBJECT_CLASS (pf_session_parent_class)->dispose (object);
}

static void
pf_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PfSession *self = PF_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_KIND:
      g_value_set_enum (value, self->document_kind);
      break;
    case PROP_HAS_BIRTH_DATE:
      g_value_set_boolean (value, g_date_valid (&self->birth_date));
      break;
    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PfSession *self = PF_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_KIND:
      pf_session_set_document_kind (self, g_value_get_enum (value));
      break;
    case PROP_PHOTO:
      pf_session_set_photo (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_session_class_init (PfSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_session_dispose;
  object_class->get_property = pf_session_get_property;
  object_class->set_property = pf_session_set_property;

  properties[PROP_DOCUMENT_KIND] =
    g_param_spec_enum ("document-kind", NULL, NULL,
                       PF_TYPE_DOCUMENT_KIND, PF_DOCUMENT_KIND_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BIRTH_DATE] =
    g_param_spec_boolean ("has-birth-date", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL, PF_TYPE_IMAGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PfSession::step-changed:
   * @step: the #PfStep whose findings changed
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * PfSession::details-changed:
   *
   * The typed details, the corrections or the document's reading changed.
   */
  signals[DETAILS_CHANGED] =
    g_signal_new ("details-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pf_session_init (PfSession *self)
{
  g_date_clear (&self->birth_date, 1);
}

PfSession *
pf_session_new (void)
{
  return g_object_new (PF_TYPE_SESSION, NULL);
}

PfDocumentKind
pf_session_get_document_kind (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), PF_DOCUMENT_KIND_NONE);
  return self->document_kind;
}

void
pf_session_set_document_kind (PfSession      *self,
                              PfDocumentKind  kind)
{
  g_return_if_fail (PF_IS_SESSION (self));

  if (self->document_kind == kind)
    return;

  self->document_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_KIND]);
}

/**
 * pf_session_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type PfFinding): the step's
 *   findings, or %NULL while the step has not been checked
 */
GPtrArray *
pf_session_get_findings (PfSession *self,
                         PfStep     step)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  g_return_val_if_fail (step < PF_N_STEPS, NULL);

  return self->findings[step];
}

/**
 * pf_session_set_findings:
 * @findings: (element-type PfFinding) (transfer none): the step's findings;
 *   an empty array marks the step checked with nothing to report
 *
 * Replaces the findings of @step and marks it checked.
 */
void
pf_session_set_findings (PfSession *self,
                         PfStep     step,
                         GPtrArray *findings)
{
  GPtrArray *copy;

  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (step < PF_N_STEPS);
  g_return_if_fail (findings != NULL);

  copy = g_ptr_array_new_full (findings->len, g_object_unref);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (findings, i)));

  g_clear_pointer (&self->findings[step], g_ptr_array_unref);
  self->findings[step] = copy;

  g_signal_emit (self, signals[STEP_CHANGED], 0, (guint) step);
}

/**
 * pf_session_clear_step:
 *
 * Marks @step as not checked yet.
 */
void
pf_session_clear_step (PfSession *self,
                       PfStep     step)
{
  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (step < PF_N_STEPS);

  if (self->findings[step] == NULL)
    return;

  g_clear_pointer (&self->findings[step], g_ptr_array_unref);
  g_signal_emit (self, signals[STEP_CHANGED], 0, (guint) step);
}

/**
 * pf_session_get_status:
 *
 * Returns: the status shown for @step: unchecked, or its worst finding
 */
PfStepStatus
pf_session_get_status (PfSession *self,
                       PfStep     step)
{
  g_return_val_if_fail (PF_IS_SESSION (self), PF_STEP_STATUS_UNCHECKED);
  g_return_val_if_fail (step < PF_N_STEPS, PF_STEP_STATUS_UNCHECKED);

  if (self->findings[step] == NULL)
    return PF_STEP_STATUS_UNCHECKED;

  return pf_step_status_from_severity (pf_findings_worst (self->findings[step]));
}

/**
 * pf_session_get_birth_date:
 * @date: (out caller-allocates) (optional): the date of birth
 *
 * Returns: %TRUE if the person has entered a date of birth
 */
gboolean
pf_session_get_birth_date (PfSession *self,
                           GDate     *date)
{
  g_return_val_if_fail (PF_IS_SESSION (self), FALSE);

  if (date != NULL)
    *date = self->birth_date;

  return g_date_valid (&self->birth_date);
}

/**
 * pf_session_set_birth_date:
 * @date: (nullable): the date of birth, or %NULL to forget it
 */
void
pf_session_set_birth_date (PfSession   *self,
                           const GDate *date)
{
  gboolean had;

  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  had = g_date_valid (&self->birth_date);

  if (date != NULL)
    self->birth_date = *date;
  else
    g_date_clear (&self->birth_date, 1);

  if (had != g_date_valid (&self->birth_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BIRTH_DATE]);
}

/**
 * pf_session_get_photo:
 *
 * Returns: (transfer none) (nullable): the document photo the person chose
 */
PfImage *
pf_session_get_photo (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  return self->photo;
}

void
pf_session_set_photo (PfSession *self,
                      PfImage   *photo)
{
  pf_session_set_photo_with_frames (self, photo, NULL, 0);
}

/**
 * pf_session_set_photo_with_frames:
 * @photo: (nullable): the document photo
 * @frames: (array length=n_frames) (nullable): the live camera's frames of
 *   the document taken just before @photo was captured
 * @n_frames: how many; 0 for a photo opened from a file
 *
 * Sets the photo and its frames at once, so that whoever reads the photo
 * when it changes finds its frames there. The frames are kept in memory
 * only; a new photo, or pf_session_forget(), drops them.
 */
void
pf_session_set_photo_with_frames (PfSession  *self,
                                  PfImage    *photo,
                                  PfImage   **frames,
                                  guint       n_frames)
{
  gboolean changed;

  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (frames != NULL || n_frames == 0);

  changed = self->photo != photo;
  if (changed)
    {
      g_clear_pointer (&self->photo, pf_image_unref);
      if (photo != NULL)
        self->photo = pf_image_ref (photo);
    }

  /* Frames go with the photo they were taken with: the same photo set
   * again alone keeps them. */
  if (changed || n_frames > 0)
    g_clear_pointer (&self->photo_frames, g_ptr_array_unref);
  if (photo != NULL && n_frames > 0)
    {
      self->photo_frames = g_ptr_array_new_full (n_frames, (GDestroyNotify) pf_image_unref);
      for (guint i = 0; i < n_frames; i++)
        if (frames[i] != NULL && frames[i] != photo)
          g_ptr_array_add (self->photo_frames, pf_image_ref (frames[i]));
      if (self->photo_frames->len == 0)
        g_clear_pointer (&self->photo_frames, g_ptr_array_unref);
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

/**
 * pf_session_get_photo_frames:
 *
 * Returns: (transfer none) (nullable) (element-type PfImage): the live
 *   camera's frames of the document taken just before the photo, or
 *   %NULL when there are none (a photo opened from a file)
 */
GPtrArray *
pf_session_get_photo_frames (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  return self->photo_frames;
}

/**
 * pf_session_forget:
 *
 * Drops every personal detail and image the session holds: the date of
 * birth, the typed details, the document's reading, the photo and all
 * findings.
 */
void
pf_session_forget (PfSession *self)
{
  g_return_if_fail (PF_IS_SESSION (self));

  pf_secure_zero (&self->birth_date, sizeof self->birth_date);
  g_date_clear (&self->birth_date, 1);
  g_clear_pointer (&self->photo, pf_image_unref);
  g_clear_pointer (&self->photo_frames, g_ptr_array_unref);
  for (guint i = 0; i < PF_N_STEPS; i++)
    g_clear_pointer (&self->findings[i], g_ptr_array_unref);
  pf_session_forget_details (self);

  pf_session_details_changed (self);
}

/* Tells the pages that the typed details, the corrections or the
 * document's reading changed. */
void
pf_session_details_changed (PfSession *self)
{
  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}
