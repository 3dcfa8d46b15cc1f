/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line companion's model: what to do (options) and, per file,
 * what came out (a result). The text and JSON writers only read results,
 * so a new kind of check adds a field here and a section in each writer. */
#pragma once

#include <gio/gio.h>

#include "pf-compare.h"
#include "pf-document.h"
#include "pf-photo.h"
#include "pf-reading.h"

G_BEGIN_DECLS

/* Exit statuses; the highest over all files wins. */
#define PF_CLI_EXIT_OK         0
#define PF_CLI_EXIT_ATTENTION  1  /* a caution or a blocker was found */
#define PF_CLI_EXIT_TROUBLE    2  /* a file could not be read, or bad usage */

typedef struct
{
  gboolean       json;
  PfDocumentKind kind;
  gboolean       read;                /* read the document (MRZ, printed zone) */
  gboolean       has_details;         /* compare @typed with the reading */
  char          *typed[PF_N_FIELDS];  /* borrowed; what --details FILE holds */
} PfCliOptions;

typedef struct
{
  char          *path;          /* as given, in the file system's encoding */
  char          *display_path;  /* the same in UTF-8, for reports */
  GError        *error;         /* why the file could not be read */
  int            width;
  int            height;
  PfPhotoReport *photo;         /* NULL when the file could not be read */
  PfReading     *reading;       /* with --read, when the photo could be read */
  GError        *read_error;    /* why the document could not be read */
  GPtrArray     *comparisons;   /* with --details: PfComparison, by PfField */
} PfCliResult;

PfCliResult  *pf_cli_result_new             (const char         *path);
void          pf_cli_result_free            (PfCliResult        *self);
void          pf_cli_result_run             (PfCliResult        *self,
                                             const PfCliOptions *options);
PfSeverity    pf_cli_result_get_worst       (PfCliResult        *self);
int           pf_cli_result_get_exit_status (PfCliResult        *self);

gboolean      pf_cli_details_load           (const char         *path,
                                             char               *typed[PF_N_FIELDS],
                                             GError            **error);
void          pf_cli_details_clear          (char               *typed[PF_N_FIELDS]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfCliResult, pf_cli_result_free)

G_END_DECLS
