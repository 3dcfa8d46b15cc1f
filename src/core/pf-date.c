/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates as people type them, and the age they give. A person may type a
 * birth date in whatever way they are used to; we accept the common ways and
 * ask rather than guess when a date reads both day-first and month-first. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-date.h"

G_DEFINE_QUARK (pf-date-error-quark, pf_date_error)

static const char * const english_months[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

/* A month name, full or abbreviated to three letters or more, in English
 * or in the language of the current locale. */
static int
month_from_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  if (g_str_has_suffix (folded, "."))
    folded[--len] = '\0';

  if (len < 3)
    return 0;

  for (int m = 0; m < 12; m++)
    if (strncmp (english_months[m], folded, len) == 0)
      return m + 1;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, m, 1, 0, 0, 0);
      const char *formats[] = { "%B", "%b" };

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_date_time_format (dt, formats[f]);
          g_autofree char *name_folded = NULL;

          if (name == NULL)
            continue;
          name_folded = g_utf8_casefold (name, -1);
          if (g_str_has_suffix (name_folded, "."))
            name_folded[strlen (name_folded) - 1] = '\0';
          if (g_str_equal (name_folded, folded))
            return m;
        }
    }

  return 0;
}

typedef struct
{
  char *words[4];
  guint n_words;
  gboolean has_dot;
} Tokens;

static void
tokens_clear (Tokens *tokens)
{
  for (guint i = 0; i < tokens->n_words; i++)
    g_free (tokens->words[i]);
}

/* Splits "12 Aug. 1974", "1974-08-12" or "August 12, 1974" into words:
 * runs of digits and runs of letters. Returns FALSE for anything else. */
static gboolean
tokenize (const char *text,
          Tokens     *tokens)
{
  const char *p = text;

  memset (tokens, 0, sizeof *tokens);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (g_unichar_isdigit (c) && c < 128)
        {
          while (*p >= '0' && *p <= '9')
            p++;
        }
      else if (g_unichar_isalpha (c))
        {
          while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (*p == '.')
            p++;
        }
      else if (c == '.' || c == '/' || c == '-' || c == ',' || g_unichar_isspace (c))
        {
          if (c == '.')
            tokens->has_dot = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      else
        return FALSE;

      if (tokens->n_words == G_N_ELEMENTS (tokens->words))
        return FALSE;
      tokens->words[tokens->n_words++] = g_strndup (start, p - start);
    }

  return TRUE;
}

static gboolean
has_visible_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_number (const char *word)
{
  return word[0] >= '0' && word[0] <= '9';
}

static gboolean
set_checked (GDate   *date,
             int      day,
             int      month,
             int      year,
             GError **error)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, PF_DATE_ERROR, PF_DATE_ERROR_INVALID,
                   _("There is no such day. Check the day and the month."));
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
check_year (const char  *word,
            int         *year,
            GError     **error)
{
  if (strlen (word) != 4)
    {
      g_set_error (error, PF_DATE_ERROR, PF_DATE_ERROR_SHORT_YEAR,
                   _("Type the year with all four digits, for example 1974."));
      return FALSE;
    }
  *year = atoi (word);
  return TRUE;
}

/**
 * pf_date_parse:
 * @text: what the person typed
 * @order: which order to take when a date reads both ways
 * @date: (out caller-allocates): the date
 * @error: a message the person can act on
 *
 * Accepts 1974-08-12, 12.08.1974, 12/08/1974, 12-08-1974, 12 Aug 1974,
 * 12 August 1974 and August 12, 1974. Dots mean day first, as everywhere
 * they are used. A date with slashes or dashes whose first two numbers
 * could both be a day and a month is ambiguous unless @order says which.
 *
 * Returns: %TRUE if @date was set
 */
gboolean
pf_date_parse (const char   *text,
               PfDateOrder   order,
               GDate        *date,
               GError      **error)
{
  Tokens t;
  gboolean ok = FALSE;
  int day = 0, month = 0, year = 0;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || !has_visible_text (text))
    {
      g_set_error (error, PF_DATE_ERROR, PF_DATE_ERROR_EMPTY,
                   _("Type a date, for example 12 August 1974."));
      return FALSE;
    }

  if (!tokenize (text, &t) || t.n_words != 3)
    goto format_error;

  if (is_number (t.words[0]) && is_number (t.words[1]) && is_number (t.words[2]))
    {
      if (strlen (t.words[0]) == 4)
        {
          /* Year first is always year-month-day (ISO 8601). */
          year = atoi (t.words[0]);
          month = atoi (t.words[1]);
          day = atoi (t.words[2]);
        }
      else
        {
          int a = atoi (t.words[0]);
          int b = atoi (t.words[1]);

          if (strlen (t.words[0]) > 2 || strlen (t.words[1]) > 2)
            goto format_error;
          if (!check_year (t.words[2], &year, error))
            goto out;

          if (t.has_dot || a > 12)
            order = PF_DATE_ORDER_DAY_FIRST;
          else if (b > 12)
            order = PF_DATE_ORDER_MONTH_FIRST;
          else if (a == b)
            order = PF_DATE_ORDER_DAY_FIRST;

          if (order == PF_DATE_ORDER_UNKNOWN)
            {
              g_set_error (error, PF_DATE_ERROR, PF_DATE_ERROR_AMBIGUOUS,
                           _("This date can be read two ways. Choose whether the day or the month comes first."));
              goto out;
            }

          day = order == PF_DATE_ORDER_DAY_FIRST ? a : b;
          month = order == PF_DATE_ORDER_DAY_FIRST ? b : a;
        }
    }
  else if (is_number (t.words[0]) && !is_number (t.words[1]) && is_number (t.words[2]))
    {
      /* 12 August 1974 */
      if (strlen (t.words[0]) > 2 || (month = month_from_name (t.words[1])) == 0)
        goto format_error;
      day = atoi (t.words[0]);
      if (!check_year (t.words[2], &year, error))
        goto out;
    }
  else if (!is_number (t.words[0]) && is_number (t.words[1]) && is_number (t.words[2]))
    {
      /* August 12, 1974 */
      if (strlen (t.words[1]) > 2 || (month = month_from_name (t.words[0])) == 0)
        goto format_error;
      day = atoi (t.words[1]);
      if (!check_year (t.words[2], &year, error))
        goto out;
    }
  else
    goto format_error;

  ok = set_checked (date, day, month, year, error);
  goto out;

format_error:
  g_set_error (error, PF_DATE_ERROR, PF_DATE_ERROR_FORMAT,
               _("This is not a date we can read. Type it like 12 August 1974 or 1974-08-12."));
out:
  tokens_clear (&t);
  return ok;
}

/**
 * pf_date_format_long:
 *
 * Returns: (transfer full): @date written out in the current locale, with
 *   the month as a word so that no one has to guess the order
 */
char *
pf_date_format_long (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date as the person reads it, see strftime(3). */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/**
 * pf_date_set_today:
 *
 * Sets @date to today's date in the local time zone.
 */
void
pf_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * pf_age_on:
 *
 * The age in whole years on @today of someone born on @birth. A person born
 * on 29 February turns a year older on 1 March in common years, which is the
 * later of the two rules in use and so never claims an age too early.
 *
 * Returns: the age, negative if @birth is after @today
 */
int
pf_age_on (const GDate *birth,
           const GDate *today)
{
  int age;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  age = g_date_get_year (today) - g_date_get_year (birth);
  if (g_date_get_month (today) < g_date_get_month (birth) ||
      (g_date_get_month (today) == g_date_get_month (birth) &&
       g_date_get_day (today) < g_date_get_day (birth)))
    age--;

  return age;
}

/**
 * pf_age_check:
 * @minimum_age: the service's minimum age
 *
 * Returns: (transfer full): the "region.age" finding: ok when old enough, a
 *   blocker when not, or when @birth lies in the future
 */
PfFinding *
pf_age_check (const GDate *birth,
              const GDate *today,
              int          minimum_age)
{
  g_autofree char *title = NULL;
  g_autofree char *advice = NULL;
  int age;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (g_date_compare (birth, today) > 0)
    return pf_finding_new ("region.age", PF_SEVERITY_BLOCKER,
                           _("The date of birth is in the future"),
                           _("Check the year: type the date of birth exactly as it is on your document."));

  age = pf_age_on (birth, today);
  if (age >= minimum_age)
    {
      title = g_strdup_printf (_("You meet the minimum age of %d"), minimum_age);
      return pf_finding_new ("region.age", PF_SEVERITY_OK, title,
                             _("Your age is not a reason for the rejection."));
    }

  title = g_strdup_printf (_("You are under the minimum age of %d"), minimum_age);
  advice = g_strdup_printf (_("The service cannot verify anyone under %d. This is the law it follows; "
                              "there is no way round it. You can apply once you reach that age."),
                            minimum_age);
  return pf_finding_new ("region.age", PF_SEVERITY_BLOCKER, title, advice);
}
