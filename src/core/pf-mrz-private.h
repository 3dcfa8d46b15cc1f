/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The layouts of ICAO Doc 9303 as tables, shared by the parser and the
 * reader, so that where a field sits and which check digit protects it is
 * written down once. */
#pragma once

#include "pf-mrz.h"

G_BEGIN_DECLS

/* The characters a position may hold. The parser uses them to flag
 * problems; the reader to restrict what it may read there. */
typedef enum
{
  PF_MRZ_CHARSET_ALPHA,        /* A-Z and < */
  PF_MRZ_CHARSET_DIGIT,        /* 0-9 */
  PF_MRZ_CHARSET_DIGIT_FILLER, /* 0-9 and < */
  PF_MRZ_CHARSET_ALNUM,        /* A-Z, 0-9 and < */
  PF_MRZ_CHARSET_SEX,          /* F, M, X and < */
} PfMrzCharset;

typedef struct
{
  guint8 line;
  guint8 start;
  guint8 length;
} PfMrzSpan;

typedef struct
{
  PfMrzField   field;
  PfMrzSpan    span;
  PfMrzCharset charset;
} PfMrzFieldSpec;

/* A check digit at @line, @position over the characters of @spans, taken
 * in order as one string. */
typedef struct
{
  PfMrzCheck   check;
  guint8       line;
  guint8       position;
  PfMrzCharset charset;
  guint8       n_spans;
  PfMrzSpan    spans[4];
} PfMrzCheckSpec;

typedef struct
{
  PfMrzLayout           layout;
  guint8                n_lines;
  guint8                line_length;
  /* TD1 and TD2 numbers longer than 9 characters continue in the
   * optional data, with '<' in the usual check digit's place. */
  gboolean              long_numbers;
  guint8                n_fields;
  const PfMrzFieldSpec *fields;
  guint8                n_checks;
  const PfMrzCheckSpec *checks;
} PfMrzLayoutSpec;

struct _PfMrz
{
  gatomicrefcount  ref_count;
  PfMrzLayout      layout;
  char            *lines[3];
  char            *fields[PF_MRZ_N_FIELDS];
  PfMrzCheckResult checks[PF_MRZ_N_CHECKS];
  PfMrzProblem     problems;
  PfMrzSex         sex;
  gboolean         names_truncated;
  gboolean         has_birth;
  gboolean         has_expiry;
  GDate            birth;
  GDate            expiry;
};

/* The 37 characters an MRZ may hold, in the order of the reader's
 * classes. */
#define PF_MRZ_N_CLASSES 37
extern const char pf_mrz_classes[PF_MRZ_N_CLASSES + 1];

const PfMrzLayoutSpec *pf_mrz_layout_get_spec     (PfMrzLayout           layout);
const PfMrzFieldSpec  *pf_mrz_layout_find_field   (const PfMrzLayoutSpec *spec,
                                                   PfMrzField             field);
gboolean               pf_mrz_charset_contains    (PfMrzCharset           charset,
                                                   char                   c);
void                   pf_mrz_layout_get_charsets (const PfMrzLayoutSpec *spec,
                                                   PfMrzCharset           charsets[3][44]);

G_END_DECLS
