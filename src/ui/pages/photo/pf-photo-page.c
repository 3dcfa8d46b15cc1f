/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document photo step. The person takes the photo with the camera
 * (live overlays, auto-capture), or opens, drops or pastes a photo file;
 * either way the photo is checked and the result view shows what was
 * found. For a card, the front and then the back. "Use This Photo" puts
 * the photo and its findings into the session.
 *
 * This file holds the object, its actions and what the page shows; the
 * camera, the demo and auto-capture are in pf-photo-page-camera.c, photo
 * files in pf-photo-page-files.c, the sides and the result in
 * pf-photo-page-sides.c. */

#include "config.h"

#include <string.h>


#include "pf-photo-page-private.h"

G_DEFINE_FINAL_TYPE (PfPhotoPage, pf_photo_page, PF_TYPE_WIZARD_PAGE)

static PfDocumentKind
get_kind (PfPhotoPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  return session != NULL ? pf_session_get_document_kind (session) : PF_DOCUMENT_KIND_NONE;
}

void
pf_photo_page_get_options (PfPhotoPage    *self,
                           PfPhotoOptions *options)
{
  memset (options, 0, sizeof *options);
  options->kind = get_kind (self);
  options->glare_strictness = g_settings_get_int (self->settings, "glare-strictness");
}

/* Shows what fits the phase and the camera's state, runs the camera or the
 * demo only while they are seen, and enables the actions that apply. */
void
pf_photo_page_update (PfPhotoPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean live;

  /* Widgets are gone once the page is being disposed. */
  if (self->stack == NULL)
    return;

  pf_photo_page_camera_update (self);
  live = pf_photo_page_is_live (self);

  switch (self->phase)
    {
    case PF_PHOTO_PHASE_RESULT:
      gtk_stack_set_visible_child_name (self->stack, "result");
      break;
    case PF_PHOTO_PHASE_TAKING:
      gtk_stack_set_visible_child_name (self->stack, live ? "live" : "status");
      break;
    case PF_PHOTO_PHASE_CHECKING:
    default:
      /* The spinner comes after a short delay (checking_delay). */
      break;
    }

  gtk_spinner_set_spinning (self->checking_spinner, self->phase == PF_PHOTO_PHASE_CHECKING);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label),
                          pf_live_camera_get_demo_mode (self->live));
  pf_photo_page_update_side_label (self);

  gtk_widget_action_set_enabled (widget, "photo.capture",
                                 live && pf_camera_view_get_image (self->camera_view) != NULL);
  gtk_widget_action_set_enabled (widget, "photo.open", self->phase != PF_PHOTO_PHASE_CHECKING);
  gtk_widget_action_set_enabled (widget, "photo.paste", self->phase != PF_PHOTO_PHASE_CHECKING);
  gtk_widget_action_set_enabled (widget, "photo.use", self->phase == PF_PHOTO_PHASE_RESULT);
  gtk_widget_action_set_enabled (widget, "photo.retake", self->phase == PF_PHOTO_PHASE_RESULT);
  gtk_widget_action_set_enabled (widget, "photo.retake-side",
                                 self->phase == PF_PHOTO_PHASE_RESULT && self->n_sides > 1);
  gtk_widget_action_set_enabled (widget, "photo.cancel", self->phase == PF_PHOTO_PHASE_CHECKING);
}

/* Shows @message above the page until dismissed or until the next photo
 * is checked; the page stays usable. */
void
pf_photo_page_show_message (PfPhotoPage *self,
                            const char  *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

/* Says @text to screen readers: the instruction line is a status, which
 * they read out when it changes. */
void
pf_photo_page_announce (PfPhotoPage *self,
                        const char  *text)
{
  gtk_label_set_label (self->instruction_label, text);
}

static void
retake_all (PfPhotoPage *self)
{
  pf_photo_page_clear_sides (self);
  pf_photo_page_retake (self, 0);
}

static void
start_demo (PfPhotoPage *self)
{
  pf_live_camera_set_demo_mode (self->live, TRUE);
  pf_photo_page_start_demo (self);
  pf_photo_page_update (self);
}

static void
cancel_check (PfPhotoPage *self)
{
  pf_photo_page_cancel_check (self);
  pf_photo_page_update (self);
}

static void
dismiss_message (PfPhotoPage *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* The page's actions without a parameter, each one call. */
static const struct {
  const char *name;
  void      (*run) (PfPhotoPage *self);
} simple_actions[] = {
  { "photo.capture", pf_photo_page_capture },
  { "photo.open", pf_photo_page_open },
  { "photo.paste", pf_photo_page_paste },
  { "photo.retake", retake_all },
  { "photo.use", pf_photo_page_use },
  { "photo.retry", pf_photo_page_camera_retry },
  { "photo.demo", start_demo },
  { "photo.cancel", cancel_check },
  { "photo.dismiss", dismiss_message },
};

static void
simple_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (simple_actions); i++)
    if (g_str_equal (simple_actions[i].name, action_name))
      simple_actions[i].run (PF_PHOTO_PAGE (widget));
}

static void
retake_side_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (widget);
  int side = g_variant_get_int32 (parameter);

  if (side >= 0 && (guint) side < self->n_sides)
    pf_photo_page_retake (self, side);
}

static void
photo_changed_cb (PfPhotoPage *self,
                  GParamSpec  *pspec,
                  PfSession   *session)
{
  pf_wizard_page_set_complete (PF_WIZARD_PAGE (self), pf_session_get_photo (session) != NULL);
}

static void
document_kind_changed_cb (PfPhotoPage *self,
                          GParamSpec  *pspec,
                          PfSession   *session)
{
  gboolean needs_back = pf_document_kind_needs_back (pf_session_get_document_kind (session));

  pf_photo_page_set_n_sides (self, needs_back ? 2 : 1);
}

static void
pf_photo_page_session_changed (PfWizardPage *page,
                               PfSession    *session)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (page);

  g_signal_connect_object (session, "notify::photo",
                           G_CALLBACK (photo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::document-kind",
                           G_CALLBACK (document_kind_changed_cb), self, G_CONNECT_SWAPPED);
  photo_changed_cb (self, NULL, session);
  document_kind_changed_cb (self, NULL, session);
}

static void
pf_photo_page_shown (PfWizardPage *page)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (page);

  self->shown = TRUE;
  pf_photo_page_update (self);
}

static void
pf_photo_page_left (PfWizardPage *page)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (page);

  self->shown = FALSE;
  pf_photo_page_update (self);
}

static void
pf_photo_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pf_photo_page_parent_class)->map (widget);
  pf_photo_page_update (PF_PHOTO_PAGE (widget));
}

static void
pf_photo_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pf_photo_page_parent_class)->unmap (widget);
  pf_photo_page_update (PF_PHOTO_PAGE (widget));
}

static void
pf_photo_page_dispose (GObject *object)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (object);

  pf_photo_page_cancel_check (self);
  pf_photo_page_cancel_recheck (self);
  pf_photo_page_camera_dispose (self);
  pf_photo_page_clear_sides (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_PHOTO_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_photo_page_parent_class)->dispose (object);
}

static void
pf_photo_page_class_init (PfPhotoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = pf_photo_page_dispose;
  widget_class->map = pf_photo_page_map;
  widget_class->unmap = pf_photo_page_unmap;
  page_class->session_changed = pf_photo_page_session_changed;
  page_class->shown = pf_photo_page_shown;
  page_class->left = pf_photo_page_left;

  g_type_ensure (PF_TYPE_CAMERA_VIEW);
  g_type_ensure (PF_TYPE_PHOTO_RESULT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/photo/pf-photo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, side_label);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, camera_view);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, capture_button);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, auto_check);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoPage, result);
  pf_live_camera_bind_template (widget_class, G_STRUCT_OFFSET (PfPhotoPage, live_widgets));

  for (guint i = 0; i < G_N_ELEMENTS (simple_actions); i++)
    gtk_widget_class_install_action (widget_class, simple_actions[i].name, NULL, simple_action_cb);
  gtk_widget_class_install_action (widget_class, "photo.retake-side", "i", retake_side_cb);
}

static void
pf_photo_page_init (PfPhotoPage *self)
{
  static const struct {
    guint            key;
    GdkModifierType  modifiers;
    const char      *action;
  } shortcuts[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, "photo.capture" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "photo.capture" },
    { GDK_KEY_space, 0, "photo.capture" },
    { GDK_KEY_o, GDK_CONTROL_MASK, "photo.open" },
    { GDK_KEY_v, GDK_CONTROL_MASK, "photo.paste" },
  };
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->n_sides = 1;
  g_settings_bind (self->settings, "auto-capture", self->auto_check, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* The page's keys work wherever the focus is in the window, as long as
   * the page is shown; a focused button still takes Space for itself. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key, shortcuts[i].modifiers),
                        gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  pf_photo_page_camera_init (self);
  pf_photo_page_files_init (self);
  pf_photo_page_recheck_init (self);
  pf_photo_page_update (self);
}

PfCameraView *
pf_photo_page_get_camera_view (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), NULL);
  return self->camera_view;
}

PfPhotoResult *
pf_photo_page_get_result (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), NULL);
  return self->result;
}

/**
 * pf_photo_page_get_mode:
 *
 * Returns: what the page shows: "live", "status", "checking" or "result"
 */
const char *
pf_photo_page_get_mode (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The side being photographed: 0 the front, 1 the back. */
guint
pf_photo_page_get_side (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), 0);
  return self->side;
}

/**
 * pf_photo_page_get_camera:
 *
 * Returns: (transfer none) (nullable): the camera, once the page was shown
 */
PfCamera *
pf_photo_page_get_camera (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), NULL);
  return self->live != NULL ? pf_live_camera_get_camera (self->live) : NULL;
}

/**
 * pf_photo_page_get_worker:
 *
 * Returns: (transfer none) (nullable): the live analysis worker, while the
 *   camera or the demo runs
 */
PfFrameWorker *
pf_photo_page_get_worker (PfPhotoPage *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_PAGE (self), NULL);
  return self->live != NULL ? pf_live_camera_get_worker (self->live) : NULL;
}
