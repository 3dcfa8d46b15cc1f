/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session holds what the person chose and every step's result. Pages
 * read and write it and never talk to each other; the step list and the
 * summary are views of it. Everything here lives in memory only. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-core-enums.h"
#include "pf-session.h"

struct _PfSession
{
  GObject         parent_instance;

  PfDocumentKind  document_kind;
  GPtrArray      *findings[PF_N_STEPS];
  GDate           birth_date;
  PfImage        *photo;
  /* The live camera's last frames before the photo was captured, for
   * reading it again (pf_read_document_frames()); none for a photo
   * opened from a file. PfImage zeroes its pixels when freed. */
  GPtrArray      *photo_frames;

  /* The details step: what the person typed, what the document shows
   * (the printed zone's and the MRZ's values, as read), and the person's
   * corrections of that reading. Every string is zeroed when dropped. */
  char           *details[PF_N_FIELDS];
  char           *corrections[PF_N_FIELDS];
  char           *printed[PF_N_FIELDS];
  char           *mrz_values[PF_N_FIELDS];
  PfMrz          *mrz;
  gboolean        document_read;
};

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

/* Replaces *@slot with a copy of @text, zeroing the old value; returns
 * whether anything changed. Blank text is stored as %NULL. */
static gboolean
replace_text (char       **slot,
              const char  *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (*slot, text) == 0)
    return FALSE;

  if (*slot != NULL)
    pf_secure_zero (*slot, strlen (*slot));
  g_free (*slot);
  *slot = g_strdup (text);
  return TRUE;
}

static void
clear_texts (char **texts)
{
  for (guint i = 0; i < PF_N_FIELDS; i++)
    replace_text (&texts[i], NULL);
}

/**
 * pf_session_get_detail:
 *
 * Returns: (nullable): what the person typed for @field, as typed, or
 *   %NULL when nothing was typed
 */
const char *
pf_session_get_detail (PfSession *self,
                       PfField    field)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->details[field];
}

/**
 * pf_session_set_detail:
 * @text: (nullable): what the person typed; %NULL or "" forgets it
 *
 * Keeps what the person typed for @field, in memory only.
 */
void
pf_session_set_detail (PfSession  *self,
                       PfField     field,
                       const char *text)
{
  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (field < PF_N_FIELDS);

  if (replace_text (&self->details[field], text))
    g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}

/**
 * pf_session_get_correction:
 *
 * Returns: (nullable): the person's correction of what the document was
 *   read to show for @field, or %NULL when they made none
 */
const char *
pf_session_get_correction (PfSession *self,
                           PfField    field)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->corrections[field];
}

/**
 * pf_session_set_correction:
 * @text: (nullable): what the document shows, by the person's own reading;
 *   %NULL or "" goes back to the app's reading
 */
void
pf_session_set_correction (PfSession  *self,
                           PfField     field,
                           const char *text)
{
  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (field < PF_N_FIELDS);

  if (replace_text (&self->corrections[field], text))
    g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}

/**
 * pf_session_get_document_read:
 *
 * Returns: %TRUE once the document photo has been read, even if nothing
 *   could be read on it
 */
gboolean
pf_session_get_document_read (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), FALSE);
  return self->document_read;
}

/**
 * pf_session_get_document_printed:
 *
 * Returns: (nullable): @field as read in the document's printed zone
 */
const char *
pf_session_get_document_printed (PfSession *self,
                                 PfField    field)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->printed[field];
}

/**
 * pf_session_get_document_mrz:
 *
 * Returns: (nullable): @field as read in the machine-readable zone, in
 *   the form pf_compare_field() takes
 */
const char *
pf_session_get_document_mrz (PfSession *self,
                             PfField    field)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->mrz_values[field];
}

/**
 * pf_session_get_mrz:
 *
 * Returns: (transfer none) (nullable): the machine-readable zone read on
 *   the document photo, with its check digits
 */
PfMrz *
pf_session_get_mrz (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);
  return self->mrz;
}

/**
 * pf_session_set_document:
 * @printed: (array fixed-size=6) (nullable): the printed zone's values,
 *   indexed by #PfField, %NULL where not read
 * @mrz_values: (array fixed-size=6) (nullable): the MRZ's values
 * @mrz: (nullable): the parsed MRZ
 *
 * Keeps the reading of the document photo and marks the document read.
 * The person's corrections of an earlier reading are dropped with it.
 */
void
pf_session_set_document (PfSession   *self,
                         const char **printed,
                         const char **mrz_values,
                         PfMrz       *mrz)
{
  g_return_if_fail (PF_IS_SESSION (self));

  for (guint i = 0; i < PF_N_FIELDS; i++)
    {
      replace_text (&self->printed[i], printed != NULL ? printed[i] : NULL);
      replace_text (&self->mrz_values[i], mrz_values != NULL ? mrz_values[i] : NULL);
    }
  clear_texts (self->corrections);
  g_clear_pointer (&self->mrz, pf_mrz_unref);
  if (mrz != NULL)
    self->mrz = pf_mrz_ref (mrz);
  self->document_read = TRUE;

  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}

/**
 * pf_session_clear_document:
 *
 * Forgets the reading of the document and the corrections, as when the
 * photo changes; what the person typed stays.
 */
void
pf_session_clear_document (PfSession *self)
{
  g_return_if_fail (PF_IS_SESSION (self));

  clear_texts (self->printed);
  clear_texts (self->mrz_values);
  clear_texts (self->corrections);
  g_clear_pointer (&self->mrz, pf_mrz_unref);
  self->document_read = FALSE;

  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
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
  clear_texts (self->details);
  clear_texts (self->corrections);
  clear_texts (self->printed);
  clear_texts (self->mrz_values);
  g_clear_pointer (&self->mrz, pf_mrz_unref);
  self->document_read = FALSE;

  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}
