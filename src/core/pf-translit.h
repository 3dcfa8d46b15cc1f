/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PF_TRANSLIT_MAX_VARIANTS:
 *
 * The most spellings pf_translit_variants() returns. A name has one
 * spelling per choice of option for each letter that has several (Ä, Å,
 * Ö, Ü, Ñ and a few Cyrillic letters); real names have a handful of such
 * letters, so the cap is only reached by made-up input.
 */
#define PF_TRANSLIT_MAX_VARIANTS 64

GStrv     pf_translit_variants             (const char *name);
char     *pf_translit_fold                 (const char *text);
gboolean  pf_translit_chars_equivalent     (gunichar    a,
                                            gunichar    b);
gboolean  pf_translit_is_separator         (gunichar    c);
gboolean  pf_translit_is_dropped           (gunichar    c);
gboolean  pf_translit_has_latin_diacritics (const char *text);

G_END_DECLS
