/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parsing a machine-readable zone typed or read as text. The shape (lines,
 * lengths, characters) must be right or there is nothing to parse: that is
 * an error with a message saying what is wrong. What is wrong inside a
 * well-shaped zone (a failed check digit, an impossible date) is recorded
 * as a problem, because a reading with a problem still says a lot. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-date.h"
#include "pf-image.h"
#include "pf-mrz-private.h"

#define MAX_LINES 3

/* Splits @text into lines, tolerating "\r\n" and trailing newlines. */
static char **
split_lines (const char *text,
             guint      *n_lines)
{
  g_autofree char *copy = g_strdup (text);
  gsize len = strlen (copy);
  char **lines;

  while (len > 0 && (copy[len - 1] == '\n' || copy[len - 1] == '\r'))
    copy[--len] = '\0';

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize line_len = strlen (lines[i]);

      if (line_len > 0 && lines[i][line_len - 1] == '\r')
        lines[i][line_len - 1] = '\0';
    }

  pf_secure_zero (copy, len);
  *n_lines = g_strv_length (lines);
  return lines;
}

static void
free_lines (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    pf_secure_zero (lines[i], strlen (lines[i]));
  g_strfreev (lines);
}

/* So that g_autoptr(Line) holds a nul-terminated array of lines. */
typedef char *Line;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Line, free_lines)

static gboolean
check_characters (const char *line,
                  guint       line_number,
                  GError    **error)
{
  const char *p = line;
  guint position = 1;

  if (!g_utf8_validate (line, -1, NULL))
    {
      g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_CHARACTER,
                   _("Line %u is not valid text."), line_number);
      return FALSE;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[8] = { 0 };

      if (c < 128 && pf_mrz_char_value ((char) c) >= 0)
        continue;

      if (g_unichar_isspace (c))
        g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_CHARACTER,
                     _("Line %u has a space at position %u. A machine-readable zone has "
                       "no spaces: it uses “<” as the filler."),
                     line_number, position);
      else if (g_unichar_islower (c))
        g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_CHARACTER,
                     _("Line %u has the lower-case letter “%s” at position %u. A "
                       "machine-readable zone has capital letters only."),
                     line_number, (g_unichar_to_utf8 (c, utf8), utf8), position);
      else if (g_unichar_isprint (c))
        g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_CHARACTER,
                     _("Line %u has “%s” at position %u. A machine-readable zone holds "
                       "only the letters A to Z, the digits 0 to 9 and “<”."),
                     line_number, (g_unichar_to_utf8 (c, utf8), utf8), position);
      else
        g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_CHARACTER,
                     _("Line %u has an invisible character at position %u. A "
                       "machine-readable zone holds only the letters A to Z, the digits "
                       "0 to 9 and “<”."),
                     line_number, position);
      return FALSE;
    }

  return TRUE;
}

/* The layout the shape of the lines asks for; visas are told apart by
 * their document code. */
static gboolean
find_layout (char       **lines,
             guint        n_lines,
             PfMrzLayout *layout,
             GError     **error)
{
  gsize len = strlen (lines[0]);

  if (n_lines == 3)
    {
      for (guint i = 0; i < n_lines; i++)
        if (strlen (lines[i]) != 30)
          {
            g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_LINE_LENGTH,
                         _("Line %u has %u characters. Each line of a three-line "
                           "machine-readable zone has 30."),
                         i + 1, (guint) strlen (lines[i]));
            return FALSE;
          }
      *layout = PF_MRZ_LAYOUT_TD1;
      return TRUE;
    }

  if (strlen (lines[1]) != len)
    {
      g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_LINE_LENGTH,
                   _("Line 1 has %u characters but line 2 has %u. Both lines of a "
                     "machine-readable zone have the same length, 36 or 44."),
                   (guint) len, (guint) strlen (lines[1]));
      return FALSE;
    }

  if (len == 36)
    *layout = lines[0][0] == 'V' ? PF_MRZ_LAYOUT_MRV_B : PF_MRZ_LAYOUT_TD2;
  else if (len == 44)
    *layout = lines[0][0] == 'V' ? PF_MRZ_LAYOUT_MRV_A : PF_MRZ_LAYOUT_TD3;
  else
    {
      g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_LINE_LENGTH,
                   _("The lines have %u characters. Each line of a two-line "
                     "machine-readable zone has 36 or 44."),
                   (guint) len);
      return FALSE;
    }
  return TRUE;
}

static const char *
span_text (PfMrz           *self,
           const PfMrzSpan *span)
{
  return self->lines[span->line] + span->start;
}

/* A copy of @len characters of @text without the fillers at the end. */
static char *
strip_fillers (const char *text,
               gsize       len)
{
  while (len > 0 && text[len - 1] == '<')
    len--;
  return g_strndup (text, len);
}

static gboolean
has_digit (const char *text,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (text[i]))
      return TRUE;
  return FALSE;
}

/* Surname, then "<<", then given names; '<' between the parts of each.
 * Fillers become single spaces. */
static void
parse_names (PfMrz           *self,
             const PfMrzSpan *span)
{
  const char *text = span_text (self, span);
  g_autofree char *field = strip_fillers (text, span->length);
  const char *split = strstr (field, "<<");
  gsize surname_length = split != NULL ? (gsize) (split - field) : strlen (field);
  g_autofree char *surname = g_strndup (field, surname_length);
  g_autofree char *given = g_strdup (split != NULL ? split + 2 : "");
  char **parts[2] = { &surname, &given };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(GStrv) words = g_strsplit (*parts[i], "<", -1);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (words[w][0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, words[w]);
        }
      pf_secure_zero (*parts[i], strlen (*parts[i]));
      g_free (*parts[i]);
      *parts[i] = g_string_free (g_steal_pointer (&joined), FALSE);
      for (guint w = 0; words[w] != NULL; w++)
        pf_secure_zero (words[w], strlen (words[w]));
    }

  self->fields[PF_MRZ_FIELD_SURNAME] = g_steal_pointer (&surname);
  self->fields[PF_MRZ_FIELD_GIVEN_NAMES] = g_steal_pointer (&given);
  self->names_truncated = text[span->length - 1] != '<';

  if (text[0] == '<' || has_digit (text, span->length))
    self->problems |= PF_MRZ_PROBLEM_NAME;

  pf_secure_zero (field, strlen (field));
}

/* Reads YYMMDD. A date the issuer marked unknown with fillers (all six, or
 * the day, or month and day) is no problem but no date either.
 * Returns: FALSE for an impossible date */
static gboolean
parse_date (const char  *text,
            gboolean     birth,
            const GDate *today,
            GDate       *date,
            gboolean    *known)
{
  int digits = 0;
  int yy, mm, dd, year, this_year = g_date_get_year (today);

  *known = FALSE;
  while (digits < 6 && g_ascii_isdigit (text[digits]))
    digits++;
  for (int i = digits; i < 6; i++)
    if (text[i] != '<')
      return FALSE;
  if (digits < 6)
    return digits == 0 || digits == 2 || digits == 4;

  yy = (text[0] - '0') * 10 + (text[1] - '0');
  mm = (text[2] - '0') * 10 + (text[3] - '0');
  dd = (text[4] - '0') * 10 + (text[5] - '0');

  year = this_year - this_year % 100 + yy;
  if (birth)
    {
      /* People are born in the past: the latest such century. */
      int month = g_date_get_month (today), day = g_date_get_day (today);

      if (year > this_year || (year == this_year && (mm > month || (mm == month && dd > day))))
        year -= 100;
    }
  else
    {
      /* Documents are valid for 10 years, some for 15; none for more than
       * 30. A later 20yy is an old document of the 1900s. */
      if (year > this_year + 30)
        year -= 100;
      else if (year <= this_year - 70)
        year += 100;
    }

  if (mm < 1 || mm > 12 || dd < 1 || !g_date_valid_dmy (dd, mm, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, dd, mm, year);
  *known = TRUE;
  return TRUE;
}

/* A TD1 or TD2 number longer than 9 characters: '<' in the check digit's
 * place, then the rest of the number and its check digit at the start of
 * the optional data, ended by a filler. Returns the whole number, and
 * sets @optional to where the optional data proper starts. */
static char *
long_number (PfMrz           *self,
             const PfMrzSpan *number,
             const PfMrzSpan *optional_span,
             int             *check,
             const char     **optional)
{
  const char *opt = span_text (self, optional_span);
  gsize n = 0;
  g_autoptr(GString) whole = NULL;

  while (n < optional_span->length && opt[n] != '<')
    n++;

  *optional = opt + MIN (n + 1, optional_span->length);
  if (n < 2 || !g_ascii_isdigit (opt[n - 1]))
    {
      *check = -2;
      return g_strndup (span_text (self, number), number->length);
    }

  whole = g_string_new_len (span_text (self, number), number->length);
  g_string_append_len (whole, opt, n - 1);
  *check = pf_mrz_check_digit (whole->str, whole->len) == opt[n - 1] - '0' ? 1 : 0;
  return g_string_free (g_steal_pointer (&whole), FALSE);
}

static PfMrzCheckResult
run_check (PfMrz                *self,
           const PfMrzCheckSpec *check)
{
  char digit = self->lines[check->line][check->position];
  g_autoptr(GString) data = g_string_new (NULL);
  gboolean passed;
  int expected;

  for (guint i = 0; i < check->n_spans; i++)
    g_string_append_len (data, span_text (self, &check->spans[i]), check->spans[i].length);
  expected = pf_mrz_check_digit (data->str, data->len);

  /* An empty personal number may have '<' for its check digit. */
  if (digit == '<' && check->check == PF_MRZ_CHECK_OPTIONAL_DATA)
    passed = strspn (data->str, "<") == data->len;
  else
    passed = g_ascii_isdigit (digit) && digit - '0' == expected;

  pf_secure_zero (data->str, data->len);
  return passed ? PF_MRZ_CHECK_RESULT_PASSED : PF_MRZ_CHECK_RESULT_FAILED;
}

static void
parse_fields (PfMrz       *self,
              const GDate *today)
{
  const PfMrzLayoutSpec *spec = pf_mrz_layout_get_spec (self->layout);
  const char *optional = NULL;
  int long_check = -1;

  for (guint i = 0; i < spec->n_checks; i++)
    self->checks[spec->checks[i].check] = run_check (self, &spec->checks[i]);

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const PfMrzFieldSpec *field = &spec->fields[i];
      const char *text = span_text (self, &field->span);
      gboolean known;

      switch (field->field)
        {
        case PF_MRZ_FIELD_DOCUMENT_CODE:
          if (!g_ascii_isupper (text[0]) || g_ascii_isdigit (text[1]) ||
              (text[0] == 'V' && self->layout == PF_MRZ_LAYOUT_TD1))
            self->problems |= PF_MRZ_PROBLEM_DOCUMENT_CODE;
          break;

        case PF_MRZ_FIELD_ISSUING_STATE:
        case PF_MRZ_FIELD_NATIONALITY:
          if (text[0] == '<' || has_digit (text, field->span.length))
            self->problems |= PF_MRZ_PROBLEM_STATE;
          break;

        case PF_MRZ_FIELD_SURNAME:
          parse_names (self, &field->span);
          continue;

        case PF_MRZ_FIELD_GIVEN_NAMES:
          continue;

        case PF_MRZ_FIELD_DOCUMENT_NUMBER:
          if (spec->long_numbers && text[field->span.length] == '<')
            {
              const PfMrzFieldSpec *opt = pf_mrz_layout_find_field (spec,
                                                                    PF_MRZ_FIELD_OPTIONAL_DATA);
              g_autofree char *number = long_number (self, &field->span, &opt->span,
                                                     &long_check, &optional);

              self->fields[field->field] = strip_fillers (number, strlen (number));
              pf_secure_zero (number, strlen (number));
              self->checks[PF_MRZ_CHECK_DOCUMENT_NUMBER] =
                long_check == 1 ? PF_MRZ_CHECK_RESULT_PASSED : PF_MRZ_CHECK_RESULT_FAILED;
              continue;
            }
          break;

        case PF_MRZ_FIELD_OPTIONAL_DATA:
          if (optional != NULL)
            {
              const char *end = text + field->span.length;

              self->fields[field->field] = strip_fillers (optional, end - optional);
              continue;
            }
          break;

        case PF_MRZ_FIELD_SEX:
          if (text[0] == 'F')
            self->sex = PF_MRZ_SEX_FEMALE;
          else if (text[0] == 'M')
            self->sex = PF_MRZ_SEX_MALE;
          else if (text[0] != '<' && text[0] != 'X')
            self->problems |= PF_MRZ_PROBLEM_SEX;
          self->fields[field->field] = g_strdup (self->sex == PF_MRZ_SEX_FEMALE ? "F" :
                                                 self->sex == PF_MRZ_SEX_MALE ? "M" : "X");
          continue;

        case PF_MRZ_FIELD_BIRTH_DATE:
          if (!parse_date (text, TRUE, today, &self->birth, &known))
            self->problems |= PF_MRZ_PROBLEM_BIRTH_DATE;
          self->has_birth = known;
          self->fields[field->field] = g_strndup (text, field->span.length);
          continue;

        case PF_MRZ_FIELD_EXPIRY_DATE:
          if (!parse_date (text, FALSE, today, &self->expiry, &known))
            self->problems |= PF_MRZ_PROBLEM_EXPIRY_DATE;
          self->has_expiry = known;
          self->fields[field->field] = g_strndup (text, field->span.length);
          continue;

        case PF_MRZ_FIELD_OPTIONAL_DATA_2:
        default:
          break;
        }

      self->fields[field->field] = strip_fillers (text, field->span.length);
    }

  for (guint i = 0; i < PF_MRZ_N_CHECKS; i++)
    if (self->checks[i] == PF_MRZ_CHECK_RESULT_FAILED)
      self->problems |= PF_MRZ_PROBLEM_CHECK_DIGIT;
}

/**
 * pf_mrz_parse:
 * @text: the lines of the MRZ, separated by newlines
 * @today: (nullable): the day to read two-digit years against, or %NULL
 *   for today
 *
 * Parses a machine-readable zone of any ICAO 9303 layout, chosen by the
 * number and length of the lines and, for visas, the document code.
 *
 * Returns: (transfer full): the parsed zone, which may still have
 *   problems (see pf_mrz_get_problems()), or %NULL with @error set when
 *   @text does not have the shape of an MRZ
 */
PfMrz *
pf_mrz_parse (const char  *text,
              const GDate *today,
              GError     **error)
{
  g_autoptr(Line) lines = NULL;
  PfMrz *self;
  PfMrzLayout layout;
  GDate now;
  guint n_lines;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text[strspn (text, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, PF_MRZ_ERROR, PF_MRZ_ERROR_EMPTY,
                           _("The machine-readable zone is empty."));
      return NULL;
    }

  lines = split_lines (text, &n_lines);
  if (n_lines != 2 && n_lines != 3)
    {
      g_set_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_LINE_COUNT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A machine-readable zone has two or three lines, not %u.",
                                "A machine-readable zone has two or three lines, not %u.",
                                n_lines),
                   n_lines);
      return NULL;
    }

  for (guint i = 0; i < n_lines; i++)
    if (!check_characters (lines[i], i + 1, error))
      return NULL;

  if (!find_layout (lines, n_lines, &layout, error))
    return NULL;

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      pf_date_set_today (&now);
      today = &now;
    }

  self = g_new0 (PfMrz, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->layout = layout;
  for (guint i = 0; i < n_lines; i++)
    self->lines[i] = g_strdup (lines[i]);
  parse_fields (self, today);

  return self;
}
