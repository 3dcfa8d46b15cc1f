/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first step: what the app does, the privacy promise, and which
 * document the person will use. The choice lives in the session; this page
 * follows the session, so the radio rows and the step's finding always
 * agree with it. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-start-page.h"

static const PfDocumentKind kinds[] = {
  PF_DOCUMENT_KIND_PASSPORT,
  PF_DOCUMENT_KIND_ID_CARD,
  PF_DOCUMENT_KIND_DRIVING_LICENCE,
  PF_DOCUMENT_KIND_RESIDENCE_PERMIT,
};

#define N_KINDS G_N_ELEMENTS (kinds)

struct _PfStartPage
{
  PfWizardPage    parent_instance;

  /* Template widgets, in the order of kinds[] */
  AdwActionRow   *kind_rows[N_KINDS];
  GtkCheckButton *kind_checks[N_KINDS];
};

G_DEFINE_FINAL_TYPE (PfStartPage, pf_start_page, PF_TYPE_WIZARD_PAGE)

static void
report_kind (PfStartPage    *self,
             PfDocumentKind  kind)
{
  g_autoptr(PfFinding) finding = NULL;
  g_autofree char *title = NULL;
  const char *advice;

  if (kind == PF_DOCUMENT_KIND_NONE)
    {
      pf_wizard_page_clear_findings (PF_WIZARD_PAGE (self));
      return;
    }

  /* Translators: %s is a kind of document, such as "Passport". */
  title = g_strdup_printf (_("Document: %s"), pf_document_kind_get_label (kind));
  if (pf_document_kind_needs_back (kind))
    advice = _("Have the front and the back ready: the service asks for both sides.");
  else
    advice = _("Have the page with your photo ready.");

  finding = pf_finding_new ("start.document", PF_SEVERITY_OK, title, advice);
  pf_wizard_page_report (PF_WIZARD_PAGE (self), finding);
}

static void
document_kind_changed_cb (PfStartPage *self,
                          GParamSpec  *pspec,
                          PfSession   *session)
{
  PfDocumentKind kind = pf_session_get_document_kind (session);

  for (guint i = 0; i < N_KINDS; i++)
    gtk_check_button_set_active (self->kind_checks[i], kinds[i] == kind);

  report_kind (self, kind);
  pf_wizard_page_set_complete (PF_WIZARD_PAGE (self), kind != PF_DOCUMENT_KIND_NONE);
}

static void
kind_toggled_cb (PfStartPage    *self,
                 GtkCheckButton *check)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  if (session == NULL || !gtk_check_button_get_active (check))
    return;

  for (guint i = 0; i < N_KINDS; i++)
    if (self->kind_checks[i] == check)
      pf_session_set_document_kind (session, kinds[i]);
}

static void
pf_start_page_session_changed (PfWizardPage *page,
                               PfSession    *session)
{
  PfStartPage *self = PF_START_PAGE (page);

  g_signal_connect_object (session, "notify::document-kind",
                           G_CALLBACK (document_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  document_kind_changed_cb (self, NULL, session);
}

static void
pf_start_page_class_init (PfStartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);
  static const char * const names[N_KINDS] = { "passport", "id_card", "licence", "permit" };

  page_class->session_changed = pf_start_page_session_changed;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/start/pf-start-page.ui");
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_autofree char *row = g_strconcat (names[i], "_row", NULL);
      g_autofree char *check = g_strconcat (names[i], "_check", NULL);

      /* The builder keeps the names; they must outlive the class. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 G_STRUCT_OFFSET (PfStartPage, kind_rows) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (check), FALSE,
                                                 G_STRUCT_OFFSET (PfStartPage, kind_checks) +
                                                 i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
}

static void
pf_start_page_init (PfStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The kinds' names come from the core, so that every part of the app and
   * the command line call them the same. */
  for (guint i = 0; i < N_KINDS; i++)
    {
      const char *label = pf_document_kind_get_label (kinds[i]);
      const char *subtitle;

      if (pf_document_kind_needs_back (kinds[i]))
        subtitle = _("You will need photos of the front and the back");
      else
        subtitle = _("You will need a photo of the page with your picture");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_rows[i]), label);
      adw_action_row_set_subtitle (self->kind_rows[i], subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_checks[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      /* The row also names its check button after its title; GTK 4.8 would
       * read both, "Passport Passport", so the label above is the one name. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->kind_checks[i]),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}
