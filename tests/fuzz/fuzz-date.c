/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the date parser on any typed text (in each of the three
 * orders, from the first byte), and what is done next with a date it read:
 * the long form shown on the page and the age check. Typed text always
 * reaches the core as UTF-8 (GTK entries, the CLI's arguments are checked),
 * so invalid sequences are replaced first, as g_utf8_make_valid() does for
 * anything pasted. */

#include "config.h"

#include "pf-date.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        len)
{
  PfDateOrder order = len > 0 ? data[0] % 3 : PF_DATE_ORDER_UNKNOWN;
  int minimum_age = len > 1 ? data[1] % 100 : 18;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate date, today;

  if (len > 2)
    text = g_utf8_make_valid ((const char *) data + 2, len - 2);
  else
    text = g_strdup ("");

  pf_fuzz_today (&today);

  if (pf_date_parse (text, order, &date, &error))
    {
      g_autofree char *formatted = NULL;
      g_autoptr(PfFinding) finding = NULL;

      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      formatted = pf_date_format_long (&date);
      g_assert_true (formatted != NULL && g_utf8_validate (formatted, -1, NULL));
      (void) pf_age_on (&date, &today);
      finding = pf_age_check (&date, &today, minimum_age);
      g_assert_nonnull (finding);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PF_DATE_ERROR && error->message[0] != '\0');
      g_assert_false (g_date_valid (&date));
    }

  return 0;
}
