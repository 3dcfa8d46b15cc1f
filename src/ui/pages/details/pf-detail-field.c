/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One detail of the details step: what the person types beside what the
 * document shows (the app's reading, which the person may correct), why
 * that reading may be wrong where the app is unsure of it, and the
 * comparator's verdict: its reason and advice, the differing characters
 * highlighted, and the same differences said in words, for screen readers
 * and for anyone who cannot tell the highlight apart. What is typed goes
 * straight into the session, in memory only. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-detail-doubt.h"
#include "pf-detail-field.h"
#include "pf-detail-text.h"
#include "pf-finding-row.h"

struct _PfDetailField
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkEntry            *typed_row;
  GtkEntry            *document_row;
  GtkButton           *reset_button;
  GtkWidget           *doubt_box;
  GtkLabel            *doubt_label;
  GtkListBox          *result_list;
  PfFindingRow        *result_row;
  GtkWidget           *diff_row;
  GtkLabel            *typed_diff;
  GtkLabel            *document_diff;
  GtkLabel            *diff_words;

  /* Owned references */
  PfSession           *session;
  char                *reading;
  /* What screen readers hear about the field beside its name: the
   * verdict ("title. advice") and the doubt's note, each NULL when there
   * is none. Both may quote what was typed or read: zeroed when freed. */
  char                *verdict_text;
  char                *doubt_text;

  PfField              field;
  /* Set while the entries are filled from the session, so that filling
   * them is not taken for the person's typing; and while the person's
   * typing goes into the session, so that the entry they are typing in is
   * not filled again under their cursor. */
  gboolean             syncing;
  gboolean             editing;
};

G_DEFINE_FINAL_TYPE (PfDetailField, pf_detail_field, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
typed_changed_cb (PfDetailField *self)
{
  if (self->syncing || self->session == NULL)
    return;

  self->editing = TRUE;
  pf_session_set_detail (self->session, self->field,
                         gtk_editable_get_text (GTK_EDITABLE (self->typed_row)));
  self->editing = FALSE;
}

/* Text that is the app's own reading is no correction. */
static void
document_changed_cb (PfDetailField *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->document_row));

  if (self->syncing || self->session == NULL)
    return;

  self->editing = TRUE;
  pf_session_set_correction (self->session, self->field,
                             g_strcmp0 (text, self->reading != NULL ? self->reading : "") == 0
                             ? NULL : text);
  self->editing = FALSE;
}

static void
reset_clicked_cb (PfDetailField *self)
{
  if (self->session != NULL)
    pf_session_set_correction (self->session, self->field, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_row));
}

static void
pf_detail_field_dispose (GObject *object)
{
  PfDetailField *self = PF_DETAIL_FIELD (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->reading, pf_detail_free_zeroed);
  g_clear_pointer (&self->verdict_text, pf_detail_free_zeroed);
  g_clear_pointer (&self->doubt_text, pf_detail_free_zeroed);

  G_OBJECT_CLASS (pf_detail_field_parent_class)->dispose (object);
}

static void
pf_detail_field_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PfDetailField *self = PF_DETAIL_FIELD (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_field (PfDetailField *self,
           PfField        field)
{
  const char *label = pf_field_get_label (field);
  g_autofree char *typed_label = NULL;
  g_autofree char *document_label = NULL;

  self->field = field;
  adw_preferences_group_set_title (self->group, label);

  /* Translators: %s is a detail such as "Surname". */
  typed_label = g_strdup_printf (_("%s, as you type it on the service’s form"), label);
  /* Translators: %s is a detail such as "Surname". */
  document_label = g_strdup_printf (_("%s, as the document shows it"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->typed_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, typed_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, document_label,
                                  -1);
  /* The verdict's list, named after the detail it is about. */
  pf_accessible_names_label_list (GTK_WIDGET (self->result_list), label);
}

static void
pf_detail_field_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PfDetailField *self = PF_DETAIL_FIELD (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      set_field (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_detail_field_class_init (PfDetailFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_detail_field_dispose;
  object_class->get_property = pf_detail_field_get_property;
  object_class->set_property = pf_detail_field_set_property;

  /* A #PfField; plain unsigned, as the core registers no enum type for it. */
  properties[PROP_FIELD] =
    g_param_spec_uint ("field", NULL, NULL, 0, PF_N_FIELDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PF_TYPE_FINDING_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/details/pf-detail-field.ui");
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, group);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, typed_row);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, document_row);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, reset_button);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, doubt_box);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, doubt_label);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, result_list);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, result_row);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, diff_row);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, typed_diff);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, document_diff);
  gtk_widget_class_bind_template_child (widget_class, PfDetailField, diff_words);
  gtk_widget_class_bind_template_callback (widget_class, typed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
pf_detail_field_init (PfDetailField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_field (self, PF_FIELD_SURNAME);
}

PfField
pf_detail_field_get_field (PfDetailField *self)
{
  g_return_val_if_fail (PF_IS_DETAIL_FIELD (self), PF_FIELD_SURNAME);
  return self->field;
}

void
pf_detail_field_set_session (PfDetailField *self,
                             PfSession     *session)
{
  g_return_if_fail (PF_IS_DETAIL_FIELD (self));
  g_return_if_fail (session == NULL || PF_IS_SESSION (session));

  g_set_object (&self->session, session);
}

static void
set_entry_text (GtkEntry    *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_diff (PfDetailField      *self,
           const PfComparison *comparison)
{
  g_autofree char *typed_markup = NULL;
  g_autofree char *document_markup = NULL;
  g_autofree char *typed_prefix = NULL;
  g_autofree char *document_prefix = NULL;
  g_autofree char *typed_line = NULL;
  g_autofree char *document_line = NULL;
  g_autofree char *words = NULL;
  PfVerdict verdict = pf_comparison_get_verdict (comparison);

  if (verdict == PF_VERDICT_MISMATCH || pf_comparison_get_reason (comparison) != PF_REASON_NONE)
    {
      typed_markup = pf_detail_diff_markup (comparison, TRUE);
      document_markup = pf_detail_diff_markup (comparison, FALSE);
      words = pf_detail_diff_words (comparison);
    }

  if (typed_markup == NULL || document_markup == NULL || words == NULL)
    {
      gtk_widget_set_visible (self->diff_row, FALSE);
      gtk_label_set_label (self->typed_diff, "");
      gtk_label_set_label (self->document_diff, "");
      gtk_label_set_label (self->diff_words, "");
      return;
    }

  /* Translators: before the typed value, with its differences marked. */
  typed_prefix = g_markup_escape_text (_("You typed:"), -1);
  /* Translators: before the document's value, with its differences marked. */
  document_prefix = g_markup_escape_text (_("Document:"), -1);
  typed_line = g_strdup_printf ("%s %s", typed_prefix, typed_markup);
  document_line = g_strdup_printf ("%s %s", document_prefix, document_markup);
  gtk_label_set_markup (self->typed_diff, typed_line);
  gtk_label_set_markup (self->document_diff, document_line);
  gtk_label_set_label (self->diff_words, words);
  gtk_widget_set_visible (self->diff_row, TRUE);

  pf_secure_zero (typed_markup, strlen (typed_markup));
  pf_secure_zero (document_markup, strlen (document_markup));
  pf_secure_zero (typed_line, strlen (typed_line));
  pf_secure_zero (document_line, strlen (document_line));
  pf_secure_zero (words, strlen (words));
}

static void
describe (GtkWidget  *entry,
          const char *description)
{
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The typed value's entry is described by the verdict and the doubt, the
 * document's by the doubt: either way the person hears what to check
 * where the focus is. */
static void
update_descriptions (PfDetailField *self)
{
  g_autofree char *both = NULL;

  if (self->verdict_text != NULL && self->doubt_text != NULL)
    both = g_strjoin ("\n", self->verdict_text, self->doubt_text, NULL);
  describe (GTK_WIDGET (self->typed_row),
            both != NULL ? both : self->verdict_text != NULL ? self->verdict_text
                                                             : self->doubt_text);
  describe (GTK_WIDGET (self->document_row), self->doubt_text);
  if (both != NULL)
    pf_secure_zero (both, strlen (both));
}

/**
 * pf_detail_field_show_doubt:
 * @doubt: why the app is unsure of its reading of this detail, or
 *   %PF_READING_DOUBT_NONE
 * @readings: (array zero-terminated=1) (nullable): the different readings,
 *   as shown, where @doubt lists them
 *
 * Shows, or hides, the note that the reading needs the person's own
 * check, and puts it in both entries' accessible descriptions.
 */
void
pf_detail_field_show_doubt (PfDetailField      *self,
                            PfReadingDoubt      doubt,
                            const char * const *readings)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (PF_IS_DETAIL_FIELD (self));

  g_clear_pointer (&self->doubt_text, pf_detail_free_zeroed);
  self->doubt_text = pf_detail_doubt_describe (doubt, readings, FALSE);
  markup = pf_detail_doubt_describe (doubt, readings, TRUE);

  gtk_label_set_markup (self->doubt_label, markup != NULL ? markup : "");
  gtk_widget_set_visible (self->doubt_box, markup != NULL);
  update_descriptions (self);
  if (markup != NULL)
    pf_secure_zero (markup, strlen (markup));
}

/**
 * pf_detail_field_show:
 * @comparison: (nullable): the field's comparison, or %NULL for none
 * @reading: (nullable): what the app read on the document for this field,
 *   in the form to show it, or %NULL if nothing was read
 *
 * Fills the entries from the session (where the person may have typed
 * before leaving the page) and shows the verdict.
 */
void
pf_detail_field_show (PfDetailField      *self,
                      const PfComparison *comparison,
                      const char         *reading)
{
  const char *correction = NULL;
  PfFinding *finding = NULL;

  g_return_if_fail (PF_IS_DETAIL_FIELD (self));

  if (g_strcmp0 (self->reading, reading) != 0)
    {
      g_clear_pointer (&self->reading, pf_detail_free_zeroed);
      self->reading = g_strdup (reading);
    }

  self->syncing = TRUE;
  if (self->session != NULL && !self->editing)
    {
      correction = pf_session_get_correction (self->session, self->field);
      set_entry_text (self->typed_row, pf_session_get_detail (self->session, self->field));
      set_entry_text (self->document_row, correction != NULL ? correction : reading);
    }
  else if (self->session != NULL)
    correction = pf_session_get_correction (self->session, self->field);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), correction != NULL && reading != NULL);

  if (comparison != NULL)
    finding = pf_comparison_get_finding (comparison);

  /* The verdict, read out with the field it is about. */
  g_clear_pointer (&self->verdict_text, pf_detail_free_zeroed);
  if (finding != NULL)
    self->verdict_text = g_strdup_printf ("%s. %s", pf_finding_get_title (finding),
                                          pf_finding_get_advice (finding));
  update_descriptions (self);

  pf_finding_row_set_finding (self->result_row, finding);
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), finding != NULL);
  if (finding != NULL)
    show_diff (self, comparison);
  else
    gtk_widget_set_visible (self->diff_row, FALSE);
}

GtkEditable *
pf_detail_field_get_typed_entry (PfDetailField *self)
{
  g_return_val_if_fail (PF_IS_DETAIL_FIELD (self), NULL);
  return GTK_EDITABLE (self->typed_row);
}

GtkEditable *
pf_detail_field_get_document_entry (PfDetailField *self)
{
  g_return_val_if_fail (PF_IS_DETAIL_FIELD (self), NULL);
  return GTK_EDITABLE (self->document_row);
}

/**
 * pf_detail_field_get_doubt_text:
 *
 * Returns: why the app is unsure of its reading, in words, as shown; ""
 *   when it shows no doubt
 */
const char *
pf_detail_field_get_doubt_text (PfDetailField *self)
{
  g_return_val_if_fail (PF_IS_DETAIL_FIELD (self), NULL);
  return self->doubt_text != NULL ? self->doubt_text : "";
}

/**
 * pf_detail_field_get_diff_text:
 *
 * Returns: the differences in words, as shown; "" when none are shown
 */
const char *
pf_detail_field_get_diff_text (PfDetailField *self)
{
  g_return_val_if_fail (PF_IS_DETAIL_FIELD (self), NULL);
  return gtk_widget_get_visible (self->diff_row) ? gtk_label_get_label (self->diff_words) : "";
}
