/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "pf-mrz.h"
#include "test-mrz-specimens.h"

/* The specimens are read for a fixed day, so that the century of
 * two-digit years is known. */
static GDate today;

static PfMrz *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  PfMrz *mrz = pf_mrz_parse (text, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mrz);
  return mrz;
}

static void
assert_date (gboolean     known,
             const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (known);
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_all_checks (PfMrz           *mrz,
                   PfMrzCheckResult number,
                   PfMrzCheckResult birth,
                   PfMrzCheckResult expiry,
                   PfMrzCheckResult optional,
                   PfMrzCheckResult composite)
{
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_DOCUMENT_NUMBER), ==, number);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_BIRTH_DATE), ==, birth);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_EXPIRY_DATE), ==, expiry);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_OPTIONAL_DATA), ==, optional);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_COMPOSITE), ==, composite);
}

#define PASS PF_MRZ_CHECK_RESULT_PASSED
#define FAIL PF_MRZ_CHECK_RESULT_FAILED
#define ABSENT PF_MRZ_CHECK_RESULT_ABSENT

static void
assert_anna (PfMrz *mrz)
{
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_ISSUING_STATE), ==, "UTO");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SURNAME), ==, "ERIKSSON");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_GIVEN_NAMES), ==, "ANNA MARIA");
  g_assert_cmpint (pf_mrz_get_sex (mrz), ==, PF_MRZ_SEX_FEMALE);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SEX), ==, "F");
  g_assert_false (pf_mrz_get_names_truncated (mrz));
}

static void
test_check_digit (void)
{
  /* The worked examples of ICAO Doc 9303 part 3. */
  g_assert_cmpint (pf_mrz_check_digit ("520727", -1), ==, 3);
  g_assert_cmpint (pf_mrz_check_digit ("L898902C3", -1), ==, 6);
  g_assert_cmpint (pf_mrz_check_digit ("740812", -1), ==, 2);
  g_assert_cmpint (pf_mrz_check_digit ("120415", -1), ==, 9);
  g_assert_cmpint (pf_mrz_check_digit ("AB2134<<<", -1), ==, 5);
  g_assert_cmpint (pf_mrz_check_digit ("", -1), ==, 0);
  g_assert_cmpint (pf_mrz_check_digit ("12", 1), ==, 7);
  g_assert_cmpint (pf_mrz_check_digit ("ab", -1), ==, -1);
  g_assert_cmpint (pf_mrz_char_value ('<'), ==, 0);
  g_assert_cmpint (pf_mrz_char_value ('Z'), ==, 35);
  g_assert_cmpint (pf_mrz_char_value (' '), ==, -1);
}

static void
test_td3 (void)
{
  g_autoptr(PfMrz) mrz = parse_ok (TD3_SPECIMEN);
  GDate date;
  guint line, start, length;

  g_assert_cmpint (pf_mrz_get_layout (mrz), ==, PF_MRZ_LAYOUT_TD3);
  g_assert_cmpint (pf_mrz_get_format (mrz), ==, PF_MRZ_FORMAT_TD3);
  g_assert_cmpuint (pf_mrz_get_n_lines (mrz), ==, 2);
  g_assert_cmpstr (pf_mrz_get_line (mrz, 1), ==, "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_CODE), ==, "P");
  assert_anna (mrz);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_NUMBER), ==, "L898902C3");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_NATIONALITY), ==, "UTO");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_BIRTH_DATE), ==, "740812");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_EXPIRY_DATE), ==, "120415");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "ZE184226B");
  g_assert_null (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA_2));
  assert_date (pf_mrz_get_birth_date (mrz, &date), &date, 1974, 8, 12);
  assert_date (pf_mrz_get_expiry_date (mrz, &date), &date, 2012, 4, 15);
  assert_all_checks (mrz, PASS, PASS, PASS, PASS, PASS);
  g_assert_cmpint (pf_mrz_get_problems (mrz), ==, PF_MRZ_PROBLEM_NONE);
  g_assert_true (pf_mrz_is_valid (mrz));

  g_assert_true (pf_mrz_get_field_span (mrz, PF_MRZ_FIELD_EXPIRY_DATE, &line, &start, &length));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (start, ==, 21);
  g_assert_cmpuint (length, ==, 6);
  g_assert_true (pf_mrz_get_field_span (mrz, PF_MRZ_FIELD_GIVEN_NAMES, &line, &start, &length));
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpuint (start, ==, 5);
  g_assert_cmpuint (length, ==, 39);
  g_assert_false (pf_mrz_get_field_span (mrz, PF_MRZ_FIELD_OPTIONAL_DATA_2, NULL, NULL, NULL));
}

static void
test_td1 (void)
{
  g_autoptr(PfMrz) mrz = parse_ok (TD1_SPECIMEN);
  GDate date;

  g_assert_cmpint (pf_mrz_get_layout (mrz), ==, PF_MRZ_LAYOUT_TD1);
  g_assert_cmpint (pf_mrz_get_format (mrz), ==, PF_MRZ_FORMAT_TD1);
  g_assert_cmpuint (pf_mrz_get_n_lines (mrz), ==, 3);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_CODE), ==, "I");
  assert_anna (mrz);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_NUMBER), ==, "D23145890");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA_2), ==, "");
  assert_date (pf_mrz_get_birth_date (mrz, &date), &date, 1974, 8, 12);
  assert_date (pf_mrz_get_expiry_date (mrz, &date), &date, 2012, 4, 15);
  assert_all_checks (mrz, PASS, PASS, PASS, ABSENT, PASS);
  g_assert_true (pf_mrz_is_valid (mrz));
}

static void
test_td1_long_number (void)
{
  /* The number D23145890734 has 12 characters: its check digit's place
   * holds '<', the last three characters and the check digit (9) follow in
   * the optional data, then a filler and the optional data proper. */
  const char *line1 = "I<UTOD23145890<7349<AB12<<<<<<";
  g_autofree char *text = NULL;
  g_autofree char *composite = NULL;
  g_autoptr(PfMrz) mrz = NULL;
  int digit;

  composite = g_strconcat (line1 + 5, "7408122", "1204159", "<<<<<<<<<<<", NULL);
  digit = pf_mrz_check_digit (composite, -1);
  text = g_strdup_printf ("%s\n7408122F1204159UTO<<<<<<<<<<<%d\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                          line1, digit);
  mrz = parse_ok (text);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_NUMBER), ==, "D23145890734");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "AB12");
  assert_all_checks (mrz, PASS, PASS, PASS, ABSENT, PASS);
  g_assert_true (pf_mrz_is_valid (mrz));
  g_clear_pointer (&mrz, pf_mrz_unref);

  /* The continuation's check digit is wrong. */
  text[18] = '8';
  mrz = parse_ok (text);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_DOCUMENT_NUMBER), ==, FAIL);
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_COMPOSITE), ==, FAIL);
  g_assert_true (pf_mrz_get_problems (mrz) & PF_MRZ_PROBLEM_CHECK_DIGIT);
  g_clear_pointer (&mrz, pf_mrz_unref);

  /* '<' in the check digit's place, but no continuation at all. */
  mrz = parse_ok ("I<UTOD23145890<<<<<<<<<<<<<<<<\n"
                  "7408122F1204159UTO<<<<<<<<<<<0\n"
                  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  g_assert_cmpint (pf_mrz_get_check (mrz, PF_MRZ_CHECK_DOCUMENT_NUMBER), ==, FAIL);
  g_assert_false (pf_mrz_is_valid (mrz));
}

static void
test_td2 (void)
{
  g_autoptr(PfMrz) mrz = parse_ok (TD2_SPECIMEN);
  GDate date;

  g_assert_cmpint (pf_mrz_get_layout (mrz), ==, PF_MRZ_LAYOUT_TD2);
  g_assert_cmpint (pf_mrz_get_format (mrz), ==, PF_MRZ_FORMAT_TD2);
  assert_anna (mrz);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_NUMBER), ==, "D23145890");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_NATIONALITY), ==, "UTO");
  assert_date (pf_mrz_get_birth_date (mrz, &date), &date, 1974, 8, 12);
  assert_all_checks (mrz, PASS, PASS, PASS, ABSENT, PASS);
  g_assert_true (pf_mrz_is_valid (mrz));
}

static void
test_visas (void)
{
  g_autoptr(PfMrz) a = parse_ok (MRV_A_SPECIMEN);
  g_autoptr(PfMrz) b = parse_ok (MRV_B_SPECIMEN);
  PfMrz *both[] = { a, b };
  GDate date;

  g_assert_cmpint (pf_mrz_get_layout (a), ==, PF_MRZ_LAYOUT_MRV_A);
  g_assert_cmpint (pf_mrz_get_format (a), ==, PF_MRZ_FORMAT_TD3);
  g_assert_cmpint (pf_mrz_get_layout (b), ==, PF_MRZ_LAYOUT_MRV_B);
  g_assert_cmpint (pf_mrz_get_format (b), ==, PF_MRZ_FORMAT_TD2);
  g_assert_cmpstr (pf_mrz_get_field (a, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "6ZE184226B");
  g_assert_cmpstr (pf_mrz_get_field (b, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_assert_cmpstr (pf_mrz_get_field (both[i], PF_MRZ_FIELD_DOCUMENT_CODE), ==, "V");
      assert_anna (both[i]);
      g_assert_cmpstr (pf_mrz_get_field (both[i], PF_MRZ_FIELD_DOCUMENT_NUMBER), ==, "L8988901C");
      g_assert_cmpstr (pf_mrz_get_field (both[i], PF_MRZ_FIELD_NATIONALITY), ==, "XXX");
      assert_date (pf_mrz_get_birth_date (both[i], &date), &date, 1940, 9, 7);
      /* An expiry 71 years ahead is a visa that ran out in 1996. */
      assert_date (pf_mrz_get_expiry_date (both[i], &date), &date, 1996, 12, 10);
      assert_all_checks (both[i], PASS, PASS, PASS, ABSENT, ABSENT);
      g_assert_true (pf_mrz_is_valid (both[i]));
    }
}

static void
test_names (void)
{
  g_autoptr(PfMrz) mrz = NULL;

  /* Two-part surname, one given name, and a name that fills the field: the
   * MRZ cut it short. */
  mrz = parse_ok ("P<UTOVAN<DER<BERG<<JAN<<<<<<<<<<<<<<<<<<<<<<\n"
                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SURNAME), ==, "VAN DER BERG");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_GIVEN_NAMES), ==, "JAN");
  g_assert_false (pf_mrz_get_names_truncated (mrz));
  g_clear_pointer (&mrz, pf_mrz_unref);

  mrz = parse_ok ("P<UTOSCHWARZENEGGER<<ARNOLD<ALOIS<MAXIMILIAN\n"
                  "L898902C36UTO7408122M1204159ZE184226B<<<<<10");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_GIVEN_NAMES), ==, "ARNOLD ALOIS MAXIMILIAN");
  g_assert_true (pf_mrz_get_names_truncated (mrz));
  g_assert_cmpint (pf_mrz_get_sex (mrz), ==, PF_MRZ_SEX_MALE);
  g_clear_pointer (&mrz, pf_mrz_unref);

  /* Only a surname. */
  mrz = parse_ok ("P<UTOERIKSSON<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                  "L898902C36UTO7408122<1204159ZE184226B<<<<<10");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SURNAME), ==, "ERIKSSON");
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_GIVEN_NAMES), ==, "");
  g_assert_cmpint (pf_mrz_get_sex (mrz), ==, PF_MRZ_SEX_UNSPECIFIED);
  g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SEX), ==, "X");
  g_assert_true (pf_mrz_is_valid (mrz));
  g_clear_pointer (&mrz, pf_mrz_unref);

  /* A digit in the name, and a name field that starts with a filler. */
  mrz = parse_ok ("P<UTOERIKSS0N<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  g_assert_cmpint (pf_mrz_get_problems (mrz), ==, PF_MRZ_PROBLEM_NAME);
  g_clear_pointer (&mrz, pf_mrz_unref);
  mrz = parse_ok ("P<UTO<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  g_assert_cmpint (pf_mrz_get_problems (mrz), ==, PF_MRZ_PROBLEM_NAME);
}

/* Replaces the character at @line, @position of @text with @c. */
static char *
with_char (const char *text,
           guint       line,
           guint       position,
           char        c)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  lines[line][position] = c;
  return g_strjoinv ("\n", lines);
}

static void
test_wrong_check_digits (void)
{
  struct
  {
    guint position;
    char c;
    PfMrzCheck failed[2];
  } cases[] = {
    { 9, '7', { PF_MRZ_CHECK_DOCUMENT_NUMBER, PF_MRZ_CHECK_COMPOSITE } },
    { 9, 'O', { PF_MRZ_CHECK_DOCUMENT_NUMBER, PF_MRZ_CHECK_COMPOSITE } },
    { 19, '3', { PF_MRZ_CHECK_BIRTH_DATE, PF_MRZ_CHECK_COMPOSITE } },
    { 27, '<', { PF_MRZ_CHECK_EXPIRY_DATE, PF_MRZ_CHECK_COMPOSITE } },
    { 42, '<', { PF_MRZ_CHECK_OPTIONAL_DATA, PF_MRZ_CHECK_COMPOSITE } },
    { 43, '1', { PF_MRZ_CHECK_COMPOSITE, PF_MRZ_CHECK_COMPOSITE } },
    /* A changed character of the data fails its own check and the
     * composite one. */
    { 3, '9', { PF_MRZ_CHECK_DOCUMENT_NUMBER, PF_MRZ_CHECK_COMPOSITE } },
    { 15, '9', { PF_MRZ_CHECK_BIRTH_DATE, PF_MRZ_CHECK_COMPOSITE } },
    { 35, 'X', { PF_MRZ_CHECK_OPTIONAL_DATA, PF_MRZ_CHECK_COMPOSITE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = with_char (TD3_SPECIMEN, 1, cases[i].position, cases[i].c);
      g_autoptr(PfMrz) mrz = parse_ok (text);

      for (PfMrzCheck check = 0; check < PF_MRZ_N_CHECKS; check++)
        {
          gboolean should_fail = check == cases[i].failed[0] || check == cases[i].failed[1];

          g_assert_cmpint (pf_mrz_get_check (mrz, check), ==, should_fail ? FAIL : PASS);
        }
      g_assert_true (pf_mrz_get_problems (mrz) & PF_MRZ_PROBLEM_CHECK_DIGIT);
      g_assert_false (pf_mrz_is_valid (mrz));
    }

  /* An empty personal number may have '<' or '0' for its check digit. */
  {
    const char *line2[] = {
      "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<0",
    };

    for (guint i = 0; i < G_N_ELEMENTS (line2); i++)
      {
        g_autofree char *composite = g_strdup_printf ("%.10s%.7s%.22s", line2[i], line2[i] + 13,
                                                      line2[i] + 21);
        g_autofree char *text =
          g_strdup_printf ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n%s%d", line2[i],
                           pf_mrz_check_digit (composite, -1));
        g_autoptr(PfMrz) mrz = parse_ok (text);

        assert_all_checks (mrz, PASS, PASS, PASS, PASS, PASS);
        g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_OPTIONAL_DATA), ==, "");
      }
  }
}

static void
test_dates (void)
{
  struct
  {
    const char *birth;
    const char *expiry;
    PfMrzProblem problems;
    int birth_year;
    int expiry_year;
  } cases[] = {
    /* Today is the 1st of March 2025. */
    { "250301", "350228", 0, 2025, 2035 },
    { "250302", "550301", 0, 1925, 2055 },
    { "000229", "560101", 0, 2000, 1956 },
    { "990101", "991231", 0, 1999, 1999 },
    /* Impossible days. */
    { "740229", "120415", PF_MRZ_PROBLEM_BIRTH_DATE, 0, 2012 },
    { "741301", "120415", PF_MRZ_PROBLEM_BIRTH_DATE, 0, 2012 },
    { "740800", "120431", PF_MRZ_PROBLEM_BIRTH_DATE | PF_MRZ_PROBLEM_EXPIRY_DATE, 0, 0 },
    { "7408A2", "1204<5", PF_MRZ_PROBLEM_BIRTH_DATE | PF_MRZ_PROBLEM_EXPIRY_DATE, 0, 0 },
    /* Unknown parts of a birth date, as some issuers write them. */
    { "74<<<<", "120415", 0, 0, 2012 },
    { "<<<<<<", "120415", 0, 0, 2012 },
    { "7408<<", "<<<<<<", 0, 0, 0 },
    { "7<0812", "120415", PF_MRZ_PROBLEM_BIRTH_DATE, 0, 2012 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *composite = NULL;
      g_autofree char *line2 = NULL;
      g_autofree char *text = NULL;
      g_autoptr(PfMrz) mrz = NULL;
      GDate date;

      /* Right check digits, so that only the dates are at fault. */
      line2 = g_strdup_printf ("L898902C36UTO%s%dF%s%dZE184226B<<<<<1", cases[i].birth,
                               pf_mrz_check_digit (cases[i].birth, -1), cases[i].expiry,
                               pf_mrz_check_digit (cases[i].expiry, -1));
      composite = g_strdup_printf ("%.10s%.7s%.22s", line2, line2 + 13, line2 + 21);
      text = g_strdup_printf ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n%s%d", line2,
                              pf_mrz_check_digit (composite, -1));
      mrz = parse_ok (text);

      g_test_message ("birth %s expiry %s", cases[i].birth, cases[i].expiry);
      g_assert_cmpint (pf_mrz_get_problems (mrz), ==, cases[i].problems);
      g_assert_cmpint (pf_mrz_get_birth_date (mrz, &date), ==, cases[i].birth_year != 0);
      if (cases[i].birth_year != 0)
        g_assert_cmpint (g_date_get_year (&date), ==, cases[i].birth_year);
      g_assert_cmpint (pf_mrz_get_expiry_date (mrz, &date), ==, cases[i].expiry_year != 0);
      if (cases[i].expiry_year != 0)
        g_assert_cmpint (g_date_get_year (&date), ==, cases[i].expiry_year);
    }
}

static void
test_field_problems (void)
{
  struct
  {
    guint line;
    guint position;
    char c;
    PfMrzProblem problem;
  } cases[] = {
    { 0, 0, '1', PF_MRZ_PROBLEM_DOCUMENT_CODE },
    { 0, 0, '<', PF_MRZ_PROBLEM_DOCUMENT_CODE },
    { 0, 1, '7', PF_MRZ_PROBLEM_DOCUMENT_CODE },
    { 0, 3, '7', PF_MRZ_PROBLEM_STATE },
    { 0, 2, '<', PF_MRZ_PROBLEM_STATE },
    { 1, 20, 'Q', PF_MRZ_PROBLEM_SEX },
    { 1, 20, '1', PF_MRZ_PROBLEM_SEX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = with_char (TD3_SPECIMEN, cases[i].line, cases[i].position,
                                         cases[i].c);
      g_autoptr(PfMrz) mrz = parse_ok (text);

      g_assert_cmpint (pf_mrz_get_problems (mrz), ==, cases[i].problem);
    }

  /* A sex of 'X' is as good as '<'; a TD1 cannot be a visa. */
  {
    g_autofree char *text = with_char (TD3_SPECIMEN, 1, 20, 'X');
    g_autoptr(PfMrz) mrz = NULL;
    g_autofree char *td1 = with_char (TD1_SPECIMEN, 0, 0, 'V');
    g_autoptr(PfMrz) visa = parse_ok (td1);

    g_assert_cmpint (pf_mrz_get_problems (visa), ==, PF_MRZ_PROBLEM_DOCUMENT_CODE);
    mrz = parse_ok (text);
    g_assert_true (pf_mrz_is_valid (mrz));
    g_assert_cmpint (pf_mrz_get_sex (mrz), ==, PF_MRZ_SEX_UNSPECIFIED);
  }
}

static gboolean
contains_folded (const char *text,
                 const char *part)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_part = g_utf8_casefold (part, -1);

  return strstr (folded_text, folded_part) != NULL;
}

static void
test_malformed (void)
{
  struct
  {
    const char *text;
    PfMrzError code;
    const char *message_part;
  } cases[] = {
    { "", PF_MRZ_ERROR_EMPTY, "empty" },
    { " \n\r\n", PF_MRZ_ERROR_EMPTY, "empty" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", PF_MRZ_ERROR_LINE_COUNT, "not 1" },
    { "A\nB\nC\nD", PF_MRZ_ERROR_LINE_COUNT, "not 4" },
    /* One character missing, one too many, lines of unequal length. */
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<1", PF_MRZ_ERROR_LINE_LENGTH, "43" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10<", PF_MRZ_ERROR_LINE_LENGTH, "45" },
    { TD3_SPECIMEN "<", PF_MRZ_ERROR_LINE_LENGTH, "line 2 has 45" },
    { "I<UTOD231458907<<<<<<<<<<<<<<<\n"
      "7408122F1204159UTO<<<<<<<<<<<6\n"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<", PF_MRZ_ERROR_LINE_LENGTH, "Line 3 has 29" },
    { "I<UTOD231458907<<<<<<<<<<<<<<<\n\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
      PF_MRZ_ERROR_LINE_LENGTH, "Line 2 has 0" },
    /* Characters an MRZ cannot hold. */
    { "P<UTOEriksson<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", PF_MRZ_ERROR_CHARACTER, "lower-case" },
    { "P<UTOERIKSSON  ANNA MARIA                   \n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", PF_MRZ_ERROR_CHARACTER, "space" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      " L898902C36UTO7408122F1204159ZE184226B<<<<<1", PF_MRZ_ERROR_CHARACTER, "position 1" },
    { "P<UTOERIKSSON<<ANNA-MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", PF_MRZ_ERROR_CHARACTER, "“-”" },
    { "P<UTOERIKSSÖN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", PF_MRZ_ERROR_CHARACTER, "“Ö”" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<1\t", PF_MRZ_ERROR_CHARACTER, "space" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<1\x01", PF_MRZ_ERROR_CHARACTER, "invisible" },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<1\xff", PF_MRZ_ERROR_CHARACTER, "not valid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrz) mrz = pf_mrz_parse (cases[i].text, &today, &error);

      g_assert_null (mrz);
      g_assert_error (error, PF_MRZ_ERROR, (int) cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (contains_folded (error->message, cases[i].message_part));
    }
}

static void
test_line_endings (void)
{
  g_autoptr(PfMrz) crlf = parse_ok ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n");
  g_autoptr(PfMrz) trailing = parse_ok (TD1_SPECIMEN "\n\n");
  g_autoptr(PfMrz) now = pf_mrz_parse (TD3_SPECIMEN, NULL, NULL);

  g_assert_true (pf_mrz_is_valid (crlf));
  g_assert_cmpint (pf_mrz_get_layout (trailing), ==, PF_MRZ_LAYOUT_TD1);
  g_assert_nonnull (now);
}

/* Random text of about the right shape: a zone or an error, never both,
 * never neither, never a crash. */
static void
test_fuzz (void)
{
  static const char * const pieces[] = {
    "A", "Z", "0", "9", "<", "<<", "a", " ", "\n", "\r\n", "\xc3\xb6", "-", "\t",
  };
  static const int lengths[] = { 30, 36, 44 };
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
  g_autoptr(GRand) rand = g_rand_new_with_seed (9303);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrz) mrz = NULL;
      int length = lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))];
      int n_lines = g_rand_int_range (rand, 1, 5);
      gboolean clean = g_rand_int_range (rand, 0, 3) > 0;

      for (int l = 0; l < n_lines; l++)
        {
          if (l > 0)
            g_string_append_c (text, '\n');
          for (int k = 0; k < length; k++)
            {
              if (clean)
                g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, 37)]);
              else
                g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
            }
        }

      mrz = pf_mrz_parse (text->str, &today, &error);
      g_assert_true ((mrz == NULL) != (error == NULL));
      if (mrz != NULL)
        {
          for (PfMrzField f = 0; f < PF_MRZ_N_FIELDS; f++)
            g_assert_true (pf_mrz_get_field (mrz, f) == NULL ||
                           g_utf8_validate (pf_mrz_get_field (mrz, f), -1, NULL));
          g_assert_cmpuint (strlen (pf_mrz_get_line (mrz, 0)), ==, length);
        }
      else
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_strings (void)
{
  g_assert_cmpstr (pf_mrz_layout_to_string (PF_MRZ_LAYOUT_MRV_B), ==, "MRV-B");
  g_assert_cmpstr (pf_mrz_field_to_string (PF_MRZ_FIELD_BIRTH_DATE), ==, "birth_date");
  g_assert_cmpstr (pf_mrz_check_to_string (PF_MRZ_CHECK_COMPOSITE), ==, "composite");
  g_assert_cmpint (pf_mrz_layout_get_format (PF_MRZ_LAYOUT_MRV_A), ==, PF_MRZ_FORMAT_TD3);
  g_assert_true (g_type_is_a (PF_TYPE_MRZ, G_TYPE_BOXED));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2025);

  g_test_add_func ("/pf/mrz/check-digit", test_check_digit);
  g_test_add_func ("/pf/mrz/td3", test_td3);
  g_test_add_func ("/pf/mrz/td1", test_td1);
  g_test_add_func ("/pf/mrz/td1-long-number", test_td1_long_number);
  g_test_add_func ("/pf/mrz/td2", test_td2);
  g_test_add_func ("/pf/mrz/visas", test_visas);
  g_test_add_func ("/pf/mrz/names", test_names);
  g_test_add_func ("/pf/mrz/wrong-check-digits", test_wrong_check_digits);
  g_test_add_func ("/pf/mrz/dates", test_dates);
  g_test_add_func ("/pf/mrz/field-problems", test_field_problems);
  g_test_add_func ("/pf/mrz/malformed", test_malformed);
  g_test_add_func ("/pf/mrz/line-endings", test_line_endings);
  g_test_add_func ("/pf/mrz/fuzz", test_fuzz);
  g_test_add_func ("/pf/mrz/strings", test_strings);

  return g_test_run ();
}
