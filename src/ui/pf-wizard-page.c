/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every wizard page. A page knows its step and the session; it
 * writes its findings to the session and the window shows them, so a page
 * never needs to know about the window or about any other page. */

#include "config.h"

#include "pf-core-enums.h"
#include "pf-wizard-page.h"

typedef struct
{
  /* Owned references */
  PfSession    *session;
  char         *title;

  PfStep        step;
  PfStepStatus  status;
  gboolean      complete;
} PfWizardPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PfWizardPage, pf_wizard_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_STATUS,
  PROP_STEP,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);
  PfStepStatus status = PF_STEP_STATUS_UNCHECKED;

  if (priv->session != NULL)
    status = pf_session_get_status (priv->session, priv->step);

  if (priv->status == status)
    return;

  priv->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
step_changed_cb (PfWizardPage *self,
                 guint         step,
                 PfSession    *session)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  if (step == priv->step)
    update_status (self);
}

static void
pf_wizard_page_dispose (GObject *object)
{
  PfWizardPage *self = PF_WIZARD_PAGE (object);
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_clear_object (&priv->session);

  G_OBJECT_CLASS (pf_wizard_page_parent_class)->dispose (object);
}

static void
pf_wizard_page_finalize (GObject *object)
{
  PfWizardPage *self = PF_WIZARD_PAGE (object);
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_free (priv->title);

  G_OBJECT_CLASS (pf_wizard_page_parent_class)->finalize (object);
}

static void
pf_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfWizardPage *self = PF_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pf_wizard_page_get_title (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, pf_wizard_page_get_complete (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, pf_wizard_page_get_status (self));
      break;
    case PROP_STEP:
      g_value_set_enum (value, pf_wizard_page_get_step (self));
      break;
    case PROP_SESSION:
      g_value_set_object (value, pf_wizard_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PfWizardPage *self = PF_WIZARD_PAGE (object);
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      pf_wizard_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_COMPLETE:
      pf_wizard_page_set_complete (self, g_value_get_boolean (value));
      break;
    case PROP_STEP:
      priv->step = g_value_get_enum (value);
      break;
    case PROP_SESSION:
      pf_wizard_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_wizard_page_class_init (PfWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_wizard_page_dispose;
  object_class->finalize = pf_wizard_page_finalize;
  object_class->get_property = pf_wizard_page_get_property;
  object_class->set_property = pf_wizard_page_set_property;

  /* Subclasses copy this value and may turn it off in their class_init. */
  klass->has_status = TRUE;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PF_TYPE_STEP_STATUS, PF_STEP_STATUS_UNCHECKED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL,
                       PF_TYPE_STEP, PF_STEP_START,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PF_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_wizard_page_init (PfWizardPage *self)
{
}

/**
 * pf_wizard_page_get_title:
 *
 * Returns: the page's title; the step's title unless one was set
 */
const char *
pf_wizard_page_get_title (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), NULL);

  return priv->title != NULL ? priv->title : pf_step_get_title (priv->step);
}

void
pf_wizard_page_set_title (PfWizardPage *self,
                          const char   *title)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_if_fail (PF_IS_WIZARD_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
pf_wizard_page_get_complete (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), FALSE);

  return priv->complete;
}

void
pf_wizard_page_set_complete (PfWizardPage *self,
                             gboolean      complete)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_if_fail (PF_IS_WIZARD_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

PfStepStatus
pf_wizard_page_get_status (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), PF_STEP_STATUS_UNCHECKED);

  return priv->status;
}

gboolean
pf_wizard_page_has_status (PfWizardPage *self)
{
  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), FALSE);

  return PF_WIZARD_PAGE_GET_CLASS (self)->has_status;
}

PfStep
pf_wizard_page_get_step (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), PF_STEP_START);

  return priv->step;
}

/**
 * pf_wizard_page_get_session:
 *
 * Returns: (transfer none) (nullable): the session the page reads and writes
 */
PfSession *
pf_wizard_page_get_session (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_WIZARD_PAGE (self), NULL);

  return priv->session;
}

void
pf_wizard_page_set_session (PfWizardPage *self,
                            PfSession    *session)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_if_fail (PF_IS_WIZARD_PAGE (self));
  g_return_if_fail (session == NULL || PF_IS_SESSION (session));

  if (priv->session == session)
    return;

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_func (priv->session, step_changed_cb, self);

  g_set_object (&priv->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "step-changed",
                               G_CALLBACK (step_changed_cb), self,
                               G_CONNECT_SWAPPED);
      if (PF_WIZARD_PAGE_GET_CLASS (self)->session_changed != NULL)
        PF_WIZARD_PAGE_GET_CLASS (self)->session_changed (self, session);
    }

  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * pf_wizard_page_shown:
 *
 * Tells the page that it is now the visible step.
 */
void
pf_wizard_page_shown (PfWizardPage *self)
{
  g_return_if_fail (PF_IS_WIZARD_PAGE (self));

  if (PF_WIZARD_PAGE_GET_CLASS (self)->shown != NULL)
    PF_WIZARD_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * pf_wizard_page_left:
 *
 * Tells the page that another step is now visible.
 */
void
pf_wizard_page_left (PfWizardPage *self)
{
  g_return_if_fail (PF_IS_WIZARD_PAGE (self));

  if (PF_WIZARD_PAGE_GET_CLASS (self)->left != NULL)
    PF_WIZARD_PAGE_GET_CLASS (self)->left (self);
}

/**
 * pf_wizard_page_report_findings:
 * @findings: (element-type PfFinding): the step's findings
 *
 * Stores @findings as this step's result in the session.
 */
void
pf_wizard_page_report_findings (PfWizardPage *self,
                                GPtrArray    *findings)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_if_fail (PF_IS_WIZARD_PAGE (self));
  g_return_if_fail (priv->session != NULL);

  pf_session_set_findings (priv->session, priv->step, findings);
}

/**
 * pf_wizard_page_report:
 * @finding: (transfer none): the step's one finding
 *
 * Stores @finding as this step's only result in the session.
 */
void
pf_wizard_page_report (PfWizardPage *self,
                       PfFinding    *finding)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();

  g_return_if_fail (PF_IS_FINDING (finding));

  g_ptr_array_add (findings, finding);
  pf_wizard_page_report_findings (self, findings);
}

/**
 * pf_wizard_page_clear_findings:
 *
 * Marks this step as not checked yet.
 */
void
pf_wizard_page_clear_findings (PfWizardPage *self)
{
  PfWizardPagePrivate *priv = pf_wizard_page_get_instance_private (self);

  g_return_if_fail (PF_IS_WIZARD_PAGE (self));
  g_return_if_fail (priv->session != NULL);

  pf_session_clear_step (priv->session, priv->step);
}
