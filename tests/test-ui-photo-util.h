/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-photo-page.h"
#include "pf-specimen.h"
#include "test-ui-window.h"

G_BEGIN_DECLS

typedef gboolean (*PfTestCondition) (gpointer data);

void          pf_test_photo_params       (PfSpecimenParams *params,
                                          double            center_x,
                                          double            center_y);
char         *pf_test_photo_write        (const PfSpecimenParams *params,
                                          const char       *dir,
                                          const char       *name);
char         *pf_test_photo_write_video  (const char       *dir,
                                          const char * const *stills,
                                          const guint      *n_frames,
                                          guint             n_stills);
void          pf_test_photo_wait         (PfTestCondition   condition,
                                          gpointer          data,
                                          guint             timeout_msec,
                                          const char       *what);
void          pf_test_photo_screenshot   (PfWindow         *window,
                                          const char       *name);
void          pf_test_photo_remove_dir   (const char       *dir);
PfPhotoPage  *pf_test_photo_open         (PfWindow         *window,
                                          PfDocumentKind    kind);
PfApplication *pf_test_photo_init        (int              *argc,
                                          char           ***argv);

/* test-ui-photo-files.c */
void          pf_test_photo_add_file_tests (PfApplication  *application);

G_END_DECLS
