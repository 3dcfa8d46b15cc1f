/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the details comparator. The input is a header byte
 * (the field, the flags, and which document values are missing) and then
 * the typed value, the printed value and the MRZ value separated by NUL
 * bytes, as raw bytes: the comparator itself must refuse invalid UTF-8.
 * What it returns is checked for what the details page relies on: spans
 * that cover both values from start to end, in characters. */

#include "config.h"

#include <string.h>

#include "pf-compare.h"
#include "fuzz-common.h"

/* The next NUL-terminated piece of the input, or %NULL past its end. */
static char *
next_value (const guint8 **data,
            gsize         *len)
{
  const guint8 *end;
  char *value;

  if (*len == 0)
    return NULL;

  end = memchr (*data, '\0', *len);
  if (end == NULL)
    end = *data + *len;
  value = g_strndup ((const char *) *data, end - *data);
  *len -= MIN (*len, (gsize) (end - *data) + 1);
  *data = end + 1;

  return value;
}

static void
check_spans (PfComparison *comparison)
{
  const char *typed = pf_comparison_get_typed (comparison);
  const char *document = pf_comparison_get_document (comparison);
  glong typed_len = typed != NULL ? g_utf8_strlen (typed, -1) : 0;
  glong document_len = document != NULL ? g_utf8_strlen (document, -1) : 0;
  const PfDiffSpan *spans;
  guint n_spans = 0;
  guint typed_at = 0, document_at = 0;

  spans = pf_comparison_get_spans (comparison, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      g_assert_cmpuint (spans[i].typed_start, ==, typed_at);
      g_assert_cmpuint (spans[i].document_start, ==, document_at);
      typed_at += spans[i].typed_len;
      document_at += spans[i].document_len;
    }
  if (n_spans > 0)
    {
      g_assert_cmpuint (typed_at, ==, typed_len);
      g_assert_cmpuint (document_at, ==, document_len);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        len)
{
  guint8 header = len > 0 ? data[0] : 0;
  PfField field = (header & 0x07) % PF_N_FIELDS;
  PfCompareFlags flags = (header >> 3) & 0x07;
  g_autofree char *typed = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *mrz = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfComparison) comparison = NULL;

  if (len > 0)
    data++, len--;
  typed = next_value (&data, &len);
  printed = next_value (&data, &len);
  mrz = next_value (&data, &len);
  /* The two high bits drop a document value, as when it was not read. */
  if (header & 0x40)
    g_clear_pointer (&printed, g_free);
  if (header & 0x80)
    g_clear_pointer (&mrz, g_free);

  comparison = pf_compare_field (field, typed, printed, mrz, flags, &error);
  if (comparison == NULL)
    {
      g_assert_error (error, PF_COMPARE_ERROR, PF_COMPARE_ERROR_INVALID_TEXT);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpint (pf_comparison_get_field (comparison), ==, field);
  g_assert_nonnull (pf_verdict_to_string (pf_comparison_get_verdict (comparison)));
  g_assert_true ((pf_reason_to_string (pf_comparison_get_reason (comparison)) == NULL) ==
                 (pf_comparison_get_reason (comparison) == PF_REASON_NONE));
  (void) pf_comparison_get_finding (comparison);
  check_spans (comparison);

  return 0;
}
