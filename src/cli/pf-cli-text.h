/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-cli.h"

G_BEGIN_DECLS

const char *pf_cli_text_severity_label (PfSeverity  severity);
char       *pf_cli_text_write          (GPtrArray  *results);

G_END_DECLS
