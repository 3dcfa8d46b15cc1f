/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stay safe: the scams that prey on people stuck in verification, and a
 * short check that makes the warning signs stick. The step is done when
 * every message has an answer; its finding says how many were right. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-finding-row.h"
#include "pf-quiz-item.h"
#include "pf-safety-page.h"

struct _PfSafetyPage
{
  PfWizardPage         parent_instance;

  /* Template widgets */
  GtkWidget           *quiz_box;
  AdwPreferencesGroup *result_group;
  PfFindingRow        *result_row;
};

G_DEFINE_FINAL_TYPE (PfSafetyPage, pf_safety_page, PF_TYPE_WIZARD_PAGE)

static PfFinding *
make_finding (guint n_wrong)
{
  g_autofree char *title = NULL;

  if (n_wrong == 0)
    return pf_finding_new ("safety.quiz", PF_SEVERITY_OK,
                           _("You can tell the scams apart"),
                           _("Remember: real support never writes first and never asks for codes, "
                             "passwords or document photos."));

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u answer in the scam check was wrong",
                                        "%u answers in the scam check were wrong",
                                        n_wrong),
                           n_wrong);
  return pf_finding_new ("safety.quiz", PF_SEVERITY_CAUTION, title,
                         _("Read the warning signs again before you talk to anyone about your "
                           "verification."));
}

static void
answer_changed_cb (PfSafetyPage *self)
{
  PfWizardPage *page = PF_WIZARD_PAGE (self);
  guint n_answered = 0, n_wrong = 0, n_items = 0;
  g_autoptr(PfFinding) finding = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (self->quiz_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PfQuizItem *item = PF_QUIZ_ITEM (child);

      n_items++;
      if (pf_quiz_item_get_answer (item) != PF_QUIZ_ANSWER_NONE)
        {
          n_answered++;
          if (!pf_quiz_item_get_correct (item))
            n_wrong++;
        }
    }

  if (pf_wizard_page_get_session (page) == NULL)
    return;

  if (n_answered < n_items)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
      pf_wizard_page_clear_findings (page);
      pf_wizard_page_set_complete (page, FALSE);
      return;
    }

  finding = make_finding (n_wrong);
  pf_finding_row_set_finding (self->result_row, finding);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
  pf_wizard_page_report (page, finding);
  pf_wizard_page_set_complete (page, TRUE);
}

static void
pf_safety_page_class_init (PfSafetyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (PF_TYPE_QUIZ_ITEM);
  g_type_ensure (PF_TYPE_FINDING_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/safety/pf-safety-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfSafetyPage, quiz_box);
  gtk_widget_class_bind_template_child (widget_class, PfSafetyPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, PfSafetyPage, result_row);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
}

static void
pf_safety_page_init (PfSafetyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
