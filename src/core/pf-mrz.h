/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   pf_mrz_char_value   (char        c);
int   pf_mrz_check_digit  (const char *text,
                           gssize      len);

G_END_DECLS
