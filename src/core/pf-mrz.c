/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The machine-readable zone of travel documents (ICAO Doc 9303). */

#include "config.h"

#include <string.h>

#include "pf-mrz.h"

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
