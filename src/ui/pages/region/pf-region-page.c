/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Region and age. The date of birth is read as the person types it, in any
 * of the usual ways; the date is then written out in words so that they can
 * see it was read right. A date that reads two ways gets a question, never a
 * guess. Errors wait until the person presses Enter or leaves the field, so
 * that nobody is scolded halfway through typing; once shown they follow
 * every key. What was typed is never cleared. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-date-question.h"
#include "pf-date.h"
#include "pf-finding-row.h"
#include "pf-region-page.h"

struct _PfRegionPage
{
  PfWizardPage         parent_instance;

  /* Template widgets */
  GtkEntry            *date_row;
  GtkLabel            *error_label;
  PfDateQuestion      *question;
  AdwPreferencesGroup *result_group;
  AdwActionRow        *birth_date_row;
  GtkWidget           *minimum_age_row;
  GtkWidget           *minimum_age_spin;
  PfFindingRow        *age_row;
  GtkAdjustment       *age_adjustment;

  /* Owned references */
  GSettings           *settings;

  gboolean             show_errors;
};

G_DEFINE_FINAL_TYPE (PfRegionPage, pf_region_page, PF_TYPE_WIZARD_PAGE)

static void
show_error (PfRegionPage *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->date_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_birth_date (PfRegionPage *self,
                 const GDate  *birth)
{
  PfWizardPage *page = PF_WIZARD_PAGE (self);
  g_autoptr(PfFinding) finding = NULL;
  g_autofree char *long_date = NULL;
  GDate today;

  pf_date_set_today (&today);
  finding = pf_age_check (birth, &today, g_settings_get_int (self->settings, "minimum-age"));
  long_date = pf_date_format_long (birth);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birth_date_row), long_date);
  pf_finding_row_set_finding (self->age_row, finding);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);

  pf_session_set_birth_date (pf_wizard_page_get_session (page), birth);
  pf_wizard_page_report (page, finding);
  pf_wizard_page_set_complete (page, TRUE);
}

static void
forget_birth_date (PfRegionPage *self)
{
  PfWizardPage *page = PF_WIZARD_PAGE (self);

  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
  pf_session_set_birth_date (pf_wizard_page_get_session (page), NULL);
  pf_wizard_page_clear_findings (page);
  pf_wizard_page_set_complete (page, FALSE);
}

/* Asks "is 12 the day or the month?" when the text reads both ways, and
 * returns whether it does. */
static gboolean
ask_order_if_ambiguous (PfRegionPage *self,
                        const char   *text)
{
  g_autoptr(GError) error = NULL;
  GDate day_first, month_first;

  if (pf_date_parse (text, PF_DATE_ORDER_UNKNOWN, &day_first, &error) ||
      !g_error_matches (error, PF_DATE_ERROR, PF_DATE_ERROR_AMBIGUOUS))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->question), FALSE);
      return FALSE;
    }

  if (pf_date_parse (text, PF_DATE_ORDER_DAY_FIRST, &day_first, NULL) &&
      pf_date_parse (text, PF_DATE_ORDER_MONTH_FIRST, &month_first, NULL))
    pf_date_question_ask (self->question, &day_first, &month_first);

  gtk_widget_set_visible (GTK_WIDGET (self->question), TRUE);
  return TRUE;
}

static void
update (PfRegionPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  gboolean ambiguous;
  PfDateOrder order = PF_DATE_ORDER_UNKNOWN;
  GDate birth;

  /* Focus can leave the field while the page is being destroyed. */
  if (pf_wizard_page_get_session (PF_WIZARD_PAGE (self)) == NULL || self->settings == NULL)
    return;

  ambiguous = ask_order_if_ambiguous (self, text);
  if (ambiguous)
    order = pf_date_question_get_order (self->question);

  if (pf_date_parse (text, order, &birth, &error))
    {
      self->show_errors = FALSE;
      show_error (self, NULL);
      show_birth_date (self, &birth);
      return;
    }

  forget_birth_date (self);

  /* An ambiguous date is not a mistake: the question says what to do. */
  if (self->show_errors && !ambiguous)
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static void
date_changed_cb (PfRegionPage *self)
{
  update (self);
}

static void
date_activated_cb (PfRegionPage *self)
{
  self->show_errors = TRUE;
  update (self);
}

/* Leaving an empty field is not a mistake; pressing Enter in one is. */
static void
date_focus_left_cb (PfRegionPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_row)) == '\0')
    return;

  self->show_errors = TRUE;
  update (self);
}

static void
order_changed_cb (PfRegionPage *self)
{
  update (self);
}

static void
minimum_age_changed_cb (PfRegionPage *self)
{
  update (self);
}

static void
pf_region_page_session_changed (PfWizardPage *page,
                                PfSession    *session)
{
  update (PF_REGION_PAGE (page));
}

/* A date of birth typed in the details step fills an empty field here, so
 * that the age is checked without typing it twice. */
static void
pf_region_page_shown (PfWizardPage *page)
{
  PfRegionPage *self = PF_REGION_PAGE (page);
  char text[16];
  GDate birth;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_row)) != '\0' ||
      !pf_session_get_birth_date (pf_wizard_page_get_session (page), &birth))
    return;

  g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  pf_secure_zero (text, sizeof text);
}

static void
pf_region_page_dispose (GObject *object)
{
  PfRegionPage *self = PF_REGION_PAGE (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_region_page_parent_class)->dispose (object);
}

static void
pf_region_page_class_init (PfRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = pf_region_page_dispose;
  page_class->session_changed = pf_region_page_session_changed;
  page_class->shown = pf_region_page_shown;

  g_type_ensure (PF_TYPE_DATE_QUESTION);
  g_type_ensure (PF_TYPE_FINDING_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/region/pf-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, question);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, minimum_age_row);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, minimum_age_spin);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, age_row);
  gtk_widget_class_bind_template_child (widget_class, PfRegionPage, age_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_changed_cb);
}

static void
pf_region_page_init (PfRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Its group has no title: the list is named after its one row. */
  pf_accessible_names_label_list (gtk_widget_get_parent (self->minimum_age_row),
                                  _("The service’s minimum age"));
  /* Named once: GTK 4.8 would add the row's title to the spin's label. */
  pf_accessible_names_keep_own (self->minimum_age_spin);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "minimum-age",
                   self->age_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::minimum-age",
                           G_CALLBACK (minimum_age_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
