/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details step's part of the session (pf-session.c): what the person
 * typed, what the document was read to show (the printed zone's and the
 * MRZ's values, and the parsed MRZ), and the person's corrections of that
 * reading. Every string is a copy of its own, zeroed when it is replaced
 * or forgotten, and kept in memory only. */

#include "config.h"

#include <string.h>

#include "pf-session-private.h"

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
    pf_session_details_changed (self);
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
    pf_session_details_changed (self);
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

  pf_session_details_changed (self);
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

  pf_session_details_changed (self);
}

/* Drops the typed details, the reading and the corrections, without a
 * signal: pf_session_forget() sends one when all is gone. */
void
pf_session_forget_details (PfSession *self)
{
  clear_texts (self->details);
  clear_texts (self->corrections);
  clear_texts (self->printed);
  clear_texts (self->mrz_values);
  g_clear_pointer (&self->mrz, pf_mrz_unref);
  self->document_read = FALSE;
}
