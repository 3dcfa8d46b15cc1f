/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-application.h"
#include "pf-step-row.h"
#include "pf-window.h"
#include "test-ui-util.h"

G_BEGIN_DECLS

PfApplication *pf_test_application_new   (void);

PfWindow    *pf_test_window_new          (AdwApplication *application,
                                          int             width,
                                          int             height);
void         pf_test_window_free         (PfWindow       *window);
void         pf_test_window_go           (PfWindow       *window,
                                          const char     *action,
                                          GVariant       *parameter);
void         pf_test_window_go_to        (PfWindow       *window,
                                          PfStep          step);
PfStep       pf_test_window_visible_step (PfWindow       *window);
PfStepRow   *pf_test_window_step_row     (PfWindow       *window,
                                          PfStep          step);
void         pf_test_window_assert_next  (PfWindow       *window,
                                          const char     *label,
                                          gboolean        suggested);
PfFinding   *pf_test_window_only_finding (PfWindow       *window,
                                          PfStep          step);
GtkEditable *pf_test_window_date_entry   (PfWindow       *window);
void         pf_test_window_type_date    (PfWindow       *window,
                                          const char     *text);
void         pf_test_window_answer_quiz  (PfWindow       *window,
                                          guint           n_wrong);

G_END_DECLS
