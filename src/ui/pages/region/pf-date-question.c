/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Is 12 the day or the month?" A date like 12/08/1974 reads two ways, and
 * guessing would be wrong for half the world, so we ask. Each answer shows
 * the date it leads to, written out, so the choice is easy to check. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-core-enums.h"
#include "pf-date-question.h"

struct _PfDateQuestion
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *question_label;
  GtkToggleButton *day_button;
  GtkToggleButton *month_button;
  GtkLabel        *day_label;
  GtkLabel        *month_label;

  PfDateOrder      order;
};

G_DEFINE_FINAL_TYPE (PfDateQuestion, pf_date_question, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_order (PfDateQuestion *self,
           PfDateOrder     order)
{
  if (self->order == order)
    return;

  self->order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

/* The buttons form a group, so a click can only move the answer from one to
 * the other; the moment in between, when neither is active, is no answer. */
static void
toggled_cb (PfDateQuestion *self)
{
  if (gtk_toggle_button_get_active (self->day_button))
    set_order (self, PF_DATE_ORDER_DAY_FIRST);
  else if (gtk_toggle_button_get_active (self->month_button))
    set_order (self, PF_DATE_ORDER_MONTH_FIRST);
}

static void
pf_date_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfDateQuestion *self = PF_DATE_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_enum (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_date_question_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PfDateQuestion *self = PF_DATE_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      pf_date_question_set_order (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_date_question_class_init (PfDateQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pf_date_question_get_property;
  object_class->set_property = pf_date_question_set_property;

  properties[PROP_ORDER] =
    g_param_spec_enum ("order", NULL, NULL,
                       PF_TYPE_DATE_ORDER, PF_DATE_ORDER_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/region/pf-date-question.ui");
  gtk_widget_class_bind_template_child (widget_class, PfDateQuestion, question_label);
  gtk_widget_class_bind_template_child (widget_class, PfDateQuestion, day_button);
  gtk_widget_class_bind_template_child (widget_class, PfDateQuestion, month_button);
  gtk_widget_class_bind_template_child (widget_class, PfDateQuestion, day_label);
  gtk_widget_class_bind_template_child (widget_class, PfDateQuestion, month_label);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
}

static void
pf_date_question_init (PfDateQuestion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pf_date_question_ask:
 * @day_first: the date read day first
 * @month_first: the same text read month first
 *
 * Words the question for a date that reads both ways. The answer given
 * before, if any, stays chosen: people write all their dates one way.
 */
void
pf_date_question_ask (PfDateQuestion *self,
                      const GDate    *day_first,
                      const GDate    *month_first)
{
  g_autofree char *question = NULL;
  g_autofree char *day_date = NULL;
  g_autofree char *month_date = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *month_text = NULL;

  g_return_if_fail (PF_IS_DATE_QUESTION (self));
  g_return_if_fail (day_first != NULL && g_date_valid (day_first));
  g_return_if_fail (month_first != NULL && g_date_valid (month_first));

  /* Translators: asked when a typed date such as 12/08/1974 could mean
   * 12 August or 8 December; %d is the first number the person typed. */
  question = g_strdup_printf (_("Is %d the day or the month?"), g_date_get_day (day_first));
  day_date = pf_date_format_long (day_first);
  month_date = pf_date_format_long (month_first);
  /* Translators: an answer to "Is 12 the day or the month?"; %s is the
   * date this answer gives, such as "12 August 1974". */
  day_text = g_strdup_printf (_("The day: %s"), day_date);
  /* Translators: the other answer; %s is a date such as "8 December 1974". */
  month_text = g_strdup_printf (_("The month: %s"), month_date);

  gtk_label_set_label (self->question_label, question);
  gtk_label_set_label (self->day_label, day_text);
  gtk_label_set_label (self->month_label, month_text);
}

PfDateOrder
pf_date_question_get_order (PfDateQuestion *self)
{
  g_return_val_if_fail (PF_IS_DATE_QUESTION (self), PF_DATE_ORDER_UNKNOWN);

  return self->order;
}

void
pf_date_question_set_order (PfDateQuestion *self,
                            PfDateOrder     order)
{
  g_return_if_fail (PF_IS_DATE_QUESTION (self));

  switch (order)
    {
    case PF_DATE_ORDER_DAY_FIRST:
      gtk_toggle_button_set_active (self->day_button, TRUE);
      break;
    case PF_DATE_ORDER_MONTH_FIRST:
      gtk_toggle_button_set_active (self->month_button, TRUE);
      break;
    case PF_DATE_ORDER_UNKNOWN:
    default:
      gtk_toggle_button_set_active (self->day_button, FALSE);
      gtk_toggle_button_set_active (self->month_button, FALSE);
      set_order (self, PF_DATE_ORDER_UNKNOWN);
      break;
    }
}
