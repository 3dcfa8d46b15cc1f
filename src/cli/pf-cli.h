/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line companion's model: what to do (options) and, per file,
 * what came out (a result). The text and JSON writers only read results,
 * so a new kind of check adds a field here and a section in each writer. */
#pragma once

#include <gio/gio.h>

#include "pf-document.h"
#include "pf-photo.h"

G_BEGIN_DECLS

/* Exit statuses; the highest over all files wins. */
#define PF_CLI_EXIT_OK         0
#define PF_CLI_EXIT_ATTENTION  1  /* a caution or a blocker was found */
#define PF_CLI_EXIT_TROUBLE    2  /* a file could not be read, or bad usage */

typedef struct
{
  gboolean       json;
  PfDocumentKind kind;
} PfCliOptions;

typedef struct
{
  char          *path;          /* as given, in the file system's encoding */
  char          *display_path;  /* the same in UTF-8, for reports */
  GError        *error;         /* why the file could not be read */
  int            width;
  int            height;
  PfPhotoReport *photo;         /* NULL when the file could not be read */
} PfCliResult;

PfCliResult  *pf_cli_result_new             (const char         *path);
void          pf_cli_result_free            (PfCliResult        *self);
void          pf_cli_result_run             (PfCliResult        *self,
                                             const PfCliOptions *options);
PfSeverity    pf_cli_result_get_worst       (PfCliResult        *self);
int           pf_cli_result_get_exit_status (PfCliResult        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfCliResult, pf_cli_result_free)

G_END_DECLS
