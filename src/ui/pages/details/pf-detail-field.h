/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-reading-vote.h"
#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_DETAIL_FIELD (pf_detail_field_get_type ())

G_DECLARE_FINAL_TYPE (PfDetailField, pf_detail_field, PF, DETAIL_FIELD, AdwBin)

PfField       pf_detail_field_get_field         (PfDetailField      *self);
void          pf_detail_field_set_session       (PfDetailField      *self,
                                                 PfSession          *session);
void          pf_detail_field_show              (PfDetailField      *self,
                                                 const PfComparison *comparison,
                                                 const char         *reading);
void          pf_detail_field_show_doubt        (PfDetailField      *self,
                                                 PfReadingDoubt      doubt,
                                                 const char * const *readings);
GtkEditable  *pf_detail_field_get_typed_entry   (PfDetailField      *self);
GtkEditable  *pf_detail_field_get_document_entry (PfDetailField     *self);
const char   *pf_detail_field_get_diff_text     (PfDetailField      *self);
const char   *pf_detail_field_get_doubt_text    (PfDetailField      *self);

G_END_DECLS
