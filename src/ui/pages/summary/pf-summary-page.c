/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary: every finding of every step, grouped into what must be
 * fixed, what is worth changing and what passed, each leading back to its
 * step; what to do when nothing explains the rejection; a ticket draft to
 * copy; and the report to export (pf-summary-page-export.c). It is a view
 * of the session and updates whenever a step's result changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-status.h"
#include "pf-summary-page-private.h"
#include "pf-ticket.h"

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

static PfTicketTried
get_tried (PfSummaryPage *self)
{
  PfTicketTried tried = PF_TICKET_TRIED_NONE;

  if (gtk_check_button_get_active (self->waited_check))
    tried |= PF_TICKET_TRIED_WAITED;
  if (gtk_check_button_get_active (self->connection_check))
    tried |= PF_TICKET_TRIED_STABLE_CONNECTION;
  if (gtk_check_button_get_active (self->phone_app_check))
    tried |= PF_TICKET_TRIED_PHONE_APP;

  return tried;
}

static void
update_ticket (PfSummaryPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  g_autofree char *ticket = NULL;

  if (session == NULL)
    return;

  ticket = pf_ticket_build (session, get_tried (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->ticket_view), ticket, -1);
}

static void
tried_toggled_cb (PfSummaryPage *self)
{
  update_ticket (self);
}

static void
update_overview (PfSummaryPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  guint n[PF_STEP_STATUS_BLOCKER + 1] = { 0, };
  g_autoptr(GString) counts = g_string_new (NULL);
  PfStepStatus worst = PF_STEP_STATUS_UNCHECKED;
  const char *headline, *advice;

  /* Each step is listed once in the "not checked yet" group, whether it
   * shows there or not: count the steps from there. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->boxes[PF_SUMMARY_GROUP_UNCHECKED]);
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

  /* The reminder is for after passing: not while anything is still open. */
  gtk_widget_set_visible (self->verified_group, worst == PF_STEP_STATUS_OK);
}

/* Shows or hides each group by whether any of its steps has something. */
static void
update_sections (PfSummaryPage *self)
{
  for (guint group = 0; group < PF_N_SUMMARY_GROUPS; group++)
    {
      gboolean any = FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (self->boxes[group]);
           child != NULL && !any;
           child = gtk_widget_get_next_sibling (child))
        any = gtk_widget_get_visible (child);

      gtk_widget_set_visible (self->sections[group], any);
    }
}

static void
step_changed_cb (PfSummaryPage *self,
                 guint          step,
                 PfSession     *session)
{
  for (guint group = 0; group < PF_N_SUMMARY_GROUPS; group++)
    for (GtkWidget *child = gtk_widget_get_first_child (self->boxes[group]);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (pf_summary_step_get_step (PF_SUMMARY_STEP (child)) == step)
        pf_summary_step_update (PF_SUMMARY_STEP (child), session);

  update_sections (self);
  update_overview (self);
  update_ticket (self);
}

static void
update_all (PfSummaryPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  if (session == NULL)
    return;

  for (guint group = 0; group < PF_N_SUMMARY_GROUPS; group++)
    for (GtkWidget *child = gtk_widget_get_first_child (self->boxes[group]);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      pf_summary_step_update (PF_SUMMARY_STEP (child), session);

  update_sections (self);
  update_overview (self);
  update_ticket (self);
}

static void
pf_summary_page_session_changed (PfWizardPage *page,
                                 PfSession    *session)
{
  PfSummaryPage *self = PF_SUMMARY_PAGE (page);

  g_signal_connect_object (session, "step-changed",
                           G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The document kind is part of the ticket. */
  g_signal_connect_object (session, "notify::document-kind",
                           G_CALLBACK (update_ticket), self,
                           G_CONNECT_SWAPPED);
  update_all (self);
}

/* A toast; with a button that runs @action_name, it stays until used or
 * dismissed. */
void
pf_summary_page_show_toast (PfSummaryPage *self,
                            const char    *title,
                            const char    *button_label,
                            const char    *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
copy_ticket_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PfSummaryPage *self = PF_SUMMARY_PAGE (widget);
  g_autofree char *ticket = pf_summary_page_get_ticket (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), ticket);
  pf_summary_page_show_toast (self, _("Ticket draft copied"), NULL, NULL);
}

static void
pf_summary_page_dispose (GObject *object)
{
  PfSummaryPage *self = PF_SUMMARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pf_summary_page_parent_class)->dispose (object);
}

static void
pf_summary_page_class_init (PfSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);
  static const char *section_names[PF_N_SUMMARY_GROUPS][2] = {
    { "blockers_section", "blockers_box" },
    { "cautions_section", "cautions_box" },
    { "passed_section", "passed_box" },
    { "unchecked_section", "unchecked_box" },
  };

  object_class->dispose = pf_summary_page_dispose;

  /* The summary checks nothing itself: it shows the other steps. */
  page_class->has_status = FALSE;
  page_class->session_changed = pf_summary_page_session_changed;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/summary/pf-summary-page.ui");
  
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, overall_image);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, advice_label);
  for (guint i = 0; i < PF_N_SUMMARY_GROUPS; i++)
    {
      gtk_widget_class_bind_template_child_full (
        widget_class, section_names[i][0], FALSE,
        G_STRUCT_OFFSET (PfSummaryPage, sections) + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (
        widget_class, section_names[i][1], FALSE,
        G_STRUCT_OFFSET (PfSummaryPage, boxes) + i * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, verified_group);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, waited_check);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, connection_check);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, phone_app_check);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, ticket_view);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, include_check);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryPage, export_spinner);
  gtk_widget_class_bind_template_callback (widget_class, tried_toggled_cb);

  gtk_widget_class_install_action (widget_class, "summary.copy-ticket", NULL, copy_ticket_cb);
  gtk_widget_class_install_action (widget_class, "summary.export", NULL,
                                   pf_summary_page_export_cb);
}

static void
pf_summary_page_init (PfSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not bound as a template child: libadwaita 1.2's toast overlay unparents
   * its child itself when disposed, after GTK has cleared bound children. */
  self->stack = GTK_STACK (adw_toast_overlay_get_child (self->toast_overlay));
  self->cancellable = g_cancellable_new ();

  /* Their own names say more than the words beside them ("Copy", the
   * row's title): GTK 4.8 would read both. */
  pf_accessible_names_keep_own (self->copy_button);
  pf_accessible_names_keep_own (self->export_button);
  pf_accessible_names_keep_own (GTK_WIDGET (self->waited_check));
  pf_accessible_names_keep_own (GTK_WIDGET (self->connection_check));
  pf_accessible_names_keep_own (GTK_WIDGET (self->phone_app_check));
  pf_accessible_names_keep_own (GTK_WIDGET (self->include_check));

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

  own_step = pf_wizard_page_get_step (PF_WIZARD_PAGE (self));
  for (guint group = 0; group < PF_N_SUMMARY_GROUPS; group++)
    {
      while ((child = gtk_widget_get_first_child (self->boxes[group])) != NULL)
        gtk_box_remove (GTK_BOX (self->boxes[group]), child);

      for (guint i = 0; i < n_steps; i++)
        if (steps[i] != own_step)
          gtk_box_append (GTK_BOX (self->boxes[group]), pf_summary_step_new (steps[i], group));
    }

  update_all (self);
}

/**
 * pf_summary_page_get_ticket:
 *
 * Returns: (transfer full): the ticket draft as the page shows it
 */
char *
pf_summary_page_get_ticket (PfSummaryPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PF_IS_SUMMARY_PAGE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->ticket_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
