/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Help for one step: what the step checks and why services care about it.
 * The text is kept here, in the app, so that help works offline and needs
 * no help browser. Opened with F1 or the help button from any step. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-help-window.h"

struct _PfHelpWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *checked_label;
  GtkLabel       *why_label;

  PfStep          step;
};

G_DEFINE_FINAL_TYPE (PfHelpWindow, pf_help_window, ADW_TYPE_WINDOW)

static const struct {
  const char *checked;
  const char *why;
} topics[PF_N_STEPS] = {
  [PF_STEP_START] = {
    N_("Nothing yet: here you choose the kind of document you will upload. That sets what the "
       "next steps expect: its layout, whether it has a machine-readable zone (the lines of "
       "letters and chevrons at the bottom), and whether the back is needed too."),
    N_("Services check that the photo matches the kind of document you said you would upload. "
       "Choosing the same kind here means the checks look for the same things the service "
       "does."),
  },
  [PF_STEP_PHOTO] = {
    N_("The photo you plan to upload, or the live camera: whether the whole document is in the "
       "picture with its four corners, whether it is sharp, whether a reflection covers it or "
       "its text, whether it is too dark or too bright, whether it is large enough and its text "
       "readable, whether it is shot at a steep angle, whether a finger covers part of it, and "
       "whether it looks like a photocopy or a photo of a screen."),
    N_("Verification starts by reading the document automatically. A cut-off corner, a "
       "reflection over the text or a blurred photo makes the reading fail, and the service "
       "refuses the photo without saying which detail was wrong. This is the most common "
       "reason for a rejection."),
  },
  [PF_STEP_DETAILS] = {
    N_("What you typed against what the document says: the machine-readable zone with its "
       "check digits, and the printed text. Differences are shown letter by letter with the "
       "likely reason: a typo, the letter O for the digit 0, names in another order or a "
       "middle name left out, letters the machine-readable zone writes differently, or a date "
       "typed day-first where the form wanted month-first."),
    N_("Services compare what you typed with what they read from the document. One letter "
       "apart, or a middle name left out, can be enough for a refusal."),
  },
  [PF_STEP_VALIDITY] = {
    N_("Whether the document has expired or expires soon, whether its check digits add up, and "
       "the kinds of document services commonly refuse: photocopies, screenshots, photos of a "
       "screen and expired temporary papers."),
    N_("Services accept only valid, original documents. Which documents they accept depends on "
       "the service and your region: the service’s own help centre is the place that says "
       "which."),
  },
  [PF_STEP_SELFIE] = {
    N_("With the camera, and without recording anything: one face in the picture, centred, "
       "neither too small nor too large; enough light on the face; no bright window behind "
       "you; light that is even on both sides; a sharp picture; and the camera’s resolution "
       "and frame rate."),
    N_("The service compares your face with the photo on the document and checks that a live "
       "person is in front of the camera. Poor light or a blurred face is the most common "
       "reason this part fails. A phone’s front camera often does better than a laptop "
       "webcam."),
  },
  [PF_STEP_REGION] = {
    N_("Your age, from your date of birth, against the minimum age: 18 unless you change it in "
       "the preferences, since services differ. The step also explains the rules about "
       "regions."),
    N_("Services must follow the law where they operate. An age limit and the regions they "
       "serve are compliance rules: they cannot be argued, and this app offers no way around "
       "them. The service’s official statements say which apply."),
  },
  [PF_STEP_SAFETY] = {
    N_("Whether you can tell a scam message from a real one. Fake support often messages "
       "first, offers to speed verification up, or asks for photos of your document, a video "
       "of your face, a password or a verification code."),
    N_("People stuck in verification are a favourite target of scammers. Real verification "
       "happens only inside the service’s own app or website, and real help comes only "
       "through its official ticket channel."),
  },
  [PF_STEP_SUMMARY] = {
    N_("All the results together: what must be fixed, what is worth changing and what passed. "
       "If nothing explains the rejection: what to try next, a ticket draft without personal "
       "details to copy, and a report to save as a PDF."),
    N_("A ticket that says what you already checked gets a useful answer sooner. The report "
       "holds no personal details unless you tick the box that adds them."),
  },
};

static void
pf_help_window_class_init (PfHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pf-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfHelpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PfHelpWindow, checked_label);
  gtk_widget_class_bind_template_child (widget_class, PfHelpWindow, why_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_help_window_init (PfHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_help_window_new (GtkWindow *parent,
                    PfStep     step)
{
  PfHelpWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (step < PF_N_STEPS, NULL);

  self = g_object_new (PF_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
  pf_help_window_set_step (self, step);

  return GTK_WIDGET (self);
}

PfStep
pf_help_window_get_step (PfHelpWindow *self)
{
  g_return_val_if_fail (PF_IS_HELP_WINDOW (self), PF_STEP_START);

  return self->step;
}

/**
 * pf_help_window_set_step:
 *
 * Shows the help for @step.
 */
void
pf_help_window_set_step (PfHelpWindow *self,
                         PfStep        step)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PF_IS_HELP_WINDOW (self));
  g_return_if_fail (step < PF_N_STEPS);

  self->step = step;
  /* Translators: the title of the help window, e.g. "Help: Document photo". */
  title = g_strdup_printf (_("Help: %s"), pf_step_get_title (step));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, pf_step_get_title (step));
  adw_window_title_set_subtitle (self->window_title, _("Help"));
  gtk_label_set_label (self->checked_label, _(topics[step].checked));
  gtk_label_set_label (self->why_label, _(topics[step].why));
}
