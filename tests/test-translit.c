/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ICAO Doc 9303 transliteration: every spelling a state may print in
 * the MRZ for a name as it is printed in the visual zone. */

#include <locale.h>

#include "pf-translit.h"

/* @expected: the spellings, the recommended one first, NULL-terminated. */
static void
assert_variants (const char        *name,
                 const char * const *expected)
{
  g_auto(GStrv) variants = pf_translit_variants (name);
  guint n = 0;

  g_assert_nonnull (variants);
  while (expected[n] != NULL)
    n++;
  if (g_strv_length (variants) != n)
    {
      g_autofree char *got = g_strjoinv (", ", variants);

      g_error ("“%s” gave %u spellings (%s), expected %u", name, g_strv_length (variants), got, n);
    }
  g_assert_cmpstr (variants[0], ==, expected[0]);
  for (guint i = 0; i < n; i++)
    if (!g_strv_contains ((const char * const *) variants, expected[i]))
      g_error ("“%s” lacks the spelling %s", name, expected[i]);
}

#define VARIANTS(name, ...) \
  assert_variants (name, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_latin_options (void)
{
  VARIANTS ("Müller", "MUELLER", "MUXXLLER", "MULLER");
  VARIANTS ("MÜLLER", "MUELLER", "MUXXLLER", "MULLER");
  VARIANTS ("Bäcker", "BAECKER", "BACKER");
  VARIANTS ("Ångström", "AANGSTROEM", "ANGSTROEM", "AANGSTROM", "ANGSTROM");
  VARIANTS ("Øster", "OESTER");
  VARIANTS ("Ærø", "AEROE");
  VARIANTS ("Strauß", "STRAUSS");
  VARIANTS ("Þórsdóttir", "THORSDOTTIR");
  VARIANTS ("Ĳssel", "IJSSEL");
  VARIANTS ("Œuvray", "OEUVRAY");
  VARIANTS ("Guðrún", "GUDRUN");
  VARIANTS ("Łukasz", "LUKASZ");
  VARIANTS ("Đorđević", "DORDEVIC");
  /* Ñ: N, or NXX; a state writes every Ñ of a name the same way. */
  VARIANTS ("Ñúñez", "NUNEZ", "NXXUNXXEZ");
  VARIANTS ("Peña", "PENA", "PENXXA");
}

static void
test_accents_dropped (void)
{
  VARIANTS ("Éléonore", "ELEONORE");
  VARIANTS ("Čapek", "CAPEK");
  VARIANTS ("Ștefănescu", "STEFANESCU");
  VARIANTS ("Þorsteinn Ýmir", "THORSTEINN<YMIR");
  VARIANTS ("François", "FRANCOIS");
  VARIANTS ("Yılmaz", "YILMAZ");
  VARIANTS ("İnce", "INCE");
  /* Decomposed input (e + combining acute) reads like the composed one. */
  VARIANTS ("Ele\xcc\x81onore", "ELEONORE");
}

static void
test_cyrillic (void)
{
  /* И: I, or Y in Ukrainian. */
  VARIANTS ("Иванов", "IVANOV", "YVANOV");
  VARIANTS ("ИВАНОВ", "IVANOV", "YVANOV");
  VARIANTS ("Анна Петровна", "ANNA<PETROVNA");
}

static void
test_cyrillic_table (void)
{
  /* The main table, one letter each (Doc 9303 part 3). */
  static const struct
  {
    const char *cyrillic;
    const char *latin;
  } table[] = {
    { "А", "A" }, { "Б", "B" }, { "В", "V" }, { "Г", "G" }, { "Д", "D" }, { "Е", "E" },
    { "Ё", "E" }, { "Ж", "ZH" }, { "З", "Z" }, { "И", "I" }, { "Й", "I" }, { "К", "K" },
    { "Л", "L" }, { "М", "M" }, { "Н", "N" }, { "О", "O" }, { "П", "P" }, { "Р", "R" },
    { "С", "S" }, { "Т", "T" }, { "У", "U" }, { "Ф", "F" }, { "Х", "KH" }, { "Ц", "TS" },
    { "Ч", "CH" }, { "Ш", "SH" }, { "Щ", "SHCH" }, { "Ъ", "IE" }, { "Ы", "Y" }, { "Э", "E" },
    { "Ю", "IU" }, { "Я", "IA" }, { "Є", "IE" }, { "І", "I" }, { "Ї", "I" }, { "Ґ", "G" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *name = g_strconcat ("А", table[i].cyrillic, "А", NULL);
      g_autofree char *lower = g_utf8_strdown (name, -1);
      g_autofree char *expected = g_strconcat ("A", table[i].latin, "A", NULL);
      g_auto(GStrv) upper_variants = pf_translit_variants (name);
      g_auto(GStrv) lower_variants = pf_translit_variants (lower);

      g_assert_nonnull (upper_variants);
      g_assert_cmpstr (upper_variants[0], ==, expected);
      g_assert_nonnull (lower_variants);
      g_assert_cmpstr (lower_variants[0], ==, expected);
    }

  /* Ь is left out. */
  VARIANTS ("Ильин", "ILIN", "YLYN");
  VARIANTS ("Щукин", "SHCHUKIN", "SHTUKIN", "SHCHUKYN", "SHTUKYN");
  VARIANTS ("Юрьев", "IUREV");
  VARIANTS ("Ярослав", "IAROSLAV");
  /* Ukrainian Є, Ї, Ґ and the Ukrainian exception И -> Y. */
  VARIANTS ("Євгенія", "IEVGENIIA", "IEVHENIIA");
  VARIANTS ("Ґалаґан", "GALAGAN");
  VARIANTS ("Їжак", "IZHAK", "IZAK");
}

static void
test_punctuation (void)
{
  VARIANTS ("O'Brien", "OBRIEN");
  VARIANTS ("O’Brien", "OBRIEN");
  VARIANTS ("Jean-Luc", "JEAN<LUC");
  VARIANTS ("Jean Luc", "JEAN<LUC");
  VARIANTS ("  Jean -  Luc  ", "JEAN<LUC");
  VARIANTS ("St. John", "ST<JOHN");
  VARIANTS ("García López", "GARCIA<LOPEZ");
  VARIANTS ("van der Berg", "VAN<DER<BERG");
}

static void
test_rejected (void)
{
  g_assert_null (pf_translit_variants (""));
  g_assert_null (pf_translit_variants ("  -  "));
  g_assert_null (pf_translit_variants ("R2D2"));
  /* Greek is not covered. */
  g_assert_null (pf_translit_variants ("Παπαδόπουλος"));
  g_assert_null (pf_translit_variants ("Name\xff"));
  g_assert_null (pf_translit_variants ("Na\xc3"));
}

static void
test_cap (void)
{
  /* Six letters with choices: 2*2*3*2*2*2 = 96 spellings, capped. */
  g_auto(GStrv) variants = pf_translit_variants ("ÄÅÜÖÑГ");

  g_assert_nonnull (variants);
  g_assert_cmpuint (g_strv_length (variants), ==, PF_TRANSLIT_MAX_VARIANTS);
  g_assert_cmpstr (variants[0], ==, "AEAAUEOENG");
}

static void
test_fold (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Müller", "MULLER" },
    { "Øster", "OSTER" },
    { "Straße", "STRASSE" },
    { "Иванов", "IVANOV" },
    { "  Jean-Luc  O'Brien ", "JEAN LUC OBRIEN" },
    { "AB 012-3456", "AB 012 3456" },
    { "Παπα", "ΠΑΠΑ" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = pf_translit_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  g_assert_null (pf_translit_fold ("bad\xfe"));
}

static void
test_equivalent (void)
{
  g_assert_true (pf_translit_chars_equivalent ('u', 'U'));
  g_assert_true (pf_translit_chars_equivalent (0xFC /* ü */, 'U'));
  g_assert_true (pf_translit_chars_equivalent (0xD8 /* Ø */, 'o'));
  g_assert_true (pf_translit_chars_equivalent (' ', '-'));
  g_assert_true (pf_translit_chars_equivalent ('<', ' '));
  g_assert_false (pf_translit_chars_equivalent (0xFC, 0xF6 /* ö */));
  g_assert_false (pf_translit_chars_equivalent ('O', '0'));
  g_assert_true (pf_translit_chars_equivalent ('5', '5'));

  g_assert_true (pf_translit_has_latin_diacritics ("Müller"));
  g_assert_true (pf_translit_has_latin_diacritics ("Strauß"));
  g_assert_false (pf_translit_has_latin_diacritics ("Mueller"));
  g_assert_false (pf_translit_has_latin_diacritics ("Иванов"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/translit/latin-options", test_latin_options);
  g_test_add_func ("/pf/translit/accents-dropped", test_accents_dropped);
  g_test_add_func ("/pf/translit/cyrillic", test_cyrillic);
  g_test_add_func ("/pf/translit/cyrillic-table", test_cyrillic_table);
  g_test_add_func ("/pf/translit/punctuation", test_punctuation);
  g_test_add_func ("/pf/translit/rejected", test_rejected);
  g_test_add_func ("/pf/translit/cap", test_cap);
  g_test_add_func ("/pf/translit/fold", test_fold);
  g_test_add_func ("/pf/translit/equivalent", test_equivalent);

  return g_test_run ();
}
