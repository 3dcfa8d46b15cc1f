/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One step in the step list: its title and its status. The status is an
 * icon for the eye and the row's accessible description for screen readers,
 * so that "needs attention" is never only a colour. */

#include "config.h"

#include "pf-core-enums.h"
#include "pf-status.h"
#include "pf-step-row.h"

struct _PfStepRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkImage      *status_image;
  GtkLabel      *title_label;

  PfStep         step;
  PfStepStatus   status;
  gboolean       has_status;
};

G_DEFINE_FINAL_TYPE (PfStepRow, pf_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_STATUS,
  PROP_HAS_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PfStepRow *self)
{
  const char *title = pf_step_get_title (self->step);

  gtk_label_set_label (self->title_label, title);

  if (self->has_status)
    {
      pf_status_show (self->status_image, self->status, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      pf_status_get_label (self->status),
                                      -1);
    }
  else
    {
      /* A step that checks nothing, like the summary, gets a plain icon so
       * that the titles stay in line. */
      gtk_image_set_from_icon_name (self->status_image, "view-list-bullet-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
pf_step_row_constructed (GObject *object)
{
  PfStepRow *self = PF_STEP_ROW (object);

  G_OBJECT_CLASS (pf_step_row_parent_class)->constructed (object);

  update (self);
}

static void
pf_step_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PfStepRow *self = PF_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_HAS_STATUS:
      g_value_set_boolean (value, self->has_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_step_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PfStepRow *self = PF_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      pf_step_row_set_status (self, g_value_get_enum (value));
      break;
    case PROP_HAS_STATUS:
      self->has_status = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_step_row_class_init (PfStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pf_step_row_constructed;
  object_class->get_property = pf_step_row_get_property;
  object_class->set_property = pf_step_row_set_property;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL,
                       PF_TYPE_STEP, PF_STEP_START,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PF_TYPE_STEP_STATUS, PF_STEP_STATUS_UNCHECKED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_STATUS] =
    g_param_spec_boolean ("has-status", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pf-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PfStepRow, status_image);
  gtk_widget_class_bind_template_child (widget_class, PfStepRow, title_label);
}

static void
pf_step_row_init (PfStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_step_row_new (PfStep   step,
                 gboolean has_status)
{
  return g_object_new (PF_TYPE_STEP_ROW,
                       "step", step,
                       "has-status", has_status,
                       NULL);
}

PfStep
pf_step_row_get_step (PfStepRow *self)
{
  g_return_val_if_fail (PF_IS_STEP_ROW (self), PF_STEP_START);

  return self->step;
}

PfStepStatus
pf_step_row_get_status (PfStepRow *self)
{
  g_return_val_if_fail (PF_IS_STEP_ROW (self), PF_STEP_STATUS_UNCHECKED);

  return self->status;
}

void
pf_step_row_set_status (PfStepRow    *self,
                        PfStepStatus  status)
{
  g_return_if_fail (PF_IS_STEP_ROW (self));

  if (self->status == status)
    return;

  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
