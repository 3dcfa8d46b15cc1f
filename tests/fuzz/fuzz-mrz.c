/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two libFuzzer targets from one file: fuzz-mrz, the MRZ parser on any
 * text; and fuzz-mrz-decode (built with FUZZ_MRZ_DECODE=1), the reader's
 * decoder (pf-mrz-decode.c) on any cell scores, its text then parsed as
 * the reader parses it. They are apart because the decoder is a thousand
 * times slower than the parser, which would otherwise get few runs.
 * Every getter is called on what the parser built, so that a value built
 * wrongly is read and caught by the sanitizers. */

#include "config.h"

#include <string.h>

#include "pf-mrz-reader-private.h"
#include "fuzz-common.h"

static void
read_everything (PfMrz *mrz)
{
  PfMrzLayout layout = pf_mrz_get_layout (mrz);
  const PfMrzLayoutSpec *spec = pf_mrz_layout_get_spec (layout);
  GDate date;

  g_assert_nonnull (pf_mrz_layout_to_string (layout));
  (void) pf_mrz_get_format (mrz);
  g_assert_cmpuint (pf_mrz_get_n_lines (mrz), ==, spec->n_lines);
  for (guint i = 0; i < pf_mrz_get_n_lines (mrz); i++)
    g_assert_cmpuint (strlen (pf_mrz_get_line (mrz, i)), ==, spec->line_length);

  for (int field = 0; field < PF_MRZ_N_FIELDS; field++)
    {
      const char *value = pf_mrz_get_field (mrz, field);
      guint line, start, length;

      g_assert_nonnull (pf_mrz_field_to_string (field));
      if (value != NULL)
        g_assert_true (g_utf8_validate (value, -1, NULL));
      if (pf_mrz_get_field_span (mrz, field, &line, &start, &length))
        {
          g_assert_cmpuint (line, <, spec->n_lines);
          g_assert_cmpuint (start + length, <=, spec->line_length);
        }
    }

  for (int check = 0; check < PF_MRZ_N_CHECKS; check++)
    {
      g_assert_nonnull (pf_mrz_check_to_string (check));
      g_assert_cmpint (pf_mrz_get_check (mrz, check), <=, PF_MRZ_CHECK_RESULT_FAILED);
    }

  (void) pf_mrz_get_sex (mrz);
  if (pf_mrz_get_birth_date (mrz, &date))
    g_assert_true (g_date_valid (&date));
  if (pf_mrz_get_expiry_date (mrz, &date))
    g_assert_true (g_date_valid (&date));
  (void) pf_mrz_get_names_truncated (mrz);
  g_assert_cmpint (pf_mrz_is_valid (mrz), ==, pf_mrz_get_problems (mrz) == PF_MRZ_PROBLEM_NONE);
}

static void
parse (const char *text)
{
  GDate today;

  pf_fuzz_today (&today);
  for (int with_today = 0; with_today < 2; with_today++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrz) mrz = pf_mrz_parse (text, with_today ? &today : NULL, &error);

      g_assert_true ((mrz == NULL) == (error != NULL));
      if (mrz != NULL)
        read_everything (mrz);
      else
        g_assert_true (error->domain == PF_MRZ_ERROR && error->message[0] != '\0');
    }
}

/* Scores from bytes, tiled over the tables of every line: a byte is a correlation
 * between -1 and 1, the range the classifier gives. */
#if FUZZ_MRZ_DECODE
static void
decode (const guint8 *data,
        gsize         len)
{
  PfMrzLayout layout = len > 0 ? data[0] % (PF_MRZ_LAYOUT_MRV_B + 1) : PF_MRZ_LAYOUT_TD3;
  const PfMrzLayoutSpec *spec = pf_mrz_layout_get_spec (layout);
  PfMrzScores scores[PF_MRZ_MAX_LINES];
  PfMrzDecoded decoded;
  g_autoptr(GString) text = g_string_new (NULL);
  gsize n = 0;

  if (len > 0)
    data++, len--;

  for (int line = 0; line < PF_MRZ_MAX_LINES; line++)
    for (int cell = 0; cell < PF_MRZ_MAX_CHARS; cell++)
      for (int class = 0; class < PF_MRZ_N_CLASSES; class++)
        scores[line][cell][class] = len > 0 ? (data[n++ % len] - 127.5f) / 127.5f : 0.0f;

  memset (&decoded, 0xA5, sizeof decoded);
  pf_mrz_decode (layout, (const PfMrzScores *) scores, &decoded);

  for (guint i = 0; i < spec->n_lines; i++)
    {
      g_assert_cmpuint (strnlen (decoded.lines[i], PF_MRZ_MAX_CHARS + 1), ==, spec->line_length);
      for (guint j = 0; j < spec->line_length; j++)
        {
          g_assert_nonnull (strchr (pf_mrz_classes, decoded.lines[i][j]));
          g_assert_true (decoded.confidences[i][j] >= 0.0 && decoded.confidences[i][j] <= 1.0);
        }
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", decoded.lines[i]);
    }

  parse (text->str);
}
#endif

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        len)
{
#if FUZZ_MRZ_DECODE
  decode (data, len);
#else
  g_autofree char *text = g_strndup ((const char *) data, len);

  parse (text);
#endif

  return 0;
}
