/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The machine-readable zone of travel documents (ICAO Doc 9303): check
 * digits, the layouts, and the parsed zone. The parsing itself is in
 * pf-mrz-parse.c. */

#include "config.h"

#include <string.h>

#include "pf-image.h"
#include "pf-mrz-private.h"

G_DEFINE_QUARK (pf-mrz-error-quark, pf_mrz_error)

G_DEFINE_BOXED_TYPE (PfMrz, pf_mrz, pf_mrz_ref, pf_mrz_unref)

const char pf_mrz_classes[PF_MRZ_N_CLASSES + 1] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

/* Positions count from 0; Doc 9303 counts from 1. */

static const PfMrzFieldSpec td1_fields[] = {
  { PF_MRZ_FIELD_DOCUMENT_CODE, { 0, 0, 2 }, PF_MRZ_CHARSET_ALPHA },
  { PF_MRZ_FIELD_ISSUING_STATE, { 0, 2, 3 }, PF_MRZ_CHARSET_ALPHA },
  { PF_MRZ_FIELD_DOCUMENT_NUMBER, { 0, 5, 9 }, PF_MRZ_CHARSET_ALNUM },
  { PF_MRZ_FIELD_OPTIONAL_DATA, { 0, 15, 15 }, PF_MRZ_CHARSET_ALNUM },
  { PF_MRZ_FIELD_BIRTH_DATE, { 1, 0, 6 }, PF_MRZ_CHARSET_DIGIT_FILLER },
  { PF_MRZ_FIELD_SEX, { 1, 7, 1 }, PF_MRZ_CHARSET_SEX },
  { PF_MRZ_FIELD_EXPIRY_DATE, { 1, 8, 6 }, PF_MRZ_CHARSET_DIGIT_FILLER },
  { PF_MRZ_FIELD_NATIONALITY, { 1, 15, 3 }, PF_MRZ_CHARSET_ALPHA },
  { PF_MRZ_FIELD_OPTIONAL_DATA_2, { 1, 18, 11 }, PF_MRZ_CHARSET_ALNUM },
  { PF_MRZ_FIELD_SURNAME, { 2, 0, 30 }, PF_MRZ_CHARSET_ALPHA },
  { PF_MRZ_FIELD_GIVEN_NAMES, { 2, 0, 30 }, PF_MRZ_CHARSET_ALPHA },
};

static const PfMrzCheckSpec td1_checks[] = {
  { PF_MRZ_CHECK_DOCUMENT_NUMBER, 0, 14, PF_MRZ_CHARSET_DIGIT_FILLER, 1, { { 0, 5, 9 } } },
  { PF_MRZ_CHECK_BIRTH_DATE, 1, 6, PF_MRZ_CHARSET_DIGIT, 1, { { 1, 0, 6 } } },
  { PF_MRZ_CHECK_EXPIRY_DATE, 1, 14, PF_MRZ_CHARSET_DIGIT, 1, { { 1, 8, 6 } } },
  { PF_MRZ_CHECK_COMPOSITE, 1, 29, PF_MRZ_CHARSET_DIGIT, 4,
    { { 0, 5, 25 }, { 1, 0, 7 }, { 1, 8, 7 }, { 1, 18, 11 } } },
};

/* TD2 and MRV-B share line 1 and the start of line 2; so do TD3 and
 * MRV-A. */
#define TWO_LINE_FIELDS(name_length, optional_length) \
  { PF_MRZ_FIELD_DOCUMENT_CODE, { 0, 0, 2 }, PF_MRZ_CHARSET_ALPHA }, \
  { PF_MRZ_FIELD_ISSUING_STATE, { 0, 2, 3 }, PF_MRZ_CHARSET_ALPHA }, \
  { PF_MRZ_FIELD_SURNAME, { 0, 5, name_length }, PF_MRZ_CHARSET_ALPHA }, \
  { PF_MRZ_FIELD_GIVEN_NAMES, { 0, 5, name_length }, PF_MRZ_CHARSET_ALPHA }, \
  { PF_MRZ_FIELD_DOCUMENT_NUMBER, { 1, 0, 9 }, PF_MRZ_CHARSET_ALNUM }, \
  { PF_MRZ_FIELD_NATIONALITY, { 1, 10, 3 }, PF_MRZ_CHARSET_ALPHA }, \
  { PF_MRZ_FIELD_BIRTH_DATE, { 1, 13, 6 }, PF_MRZ_CHARSET_DIGIT_FILLER }, \
  { PF_MRZ_FIELD_SEX, { 1, 20, 1 }, PF_MRZ_CHARSET_SEX }, \
  { PF_MRZ_FIELD_EXPIRY_DATE, { 1, 21, 6 }, PF_MRZ_CHARSET_DIGIT_FILLER }, \
  { PF_MRZ_FIELD_OPTIONAL_DATA, { 1, 28, optional_length }, PF_MRZ_CHARSET_ALNUM }

#define TWO_LINE_CHECKS(number_charset) \
  { PF_MRZ_CHECK_DOCUMENT_NUMBER, 1, 9, number_charset, 1, { { 1, 0, 9 } } }, \
  { PF_MRZ_CHECK_BIRTH_DATE, 1, 19, PF_MRZ_CHARSET_DIGIT, 1, { { 1, 13, 6 } } }, \
  { PF_MRZ_CHECK_EXPIRY_DATE, 1, 27, PF_MRZ_CHARSET_DIGIT, 1, { { 1, 21, 6 } } }

static const PfMrzFieldSpec td2_fields[] = { TWO_LINE_FIELDS (31, 7) };
static const PfMrzCheckSpec td2_checks[] = {
  TWO_LINE_CHECKS (PF_MRZ_CHARSET_DIGIT_FILLER),
  { PF_MRZ_CHECK_COMPOSITE, 1, 35, PF_MRZ_CHARSET_DIGIT, 3,
    { { 1, 0, 10 }, { 1, 13, 7 }, { 1, 21, 14 } } },
};

static const PfMrzFieldSpec td3_fields[] = { TWO_LINE_FIELDS (39, 14) };
static const PfMrzCheckSpec td3_checks[] = {
  TWO_LINE_CHECKS (PF_MRZ_CHARSET_DIGIT),
  /* An empty personal number may have '<' as its check digit. */
  { PF_MRZ_CHECK_OPTIONAL_DATA, 1, 42, PF_MRZ_CHARSET_DIGIT_FILLER, 1, { { 1, 28, 14 } } },
  { PF_MRZ_CHECK_COMPOSITE, 1, 43, PF_MRZ_CHARSET_DIGIT, 3,
    { { 1, 0, 10 }, { 1, 13, 7 }, { 1, 21, 22 } } },
};

static const PfMrzFieldSpec mrv_a_fields[] = { TWO_LINE_FIELDS (39, 16) };
static const PfMrzFieldSpec mrv_b_fields[] = { TWO_LINE_FIELDS (31, 8) };
static const PfMrzCheckSpec mrv_checks[] = { TWO_LINE_CHECKS (PF_MRZ_CHARSET_DIGIT) };

static const PfMrzLayoutSpec layouts[] = {
  { PF_MRZ_LAYOUT_TD1, 3, 30, TRUE,
    G_N_ELEMENTS (td1_fields), td1_fields, G_N_ELEMENTS (td1_checks), td1_checks },
  { PF_MRZ_LAYOUT_TD2, 2, 36, TRUE,
    G_N_ELEMENTS (td2_fields), td2_fields, G_N_ELEMENTS (td2_checks), td2_checks },
  { PF_MRZ_LAYOUT_TD3, 2, 44, FALSE,
    G_N_ELEMENTS (td3_fields), td3_fields, G_N_ELEMENTS (td3_checks), td3_checks },
  { PF_MRZ_LAYOUT_MRV_A, 2, 44, FALSE,
    G_N_ELEMENTS (mrv_a_fields), mrv_a_fields, G_N_ELEMENTS (mrv_checks), mrv_checks },
  { PF_MRZ_LAYOUT_MRV_B, 2, 36, FALSE,
    G_N_ELEMENTS (mrv_b_fields), mrv_b_fields, G_N_ELEMENTS (mrv_checks), mrv_checks },
};

const PfMrzLayoutSpec *
pf_mrz_layout_get_spec (PfMrzLayout layout)
{
  g_return_val_if_fail (layout <= PF_MRZ_LAYOUT_MRV_B, NULL);

  return &layouts[layout];
}

const PfMrzFieldSpec *
pf_mrz_layout_find_field (const PfMrzLayoutSpec *spec,
                          PfMrzField             field)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].field == field)
      return &spec->fields[i];
  return NULL;
}

gboolean
pf_mrz_charset_contains (PfMrzCharset charset,
                         char         c)
{
  gboolean digit = c >= '0' && c <= '9';
  gboolean letter = c >= 'A' && c <= 'Z';

  switch (charset)
    {
    case PF_MRZ_CHARSET_ALPHA:
      return letter || c == '<';
    case PF_MRZ_CHARSET_DIGIT:
      return digit;
    case PF_MRZ_CHARSET_DIGIT_FILLER:
      return digit || c == '<';
    case PF_MRZ_CHARSET_ALNUM:
      return digit || letter || c == '<';
    case PF_MRZ_CHARSET_SEX:
      return c == 'F' || c == 'M' || c == 'X' || c == '<';
    default:
      g_assert_not_reached ();
    }
}

/* What each position of a layout may hold: its field's characters, or a
 * check digit's. Every position of every layout belongs to one of them. */
void
pf_mrz_layout_get_charsets (const PfMrzLayoutSpec *spec,
                            PfMrzCharset           charsets[3][44])
{
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const PfMrzFieldSpec *f = &spec->fields[i];

      for (guint k = 0; k < f->span.length; k++)
        charsets[f->span.line][f->span.start + k] = f->charset;
    }
  for (guint i = 0; i < spec->n_checks; i++)
    charsets[spec->checks[i].line][spec->checks[i].position] = spec->checks[i].charset;
}

/**
 * pf_mrz_char_value:
 *
 * The value of an MRZ character in check digit sums: digits are their
 * value, A to Z are 10 to 35, the filler '<' is 0.
 *
 * Returns: the value, or -1 for a character an MRZ cannot hold
 */
int
pf_mrz_char_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  if (c == '<')
    return 0;
  return -1;
}

/**
 * pf_mrz_check_digit:
 * @text: MRZ characters
 * @len: how many, or -1 for all of a nul-terminated @text
 *
 * The ICAO 9303 check digit: the sum of the values weighted 7, 3, 1, 7, 3,
 * 1, ... modulo 10.
 *
 * Returns: 0 to 9, or -1 if @text holds a character an MRZ cannot hold
 */
int
pf_mrz_check_digit (const char *text,
                    gssize      len)
{
  static const int weights[3] = { 7, 3, 1 };
  int sum = 0;

  g_return_val_if_fail (text != NULL, -1);

  if (len < 0)
    len = strlen (text);

  for (gssize i = 0; i < len; i++)
    {
      int value = pf_mrz_char_value (text[i]);

      if (value < 0)
        return -1;
      sum += value * weights[i % 3];
    }

  return sum % 10;
}

PfMrz *
pf_mrz_ref (PfMrz *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
clear_secret (char **text)
{
  if (*text != NULL)
    pf_secure_zero (*text, strlen (*text));
  g_clear_pointer (text, g_free);
}

void
pf_mrz_unref (PfMrz *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->lines); i++)
    clear_secret (&self->lines[i]);
  for (guint i = 0; i < PF_MRZ_N_FIELDS; i++)
    clear_secret (&self->fields[i]);
  pf_secure_zero (self, sizeof *self);
  g_free (self);
}

PfMrzLayout
pf_mrz_get_layout (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, PF_MRZ_LAYOUT_TD3);
  return self->layout;
}

/**
 * pf_mrz_get_format:
 *
 * The size of document the MRZ's shape belongs to: visas share the shapes
 * of TD3 (MRV-A) and TD2 (MRV-B).
 */
PfMrzFormat
pf_mrz_get_format (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, PF_MRZ_FORMAT_NONE);
  return pf_mrz_layout_get_format (self->layout);
}

guint
pf_mrz_get_n_lines (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return pf_mrz_layout_get_spec (self->layout)->n_lines;
}

/**
 * pf_mrz_get_line:
 * @line: 0 to pf_mrz_get_n_lines() - 1
 *
 * Returns: (transfer none): the line, exactly as parsed
 */
const char *
pf_mrz_get_line (const PfMrz *self,
                 guint        line)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (line < pf_mrz_get_n_lines (self), NULL);
  return self->lines[line];
}

/**
 * pf_mrz_get_field:
 *
 * A field's text, cleaned for people: trailing fillers removed, names with
 * spaces where the MRZ has '<', the sex as "F", "M" or "X" (unspecified),
 * dates as printed (YYMMDD, see pf_mrz_get_birth_date() for the date). A
 * TD1 or TD2 document number longer than 9 characters is given whole.
 *
 * Returns: (transfer none) (nullable): the text, possibly empty, or %NULL
 *   when the layout has no such field
 */
const char *
pf_mrz_get_field (const PfMrz *self,
                  PfMrzField   field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < PF_MRZ_N_FIELDS, NULL);
  return self->fields[field];
}

/**
 * pf_mrz_get_field_span:
 * @line: (out) (optional): the line the field is on
 * @start: (out) (optional): its first position, from 0
 * @length: (out) (optional): how many positions it takes
 *
 * Where a field sits in the lines, to highlight it. Surname and given
 * names share the name field. A long document number's continuation in the
 * optional data is not part of the span.
 *
 * Returns: %FALSE when the layout has no such field
 */
gboolean
pf_mrz_get_field_span (const PfMrz *self,
                       PfMrzField   field,
                       guint       *line,
                       guint       *start,
                       guint       *length)
{
  const PfMrzFieldSpec *spec;

  g_return_val_if_fail (self != NULL, FALSE);

  spec = pf_mrz_layout_find_field (pf_mrz_layout_get_spec (self->layout), field);
  if (spec == NULL)
    return FALSE;

  if (line != NULL)
    *line = spec->span.line;
  if (start != NULL)
    *start = spec->span.start;
  if (length != NULL)
    *length = spec->span.length;
  return TRUE;
}

PfMrzSex
pf_mrz_get_sex (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, PF_MRZ_SEX_UNSPECIFIED);
  return self->sex;
}

/**
 * pf_mrz_get_birth_date:
 * @date: (out caller-allocates): set to the birth date
 *
 * The two-digit year is read as the latest year that does not put the
 * birth after the day the MRZ was parsed for.
 *
 * Returns: %FALSE when the date is unknown (fillers) or impossible
 */
gboolean
pf_mrz_get_birth_date (const PfMrz *self,
                       GDate       *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->has_birth)
    *date = self->birth;
  return self->has_birth;
}

/**
 * pf_mrz_get_expiry_date:
 * @date: (out caller-allocates): set to the expiry date
 *
 * The two-digit year is read as 20yy unless that lies more than 30 years
 * after the day the MRZ was parsed for; then it is 19yy. No travel
 * document is issued for longer, and no MRZ expired before 1956.
 *
 * Returns: %FALSE when the date is unknown (fillers) or impossible
 */
gboolean
pf_mrz_get_expiry_date (const PfMrz *self,
                        GDate       *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->has_expiry)
    *date = self->expiry;
  return self->has_expiry;
}

/**
 * pf_mrz_get_names_truncated:
 *
 * Whether the names fill the name field to its last position, which is
 * how an MRZ shows that it cut them short: the names printed on the
 * document may go on.
 */
gboolean
pf_mrz_get_names_truncated (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->names_truncated;
}

PfMrzCheckResult
pf_mrz_get_check (const PfMrz *self,
                  PfMrzCheck   check)
{
  g_return_val_if_fail (self != NULL, PF_MRZ_CHECK_RESULT_ABSENT);
  g_return_val_if_fail (check < PF_MRZ_N_CHECKS, PF_MRZ_CHECK_RESULT_ABSENT);
  return self->checks[check];
}

PfMrzProblem
pf_mrz_get_problems (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, PF_MRZ_PROBLEM_NONE);
  return self->problems;
}

/**
 * pf_mrz_is_valid:
 *
 * Returns: %TRUE when every check digit passed and the fields hold what
 *   they may hold (see #PfMrzProblem)
 */
gboolean
pf_mrz_is_valid (const PfMrz *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->problems == PF_MRZ_PROBLEM_NONE;
}

/**
 * pf_mrz_layout_to_string:
 *
 * Returns: "TD1", "TD2", "TD3", "MRV-A" or "MRV-B"
 */
const char *
pf_mrz_layout_to_string (PfMrzLayout layout)
{
  static const char * const names[] = { "TD1", "TD2", "TD3", "MRV-A", "MRV-B" };

  g_return_val_if_fail (layout < G_N_ELEMENTS (names), NULL);
  return names[layout];
}

PfMrzFormat
pf_mrz_layout_get_format (PfMrzLayout layout)
{
  switch (layout)
    {
    case PF_MRZ_LAYOUT_TD1:
      return PF_MRZ_FORMAT_TD1;
    case PF_MRZ_LAYOUT_TD2:
    case PF_MRZ_LAYOUT_MRV_B:
      return PF_MRZ_FORMAT_TD2;
    case PF_MRZ_LAYOUT_TD3:
    case PF_MRZ_LAYOUT_MRV_A:
      return PF_MRZ_FORMAT_TD3;
    default:
      g_return_val_if_reached (PF_MRZ_FORMAT_NONE);
    }
}

/**
 * pf_mrz_field_to_string:
 *
 * Returns: a stable id for @field, as used in the JSON output
 *   ("document_code", "surname", "birth_date"...)
 */
const char *
pf_mrz_field_to_string (PfMrzField field)
{
  static const char * const ids[] = {
    "document_code", "issuing_state", "surname", "given_names", "document_number",
    "nationality", "birth_date", "sex", "expiry_date", "optional_data", "optional_data_2",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == PF_MRZ_N_FIELDS);
  g_return_val_if_fail (field < PF_MRZ_N_FIELDS, NULL);
  return ids[field];
}

/**
 * pf_mrz_check_to_string:
 *
 * Returns: a stable id for @check, as used in the JSON output
 */
const char *
pf_mrz_check_to_string (PfMrzCheck check)
{
  static const char * const ids[] = {
    "document_number", "birth_date", "expiry_date", "optional_data", "composite",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == PF_MRZ_N_CHECKS);
  g_return_val_if_fail (check < PF_MRZ_N_CHECKS, NULL);
  return ids[check];
}
