/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document numbers and nationality codes against what was typed: every
 * character counts, so a look-alike or a typo is named by position, while
 * spaces, dashes and the MRZ's fillers, which services ignore, are not.
 * Part of the details step's comparator (pf-compare.c). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"
#include "pf-translit.h"

/* A document number or code without spaces, dashes, dots, slashes or MRZ
 * fillers, in capitals: services differ in whether they keep them, and
 * none treats them as part of the number. */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (pf_translit_is_separator (c) || c == '.' || c == '/')
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_inner_separator (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean found = FALSE;

  for (const char *p = stripped; *p != '\0' && !found; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      found = pf_translit_is_separator (c) || c == '.' || c == '/';
    }
  pf_secure_zero (stripped, strlen (stripped));
  return found;
}

static gboolean
same_code (PfField     field,
           const char *a,
           const char *b)
{
  if (g_str_equal (a, b))
    return TRUE;
  /* Germany's MRZ code is D, where ISO 3166 has DEU. */
  return field == PF_FIELD_NATIONALITY &&
         ((g_str_equal (a, "D") && g_str_equal (b, "DEU")) ||
          (g_str_equal (a, "DEU") && g_str_equal (b, "D")));
}

/* Document numbers and nationality codes: every character counts, so a
 * look-alike or a typo is named by position. */
void
pf_compare_codes (PfField          field,
                  const char      *typed,
                  const char      *printed,
                  const char      *mrz,
                  PfCompareResult *result)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_compare_free_zeroed);
  const char *reference = printed != NULL ? printed : mrz;
  char *t = compact (typed);
  char *doc = compact (reference);
  char *mrz_compact = mrz != NULL ? compact (mrz) : NULL;
  g_autofree char *details = NULL;
  PfReason reason;

  g_ptr_array_add (owned, t);
  g_ptr_array_add (owned, doc);
  g_ptr_array_add (owned, mrz_compact);
  result->document = g_strdup (doc);

  if (same_code (field, t, doc))
    {
      if (has_inner_separator (typed) && !has_inner_separator (reference))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                               g_strdup_printf (_("The document shows it without spaces or dashes: "
                                                  "type “%s”."), doc));
      else
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_OK, NULL,
                               g_strdup (_("It is the same as on the document.")));
      return;
    }

  if (printed != NULL && mrz_compact != NULL && same_code (field, t, mrz_compact))
    {
      g_clear_pointer (&result->document, pf_compare_free_zeroed);
      result->document = g_strdup (mrz_compact);
      pf_compare_result_set_misread (result, field, PF_REASON_NONE, mrz_compact, doc);
      return;
    }

  reason = pf_compare_classify_chars (t, doc, NULL, &details);
  if (reason == PF_REASON_LOOKALIKE || reason == PF_REASON_TYPO)
    /* Translators: "Type it as “AB0123456”: character 3 is the digit
     * zero (0), not the letter O." */
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, reason, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("Type it as “%s”: %s."), doc, details));
  else if (field == PF_FIELD_NATIONALITY && g_utf8_strlen (t, -1) > 3)
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows the nationality code “%s”. If the "
                                              "form asks for a code, type “%s”; if it asks for a "
                                              "country, choose the one this code stands for."),
                                            doc, doc));
  else
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows “%s”. Type it exactly like that, "
                                              "character by character."), doc));
  if (details != NULL)
    pf_secure_zero (details, strlen (details));
}
