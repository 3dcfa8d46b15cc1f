/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary: every step of the wizard with its status and findings, as
 * the session has them, each leading back to its step. It is a view of the
 * session and updates whenever a step's result changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-status.h"
#include "pf-summary-page.h"
#include "pf-summary-step.h"

struct _PfSummaryPage
{
  PfWizardPage  parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkImage     *overall_image;
  GtkLabel     *headline_label;
  GtkLabel     *counts_label;
  GtkLabel     *advice_label;
  GtkWidget    *steps_box;
};

G_DEFINE_FINAL_TYPE (PfSummaryPage, pf_summary_page, PF_TYPE_WIZARD_PAGE)

/* Adds @part (taken) to a line of counts such as "1 step has a blocker · 2 steps are fine". */
static void
append_count (GString *counts,
              char    *part)
{
  if (counts->len > 0)
    /* Translators: between the counts, as in "1 step has a blocker · 2 steps are fine". */
    g_string_append (counts, _(" · "));
  g_string_append (counts, part);
  g_free (part);
}

/* "2 steps need attention": how many steps have @status, in words. */
static char *
count_steps (PfStepStatus status,
             guint        n)
{
  switch (status)
    {
    case PF_STEP_STATUS_BLOCKER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step has a blocker",
                                           "%u steps have a blocker", n), n);
    case PF_STEP_STATUS_CAUTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step needs attention",
                                           "%u steps need attention", n), n);
    case PF_STEP_STATUS_OK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step is fine",
                                           "%u steps are fine", n), n);
    case PF_STEP_STATUS_UNCHECKED:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step not checked yet",
                                           "%u steps not checked yet", n), n);
    }
}

static void
update_overview (PfSummaryPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  guint n[PF_STEP_STATUS_BLOCKER + 1] = { 0, };
  g_autoptr(GString) counts = g_string_new (NULL);
  PfStepStatus worst = PF_STEP_STATUS_UNCHECKED;
  const char *headline, *advice;

  for (GtkWidget *child = gtk_widget_get_first_child (self->steps_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PfStep step = pf_summary_step_get_step (PF_SUMMARY_STEP (child));
      PfStepStatus status = pf_session_get_status (session, step);

      n[status]++;
      worst = MAX (worst, status);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    worst == PF_STEP_STATUS_UNCHECKED ? "empty" : "results");

  for (int status = PF_STEP_STATUS_BLOCKER; status >= PF_STEP_STATUS_UNCHECKED; status--)
    if (n[status] > 0)
      append_count (counts, count_steps (status, n[status]));

  switch (worst)
    {
    case PF_STEP_STATUS_BLOCKER:
      headline = _("Something Must Be Fixed First");
      advice = _("The service will refuse the verification until every blocker is fixed. "
                 "Fix them before you submit again.");
      break;
    case PF_STEP_STATUS_CAUTION:
      headline = _("A Few Things to Look At");
      advice = _("These may not stop the verification on their own, but fixing them makes it "
                 "more likely to pass the first time.");
      break;
    case PF_STEP_STATUS_OK:
      if (n[PF_STEP_STATUS_UNCHECKED] > 0)
        {
          headline = _("So Far, So Good");
          advice = _("Go through the steps you skipped: one of them may hold the reason.");
        }
      else
        {
          headline = _("Everything Checked Looks Fine");
          advice = _("Nothing here explains the rejection. Wait a while rather than retrying "
                     "at once, use a stable connection, try the service’s phone app, and if it "
                     "still fails, open a ticket in the service’s official help centre.");
        }
      break;
    case PF_STEP_STATUS_UNCHECKED:
    default:
      headline = _("Nothing Checked Yet");
      advice = "";
      break;
    }

  pf_status_show (self->overall_image, worst, NULL);
  gtk_label_set_label (self->headline_label, headline);
  gtk_label_set_label (self->counts_label, counts->str);
  gtk_label_set_label (self->advice_label, advice);
}

static void
step_changed_cb (PfSummaryPage *self,
                 guint          step,
                 PfSession     *session)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->steps_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (pf_summary_step_get_step (PF_SUMMARY_STEP (child)) == step)
      pf_summary_step_update (PF_SUMMARY_STEP (child), session);

  update_overview (self);
}

static void
update_all (PfSummaryPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  if (session == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (self->steps_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pf_summary_step_update (PF_SUMMARY_STEP (child), session);

  update_overview (self);
}

static void
pf_summary_page_session_changed (PfWizardPage *page,
                                 PfSession    *session)
{
  PfSummaryPage *self = PF_SUMMARY_PAGE (page);

  g_signal_connect_object (session, "step-changed",
                           G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_all (self);
}

static void
pf_summary_page_class_init (PfSummaryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  /* The summary checks nothing itself: it shows the other steps. */
  page_class->has_status = FALSE;
  page_class->session_changed = pf_summary_page_session_changed;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/summary/pf-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, overall_image);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, steps_box);
}

static void
pf_summary_page_init (PfSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* There is nothing to do here; the way on is the step list. */
  pf_wizard_page_set_complete (PF_WIZARD_PAGE (self), TRUE);
}

/**
 * pf_summary_page_set_steps:
 * @steps: (array length=n_steps): the wizard's steps, in order
 *
 * Sets which steps the summary lists: those of the wizard, except the
 * summary itself.
 */
void
pf_summary_page_set_steps (PfSummaryPage *self,
                           const PfStep  *steps,
                           guint          n_steps)
{
  PfStep own_step;
  GtkWidget *child;

  g_return_if_fail (PF_IS_SUMMARY_PAGE (self));
  g_return_if_fail (steps != NULL || n_steps == 0);

  while ((child = gtk_widget_get_first_child (self->steps_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->steps_box), child);

  own_step = pf_wizard_page_get_step (PF_WIZARD_PAGE (self));
  for (guint i = 0; i < n_steps; i++)
    if (steps[i] != own_step)
      gtk_box_append (GTK_BOX (self->steps_box), pf_summary_step_new (steps[i]));

  update_all (self);
}
