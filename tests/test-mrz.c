/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "pf-mrz.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/mrz/check-digit", test_check_digit);

  return g_test_run ();
}
