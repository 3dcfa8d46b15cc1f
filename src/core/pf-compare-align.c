/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Aligning what was typed with what the document shows, character by
 * character (Unicode characters, never bytes): the spans the details page
 * highlights, and the edits behind "a typo" or "letter O for digit zero".
 *
 * The alignment is the optimal string alignment distance (Levenshtein
 * with adjacent swaps counted as one edit), traced back to its edits.
 * Common ends are trimmed first, so a typo costs a table of a few cells;
 * a middle of more than PF_COMPARE_MAX_ALIGNMENT cells becomes one block
 * instead of a table that grows with the square of the input. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"
#include "pf-translit.h"

gunichar *
pf_compare_chars (const char *text,
                  guint      *n_chars)
{
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);

  *n_chars = (guint) n;
  return chars;
}

void
pf_compare_free_chars (gunichar *chars,
                       guint     n_chars)
{
  if (chars != NULL)
    pf_secure_zero (chars, n_chars * sizeof (gunichar));
  g_free (chars);
}

static gboolean
chars_identical (gunichar a,
                 gunichar b)
{
  return a == b;
}

static void
add_edit (GArray     *edits,
          PfEditKind  kind,
          guint       typed_pos,
          guint       typed_len,
          guint       doc_pos,
          guint       doc_len)
{
  PfEdit edit = { kind, typed_pos, typed_len, doc_pos, doc_len };

  g_array_append_val (edits, edit);
}

/**
 * pf_compare_align:
 * @equal: (nullable): when two characters are the same; %NULL for
 *   identical
 * @edits: (element-type PfEdit): where the edits go, equal steps
 *   included, in order
 *
 * Returns: the number of edits, or G_MAXUINT when the middle was too long
 *   to align and became a block
 */
guint
pf_compare_align (const gunichar  *typed,
                  guint            n_typed,
                  const gunichar  *doc,
                  guint            n_doc,
                  PfCharEqualFunc  equal,
                  GArray          *edits)
{
  guint prefix = 0, suffix = 0, na, nb, distance, first;
  const gunichar *a, *b;
  g_autofree guint *d = NULL;
  guint i, j, w;

  if (equal == NULL)
    equal = chars_identical;

  while (prefix < n_typed && prefix < n_doc && equal (typed[prefix], doc[prefix]))
    {
      add_edit (edits, PF_EDIT_EQUAL, prefix, 1, prefix, 1);
      prefix++;
    }
  while (suffix < n_typed - prefix && suffix < n_doc - prefix &&
         equal (typed[n_typed - 1 - suffix], doc[n_doc - 1 - suffix]))
    suffix++;

  a = typed + prefix;
  b = doc + prefix;
  na = n_typed - prefix - suffix;
  nb = n_doc - prefix - suffix;

  if (na == 0 || nb == 0)
    {
      for (i = 0; i < na; i++)
        add_edit (edits, PF_EDIT_INSERT, prefix + i, 1, prefix, 0);
      for (j = 0; j < nb; j++)
        add_edit (edits, PF_EDIT_DELETE, prefix + na, 0, prefix + j, 1);
      distance = na + nb;
      goto suffix;
    }

  if ((guint64) (na + 1) * (nb + 1) > PF_COMPARE_MAX_ALIGNMENT)
    {
      add_edit (edits, PF_EDIT_BLOCK, prefix, na, prefix, nb);
      distance = G_MAXUINT;
      goto suffix;
    }

  /* d[i * w + j]: the distance between a[0..i) and b[0..j). */
  w = nb + 1;
  d = g_new (guint, (gsize) (na + 1) * w);
  for (i = 0; i <= na; i++)
    d[i * w] = i;
  for (j = 0; j <= nb; j++)
    d[j] = j;
  for (i = 1; i <= na; i++)
    for (j = 1; j <= nb; j++)
      {
        guint best = d[(i - 1) * w + j - 1] + (equal (a[i - 1], b[j - 1]) ? 0 : 1);

        best = MIN (best, d[(i - 1) * w + j] + 1);
        best = MIN (best, d[i * w + j - 1] + 1);
        if (i > 1 && j > 1 && equal (a[i - 1], b[j - 2]) && equal (a[i - 2], b[j - 1]))
          best = MIN (best, d[(i - 2) * w + j - 2] + 1);
        d[i * w + j] = best;
      }
  distance = d[na * w + nb];

  /* Back from the end, preferring equal characters, then swaps, then
   * substitutions, so that "12" for "21" reads as a swap. */
  first = edits->len;
  i = na;
  j = nb;
  while (i > 0 || j > 0)
    {
      guint here = d[i * w + j];

      if (i > 0 && j > 0 && equal (a[i - 1], b[j - 1]) && here == d[(i - 1) * w + j - 1])
        {
          add_edit (edits, PF_EDIT_EQUAL, prefix + i - 1, 1, prefix + j - 1, 1);
          i--;
          j--;
        }
      else if (i > 1 && j > 1 && equal (a[i - 1], b[j - 2]) && equal (a[i - 2], b[j - 1]) &&
               here == d[(i - 2) * w + j - 2] + 1)
        {
          add_edit (edits, PF_EDIT_SWAP, prefix + i - 2, 2, prefix + j - 2, 2);
          i -= 2;
          j -= 2;
        }
      else if (i > 0 && j > 0 && here == d[(i - 1) * w + j - 1] + 1)
        {
          add_edit (edits, PF_EDIT_SUBST, prefix + i - 1, 1, prefix + j - 1, 1);
          i--;
          j--;
        }
      else if (i > 0 && here == d[(i - 1) * w + j] + 1)
        {
          add_edit (edits, PF_EDIT_INSERT, prefix + i - 1, 1, prefix + j, 0);
          i--;
        }
      else
        {
          g_assert (j > 0 && here == d[i * w + j - 1] + 1);
          add_edit (edits, PF_EDIT_DELETE, prefix + i, 0, prefix + j - 1, 1);
          j--;
        }
    }
  for (guint lo = first, hi = edits->len - 1; lo < hi; lo++, hi--)
    {
      PfEdit tmp = g_array_index (edits, PfEdit, lo);

      g_array_index (edits, PfEdit, lo) = g_array_index (edits, PfEdit, hi);
      g_array_index (edits, PfEdit, hi) = tmp;
    }

suffix:
  for (guint s = 0; s < suffix; s++)
    add_edit (edits, PF_EDIT_EQUAL, prefix + na + s, 1, prefix + nb + s, 1);

  return distance;
}

static PfDiffKind
span_kind (const PfEdit *edit)
{
  switch (edit->kind)
    {
    case PF_EDIT_EQUAL:
      return PF_DIFF_EQUAL;
    case PF_EDIT_INSERT:
      return PF_DIFF_INSERTED;
    case PF_EDIT_DELETE:
      return PF_DIFF_DELETED;
    case PF_EDIT_BLOCK:
      if (edit->doc_len == 0)
        return PF_DIFF_INSERTED;
      if (edit->typed_len == 0)
        return PF_DIFF_DELETED;
      return PF_DIFF_CHANGED;
    case PF_EDIT_SUBST:
    case PF_EDIT_SWAP:
    default:
      return PF_DIFF_CHANGED;
    }
}

/**
 * pf_compare_spans:
 *
 * Returns: (transfer full) (element-type PfDiffSpan): the highlighting of
 *   @typed against @document, ignoring case and diacritics
 */
GArray *
pf_compare_spans (const char *typed,
                  const char *document)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PfDiffSpan));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PfEdit));
  guint n_typed, n_doc;
  gunichar *t = pf_compare_chars (typed, &n_typed);
  gunichar *d = pf_compare_chars (document, &n_doc);

  pf_compare_align (t, n_typed, d, n_doc, pf_translit_chars_equivalent, edits);

  for (guint e = 0; e < edits->len; e++)
    {
      const PfEdit *edit = &g_array_index (edits, PfEdit, e);
      PfDiffKind kind = span_kind (edit);
      PfDiffSpan *last = spans->len > 0 ? &g_array_index (spans, PfDiffSpan, spans->len - 1) : NULL;

      if (last != NULL && last->kind == kind)
        {
          last->typed_len += edit->typed_len;
          last->document_len += edit->doc_len;
        }
      else
        {
          PfDiffSpan span = { kind, edit->typed_pos, edit->typed_len, edit->doc_pos, edit->doc_len };

          g_array_append_val (spans, span);
        }
    }

  pf_compare_free_chars (t, n_typed);
  pf_compare_free_chars (d, n_doc);
  return spans;
}

/**
 * pf_compare_is_lookalike:
 *
 * Returns: whether @a and @b are characters people and OCR mistake for
 *   each other: O and 0, I and 1, L and 1, I and L, S and 5, B and 8, Z
 *   and 2, G and 6, Q and 0, D and 0
 */
gboolean
pf_compare_is_lookalike (gunichar a,
                         gunichar b)
{
  static const char pairs[][2] = {
    { 'O', '0' }, { 'I', '1' }, { 'L', '1' }, { 'I', 'L' }, { 'S', '5' },
    { 'B', '8' }, { 'Z', '2' }, { 'G', '6' }, { 'Q', '0' }, { 'D', '0' },
  };

  a = g_unichar_toupper (a);
  b = g_unichar_toupper (b);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if ((a == (gunichar) pairs[i][0] && b == (gunichar) pairs[i][1]) ||
        (b == (gunichar) pairs[i][0] && a == (gunichar) pairs[i][1]))
      return TRUE;
  return FALSE;
}

/* "the digit zero (0)", "the letter O", "a space", "“ü”". */
static char *
describe_char (gunichar c)
{
  static const char *const digits[] = {
    N_("the digit zero (0)"), N_("the digit one (1)"), N_("the digit two (2)"),
    N_("the digit three (3)"), N_("the digit four (4)"), N_("the digit five (5)"),
    N_("the digit six (6)"), N_("the digit seven (7)"), N_("the digit eight (8)"),
    N_("the digit nine (9)"),
  };
  char utf8[8] = { 0 };

  if (c >= '0' && c <= '9')
    return g_strdup (_(digits[c - '0']));
  if (c == ' ' || c == '<')
    return g_strdup (_("a space"));
  if (pf_translit_is_separator (c))
    return g_strdup (_("a hyphen"));
  if (c == '\'' || c == 0x2019 || c == 0x02BC)
    return g_strdup (_("an apostrophe"));

  g_unichar_to_utf8 (c, utf8);
  if (c < 128 && g_ascii_isalpha (c))
    /* Translators: %s is a letter such as O or I. */
    return g_strdup_printf (_("the letter %s"), utf8);
  /* Translators: a character quoted, such as “ü”. */
  return g_strdup_printf (_("“%s”"), utf8);
}

static char *
describe_edit (const PfEdit   *edit,
               const gunichar *typed,
               const gunichar *doc,
               guint           n_doc)
{
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  switch (edit->kind)
    {
    case PF_EDIT_SUBST:
      want = describe_char (doc[edit->doc_pos]);
      got = describe_char (typed[edit->typed_pos]);
      /* Translators: "character 3 is the digit zero (0), not the letter O". */
      return g_strdup_printf (_("character %u is %s, not %s"), edit->doc_pos + 1, want, got);
    case PF_EDIT_INSERT:
      got = describe_char (typed[edit->typed_pos]);
      if (edit->doc_pos >= n_doc)
        return g_strdup_printf (_("remove %s at the end"), got);
      /* Translators: "remove the digit five (5) before character 4". */
      return g_strdup_printf (_("remove %s before character %u"), got, edit->doc_pos + 1);
    case PF_EDIT_DELETE:
      want = describe_char (doc[edit->doc_pos]);
      /* Translators: "character 4, the digit one (1), is missing". */
      return g_strdup_printf (_("character %u, %s, is missing"), edit->doc_pos + 1, want);
    case PF_EDIT_SWAP:
      want = describe_char (doc[edit->doc_pos]);
      got = describe_char (doc[edit->doc_pos + 1]);
      /* Translators: "characters 4 and 5 are the digit one (1) then the
       * digit two (2): you swapped them". */
      return g_strdup_printf (_("characters %u and %u are %s then %s: you swapped them"),
                              edit->doc_pos + 1, edit->doc_pos + 2, want, got);
    case PF_EDIT_EQUAL:
    case PF_EDIT_BLOCK:
    default:
      return NULL;
    }
}

/**
 * pf_compare_classify_chars:
 * @details: (out) (optional): for a typo or look-alike, what to change,
 *   character by character, counting the document's characters from 1
 *
 * Returns: %PF_REASON_NONE when the two are equal under @equal,
 *   %PF_REASON_LOOKALIKE when every difference is a look-alike character,
 *   %PF_REASON_TYPO for one or two edits (one for values under six
 *   characters, where two would change most of it), else
 *   %PF_REASON_DIFFERENT
 */
PfReason
pf_compare_classify_chars (const char       *typed,
                           const char       *document,
                           PfCharEqualFunc   equal,
                           char            **details)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PfEdit));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_compare_free_zeroed);
  guint n_typed, n_doc, distance, limit;
  gunichar *t = pf_compare_chars (typed, &n_typed);
  gunichar *d = pf_compare_chars (document, &n_doc);
  gboolean all_lookalike = TRUE;
  PfReason reason;

  distance = pf_compare_align (t, n_typed, d, n_doc, equal, edits);
  limit = n_doc >= 6 ? 2 : 1;

  for (guint e = 0; e < edits->len; e++)
    {
      const PfEdit *edit = &g_array_index (edits, PfEdit, e);

      if (edit->kind == PF_EDIT_EQUAL)
        continue;
      if (edit->kind != PF_EDIT_SUBST || !pf_compare_is_lookalike (t[edit->typed_pos], d[edit->doc_pos]))
        all_lookalike = FALSE;
      if (distance <= limit || all_lookalike)
        {
          char *part = describe_edit (edit, t, d, n_doc);

          if (part != NULL)
            g_ptr_array_add (parts, part);
        }
    }

  if (distance == 0)
    reason = PF_REASON_NONE;
  else if (distance != G_MAXUINT && all_lookalike)
    reason = PF_REASON_LOOKALIKE;
  else if (distance <= limit)
    reason = PF_REASON_TYPO;
  else
    reason = PF_REASON_DIFFERENT;

  if (details != NULL)
    {
      *details = NULL;
      if (reason == PF_REASON_LOOKALIKE || reason == PF_REASON_TYPO)
        {
          g_ptr_array_add (parts, NULL);
          /* Translators: the separator between "character 3 is ..." parts. */
          *details = g_strjoinv (_("; "), (char **) parts->pdata);
        }
    }

  pf_compare_free_chars (t, n_typed);
  pf_compare_free_chars (d, n_doc);
  return reason;
}
