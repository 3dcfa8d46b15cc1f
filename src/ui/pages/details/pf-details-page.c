/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Your details. The person types each detail as they will on the
 * service's form; beside it stands what the document shows, as the app
 * read it from the document photo, which the person may correct. The
 * comparator (pf_compare_details(), shared with the CLI) judges each pair.
 *
 * The photo is read in a worker thread while the page is shown
 * (pf-details-page-reading.c); where the reader is unsure of a detail,
 * the detail says why and asks the person to check it on the document.
 * Everything typed lives in the session, in memory only: it survives
 * moving between steps and is zeroed when the session forgets. Nothing
 * here is logged. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-date.h"
#include "pf-detail-text.h"
#include "pf-details-page-private.h"

G_DEFINE_FINAL_TYPE (PfDetailsPage, pf_details_page, PF_TYPE_WIZARD_PAGE)

static gboolean
is_date_field (PfField field)
{
  return field == PF_FIELD_BIRTH_DATE || field == PF_FIELD_EXPIRY_DATE;
}

/* A value read for @field as the person would read it on the document:
 * dates (the reader gives them as YYYY-MM-DD) written out in words. */
static char *
shown_value (PfField     field,
             const char *value)
{
  GDate date;

  if (is_date_field (field) && pf_date_parse (value, PF_DATE_ORDER_DAY_FIRST, &date, NULL))
    return pf_date_format_long (&date);
  return g_strdup (value);
}

/* What the app read for @field: the printed zone's value where it was
 * read, else the MRZ's. */
static char *
reading_text (PfSession *session,
              PfField    field)
{
  const char *printed = pf_session_get_document_printed (session, field);
  const char *mrz = pf_session_get_document_mrz (session, field);

  if (printed == NULL && mrz == NULL)
    return NULL;
  return shown_value (field, printed != NULL ? printed : mrz);
}

static gboolean
anything_typed (PfSession *session)
{
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (pf_session_get_detail (session, f) != NULL)
      return TRUE;
  return FALSE;
}

static void
add_reading (GPtrArray  *readings,
             PfField     field,
             const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL)
    return;
  shown = shown_value (field, value);
  for (guint i = 0; i < readings->len; i++)
    if (g_str_equal (g_ptr_array_index (readings, i), shown))
      {
        pf_secure_zero (shown, strlen (shown));
        return;
      }
  g_ptr_array_add (readings, g_steal_pointer (&shown));
}

/* Why the person should check the reading of @field (shown as @reading)
 * against the document themselves, with the different readings in
 * @readings where there are some. A correction is the person's own
 * reading: nothing to doubt then. */
static PfReadingDoubt
field_doubt (PfDetailsPage *self,
             PfSession     *session,
             PfField        field,
             const char    *reading,
             GPtrArray     *readings)
{
  PfReadingDoubt doubt = self->doubts[field];

  if (self->state != PF_DETAILS_STATE_READ || !pf_session_get_document_read (session) ||
      pf_session_get_correction (session, field) != NULL)
    return PF_READING_DOUBT_NONE;
  if (reading == NULL)
    return PF_READING_DOUBT_NOT_READ;

  if (doubt == PF_READING_DOUBT_FRAMES_DIFFER)
    {
      const char * const *values =
        self->vote != NULL ? pf_reading_vote_get_alternatives (self->vote, field) : NULL;

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        add_reading (readings, field, values[i]);
    }
  else if (doubt == PF_READING_DOUBT_ZONES_DIFFER)
    {
      add_reading (readings, field, pf_session_get_document_printed (session, field));
      add_reading (readings, field, pf_session_get_document_mrz (session, field));
    }
  else
    return doubt;

  /* Readings that differ only in how they are written (a date) differ
   * in nothing the person can check: the reader was unsure all the same. */
  if (readings->len < 2)
    {
      g_ptr_array_set_size (readings, 0);
      return PF_READING_DOUBT_FAINT;
    }
  g_ptr_array_add (readings, NULL);
  return doubt;
}

/**
 * pf_details_page_forget_doubts:
 *
 * Forgets what the last reading said about its own certainty: the
 * frames' vote and each field's doubt.
 */
void
pf_details_page_forget_doubts (PfDetailsPage *self)
{
  g_clear_pointer (&self->vote, pf_reading_vote_unref);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    self->doubts[f] = PF_READING_DOUBT_NONE;
}

/* What the reading row says once the document is read: that the form
 * marks the details to check, or that the camera's frames read alike. */
static char *
read_subtitle (PfDetailsPage *self)
{
  guint n_frames = self->vote != NULL ? pf_reading_vote_get_n_readings (self->vote) - 1 : 0;

  if (self->frames_differ)
    /* Translators: under "Some details read differently"; each such
     * detail has a note below that lists its readings. */
    return g_strdup (_("The camera read some details differently from one frame to the next. "
                       "Each is marked below: check it against the document itself and correct "
                       "what the app read."));
  if (self->any_doubt)
    /* Translators: under "Read from your document photo", when some
     * details have a note that the app may have misread them. */
    return g_strdup (_("The app is unsure of some details, marked below. Check them against the "
                       "document itself, and correct any character it misread."));
  if (n_frames > 0 && pf_reading_vote_get_confirmed (self->vote))
    return g_strdup_printf (ngettext ("The photo and %u camera frame before it read alike. "
                                      "Check what the app read against the document itself "
                                      "all the same.",
                                      "The photo and %u camera frames before it read alike. "
                                      "Check what the app read against the document itself "
                                      "all the same.",
                                      n_frames),
                            n_frames);
  return g_strdup (_("Check what the app read against the document itself, and correct any "
                     "character it misread."));
}

static void
show_state (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  const char *title = NULL;
  const char *subtitle = NULL;
  const char *icon = NULL;
  const char *button = NULL;
  g_autofree char *read = NULL;
  gboolean empty;

  switch (self->state)
    {
    case PF_DETAILS_STATE_NO_PHOTO:
      icon = "camera-disabled-symbolic";
      title = _("No document photo");
      subtitle = _("Without a photo the app cannot read the document. Type what the document "
                   "shows in the second box of each detail, and the app compares the two.");
      button = _("_Take or Open a Photo");
      break;
    case PF_DETAILS_STATE_WAITING:
    case PF_DETAILS_STATE_READING:
      title = _("Reading the document…");
      subtitle = _("This takes a moment. You can type meanwhile.");
      break;
    case PF_DETAILS_STATE_READ:
      icon = "document-properties-symbolic";
      title = _("Read from your document photo");
      subtitle = read = read_subtitle (self);
      button = _("Take _Another Photo");
      if (self->frames_differ)
        {
          icon = "dialog-warning-symbolic";
          title = _("Some details read differently");
        }
      break;
    case PF_DETAILS_STATE_UNREADABLE:
    default:
      icon = "dialog-warning-symbolic";
      title = _("The document could not be read");
      subtitle = self->read_error != NULL
                 ? self->read_error
                 : _("Take a sharper photo of the whole document in even light, or type what "
                     "the document shows in the second box of each detail.");
      button = _("Take _Another Photo");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reading_row), title);
  adw_action_row_set_subtitle (self->reading_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_icon), icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->reading_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_button), button != NULL);
  if (button != NULL)
    gtk_button_set_label (self->reading_button, button);

  gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), icon == NULL);
  gtk_spinner_set_spinning (self->reading_spinner, icon == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reading_spinner), icon == NULL ? title : NULL);

  empty = self->state == PF_DETAILS_STATE_NO_PHOTO && !self->without_photo &&
          (session == NULL || !anything_typed (session));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "form");
}

void
pf_details_page_set_state (PfDetailsPage  *self,
                           PfDetailsState  state,
                           const char     *error)
{
  self->state = state;
  g_clear_pointer (&self->read_error, g_free);
  self->read_error = g_strdup (error);
  show_state (self);
}

/* The typed date of birth, for the age check. A date that reads both ways
 * is settled by the document's own date where one was read. Clearing the
 * field leaves the session's date alone: the region step may have taken it
 * up, and says so on its own page. */
static void
give_birth_date (PfSession *session)
{
  const char *typed = pf_session_get_detail (session, PF_FIELD_BIRTH_DATE);
  g_autoptr(GError) error = NULL;
  gboolean known;
  GDate date, document;

  if (typed == NULL)
    return;

  known = pf_date_parse (typed, PF_DATE_ORDER_UNKNOWN, &date, &error);
  if (!known && g_error_matches (error, PF_DATE_ERROR, PF_DATE_ERROR_AMBIGUOUS) &&
      pf_session_get_mrz (session) != NULL &&
      pf_mrz_get_birth_date (pf_session_get_mrz (session), &document))
    for (PfDateOrder order = PF_DATE_ORDER_DAY_FIRST; !known && order <= PF_DATE_ORDER_MONTH_FIRST;
         order++)
      known = pf_date_parse (typed, order, &date, NULL) && g_date_compare (&date, &document) == 0;

  if (known)
    pf_session_set_birth_date (session, &date);
}

static void
compare (PfDetailsPage *self)
{
  PfWizardPage *page = PF_WIZARD_PAGE (self);
  PfSession *session = pf_wizard_page_get_session (page);
  const char *typed[PF_N_FIELDS], *printed[PF_N_FIELDS], *mrz_values[PF_N_FIELDS];
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  PfCompareFlags flags = PF_COMPARE_NONE;
  PfMrz *mrz;

  if (session == NULL || self->fields[0] == NULL)
    return;

  /* A corrected value is what the document shows, by the person's own
   * reading; the MRZ as read no longer speaks for that field. */
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *correction = pf_session_get_correction (session, f);

      typed[f] = pf_session_get_detail (session, f);
      printed[f] = correction != NULL ? correction : pf_session_get_document_printed (session, f);
      mrz_values[f] = correction != NULL ? NULL : pf_session_get_document_mrz (session, f);
    }

  mrz = pf_session_get_mrz (session);
  if (mrz != NULL && pf_mrz_get_names_truncated (mrz))
    flags |= PF_COMPARE_MRZ_NAMES_TRUNCATED;

  /* Text from GTK is always valid UTF-8, the only thing the comparator
   * refuses; a refusal still shows the fields, without verdicts. */
  comparisons = pf_compare_details (typed, printed, mrz_values, flags, NULL);

  /* A reading given to the session without a photo (a test, or the
   * photo forgotten since) is still a reading. */
  if (self->state == PF_DETAILS_STATE_NO_PHOTO && pf_session_get_document_read (session))
    self->state = PF_DETAILS_STATE_READ;

  self->any_doubt = self->frames_differ = FALSE;
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      PfComparison *comparison = comparisons != NULL ? g_ptr_array_index (comparisons, f) : NULL;
      g_autofree char *reading = reading_text (session, f);
      g_autoptr(GPtrArray) readings =
        g_ptr_array_new_with_free_func ((GDestroyNotify) pf_detail_free_zeroed);
      PfReadingDoubt doubt = field_doubt (self, session, f, reading, readings);

      pf_detail_field_show (self->fields[f], comparison, reading);
      pf_detail_field_show_doubt (self->fields[f], doubt, (const char * const *) readings->pdata);
      self->any_doubt |= doubt != PF_READING_DOUBT_NONE;
      self->frames_differ |= doubt == PF_READING_DOUBT_FRAMES_DIFFER;
      if (comparison != NULL && pf_comparison_get_finding (comparison) != NULL)
        g_ptr_array_add (findings, pf_comparison_get_finding (comparison));
      if (reading != NULL)
        pf_secure_zero (reading, strlen (reading));
    }

  give_birth_date (session);

  if (anything_typed (session))
    pf_wizard_page_report_findings (page, findings);
  else
    pf_wizard_page_clear_findings (page);
  pf_wizard_page_set_complete (page, anything_typed (session));
  show_state (self);
}

static void
photo_changed_cb (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  pf_details_page_stop_reading (self);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
  pf_details_page_forget_doubts (self);

  /* The reading was of the old photo; what was typed stays. */
  if (pf_session_get_document_read (session))
    pf_session_clear_document (session);

  pf_details_page_set_state (self, pf_session_get_photo (session) != NULL
                                   ? PF_DETAILS_STATE_WAITING
                                   : PF_DETAILS_STATE_NO_PHOTO,
                             NULL);
  if (self->shown)
    pf_details_page_start_reading (self);
}

static void
details_changed_cb (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  /* The session forgot the reading (and with it the photo): what the
   * frames said about it goes too. */
  if (!pf_session_get_document_read (session))
    pf_details_page_forget_doubts (self);
  compare (self);
}

static void
type_without_photo_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (widget);

  self->without_photo = TRUE;
  show_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (pf_detail_field_get_typed_entry (self->fields[0])));
}

static void
pf_details_page_session_changed (PfWizardPage *page,
                                 PfSession    *session)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (page);

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    pf_detail_field_set_session (self->fields[f], session);

  g_signal_connect_object (session, "notify::photo",
                           G_CALLBACK (photo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "details-changed",
                           G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);

  self->state = pf_session_get_photo (session) != NULL ? PF_DETAILS_STATE_WAITING
                                                       : PF_DETAILS_STATE_NO_PHOTO;
  compare (self);
}

static void
pf_details_page_shown (PfWizardPage *page)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (page);

  self->shown = TRUE;
  pf_details_page_start_reading (self);
}

static void
pf_details_page_left (PfWizardPage *page)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (page);

  self->shown = FALSE;
  if (self->cancellable != NULL)
    {
      pf_details_page_stop_reading (self);
      pf_details_page_set_state (self, PF_DETAILS_STATE_WAITING, NULL);
    }
}

static void
pf_details_page_dispose (GObject *object)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (object);
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  /* The window forgets the session after its pages are gone. */
  if (session != NULL)
    g_signal_handlers_disconnect_by_data (session, self);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (self->fields[f] != NULL)
      pf_detail_field_set_session (self->fields[f], NULL);

  pf_details_page_stop_reading (self);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
  pf_details_page_forget_doubts (self);
  g_clear_pointer (&self->read_error, g_free);
  memset (self->fields, 0, sizeof self->fields);

  G_OBJECT_CLASS (pf_details_page_parent_class)->dispose (object);
}

static void
pf_details_page_class_init (PfDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = pf_details_page_dispose;
  page_class->session_changed = pf_details_page_session_changed;
  page_class->shown = pf_details_page_shown;
  page_class->left = pf_details_page_left;

  g_type_ensure (PF_TYPE_DETAIL_FIELD);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/details/pf-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, reading_row);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, reading_icon);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, reading_button);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, surname_field);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, given_names_field);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, birth_date_field);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, nationality_field);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, document_number_field);
  gtk_widget_class_bind_template_child (widget_class, PfDetailsPage, expiry_date_field);

  gtk_widget_class_install_action (widget_class, "details.type-without-photo", NULL,
                                   type_without_photo_cb);
}

static void
pf_details_page_init (PfDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[PF_FIELD_SURNAME] = self->surname_field;
  self->fields[PF_FIELD_GIVEN_NAMES] = self->given_names_field;
  self->fields[PF_FIELD_BIRTH_DATE] = self->birth_date_field;
  self->fields[PF_FIELD_NATIONALITY] = self->nationality_field;
  self->fields[PF_FIELD_DOCUMENT_NUMBER] = self->document_number_field;
  self->fields[PF_FIELD_EXPIRY_DATE] = self->expiry_date_field;
  show_state (self);
}

PfDetailsState
pf_details_page_get_state (PfDetailsPage *self)
{
  g_return_val_if_fail (PF_IS_DETAILS_PAGE (self), PF_DETAILS_STATE_NO_PHOTO);
  return self->state;
}

/**
 * pf_details_page_get_field:
 *
 * Returns: (transfer none): the form's row group for @field
 */
PfDetailField *
pf_details_page_get_field (PfDetailsPage *self,
                           PfField        field)
{
  g_return_val_if_fail (PF_IS_DETAILS_PAGE (self), NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);
  return self->fields[field];
}

/**
 * pf_details_page_get_vote:
 *
 * Returns: (transfer none) (nullable): how the live camera's frames agreed
 *   with the photo's reading, or %NULL when the photo was read alone
 */
PfReadingVote *
pf_details_page_get_vote (PfDetailsPage *self)
{
  g_return_val_if_fail (PF_IS_DETAILS_PAGE (self), NULL);
  return self->vote;
}
