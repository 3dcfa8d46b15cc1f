/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One message in the "is this a scam?" check. The message, where it came
 * from, the right answer and why are properties, so the whole quiz is
 * written in the page's .ui file where translators see it. The feedback
 * comes right after the answer, in words as well as colour, and is exposed
 * to screen readers as an alert and as the buttons' description. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-quiz-item.h"
#include "pf-status.h"

struct _PfQuizItem
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *where_label;
  GtkLabel        *message_label;
  GtkToggleButton *scam_button;
  GtkToggleButton *genuine_button;
  GtkWidget       *feedback_box;
  GtkImage        *feedback_image;
  GtkLabel        *feedback_label;

  char            *explanation;
  gboolean         scam;
  PfQuizAnswer     answer;
};

G_DEFINE_ENUM_TYPE (PfQuizAnswer, pf_quiz_answer,
                    G_DEFINE_ENUM_VALUE (PF_QUIZ_ANSWER_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (PF_QUIZ_ANSWER_SCAM, "scam"),
                    G_DEFINE_ENUM_VALUE (PF_QUIZ_ANSWER_GENUINE, "genuine"))

G_DEFINE_FINAL_TYPE (PfQuizItem, pf_quiz_item, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WHERE,
  PROP_MESSAGE,
  PROP_SCAM,
  PROP_EXPLANATION,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toggled_cb (PfQuizItem *self)
{
  g_autofree char *feedback = NULL;
  const char *verdict;
  PfQuizAnswer answer;
  gboolean correct;

  if (gtk_toggle_button_get_active (self->scam_button))
    answer = PF_QUIZ_ANSWER_SCAM;
  else if (gtk_toggle_button_get_active (self->genuine_button))
    answer = PF_QUIZ_ANSWER_GENUINE;
  else
    return; /* the moment between one answer and the other */

  if (answer == self->answer)
    return;

  self->answer = answer;
  correct = pf_quiz_item_get_correct (self);
  if (self->scam)
    verdict = correct ? _("Right: this is a scam.") : _("Careful: this is a scam.");
  else
    verdict = correct ? _("Right: this one is genuine.") : _("Not quite: this one is genuine.");

  /* Translators: the verdict on an answer, then why, e.g. "Right: this is a
   * scam. Support never writes to you first." */
  feedback = g_strdup_printf (_("%s %s"), verdict,
                              self->explanation != NULL ? self->explanation : "");
  gtk_label_set_label (self->feedback_label, feedback);
  pf_status_show (self->feedback_image,
                  correct ? PF_STEP_STATUS_OK : PF_STEP_STATUS_CAUTION,
                  NULL);
  gtk_widget_set_visible (self->feedback_box, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

static void
pf_quiz_item_finalize (GObject *object)
{
  PfQuizItem *self = PF_QUIZ_ITEM (object);

  g_free (self->explanation);

  G_OBJECT_CLASS (pf_quiz_item_parent_class)->finalize (object);
}

static void
pf_quiz_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PfQuizItem *self = PF_QUIZ_ITEM (object);

  switch (prop_id)
    {
    case PROP_WHERE:
      g_value_set_string (value, gtk_label_get_label (self->where_label));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, gtk_label_get_label (self->message_label));
      break;
    case PROP_SCAM:
      g_value_set_boolean (value, self->scam);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_ANSWER:
      g_value_set_enum (value, self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_quiz_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PfQuizItem *self = PF_QUIZ_ITEM (object);

  switch (prop_id)
    {
    case PROP_WHERE:
      gtk_label_set_label (self->where_label, g_value_get_string (value));
      break;
    case PROP_MESSAGE:
      gtk_label_set_label (self->message_label, g_value_get_string (value));
      break;
    case PROP_SCAM:
      self->scam = g_value_get_boolean (value);
      break;
    case PROP_EXPLANATION:
      g_free (self->explanation);
      self->explanation = g_value_dup_string (value);
      break;
    case PROP_ANSWER:
      pf_quiz_item_answer (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_quiz_item_class_init (PfQuizItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pf_quiz_item_finalize;
  object_class->get_property = pf_quiz_item_get_property;
  object_class->set_property = pf_quiz_item_set_property;

  properties[PROP_WHERE] =
    g_param_spec_string ("where", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCAM] =
    g_param_spec_boolean ("scam", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER] =
    g_param_spec_enum ("answer", NULL, NULL,
                       PF_TYPE_QUIZ_ANSWER, PF_QUIZ_ANSWER_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/safety/pf-quiz-item.ui");
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, where_label);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, message_label);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, scam_button);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, genuine_button);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, feedback_image);
  gtk_widget_class_bind_template_child (widget_class, PfQuizItem, feedback_label);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
}

static void
pf_quiz_item_init (PfQuizItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A lone "Scam" button means nothing to someone who cannot see which
   * message it belongs to; the message, and later the feedback, describe it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->scam_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->message_label, self->feedback_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->genuine_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->message_label, self->feedback_label, NULL,
                                  -1);
}

/**
 * pf_quiz_item_get_scam:
 *
 * Returns: whether the message is a scam: the right answer
 */
gboolean
pf_quiz_item_get_scam (PfQuizItem *self)
{
  g_return_val_if_fail (PF_IS_QUIZ_ITEM (self), FALSE);

  return self->scam;
}

PfQuizAnswer
pf_quiz_item_get_answer (PfQuizItem *self)
{
  g_return_val_if_fail (PF_IS_QUIZ_ITEM (self), PF_QUIZ_ANSWER_NONE);

  return self->answer;
}

/**
 * pf_quiz_item_get_correct:
 *
 * Returns: whether the person answered, and answered right
 */
gboolean
pf_quiz_item_get_correct (PfQuizItem *self)
{
  g_return_val_if_fail (PF_IS_QUIZ_ITEM (self), FALSE);

  if (self->answer == PF_QUIZ_ANSWER_NONE)
    return FALSE;

  return (self->answer == PF_QUIZ_ANSWER_SCAM) == self->scam;
}

/**
 * pf_quiz_item_answer:
 *
 * Answers as if the person had clicked the button; %PF_QUIZ_ANSWER_NONE
 * leaves the answer as it is, since a person cannot take one back either.
 */
void
pf_quiz_item_answer (PfQuizItem   *self,
                     PfQuizAnswer  answer)
{
  g_return_if_fail (PF_IS_QUIZ_ITEM (self));

  if (answer == PF_QUIZ_ANSWER_SCAM)
    gtk_toggle_button_set_active (self->scam_button, TRUE);
  else if (answer == PF_QUIZ_ANSWER_GENUINE)
    gtk_toggle_button_set_active (self->genuine_button, TRUE);
}
