/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_SUMMARY_PDF_ERROR (pf_summary_pdf_error_quark ())
GQuark pf_summary_pdf_error_quark (void);

/**
 * PfSummaryPdfError:
 * @PF_SUMMARY_PDF_ERROR_FAILED: cairo could not make the PDF
 */
typedef enum
{
  PF_SUMMARY_PDF_ERROR_FAILED,
} PfSummaryPdfError;

GBytes *pf_summary_pdf_render         (PfSession     *session,
                                       const PfStep  *steps,
                                       guint          n_steps,
                                       const char    *headline,
                                       const char    *advice,
                                       gboolean       include_personal,
                                       GError       **error);
char   *pf_summary_pdf_describe_error (const GError  *error);

G_END_DECLS
