/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finding as a row: its title, its one sentence of advice, and its
 * severity as an icon and as words, so it reads without colour. */

#include "config.h"

#include "pf-finding-row.h"
#include "pf-status.h"

struct _PfFindingRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkImage     *severity_image;
  GtkLabel     *severity_label;

  /* Owned references */
  PfFinding    *finding;
};

G_DEFINE_FINAL_TYPE (PfFindingRow, pf_finding_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_finding_row_dispose (GObject *object)
{
  PfFindingRow *self = PF_FINDING_ROW (object);

  g_clear_object (&self->finding);

  G_OBJECT_CLASS (pf_finding_row_parent_class)->dispose (object);
}

static void
pf_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfFindingRow *self = PF_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PfFindingRow *self = PF_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      pf_finding_row_set_finding (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_finding_row_class_init (PfFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_finding_row_dispose;
  object_class->get_property = pf_finding_row_get_property;
  object_class->set_property = pf_finding_row_set_property;

  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, PF_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pf-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PfFindingRow, severity_image);
  gtk_widget_class_bind_template_child (widget_class, PfFindingRow, severity_label);
}

static void
pf_finding_row_init (PfFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_finding_row_new (PfFinding *finding)
{
  g_return_val_if_fail (finding == NULL || PF_IS_FINDING (finding), NULL);

  return g_object_new (PF_TYPE_FINDING_ROW, "finding", finding, NULL);
}

/**
 * pf_finding_row_get_finding:
 *
 * Returns: (transfer none) (nullable): the finding shown
 */
PfFinding *
pf_finding_row_get_finding (PfFindingRow *self)
{
  g_return_val_if_fail (PF_IS_FINDING_ROW (self), NULL);

  return self->finding;
}

void
pf_finding_row_set_finding (PfFindingRow *self,
                            PfFinding    *finding)
{
  PfStepStatus status;

  g_return_if_fail (PF_IS_FINDING_ROW (self));
  g_return_if_fail (finding == NULL || PF_IS_FINDING (finding));

  if (!g_set_object (&self->finding, finding))
    return;

  if (finding != NULL)
    {
      status = pf_step_status_from_severity (pf_finding_get_severity (finding));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), pf_finding_get_title (finding));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), pf_finding_get_advice (finding));
      pf_status_show (self->severity_image, status, NULL);
      gtk_label_set_label (self->severity_label, pf_status_get_label (status));
      pf_status_set_style (GTK_WIDGET (self->severity_label), status);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}
