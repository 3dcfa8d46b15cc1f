/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a step status or a finding's severity looks: one icon shape, one
 * colour and one phrase for each, so that the step list, the summary and
 * later pages all speak the same way. Colour is never the only signal: each
 * status has its own icon shape and its words reach screen readers. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-status.h"

static const struct {
  const char *icon_name;
  const char *css_class;
  const char *label;
} statuses[] = {
  [PF_STEP_STATUS_UNCHECKED] = { "radio-symbolic", "status-unchecked", N_("Not checked yet") },
  [PF_STEP_STATUS_OK] = { "emblem-ok-symbolic", "status-ok", N_("Fine") },
  [PF_STEP_STATUS_CAUTION] = { "dialog-warning-symbolic", "status-caution", N_("Needs attention") },
  [PF_STEP_STATUS_BLOCKER] = { "action-unavailable-symbolic", "status-blocker", N_("Blocker") },
};

const char *
pf_status_get_icon_name (PfStepStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);
  return statuses[status].icon_name;
}

/**
 * pf_status_get_label:
 *
 * Returns: the translated words for @status, as the step list shows them
 */
const char *
pf_status_get_label (PfStepStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);
  return _(statuses[status].label);
}

const char *
pf_severity_get_label (PfSeverity severity)
{
  return pf_status_get_label (pf_step_status_from_severity (severity));
}

/**
 * pf_status_set_style:
 *
 * Gives @widget the colour of @status, replacing any other status colour.
 */
void
pf_status_set_style (GtkWidget    *widget,
                     PfStepStatus  status)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (status < G_N_ELEMENTS (statuses));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (i != status)
      gtk_widget_remove_css_class (widget, statuses[i].css_class);
  gtk_widget_add_css_class (widget, statuses[status].css_class);
}

/**
 * pf_status_show:
 * @label: (nullable): what a screen reader says for the icon; the status's
 *   own words when %NULL
 *
 * Shows @status in @image: its icon, its colour, a tooltip and an accessible
 * label, replacing whatever status the image showed before.
 */
void
pf_status_show (GtkImage     *image,
                PfStepStatus  status,
                const char   *label)
{
  g_return_if_fail (GTK_IS_IMAGE (image));
  g_return_if_fail (status < G_N_ELEMENTS (statuses));

  if (label == NULL)
    label = pf_status_get_label (status);

  gtk_image_set_from_icon_name (image, statuses[status].icon_name);
  pf_status_set_style (GTK_WIDGET (image), status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (image), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}
