/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "pf-date.h"

static void
assert_parses (const char  *text,
               PfDateOrder  order,
               int          day,
               int          month,
               int          year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!pf_date_parse (text, order, &date, &error))
    g_error ("“%s” did not parse: %s", text, error->message);

  g_assert_cmpint (g_date_get_day (&date), ==, day);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
}

static void
assert_fails (const char  *text,
              PfDateOrder  order,
              PfDateError  code)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (pf_date_parse (text, order, &date, &error));
  g_assert_error (error, PF_DATE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_false (g_date_valid (&date));
}

static void
test_formats (void)
{
  assert_parses ("1974-08-12", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  assert_parses ("1974/8/2", PF_DATE_ORDER_UNKNOWN, 2, 8, 1974);
  assert_parses ("12.08.1974", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  /* Dots mean day first even when the person said month first elsewhere. */
  assert_parses ("05.08.1974", PF_DATE_ORDER_MONTH_FIRST, 5, 8, 1974);
  assert_parses ("12 Aug 1974", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  assert_parses ("12 aug. 1974", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  assert_parses ("12 AUGUST 1974", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  assert_parses ("August 12, 1974", PF_DATE_ORDER_UNKNOWN, 12, 8, 1974);
  assert_parses ("  29 Feb 2000 ", PF_DATE_ORDER_UNKNOWN, 29, 2, 2000);
  assert_parses ("Sept 1 1999", PF_DATE_ORDER_UNKNOWN, 1, 9, 1999);
}

static void
test_slashes (void)
{
  /* One reading only: the first number cannot be a month. */
  assert_parses ("25/12/1990", PF_DATE_ORDER_UNKNOWN, 25, 12, 1990);
  assert_parses ("12/25/1990", PF_DATE_ORDER_UNKNOWN, 25, 12, 1990);
  /* The same number twice reads the same both ways. */
  assert_parses ("07/07/1990", PF_DATE_ORDER_UNKNOWN, 7, 7, 1990);
  /* Ambiguous until the order is known. */
  assert_fails ("12/08/1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_AMBIGUOUS);
  assert_fails ("12-08-1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_AMBIGUOUS);
  assert_parses ("12/08/1974", PF_DATE_ORDER_DAY_FIRST, 12, 8, 1974);
  assert_parses ("12/08/1974", PF_DATE_ORDER_MONTH_FIRST, 8, 12, 1974);
}

static void
test_errors (void)
{
  assert_fails ("", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_EMPTY);
  assert_fails ("   ", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_EMPTY);
  assert_fails ("yesterday", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("12 Augustus Smith 1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("12 Xyz 1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("1974-08", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("12?08?1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("123.08.1974", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_FORMAT);
  assert_fails ("31.02.1990", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_INVALID);
  assert_fails ("29.02.2001", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_INVALID);
  assert_fails ("1990-13-01", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_INVALID);
  assert_fails ("00.01.1990", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_INVALID);
  assert_fails ("12.08.74", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_SHORT_YEAR);
  assert_fails ("12 Aug 74", PF_DATE_ORDER_UNKNOWN, PF_DATE_ERROR_SHORT_YEAR);
}

static void
set_dmy (GDate *date, int d, int m, int y)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static void
test_age_boundaries (void)
{
  GDate birth, today;

  /* The 18th birthday itself counts. */
  set_dmy (&birth, 12, 8, 2000);
  set_dmy (&today, 12, 8, 2018);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 18);
  set_dmy (&today, 11, 8, 2018);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 17);
  set_dmy (&today, 31, 12, 2017);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 17);

  /* Born on 29 February: a year older on 1 March in common years, on
   * 29 February in leap years. */
  set_dmy (&birth, 29, 2, 2004);
  set_dmy (&today, 28, 2, 2022);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 17);
  set_dmy (&today, 1, 3, 2022);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 18);
  set_dmy (&today, 28, 2, 2024);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 19);
  set_dmy (&today, 29, 2, 2024);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 20);

  /* The day of birth itself. */
  set_dmy (&today, 29, 2, 2004);
  g_assert_cmpint (pf_age_on (&birth, &today), ==, 0);
}

static void
test_age_check (void)
{
  g_autoptr(PfFinding) ok = NULL;
  g_autoptr(PfFinding) young = NULL;
  g_autoptr(PfFinding) future = NULL;
  g_autoptr(PfFinding) strict = NULL;
  GDate birth, today;

  set_dmy (&birth, 12, 8, 2000);
  set_dmy (&today, 12, 8, 2018);
  ok = pf_age_check (&birth, &today, 18);
  g_assert_cmpstr (pf_finding_get_id (ok), ==, "region.age");
  g_assert_cmpint (pf_finding_get_severity (ok), ==, PF_SEVERITY_OK);

  set_dmy (&today, 11, 8, 2018);
  young = pf_age_check (&birth, &today, 18);
  g_assert_cmpint (pf_finding_get_severity (young), ==, PF_SEVERITY_BLOCKER);
  g_assert_nonnull (strstr (pf_finding_get_title (young), "18"));

  /* The minimum age is the service's, not ours. */
  set_dmy (&today, 12, 8, 2020);
  strict = pf_age_check (&birth, &today, 21);
  g_assert_cmpint (pf_finding_get_severity (strict), ==, PF_SEVERITY_BLOCKER);

  set_dmy (&birth, 13, 8, 2018);
  set_dmy (&today, 12, 8, 2018);
  future = pf_age_check (&birth, &today, 18);
  g_assert_cmpint (pf_finding_get_severity (future), ==, PF_SEVERITY_BLOCKER);
  g_assert_nonnull (strstr (pf_finding_get_title (future), "future"));
}

static void
test_format_long (void)
{
  g_autofree char *text = NULL;
  GDate date;

  set_dmy (&date, 2, 8, 1974);
  text = pf_date_format_long (&date);
  g_assert_cmpstr (text, ==, "2 August 1974");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/date/formats", test_formats);
  g_test_add_func ("/pf/date/slashes", test_slashes);
  g_test_add_func ("/pf/date/errors", test_errors);
  g_test_add_func ("/pf/date/age-boundaries", test_age_boundaries);
  g_test_add_func ("/pf/date/age-check", test_age_check);
  g_test_add_func ("/pf/date/format-long", test_format_long);

  return g_test_run ();
}
