/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document validity. The judgement is pf_validity_check()'s; this page
 * shows its findings, and says what no app can check: which documents the
 * service accepts where the person lives. It follows the session, so the
 * step's status is right even before the person opens the page. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-date.h"
#include "pf-finding-row.h"
#include "pf-validity-check.h"
#include "pf-validity-page.h"

struct _PfValidityPage
{
  PfWizardPage  parent_instance;

  /* Template widgets */
  GtkWidget    *empty_page;
  GtkWidget    *results_group;
  GtkListBox   *results;

  /* The day to judge expiry against; invalid means today's date. Tests
   * set it, so that their verdicts do not depend on the clock. */
  GDate         today;
};

G_DEFINE_FINAL_TYPE (PfValidityPage, pf_validity_page, PF_TYPE_WIZARD_PAGE)

static void
show_findings (PfValidityPage *self,
               GPtrArray      *findings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    gtk_list_box_append (self->results, pf_finding_row_new (g_ptr_array_index (findings, i)));

  gtk_widget_set_visible (self->empty_page, findings == NULL);
  gtk_widget_set_visible (self->results_group, findings != NULL);
}

static void
update (PfValidityPage *self)
{
  PfWizardPage *page = PF_WIZARD_PAGE (self);
  PfSession *session = pf_wizard_page_get_session (page);
  g_autoptr(GPtrArray) findings = NULL;
  GDate today = self->today;

  if (session == NULL || self->results == NULL)
    return;

  if (!g_date_valid (&today))
    pf_date_set_today (&today);

  findings = pf_validity_check (session, &today);
  show_findings (self, findings);

  if (findings != NULL)
    pf_wizard_page_report_findings (page, findings);
  else
    pf_wizard_page_clear_findings (page);
  pf_wizard_page_set_complete (page, findings != NULL);
}

static void
details_changed_cb (PfValidityPage *self)
{
  update (self);
}

static void
step_changed_cb (PfValidityPage *self,
                 guint           step)
{
  /* The photo step's copy check is one of ours to explain. */
  if (step == PF_STEP_PHOTO)
    update (self);
}

static void
pf_validity_page_session_changed (PfWizardPage *page,
                                  PfSession    *session)
{
  PfValidityPage *self = PF_VALIDITY_PAGE (page);

  g_signal_connect_object (session, "details-changed",
                           G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "step-changed",
                           G_CALLBACK (step_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::document-kind",
                           G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
pf_validity_page_shown (PfWizardPage *page)
{
  /* The day may have changed since the page last looked. */
  update (PF_VALIDITY_PAGE (page));
}

static void
pf_validity_page_dispose (GObject *object)
{
  PfValidityPage *self = PF_VALIDITY_PAGE (object);
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  /* The window forgets the session after its pages are gone. */
  if (session != NULL)
    g_signal_handlers_disconnect_by_data (session, self);
  self->results = NULL;

  G_OBJECT_CLASS (pf_validity_page_parent_class)->dispose (object);
}

static void
pf_validity_page_class_init (PfValidityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = pf_validity_page_dispose;
  page_class->session_changed = pf_validity_page_session_changed;
  page_class->shown = pf_validity_page_shown;

  g_type_ensure (PF_TYPE_FINDING_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/validity/pf-validity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfValidityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PfValidityPage, results_group);
  gtk_widget_class_bind_template_child (widget_class, PfValidityPage, results);
}

static void
pf_validity_page_init (PfValidityPage *self)
{
  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pf_validity_page_set_today:
 * @today: (nullable): the day to judge expiry against, or %NULL for the
 *   real today
 */
void
pf_validity_page_set_today (PfValidityPage *self,
                            const GDate    *today)
{
  g_return_if_fail (PF_IS_VALIDITY_PAGE (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  update (self);
}
