/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * PfQuizAnswer:
 *
 * What the person said about a message, if anything yet.
 */
typedef enum
{
  PF_QUIZ_ANSWER_NONE,
  PF_QUIZ_ANSWER_SCAM,
  PF_QUIZ_ANSWER_GENUINE,
} PfQuizAnswer;

#define PF_TYPE_QUIZ_ANSWER (pf_quiz_answer_get_type ())
GType pf_quiz_answer_get_type (void) G_GNUC_CONST;

#define PF_TYPE_QUIZ_ITEM (pf_quiz_item_get_type ())

G_DECLARE_FINAL_TYPE (PfQuizItem, pf_quiz_item, PF, QUIZ_ITEM, AdwBin)

gboolean  pf_quiz_item_get_scam     (PfQuizItem   *self);
PfQuizAnswer pf_quiz_item_get_answer (PfQuizItem   *self);
gboolean  pf_quiz_item_get_correct  (PfQuizItem   *self);
void      pf_quiz_item_answer       (PfQuizItem   *self,
                                     PfQuizAnswer  answer);

G_END_DECLS
