/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text the details step makes of what the person typed and what the
 * document shows: the differences marked up and said in words, and the
 * freeing of text that quotes either, zeroed first since it is a
 * person's identity. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-detail-text.h"
#include "pf-image.h"

/**
 * pf_detail_free_zeroed:
 * @text: (nullable) (transfer full): text that quotes the person's
 *   details
 *
 * Zeroes @text and frees it; %NULL is allowed, as for g_free().
 */
void
pf_detail_free_zeroed (char *text)
{
  if (text != NULL)
    pf_secure_zero (text, strlen (text));
  g_free (text);
}

/* Characters [start, start + len) of @text, escaped for markup. */
static char *
escaped_chars (const char *text,
               guint       start,
               guint       len)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (from, len);

  return g_markup_escape_text (from, to - from);
}

static char *
plain_chars (const char *text,
             guint       start,
             guint       len)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (from, len);

  return g_strndup (from, to - from);
}

/**
 * pf_detail_diff_markup:
 * @typed_side: %TRUE for the typed value, %FALSE for the document's
 *
 * The value with the characters that differ underlined, in bold and on a
 * highlight, so that they stand out without colour as well as with it.
 * Characters the other side lacks are marked with a highlighted dot.
 *
 * Returns: (transfer full) (nullable): Pango markup, or %NULL when the
 *   comparison has no alignment
 */
char *
pf_detail_diff_markup (const PfComparison *comparison,
                       gboolean            typed_side)
{
  const char *typed = pf_comparison_get_typed (comparison);
  const char *document = pf_comparison_get_document (comparison);
  const char *text = typed_side ? typed : document;
  g_autoptr(GString) markup = NULL;
  const PfDiffSpan *spans;
  guint n_spans;

  spans = pf_comparison_get_spans (comparison, &n_spans);
  if (n_spans == 0 || text == NULL)
    return NULL;

  markup = g_string_new (NULL);
  for (guint i = 0; i < n_spans; i++)
    {
      guint start = typed_side ? spans[i].typed_start : spans[i].document_start;
      guint len = typed_side ? spans[i].typed_len : spans[i].document_len;
      g_autofree char *part = NULL;

      if (spans[i].kind == PF_DIFF_EQUAL)
        {
          part = escaped_chars (text, start, len);
          g_string_append (markup, part);
          continue;
        }

      /* The gap where the other side has characters this one lacks. */
      part = len > 0 ? escaped_chars (text, start, len) : g_strdup ("·");
      g_string_append_printf (markup,
                              "<span underline=\"double\" weight=\"bold\" "
                              "background=\"#e5a50a\" bgalpha=\"40%%\">%s</span>",
                              part);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * pf_detail_diff_words:
 *
 * Returns: (transfer full) (nullable): the differences said in words,
 *   counting the document's characters from 1, or %NULL when there are
 *   none to say
 */
char *
pf_detail_diff_words (const PfComparison *comparison)
{
  const char *typed = pf_comparison_get_typed (comparison);
  const char *document = pf_comparison_get_document (comparison);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_detail_free_zeroed);
  const PfDiffSpan *spans;
  guint n_spans;

  spans = pf_comparison_get_spans (comparison, &n_spans);
  if (document == NULL)
    return NULL;

  for (guint i = 0; i < n_spans; i++)
    {
      const PfDiffSpan *span = &spans[i];
      g_autofree char *t = plain_chars (typed, span->typed_start, span->typed_len);
      g_autofree char *d = plain_chars (document, span->document_start, span->document_len);
      char *part = NULL;

      switch (span->kind)
        {
        case PF_DIFF_CHANGED:
          if (span->document_len <= 1)
            /* Translators: "character 3: you typed “0”, the document shows “O”". */
            part = g_strdup_printf (_("character %u: you typed “%s”, the document shows “%s”"),
                                    span->document_start + 1, t, d);
          else
            /* Translators: "characters 3 to 4: you typed “oe”, the document shows “ö”". */
            part = g_strdup_printf (_("characters %u to %u: you typed “%s”, the document "
                                      "shows “%s”"),
                                    span->document_start + 1,
                                    span->document_start + span->document_len, t, d);
          break;
        case PF_DIFF_INSERTED:
          /* Translators: "you typed “e” after character 2; the document
           * does not have it". */
          part = g_strdup_printf (_("you typed “%s” after character %u; the document does not "
                                    "have it"), t, span->document_start);
          break;
        case PF_DIFF_DELETED:
          /* Translators: "“e” is missing: character 3 of the document". */
          part = g_strdup_printf (_("“%s” is missing: character %u of the document"),
                                  d, span->document_start + 1);
          break;
        case PF_DIFF_EQUAL:
        default:
          break;
        }

      if (t != NULL)
        pf_secure_zero (t, strlen (t));
      if (d != NULL)
        pf_secure_zero (d, strlen (d));
      if (part != NULL)
        g_ptr_array_add (parts, part);
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *joined = g_strjoinv (_("; "), (char **) parts->pdata);
    /* Translators: %s is a list of differences such as "character 3: you
     * typed “0”, the document shows “O”". */
    char *words = g_strdup_printf (_("Differences: %s."), joined);

    pf_secure_zero (joined, strlen (joined));
    return words;
  }
}
