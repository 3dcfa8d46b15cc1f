/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Your details. The person types each detail as they will on the
 * service's form; beside it stands what the document shows, as the app
 * read it from the document photo, which the person may correct. The
 * comparator (pf_compare_details(), shared with the CLI) judges each pair.
 *
 * The photo is read in a worker thread while the page is shown; a new
 * photo, or leaving the page, cancels the reading. Everything typed lives
 * in the session, in memory only: it survives moving between steps and is
 * zeroed when the session forgets. Nothing here is logged. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-date.h"
#include "pf-details-page.h"
#include "pf-reading.h"
#include "pf-reading-vote.h"

struct _PfDetailsPage
{
  PfWizardPage     parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  AdwActionRow    *reading_row;
  GtkSpinner      *reading_spinner;
  GtkImage        *reading_icon;
  GtkButton       *reading_button;
  PfDetailField   *surname_field;
  PfDetailField   *given_names_field;
  PfDetailField   *birth_date_field;
  PfDetailField   *nationality_field;
  PfDetailField   *document_number_field;
  PfDetailField   *expiry_date_field;

  /* Borrowed references: the template owns them */
  PfDetailField   *fields[PF_N_FIELDS];

  /* Owned references */
  GCancellable    *cancellable;
  PfImage         *reading_photo;
  /* How the live camera's frames agreed with the photo's reading; NULL
   * for a photo opened from a file. Holds what was read: zeroed when
   * freed. */
  PfReadingVote   *vote;

  PfDetailsState   state;
  /* Why nothing could be read; says nothing about the person. */
  char            *read_error;
  gboolean         without_photo;
  gboolean         shown;
};

G_DEFINE_FINAL_TYPE (PfDetailsPage, pf_details_page, PF_TYPE_WIZARD_PAGE)

static gboolean
is_date_field (PfField field)
{
  return field == PF_FIELD_BIRTH_DATE || field == PF_FIELD_EXPIRY_DATE;
}

/* What the app read for @field, as the person would read it on the
 * document: the printed zone where it was read, else the MRZ's value, its
 * dates written out in words. */
static char *
reading_text (PfSession *session,
              PfField    field)
{
  const char *printed = pf_session_get_document_printed (session, field);
  const char *mrz = pf_session_get_document_mrz (session, field);
  GDate date;

  if (printed != NULL)
    return g_strdup (printed);
  if (mrz == NULL)
    return NULL;
  if (is_date_field (field) && pf_date_parse (mrz, PF_DATE_ORDER_DAY_FIRST, &date, NULL))
    return pf_date_format_long (&date);
  return g_strdup (mrz);
}

static gboolean
anything_typed (PfSession *session)
{
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (pf_session_get_detail (session, f) != NULL)
      return TRUE;
  return FALSE;
}

/* What the frames' agreement says, for the reading row: which details
 * they read differently, and how, or that they all read alike; %NULL
 * when there is nothing to say (a reading on its own). */
static char *
agreement_text (PfReadingVote *vote)
{
  g_autoptr(GString) uncertain = g_string_new (NULL);
  guint n_frames = pf_reading_vote_get_n_readings (vote) - 1;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char * const *values = pf_reading_vote_get_alternatives (vote, f);
      g_autofree char *joined = NULL;

      if (pf_reading_vote_get_agreement (vote, f) != PF_READING_AGREEMENT_UNCERTAIN)
        continue;
      /* TRANSLATORS: between the different readings of one detail:
       * "L898902C3 or 1898902C3" */
      joined = g_strjoinv (_(" or "), (char **) values);
      if (uncertain->len > 0)
        g_string_append (uncertain, "; ");
      /* TRANSLATORS: a detail and its different readings: "Document
       * number: L898902C3 or 1898902C3" */
      g_string_append_printf (uncertain, _("%s: %s"), pf_field_get_label (f), joined);
      pf_secure_zero (joined, strlen (joined));
    }

  if (uncertain->len > 0)
    {
      char *text = g_strdup_printf (_("The camera read these details differently from one frame "
                                      "to the next — %s. Check them against the document "
                                      "itself and correct what the app read."),
                                    uncertain->str);

      pf_secure_zero (uncertain->str, uncertain->len);
      return text;
    }
  if (n_frames > 0 && pf_reading_vote_get_confirmed (vote))
    return g_strdup_printf (ngettext ("The photo and %u camera frame before it read alike. "
                                      "Check what the app read against the document itself "
                                      "all the same.",
                                      "The photo and %u camera frames before it read alike. "
                                      "Check what the app read against the document itself "
                                      "all the same.",
                                      n_frames),
                            n_frames);
  return NULL;
}

static gboolean
any_uncertain (PfReadingVote *vote)
{
  for (PfField f = 0; vote != NULL && f < PF_N_FIELDS; f++)
    if (pf_reading_vote_get_agreement (vote, f) == PF_READING_AGREEMENT_UNCERTAIN)
      return TRUE;
  return FALSE;
}

static void
show_state (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  const char *title = NULL;
  const char *subtitle = NULL;
  const char *icon = NULL;
  const char *button = NULL;
  g_autofree char *agreement = NULL;
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
      subtitle = _("Check what the app read against the document itself, and correct any "
                   "character it misread.");
      button = _("Take _Another Photo");
      agreement = self->vote != NULL ? agreement_text (self->vote) : NULL;
      if (agreement != NULL)
        subtitle = agreement;
      if (any_uncertain (self->vote))
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
  if (agreement != NULL)
    pf_secure_zero (agreement, strlen (agreement));

  empty = self->state == PF_DETAILS_STATE_NO_PHOTO && !self->without_photo &&
          (session == NULL || !anything_typed (session));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "form");
}

static void
set_state (PfDetailsPage  *self,
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

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      PfComparison *comparison = comparisons != NULL ? g_ptr_array_index (comparisons, f) : NULL;
      g_autofree char *reading = reading_text (session, f);

      pf_detail_field_show (self->fields[f], comparison, reading);
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

  /* A reading given to the session without a photo (a test, or the
   * photo forgotten since) is still a reading. */
  if (self->state == PF_DETAILS_STATE_NO_PHOTO && pf_session_get_document_read (session))
    self->state = PF_DETAILS_STATE_READ;
  show_state (self);
}

typedef struct
{
  PfImage        *photo;
  GPtrArray      *frames;  /* the live camera's, or NULL */
  PfDocumentKind  kind;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_pointer (&job->photo, pf_image_unref);
  g_clear_pointer (&job->frames, g_ptr_array_unref);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  PfReadOptions options = { 0 };
  PfReading *reading;

  /* A captured photo is read again in the frames the camera saw just
   * before it, which vote on each field; a frame's printed zone would
   * cost Tesseract's time for little, its MRZ a tenth of that. */
  options.kind = job->kind;
  options.frames_mrz_only = TRUE;
  reading = pf_read_document_frames (job->photo,
                                     job->frames != NULL ? (PfImage **) job->frames->pdata : NULL,
                                     job->frames != NULL ? job->frames->len : 0, &options,
                                     cancellable, &error);

  if (reading != NULL)
    g_task_return_pointer (task, reading, (GDestroyNotify) pf_reading_unref);
  else
    g_task_return_error (task, error);
}

static gboolean
reading_has_anything (PfReading *reading)
{
  if (pf_reading_get_mrz (reading) != NULL)
    return TRUE;
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (pf_reading_get_value (reading, f) != NULL)
      return TRUE;
  return FALSE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (source);
  GTask *task = G_TASK (result);
  ReadJob *job = g_task_get_task_data (task);
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  g_autoptr(PfReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  const char *printed[PF_N_FIELDS], *mrz_values[PF_N_FIELDS];

  reading = g_task_propagate_pointer (task, &error);

  /* A reading that was cancelled, or is of a photo no longer chosen, is
   * dropped: whoever cancelled it has already moved the page on. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || session == NULL ||
      job->photo != pf_session_get_photo (session))
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->vote, pf_reading_vote_unref);

  if (reading == NULL || !reading_has_anything (reading))
    {
      set_state (self, PF_DETAILS_STATE_UNREADABLE, NULL);
      pf_session_set_document (session, NULL, NULL, NULL);
      set_state (self, PF_DETAILS_STATE_UNREADABLE, error != NULL ? error->message : NULL);
      return;
    }

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      printed[f] = pf_reading_get_printed_value (reading, f);
      mrz_values[f] = pf_reading_get_mrz_value (reading, f);
    }

  if (pf_reading_get_vote (reading) != NULL)
    self->vote = pf_reading_vote_ref (pf_reading_get_vote (reading));
  set_state (self, PF_DETAILS_STATE_READ, NULL);
  pf_session_set_document (session, printed, mrz_values, pf_reading_get_mrz (reading));
}

static void
stop_reading (PfDetailsPage *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
}

/* Reads the session's photo unless it has been read, or is being read. */
static void
start_reading (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  g_autoptr(GTask) task = NULL;
  PfImage *photo;
  ReadJob *job;

  if (session == NULL)
    return;

  photo = pf_session_get_photo (session);
  if (photo == NULL)
    {
      if (self->state != PF_DETAILS_STATE_READ || !pf_session_get_document_read (session))
        set_state (self, PF_DETAILS_STATE_NO_PHOTO, NULL);
      return;
    }

  if (photo == self->reading_photo &&
      (self->cancellable != NULL || pf_session_get_document_read (session)))
    return;

  stop_reading (self);
  self->reading_photo = pf_image_ref (photo);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ReadJob, 1);
  job->photo = pf_image_ref (photo);
  if (pf_session_get_photo_frames (session) != NULL)
    job->frames = g_ptr_array_ref (pf_session_get_photo_frames (session));
  job->kind = pf_session_get_document_kind (session);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);

  set_state (self, PF_DETAILS_STATE_READING, NULL);
}

static void
photo_changed_cb (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  stop_reading (self);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
  g_clear_pointer (&self->vote, pf_reading_vote_unref);

  /* The reading was of the old photo; what was typed stays. */
  if (pf_session_get_document_read (session))
    pf_session_clear_document (session);

  set_state (self, pf_session_get_photo (session) != NULL ? PF_DETAILS_STATE_WAITING
                                                          : PF_DETAILS_STATE_NO_PHOTO, NULL);
  if (self->shown)
    start_reading (self);
}

static void
details_changed_cb (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  /* The session forgot the reading (and with it the photo): what the
   * frames said about it goes too. */
  if (!pf_session_get_document_read (session))
    g_clear_pointer (&self->vote, pf_reading_vote_unref);
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
  start_reading (self);
}

static void
pf_details_page_left (PfWizardPage *page)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (page);

  self->shown = FALSE;
  if (self->cancellable != NULL)
    {
      stop_reading (self);
      set_state (self, PF_DETAILS_STATE_WAITING, NULL);
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

  stop_reading (self);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
  g_clear_pointer (&self->vote, pf_reading_vote_unref);
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
