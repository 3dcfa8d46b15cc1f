/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing a typed surname or given names with the document. Names
 * differ in ways that are nobody's mistake (the MRZ spells Müller as
 * MUELLER or MULLER and cuts long names short) and in ways that get a
 * verification refused (a middle name left out, names swapped, a typo).
 * We try the harmless explanations first, then the word-level ones, then
 * the character-level ones. Case never matters. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"
#include "pf-translit.h"

typedef struct
{
  char  *orig;       /* the word as written */
  char  *letters;    /* case-folded, without apostrophes and full stops */
  char  *fold;       /* pf_translit_fold () */
  GStrv  variants;   /* pf_translit_variants (), or NULL */
} Word;

typedef struct
{
  char      *text;      /* trimmed, NFC */
  char      *punct;     /* case-folded, for comparing punctuation too */
  char      *fold;      /* pf_translit_fold (), words separated by ' ' */
  char      *mrz;       /* fold with '<' between words */
  GStrv      variants;  /* whole-name MRZ spellings, or NULL */
  GPtrArray *words;
} Name;

static void
free_strv_zeroed (GStrv strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    pf_secure_zero (strv[i], strlen (strv[i]));
  g_strfreev (strv);
}

static void
word_free (Word *word)
{
  pf_compare_free_zeroed (word->orig);
  pf_compare_free_zeroed (word->letters);
  pf_compare_free_zeroed (word->fold);
  free_strv_zeroed (word->variants);
  g_free (word);
}

static char *
letters_key (const char *word)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  char *key;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!pf_translit_is_dropped (c))
        g_string_append_unichar (kept, c);
    }
  key = g_utf8_casefold (kept->str, -1);
  pf_secure_zero (kept->str, kept->len);
  return key;
}

static void
add_word (GPtrArray  *words,
          const char *start,
          gsize       len)
{
  Word *word;

  if (len == 0)
    return;

  word = g_new0 (Word, 1);
  word->orig = g_strndup (start, len);
  word->fold = pf_translit_fold (word->orig);
  if (word->fold[0] == '\0')
    {
      word_free (word);
      return;
    }
  word->letters = letters_key (word->orig);
  word->variants = pf_translit_variants (word->orig);
  g_ptr_array_add (words, word);
}

static void
name_clear (Name *name)
{
  pf_compare_free_zeroed (name->text);
  pf_compare_free_zeroed (name->punct);
  pf_compare_free_zeroed (name->fold);
  pf_compare_free_zeroed (name->mrz);
  free_strv_zeroed (name->variants);
  g_clear_pointer (&name->words, g_ptr_array_unref);
}

static void
name_init (Name       *name,
           const char *text)
{
  const char *start;
  g_autofree char *collapsed = NULL;
  GString *punct = g_string_new (NULL);
  gboolean space = FALSE;

  name->text = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_strstrip (name->text);
  name->fold = pf_translit_fold (name->text);
  name->mrz = g_strdelimit (g_strdup (name->fold), " ", '<');
  name->variants = pf_translit_variants (name->text);
  name->words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);

  start = name->text;
  for (const char *p = name->text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || pf_translit_is_separator (c))
        {
          add_word (name->words, start, p - start);
          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }

      /* Runs of white space count as one space. */
      if (g_unichar_isspace (c))
        space = TRUE;
      else if (c != 0)
        {
          if (space && punct->len > 0)
            g_string_append_c (punct, ' ');
          space = FALSE;
          /* One apostrophe and one hyphen: ’ and ' are the same to a form. */
          if (pf_translit_is_separator (c))
            g_string_append_c (punct, '-');
          else if (pf_translit_is_dropped (c) && c != '.' && !g_unichar_ismark (c))
            g_string_append_c (punct, '\'');
          else
            g_string_append_unichar (punct, c);
        }
    }
  name->punct = g_utf8_casefold (punct->str, -1);
  pf_secure_zero (punct->str, punct->len);
  g_string_free (punct, TRUE);
}

static gboolean
strv_has (GStrv       strv,
          const char *text)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, text);
}

static gboolean
words_equivalent (const Word *a,
                  const Word *b)
{
  return g_str_equal (a->fold, b->fold) || strv_has (a->variants, b->fold) ||
         strv_has (b->variants, a->fold);
}

static Word *
word_at (const Name *name,
         guint       i)
{
  return g_ptr_array_index (name->words, i);
}

/* Without separators: JEAN<LUC and JEANLUC are the same letters. */
static char *
joined (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '<')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
same_letters_apart_from_separators (const Name *typed,
                                    const Name *doc,
                                    gboolean    is_mrz)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_compare_free_zeroed);
  char *doc_joined = joined (doc->fold);
  char *typed_joined = joined (typed->fold);
  gboolean same = g_str_equal (doc_joined, typed_joined);

  g_ptr_array_add (owned, doc_joined);
  g_ptr_array_add (owned, typed_joined);
  for (guint v = 0; !same && typed->variants != NULL && typed->variants[v] != NULL; v++)
    {
      char *variant = joined (typed->variants[v]);

      g_ptr_array_add (owned, variant);
      same = g_str_equal (variant, doc_joined);
    }
  if (!same && !is_mrz && doc->variants != NULL)
    for (guint v = 0; !same && doc->variants[v] != NULL; v++)
      {
        char *variant = joined (doc->variants[v]);

        g_ptr_array_add (owned, variant);
        same = g_str_equal (variant, typed_joined);
      }
  return same;
}

/* The shortest name field (TD1) holds 30 characters; a single name that
 * fills it, less the "<<" and one letter of the other name, is 27 long. */
#define MRZ_FULL_NAME_LENGTH 27

/* The MRZ's name cut short: a prefix of one of the typed name's MRZ
 * spellings, when the MRZ's name field is known to be full; without that
 * knowledge, only a cut in the middle of a word of a name long enough to
 * have filled the field on its own. A short prefix is more likely a name
 * that differs (IVANOV for Ivanova). */
static gboolean
mrz_truncated (const Name     *typed,
               const Name     *doc,
               PfCompareFlags  flags)
{
  gsize len = strlen (doc->mrz);

  for (guint v = 0; typed->variants != NULL && typed->variants[v] != NULL; v++)
    {
      const char *variant = typed->variants[v];

      if (len == 0 || strlen (variant) <= len || !g_str_has_prefix (variant, doc->mrz))
        continue;
      if ((flags & PF_COMPARE_MRZ_NAMES_TRUNCATED) != 0 ||
          (len >= MRZ_FULL_NAME_LENGTH && variant[len] != '<' && doc->mrz[len - 1] != '<'))
        return TRUE;
    }
  return FALSE;
}

/* The typed name is the printed one cut short in the middle of a word,
 * by three letters or more (fewer is a typo): typed from the MRZ. */
static gboolean
typed_truncated (const Name *typed,
                 const Name *doc)
{
  gsize len = strlen (typed->fold);

  return len > 0 && g_str_has_prefix (doc->fold, typed->fold) && strlen (doc->fold) >= len + 3 &&
         doc->fold[len] != ' ' && typed->fold[len - 1] != ' ';
}

/* The MRZ spelling of @typed nearest to @mrz, to name the typos against. */
static char *
nearest_spelling (const Name *typed,
                  const Name *doc)
{
  guint best = G_MAXUINT;
  const char *best_variant = NULL;

  if (typed->variants == NULL)
    return g_strdup (typed->mrz);

  for (guint v = 0; typed->variants[v] != NULL; v++)
    {
      g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PfEdit));
      guint n_a, n_b, distance;
      gunichar *a = pf_compare_chars (typed->variants[v], &n_a);
      gunichar *b = pf_compare_chars (doc->mrz, &n_b);

      distance = pf_compare_align (a, n_a, b, n_b, pf_translit_chars_equivalent, edits);
      if (best_variant == NULL || distance < best)
        {
          best = distance;
          best_variant = typed->variants[v];
        }
      pf_compare_free_chars (a, n_a);
      pf_compare_free_chars (b, n_b);
    }
  return g_strdup (best_variant);
}

static char *
join_words (GPtrArray *words)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  char *text;

  for (guint i = 0; i < words->len; i++)
    g_strv_builder_add (builder, ((Word *) g_ptr_array_index (words, i))->orig);
  parts = g_strv_builder_end (builder);
  /* Translators: between names listed in a sentence. */
  text = g_strjoinv (_("”, “"), parts);
  for (guint i = 0; parts[i] != NULL; i++)
    pf_secure_zero (parts[i], strlen (parts[i]));
  return text;
}

/* Each typed word with an equivalent document word, each used once. */
static gboolean
match_words (const Name *typed,
             const Name *doc,
             GPtrArray  *typed_extra,
             GPtrArray  *doc_extra)
{
  g_autofree gboolean *used = g_new0 (gboolean, doc->words->len);
  gboolean in_order = typed->words->len == doc->words->len;

  for (guint i = 0; i < typed->words->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < doc->words->len && !found; j++)
        if (!used[j] && words_equivalent (word_at (typed, i), word_at (doc, j)))
          {
            used[j] = found = TRUE;
            in_order = in_order && i == j;
          }
      if (!found)
        g_ptr_array_add (typed_extra, word_at (typed, i));
    }
  for (guint j = 0; j < doc->words->len; j++)
    if (!used[j])
      g_ptr_array_add (doc_extra, word_at (doc, j));
  return in_order;
}

static void
compare (const Name      *typed,
         const Name      *doc,
         const Name      *mrz,
         gboolean         is_mrz,
         PfCompareFlags   flags,
         const char      *display,
         PfCompareResult *result)
{
  g_autoptr(GPtrArray) typed_extra = g_ptr_array_new ();
  g_autoptr(GPtrArray) doc_extra = g_ptr_array_new ();
  g_autofree char *details = NULL;
  gboolean in_order, letters_exact = TRUE;
  PfReason reason;

  in_order = match_words (typed, doc, typed_extra, doc_extra);

  if (in_order && typed_extra->len == 0 && doc_extra->len == 0)
    {
      for (guint i = 0; i < typed->words->len; i++)
        letters_exact = letters_exact && g_str_equal (word_at (typed, i)->letters,
                                                      word_at (doc, i)->letters);

      if (letters_exact && (is_mrz || g_str_equal (typed->punct, doc->punct)))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_OK, NULL,
                               g_strdup (_("It is the same as on the document.")));
      else if (letters_exact)
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                               g_strdup_printf (_("Type it with the same spaces, hyphens and "
                                                  "apostrophes as the document: “%s”."), display));
      else if (is_mrz)
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_OK, NULL,
                               g_strdup_printf (_("The machine-readable lines write “%s” as “%s”. "
                                                  "They hold only the letters A to Z, so each country "
                                                  "spells letters such as ü, ø or Cyrillic ones in one "
                                                  "of the ways ICAO allows. That is normal: nothing "
                                                  "to change."), typed->text, display));
      else if (pf_translit_has_latin_diacritics (doc->text))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_CAUTION,
                               NULL,
                               g_strdup_printf (_("The document prints “%s”. Type it exactly like "
                                                  "that if the form accepts these letters; only a form "
                                                  "that takes just A to Z needs the spelling you "
                                                  "typed."), display));
      else if (pf_translit_has_latin_diacritics (typed->text) && mrz != NULL &&
               !strv_has (doc->variants, mrz->mrz) && strv_has (typed->variants, mrz->mrz))
        /* The MRZ's spelling (MUELLER) has the letters only the typed
         * accents explain: our reading of the printed zone lost them. */
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_OK, NULL,
                               g_strdup (_("It is the same as on the document.")));
      else if (pf_translit_has_latin_diacritics (typed->text))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_CAUTION,
                               NULL,
                               g_strdup_printf (_("We read “%s” on the document, without the "
                                                  "accents you typed. Check the printed name: if it "
                                                  "has none, type it without them."), display));
      else if (g_str_is_ascii (typed->text))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_OK, NULL,
                               g_strdup_printf (_("You typed “%s” in Latin letters, as the "
                                                  "document spells it for the machine-readable "
                                                  "lines. That is what forms expect."), display));
      else
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRANSLITERATION, PF_SEVERITY_CAUTION,
                               NULL,
                               g_strdup_printf (_("The document prints “%s”. Type it in the same "
                                                  "letters."), display));
      return;
    }

  if (same_letters_apart_from_separators (typed, doc, is_mrz))
    {
      pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                             g_strdup_printf (_("Type it with the same spaces, hyphens and "
                                                "apostrophes as the document: “%s”."), display));
      return;
    }

  if (is_mrz && mrz_truncated (typed, doc, flags))
    {
      pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_TRUNCATED, PF_SEVERITY_OK, NULL,
                             g_strdup_printf (_("The machine-readable lines have room for only so "
                                                "many letters, so they show the name cut short: "
                                                "“%s”. That is normal: keep the full name as "
                                                "printed on the document."), display));
      return;
    }

  if (typed->words->len > 0 && doc->words->len > 0)
    {
      g_autofree char *listed = NULL;

      if (typed_extra->len == 0 && doc_extra->len == 0)
        {
          pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_ORDER, PF_SEVERITY_BLOCKER, NULL,
                                 g_strdup_printf (_("Type the names in the order the document shows "
                                                    "them: “%s”."), display));
          return;
        }
      if (typed_extra->len == 0)
        {
          listed = join_words (doc_extra);
          pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_MISSING_NAME,
                                 PF_SEVERITY_BLOCKER, NULL,
                                 g_strdup_printf (_("The document also shows “%s”. Type all the names "
                                                    "as on the document: “%s”."), listed, display));
          pf_secure_zero (listed, strlen (listed));
          return;
        }
      if (doc_extra->len == 0)
        {
          listed = join_words (typed_extra);
          pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_EXTRA_NAME, PF_SEVERITY_BLOCKER,
                                 NULL,
                                 g_strdup_printf (_("The document does not show “%s”. Type the names "
                                                    "exactly as on the document: “%s”."),
                                                  listed, display));
          pf_secure_zero (listed, strlen (listed));
          return;
        }
    }

  if (is_mrz)
    {
      g_autofree char *spelling = nearest_spelling (typed, doc);

      reason = pf_compare_classify_chars (spelling, doc->mrz, pf_translit_chars_equivalent, &details);
      pf_secure_zero (spelling, strlen (spelling));
      if (reason == PF_REASON_LOOKALIKE || reason == PF_REASON_TYPO)
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, reason, PF_SEVERITY_BLOCKER, NULL,
                               g_strdup_printf (_("The machine-readable lines show “%s”: %s. Check "
                                                  "the name printed on the document and type it "
                                                  "exactly like that."), display, details));
      else
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER,
                               NULL,
                               g_strdup_printf (_("The machine-readable lines show “%s”. Check the "
                                                  "name printed on the document and type it exactly "
                                                  "like that."), display));
    }
  else
    {
      reason = pf_compare_classify_chars (typed->text, doc->text, pf_translit_chars_equivalent,
                                          &details);
      if (reason == PF_REASON_LOOKALIKE || reason == PF_REASON_TYPO)
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, reason, PF_SEVERITY_BLOCKER, NULL,
                               g_strdup_printf (_("Type it as “%s”: %s."), display, details));
      else if (typed_truncated (typed, doc))
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_TRUNCATED, PF_SEVERITY_CAUTION,
                               NULL,
                               g_strdup_printf (_("You typed the name cut short, as the "
                                                  "machine-readable lines may show it. Type the full "
                                                  "name as printed: “%s”."), display));
      else
        pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER,
                               NULL,
                               g_strdup_printf (_("The document shows “%s”. Type it exactly like "
                                                  "that, letter by letter."), display));
    }
  if (details != NULL)
    pf_secure_zero (details, strlen (details));
}

void
pf_compare_names (PfField          field,
                  const char      *typed,
                  const char      *printed,
                  const char      *mrz,
                  PfCompareFlags   flags,
                  PfCompareResult *result)
{
  Name t = { 0 }, p = { 0 }, m = { 0 };

  name_init (&t, typed);
  if (printed != NULL)
    name_init (&p, printed);
  if (mrz != NULL)
    name_init (&m, mrz);

  if (printed != NULL)
    {
      result->document = g_strdup (p.text);
      compare (&t, &p, mrz != NULL ? &m : NULL, FALSE, flags, p.text, result);

      /* Typed like the MRZ, which our reading of the printed zone does
       * not explain (as MUELLER explains Müller): suspect the reading. */
      if (result->verdict == PF_VERDICT_MISMATCH && mrz != NULL)
        {
          PfCompareResult by_mrz = { 0 }, printed_by_mrz = { 0 };
          g_autofree char *display = g_strdelimit (g_strdup (m.mrz), "<", ' ');

          compare (&t, &m, NULL, TRUE, flags, display, &by_mrz);
          compare (&p, &m, NULL, TRUE, flags, display, &printed_by_mrz);
          if (by_mrz.verdict == PF_VERDICT_MATCH && printed_by_mrz.verdict != PF_VERDICT_MATCH)
            pf_compare_result_set_misread (result, field, by_mrz.reason, display, p.text);
          pf_compare_result_clear (&by_mrz);
          pf_compare_result_clear (&printed_by_mrz);
          pf_secure_zero (display, strlen (display));
        }
    }
  else
    {
      result->document = g_strdelimit (g_strdup (m.mrz), "<", ' ');
      compare (&t, &m, NULL, TRUE, flags, result->document, result);
    }

  name_clear (&t);
  name_clear (&p);
  name_clear (&m);
}
