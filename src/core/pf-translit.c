/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How ICAO Doc 9303 (part 3, "transliteration of national characters")
 * writes a name in the machine-readable zone, which holds only A-Z and the
 * filler '<'. The document's printed zone shows the name as the person
 * writes it (Müller, Øster, Иванов); the MRZ shows MUELLER or MULLER,
 * OESTER, IVANOV. Where Doc 9303 allows several spellings the issuing
 * state picks one, so we produce them all and let the comparator accept
 * any of them.
 *
 * Latin letters: the table below for the letters Doc 9303 spells out
 * (several spellings, ligatures, letters with a stroke); every other Latin
 * letter with a diacritic loses it (É -> E, Č -> C, Ș -> S), which is the
 * table's rule for all of them. Cyrillic: the Doc 9303 table, with the
 * language exceptions it lists (Belarusian, Bulgarian, Macedonian,
 * Serbian, Ukrainian) as further spellings, since we cannot know the
 * language. Greek and other scripts are not covered: a name in them has
 * no variants here, and the comparator then compares letters as they are.
 *
 * Punctuation (part 3, names): apostrophes and full stops are left out
 * (O'Brien -> OBRIEN); spaces, hyphens and commas become one filler
 * (Jean-Luc -> JEAN<LUC). */

#include "config.h"

#include <string.h>

#include "pf-image.h"
#include "pf-translit.h"

typedef struct
{
  gunichar    c;
  const char *base;
  const char *options[3];
} Letter;

/* Upper case only; lower case is mapped up before the look-up. "base" is
 * the letter with its diacritic ignored, for comparing a typed name with
 * the printed one regardless of accents; it is the MRZ spelling except
 * where Doc 9303 spells a letter with a stroke as two letters (Ø -> OE,
 * but people typing without the stroke write O). */
static const Letter letters[] = {
  /* Latin */
  { 0x00C4, "A", { "AE", "A" } },         /* Ä */
  { 0x00C5, "A", { "AA", "A" } },         /* Å */
  { 0x00C6, "AE", { "AE" } },             /* Æ */
  { 0x00D0, "D", { "D" } },               /* Ð */
  { 0x00D1, "N", { "N", "NXX" } },        /* Ñ */
  { 0x00D6, "O", { "OE", "O" } },         /* Ö */
  { 0x00D8, "O", { "OE" } },              /* Ø */
  { 0x00DC, "U", { "UE", "UXX", "U" } },  /* Ü */
  { 0x00DE, "TH", { "TH" } },             /* Þ */
  { 0x00DF, "SS", { "SS" } },             /* ß */
  { 0x0110, "D", { "D" } },               /* Đ */
  { 0x0126, "H", { "H" } },               /* Ħ */
  { 0x0132, "IJ", { "IJ" } },             /* Ĳ */
  { 0x013F, "L", { "L" } },               /* Ŀ */
  { 0x0141, "L", { "L" } },               /* Ł */
  { 0x014A, "N", { "N" } },               /* Ŋ */
  { 0x0152, "OE", { "OE" } },             /* Œ */
  { 0x0166, "T", { "T" } },               /* Ŧ */
  { 0x1E9E, "SS", { "SS" } },             /* ẞ */

  /* Cyrillic: the main table first, then the language exceptions. */
  { 0x0401, "E", { "E", "IO" } },         /* Ё (Belarusian IO) */
  { 0x0402, "D", { "D" } },               /* Ђ */
  { 0x0403, "G", { "G", "GJ" } },         /* Ѓ (Macedonian GJ) */
  { 0x0404, "IE", { "IE" } },             /* Є */
  { 0x0405, "DZ", { "DZ" } },             /* Ѕ */
  { 0x0406, "I", { "I" } },               /* І */
  { 0x0407, "I", { "I" } },               /* Ї */
  { 0x0408, "J", { "J" } },               /* Ј */
  { 0x0409, "LJ", { "LJ" } },             /* Љ */
  { 0x040A, "NJ", { "NJ" } },             /* Њ */
  { 0x040B, "C", { "C" } },               /* Ћ */
  { 0x040C, "K", { "K", "KJ" } },         /* Ќ (Macedonian KJ) */
  { 0x040E, "U", { "U" } },               /* Ў */
  { 0x040F, "DZ", { "DZ", "DJ" } },       /* Џ (Macedonian DJ) */
  { 0x0410, "A", { "A" } },               /* А */
  { 0x0411, "B", { "B" } },               /* Б */
  { 0x0412, "V", { "V" } },               /* В */
  { 0x0413, "G", { "G", "H" } },          /* Г (Belarusian, Serbian H) */
  { 0x0414, "D", { "D" } },               /* Д */
  { 0x0415, "E", { "E" } },               /* Е */
  { 0x0416, "ZH", { "ZH", "Z" } },        /* Ж (Serbian Z) */
  { 0x0417, "Z", { "Z" } },               /* З */
  { 0x0418, "I", { "I", "Y" } },          /* И (Ukrainian Y) */
  { 0x0419, "I", { "I" } },               /* Й */
  { 0x041A, "K", { "K" } },               /* К */
  { 0x041B, "L", { "L" } },               /* Л */
  { 0x041C, "M", { "M" } },               /* М */
  { 0x041D, "N", { "N" } },               /* Н */
  { 0x041E, "O", { "O" } },               /* О */
  { 0x041F, "P", { "P" } },               /* П */
  { 0x0420, "R", { "R" } },               /* Р */
  { 0x0421, "S", { "S" } },               /* С */
  { 0x0422, "T", { "T" } },               /* Т */
  { 0x0423, "U", { "U" } },               /* У */
  { 0x0424, "F", { "F" } },               /* Ф */
  { 0x0425, "KH", { "KH", "H" } },        /* Х (Macedonian, Serbian H) */
  { 0x0426, "TS", { "TS", "C" } },        /* Ц (Macedonian, Serbian C) */
  { 0x0427, "CH", { "CH", "C" } },        /* Ч (Serbian C) */
  { 0x0428, "SH", { "SH", "S" } },        /* Ш (Serbian S) */
  { 0x0429, "SHCH", { "SHCH", "SHT" } },  /* Щ (Bulgarian SHT) */
  { 0x042A, "IE", { "IE" } },             /* Ъ */
  { 0x042B, "Y", { "Y" } },               /* Ы */
  { 0x042C, "", { "" } },                 /* Ь is left out */
  { 0x042D, "E", { "E" } },               /* Э */
  { 0x042E, "IU", { "IU" } },             /* Ю */
  { 0x042F, "IA", { "IA" } },             /* Я */
  { 0x0490, "G", { "G" } },               /* Ґ */
};

/* How one character is written in the MRZ. For an ASCII letter or a
 * decomposable Latin letter, the single spelling lives in @ascii, so a
 * Spelling must not be copied. */
typedef struct
{
  const char *base;
  const char *options[3];
  guint       n_options;
  char        ascii[2];
} Spelling;

static void
spell_ascii (Spelling *s,
             char      letter)
{
  s->ascii[0] = letter;
  s->ascii[1] = '\0';
  s->base = s->ascii;
  s->options[0] = s->ascii;
  s->n_options = 1;
}

/* Returns: FALSE for a character that is no letter Doc 9303 transliterates */
static gboolean
spell (gunichar  c,
       Spelling *s)
{
  gunichar u = g_unichar_toupper (c);

  memset (s, 0, sizeof *s);

  if (u < 128)
    {
      if (!g_ascii_isupper (u))
        return FALSE;
      spell_ascii (s, (char) u);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (letters[i].c == u)
      {
        s->base = letters[i].base;
        for (guint o = 0; o < G_N_ELEMENTS (letters[i].options) && letters[i].options[o]; o++)
          s->options[s->n_options++] = letters[i].options[o];
        return TRUE;
      }

  if (g_unichar_get_script (u) == G_UNICODE_SCRIPT_LATIN && g_unichar_isalpha (u))
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (u, FALSE, parts, G_N_ELEMENTS (parts));

      if (n > 0 && parts[0] < 128 && g_ascii_isupper (parts[0]))
        {
          spell_ascii (s, (char) parts[0]);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pf_translit_is_separator:
 *
 * Returns: whether @c separates the parts of a name: white space, a
 *   hyphen or dash, a comma, or the MRZ filler '<'. Doc 9303 writes each
 *   run of them as one filler.
 */
gboolean
pf_translit_is_separator (gunichar c)
{
  switch (c)
    {
    case '-':
    case ',':
    case '<':
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* figure dash */
    case 0x2013: /* en dash */
    case 0x2014: /* em dash */
    case 0x2212: /* minus sign */
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

/**
 * pf_translit_is_dropped:
 *
 * Returns: whether Doc 9303 leaves @c out of a name: apostrophes and full
 *   stops, and combining marks (which only an unnormalised string holds).
 */
gboolean
pf_translit_is_dropped (gunichar c)
{
  switch (c)
    {
    case '\'':
    case '`':
    case '.':
    case 0x00B4: /* acute accent */
    case 0x02BC: /* modifier letter apostrophe */
    case 0x2018: /* left single quotation mark */
    case 0x2019: /* right single quotation mark, the typographic apostrophe */
      return TRUE;
    default:
      return g_unichar_ismark (c);
    }
}

/* A copy of @text in NFC, or NULL for invalid UTF-8. */
static char *
normalize (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* Names are personal data: copies are zeroed before they are freed. */
typedef char *ZeroedString;

static void
free_zeroed (char *text)
{
  if (text != NULL)
    pf_secure_zero (text, strlen (text));
  g_free (text);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (ZeroedString, free_zeroed, NULL)

/**
 * pf_translit_variants:
 * @name: a name as printed or typed (UTF-8)
 *
 * Every spelling Doc 9303 allows for @name in the MRZ, in capitals with
 * '<' between the parts, the recommended one first: "Müller" gives
 * MUELLER, MUXXLLER and MULLER; "Jean-Luc" gives JEAN<LUC; "O'Brien"
 * gives OBRIEN. A state applies one spelling to every occurrence of a
 * letter, so the variants vary per letter, not per occurrence. At most
 * %PF_TRANSLIT_MAX_VARIANTS are returned.
 *
 * Returns: (transfer full) (nullable): the spellings, or %NULL if @name is
 *   not valid UTF-8, holds no letter, or holds a character Doc 9303 has no
 *   spelling for here (digits, other punctuation, Greek and other scripts)
 */
GStrv
pf_translit_variants (const char *name)
{
  g_auto(ZeroedString) text = normalize (name);
  g_autoptr(GArray) choices = NULL;
  g_autoptr(GPtrArray) spellings = NULL;
  guint n_variants = 1;
  gboolean any_letter = FALSE;

  if (text == NULL)
    return NULL;

  /* The letters with several spellings, once each, in order of appearance;
   * and a check that every character has a spelling at all. */
  choices = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar u = g_unichar_toupper (c);
      Spelling s;
      gboolean seen = FALSE;

      if (pf_translit_is_separator (c) || pf_translit_is_dropped (c))
        continue;
      if (!spell (c, &s))
        return NULL;
      any_letter = TRUE;
      if (s.n_options < 2)
        continue;
      for (guint i = 0; i < choices->len && !seen; i++)
        seen = g_array_index (choices, gunichar, i) == u;
      if (seen)
        continue;
      g_array_append_val (choices, u);
      n_variants = MIN (n_variants * s.n_options, PF_TRANSLIT_MAX_VARIANTS);
    }

  if (!any_letter)
    return NULL;

  spellings = g_ptr_array_new_with_free_func ((GDestroyNotify) free_zeroed);
  for (guint v = 0; v < n_variants; v++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      gboolean pending_filler = FALSE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gunichar u = g_unichar_toupper (c);
          guint option = 0;
          Spelling s;

          if (pf_translit_is_separator (c))
            {
              pending_filler = out->len > 0;
              continue;
            }
          if (pf_translit_is_dropped (c))
            continue;

          spell (c, &s);
          if (s.n_options > 1)
            {
              /* The variant's number, read in mixed radix: the first
               * letter with choices is the fastest-changing digit. */
              guint rest = v;

              for (guint i = 0; i < choices->len; i++)
                {
                  Spelling other;

                  spell (g_array_index (choices, gunichar, i), &other);
                  if (g_array_index (choices, gunichar, i) == u)
                    {
                      option = rest % other.n_options;
                      break;
                    }
                  rest /= other.n_options;
                }
            }

          if (pending_filler && *s.options[option] != '\0')
            {
              g_string_append_c (out, '<');
              pending_filler = FALSE;
            }
          g_string_append (out, s.options[option]);
        }

      /* A name of nothing but Ь has no spelling. */
      if (out->len == 0)
        return NULL;
      g_ptr_array_add (spellings, g_string_free (g_steal_pointer (&out), FALSE));
    }

  g_ptr_array_set_free_func (spellings, NULL);
  g_ptr_array_add (spellings, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&spellings), FALSE);
}

/**
 * pf_translit_fold:
 * @text: a name or other text (UTF-8)
 *
 * @text in capitals with diacritics ignored (Müller -> MULLER, Øster ->
 * OSTER, ß -> SS), Cyrillic in its recommended Latin spelling (Иванов ->
 * IVANOV), apostrophes and full stops left out and each run of separators
 * made one space, without spaces at either end. Characters without a
 * spelling (digits, other scripts) are kept, in capitals.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL if @text
 *   is not valid UTF-8
 */
char *
pf_translit_fold (const char *text)
{
  g_auto(ZeroedString) norm = normalize (text);
  GString *out;
  gboolean pending_space = FALSE;

  if (norm == NULL)
    return NULL;

  out = g_string_sized_new (strlen (norm));
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Spelling s;

      if (pf_translit_is_separator (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pf_translit_is_dropped (c))
        continue;
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (spell (c, &s))
        g_string_append (out, s.base);
      else
        g_string_append_unichar (out, g_unichar_toupper (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * pf_translit_chars_equivalent:
 *
 * Returns: whether @a and @b are the same letter when case and
 *   diacritics are ignored (u, U and ü are; u and ö are not), or the same
 *   other character; every separator is equivalent to every other
 */
gboolean
pf_translit_chars_equivalent (gunichar a,
                              gunichar b)
{
  Spelling sa, sb;

  if (a == b)
    return TRUE;
  if (pf_translit_is_separator (a) && pf_translit_is_separator (b))
    return TRUE;
  if (spell (a, &sa) && spell (b, &sb))
    return g_str_equal (sa.base, sb.base);
  return g_unichar_toupper (a) == g_unichar_toupper (b);
}

/**
 * pf_translit_has_latin_diacritics:
 *
 * Returns: whether @text holds a Latin letter beyond A-Z (é, ü, ß, ø...):
 *   a name a person should type with those letters where the form allows
 */
gboolean
pf_translit_has_latin_diacritics (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Spelling s;

      if (c >= 128 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN && spell (c, &s))
        return TRUE;
    }
  return FALSE;
}
