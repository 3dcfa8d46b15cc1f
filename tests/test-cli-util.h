/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-image.h"

G_BEGIN_DECLS

/* What a run of the command-line companion gave. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} PfTestCliRun;

void   pf_test_cli_run_clear  (PfTestCliRun       *run);
void   pf_test_cli_run        (PfTestCliRun       *run,
                               const char         *cli,
                               const char         *cwd,
                               const char         *home,
                               const char * const *args);
char  *pf_test_cli_save_image (PfImage            *image,
                               const char         *dir,
                               const char         *name,
                               const char         *type);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PfTestCliRun, pf_test_cli_run_clear)

G_END_DECLS
