/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing a typed date of birth or expiry with the document. Typed
 * dates are read by pf_date_parse(), the one date reader of the app; what
 * is added here is why a date that was typed differs: day and month the
 * other way round for the service's form, a two-digit year, a typo.
 *
 * The form's order comes from the flags. 08/12/1974 typed for a document
 * showing 8 December 1974 is right for a day-first form and wrong for a
 * month-first one, which would read 12 August. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-date.h"
#include "pf-image.h"

/* The runs of digits in a typed date, to tell which order it was typed
 * in; whether it was a date at all is pf_date_parse()'s business. */
typedef struct
{
  int      value[3];
  guint    len[3];
  guint    n;
  gboolean has_letters;
  char     separator;
} Groups;

static void
find_groups (const char *text,
             Groups     *g)
{
  memset (g, 0, sizeof *g);
  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          int value = 0;
          guint len = 0;

          for (; g_ascii_isdigit (*p); p++, len++)
            value = len < 8 ? value * 10 + (*p - '0') : value;
          if (g->n < 3)
            {
              g->value[g->n] = value;
              g->len[g->n] = len;
            }
          g->n++;
          continue;
        }
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        g->has_letters = TRUE;
      else if (g->separator == '\0' && g->n > 0 && (*p == '.' || *p == '/' || *p == '-'))
        g->separator = *p;
      p = g_utf8_next_char (p);
    }
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  return g_date_valid (a) && g_date_valid (b) && g_date_compare (a, b) == 0;
}

/* Which order @g was typed in, if its numbers are @date's day and month
 * (in one order or the other) and its year; UNKNOWN if they are not, or
 * if day and month are the same number. */
static PfDateOrder
typed_order (const Groups *g,
             const GDate  *date)
{
  int day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);

  if (g->has_letters || g->n != 3 || g->len[0] > 2 || g->len[1] > 2 || day == month ||
      g->len[2] != 4 || g->value[2] != year)
    return PF_DATE_ORDER_UNKNOWN;
  if (g->value[0] == day && g->value[1] == month)
    return PF_DATE_ORDER_DAY_FIRST;
  if (g->value[0] == month && g->value[1] == day)
    return PF_DATE_ORDER_MONTH_FIRST;
  return PF_DATE_ORDER_UNKNOWN;
}

/* @date as the form wants it: ISO 8601 if that is how it was typed, else
 * in the form's order with the separator typed. With the order unknown,
 * dots, which mean day first everywhere. */
static char *
format_numeric (const GDate  *date,
                const Groups *g,
                PfDateOrder   order)
{
  int day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);
  char separator = g->separator != '\0' ? g->separator : '/';

  if (g->n > 0 && g->len[0] == 4 && !g->has_letters)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (order == PF_DATE_ORDER_MONTH_FIRST)
    return g_strdup_printf ("%02d%c%02d%c%04d", month, separator, day, separator, year);
  if (order == PF_DATE_ORDER_DAY_FIRST)
    return g_strdup_printf ("%02d%c%02d%c%04d", day, separator, month, separator, year);
  return g_strdup_printf ("%02d.%02d.%04d", day, month, year);
}

/* YYMMDD as the MRZ writes it, with the century inferred as the MRZ
 * parser does: birth dates lie in the past, expiry dates within 70 years
 * before and 30 after today. */
static gboolean
parse_mrz_date (const char *text,
                PfField     field,
                GDate      *date)
{
  GDate today;
  int yy, mm, dd, year, this_year;

  if (strlen (text) != 6 || strspn (text, "0123456789") != 6)
    return FALSE;
  yy = (text[0] - '0') * 10 + (text[1] - '0');
  mm = (text[2] - '0') * 10 + (text[3] - '0');
  dd = (text[4] - '0') * 10 + (text[5] - '0');

  pf_date_set_today (&today);
  this_year = g_date_get_year (&today);
  year = this_year - this_year % 100 + yy;
  if (field == PF_FIELD_BIRTH_DATE)
    {
      if (year > this_year || (year == this_year && g_date_valid_dmy (dd, mm, year) &&
                               (mm > (int) g_date_get_month (&today) ||
                                (mm == (int) g_date_get_month (&today) &&
                                 dd > g_date_get_day (&today)))))
        year -= 100;
    }
  else if (year > this_year + 30)
    year -= 100;
  else if (year <= this_year - 70)
    year += 100;

  if (mm < 1 || mm > 12 || dd < 1 || !g_date_valid_dmy (dd, mm, year))
    return FALSE;
  g_date_set_dmy (date, dd, mm, year);
  return TRUE;
}

static gboolean
parse_document_date (const char *text,
                     PfField     field,
                     GDate      *date)
{
  g_autofree char *stripped = NULL;
  gboolean ok;

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  ok = parse_mrz_date (stripped, field, date) ||
       pf_date_parse (stripped, PF_DATE_ORDER_DAY_FIRST, date, NULL);
  pf_secure_zero (stripped, strlen (stripped));
  return ok;
}

static PfDateOrder
form_order (PfCompareFlags flags)
{
  if (flags & PF_COMPARE_DATES_MONTH_FIRST)
    return PF_DATE_ORDER_MONTH_FIRST;
  if (flags & PF_COMPARE_DATES_DAY_FIRST)
    return PF_DATE_ORDER_DAY_FIRST;
  return PF_DATE_ORDER_UNKNOWN;
}

static void
set_date_order (PfCompareResult *result,
                PfDateOrder      order,
                const char      *long_date,
                const char      *display)
{
  char *advice;

  if (order == PF_DATE_ORDER_MONTH_FIRST)
    advice = g_strdup_printf (_("You typed the day first, but the form wants the month first. The "
                                "document shows %s: type “%s”."), long_date, display);
  else if (order == PF_DATE_ORDER_DAY_FIRST)
    advice = g_strdup_printf (_("You typed the month first, but the form wants the day first. The "
                                "document shows %s: type “%s”."), long_date, display);
  else
    advice = g_strdup_printf (_("Day and month are the other way round. The document shows %s: "
                                "type “%s”."), long_date, display);
  pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DATE_ORDER, PF_SEVERITY_BLOCKER, NULL,
                         advice);
}

/* A typed date that reads as a day other than @ref's. */
static void
set_wrong_day (PfCompareResult *result,
               const GDate     *typed_date,
               const Groups    *g,
               PfDateOrder      order,
               const char      *long_date,
               const char      *display)
{
  g_autofree char *typed_numeric = format_numeric (typed_date, g, order);
  g_autofree char *details = NULL;
  PfReason reason = pf_compare_classify_chars (typed_numeric, display, NULL, &details);

  if (reason == PF_REASON_TYPO || reason == PF_REASON_LOOKALIKE)
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_TYPO, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows %s. Type it as “%s”: %s."),
                                            long_date, display, details));
  else
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows %s: type “%s”."), long_date,
                                            display));
  pf_secure_zero (typed_numeric, strlen (typed_numeric));
}

static void
classify (const char      *typed,
          const GDate     *ref,
          PfDateOrder      order,
          const char      *long_date,
          PfCompareResult *result,
          char           **display)
{
  g_autoptr(GError) error = NULL;
  Groups g;
  GDate date;
  PfDateOrder typed_in;

  find_groups (typed, &g);
  g_clear_pointer (display, pf_compare_free_zeroed);
  *display = format_numeric (ref, &g, order);
  typed_in = typed_order (&g, ref);

  if (pf_date_parse (typed, order, &date, &error))
    {
      /* pf_date_parse() takes 12/31/1974 month first whatever the order
       * asked for, as the only way it reads; a day-first form would not. */
      if (order != PF_DATE_ORDER_UNKNOWN && typed_in != PF_DATE_ORDER_UNKNOWN && typed_in != order)
        set_date_order (result, order, long_date, *display);
      else if (same_day (&date, ref))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_OK, NULL,
                               g_strdup_printf (_("The document shows %s, the same day."), long_date));
      else
        set_wrong_day (result, &date, &g, order, long_date, *display);
      return;
    }

  if (g_error_matches (error, PF_DATE_ERROR, PF_DATE_ERROR_AMBIGUOUS))
    {
      if (typed_in != PF_DATE_ORDER_UNKNOWN)
        {
          g_autofree char *day_first = format_numeric (ref, &g, PF_DATE_ORDER_DAY_FIRST);
          g_autofree char *month_first = format_numeric (ref, &g, PF_DATE_ORDER_MONTH_FIRST);

          pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION,
                                 g_strdup (typed_in == PF_DATE_ORDER_DAY_FIRST
                                             ? _("The date matches if the form reads the day first")
                                             : _("The date matches if the form reads the month first")),
                                 g_strdup_printf (_("“%s” can be read two ways. The document shows "
                                                    "%s: if the form wants the day first, type "
                                                    "“%s”; if it wants the month first, type “%s”."),
                                                  typed, long_date, day_first, month_first));
          return;
        }
      if (pf_date_parse (typed, PF_DATE_ORDER_DAY_FIRST, &date, NULL))
        set_wrong_day (result, &date, &g, order, long_date, *display);
      else
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER,
                               NULL,
                               g_strdup_printf (_("The document shows %s: type “%s”."), long_date,
                                                *display));
      return;
    }

  if (g_error_matches (error, PF_DATE_ERROR, PF_DATE_ERROR_SHORT_YEAR) && g.n >= 2 && g.n <= 3 &&
      g.len[g.n - 1] == 2)
    {
      /* Read it again with the document's century, to tell a date that
       * is right but for its year from one that is wrong anyway. */
      PfCompareResult full = { 0 };
      g_autofree char *full_display = NULL;
      g_autoptr(GString) expanded = g_string_new (typed);
      const char *last = typed + strlen (typed);
      char year[8];

      while (last > typed && !g_ascii_isdigit (last[-1]))
        last--;
      g_snprintf (year, sizeof year, "%04d",
                  g_date_get_year (ref) - g_date_get_year (ref) % 100 + g.value[g.n - 1]);
      g_string_erase (expanded, last - typed - 2, 2);
      g_string_insert (expanded, last - typed - 2, year);

      classify (expanded->str, ref, order, long_date, &full, &full_display);
      pf_secure_zero (expanded->str, expanded->len);
      g_clear_pointer (display, pf_compare_free_zeroed);
      *display = g_steal_pointer (&full_display);
      if (full.verdict == PF_VERDICT_MATCH)
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_TWO_DIGIT_YEAR,
                               PF_SEVERITY_BLOCKER, NULL,
                               g_strdup_printf (_("Type the year with all four digits. The document "
                                                  "shows %s: type “%s”."), long_date, *display));
      else
        pf_compare_result_set (result, full.verdict, full.reason, full.severity,
                               g_steal_pointer (&full.title), g_steal_pointer (&full.advice));
      pf_compare_result_clear (&full);
      return;
    }

  /* Not a date pf_date_parse() accepts, such as 12.31.1974, where dots
   * mean day first and there is no month 31. */
  if (typed_in != PF_DATE_ORDER_UNKNOWN)
    {
      if (typed_in == order)
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                               g_strdup_printf (_("The document shows %s: type “%s”."), long_date,
                                                *display));
      else
        set_date_order (result, order, long_date, *display);
      return;
    }
  pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                         g_strdup_printf (_("We can't read “%s” as a date. The document shows %s: "
                                            "type “%s”."), typed, long_date, *display));
}

void
pf_compare_dates (PfField          field,
                  const char      *typed,
                  const char      *printed,
                  const char      *mrz,
                  PfCompareFlags   flags,
                  PfCompareResult *result)
{
  GDate by_printed, by_mrz;
  const GDate *ref;
  g_autofree char *long_date = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (typed));
  PfDateOrder order = form_order (flags);
  gboolean have_printed = parse_document_date (printed, field, &by_printed);
  gboolean have_mrz = parse_document_date (mrz, field, &by_mrz);

  if (!have_printed && !have_mrz)
    {
      pf_compare_result_set (result, PF_VERDICT_UNREADABLE, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                             g_strdup (_("We couldn't read this on the photo; compare it yourself "
                                         "with the document.")));
      goto out;
    }

  ref = have_printed ? &by_printed : &by_mrz;
  long_date = pf_date_format_long (ref);
  classify (trimmed, ref, order, long_date, result, &result->document);

  /* The MRZ's date is guarded by a check digit; if what was typed agrees
   * with it and not with our reading of the printed zone, suspect the
   * reading. */
  if (result->verdict == PF_VERDICT_MISMATCH && have_printed && have_mrz &&
      !same_day (&by_printed, &by_mrz))
    {
      PfCompareResult again = { 0 };
      g_autofree char *mrz_long = pf_date_format_long (&by_mrz);
      g_autofree char *printed_long = pf_date_format_long (&by_printed);

      classify (trimmed, &by_mrz, order, mrz_long, &again, &again.document);
      if (again.verdict == PF_VERDICT_MATCH)
        {
          g_clear_pointer (&result->document, pf_compare_free_zeroed);
          result->document = g_steal_pointer (&again.document);
          pf_compare_result_set_misread (result, field, PF_REASON_NONE, mrz_long, printed_long);
        }
      pf_compare_result_clear (&again);
    }

out:
  pf_secure_zero (trimmed, strlen (trimmed));
  if (long_date != NULL)
    pf_secure_zero (long_date, strlen (long_date));
}
