/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details comparator: every reason, with the error on the typed side
 * and on the document's side, and advice that quotes the document. */

#include <locale.h>
#include <string.h>

#include "pf-compare.h"

#define NO_ADVICE NULL

/* The spans must cover both strings, in order, without gaps. */
static void
assert_spans_cover (PfComparison *c)
{
  const char *typed = pf_comparison_get_typed (c);
  const char *doc = pf_comparison_get_document (c);
  guint n_spans, typed_pos = 0, doc_pos = 0;
  const PfDiffSpan *spans = pf_comparison_get_spans (c, &n_spans);

  /* Nothing typed (or only spaces) is not compared, so not aligned. */
  if (doc == NULL || typed[strspn (typed, " ")] == '\0')
    {
      g_assert_cmpuint (n_spans, ==, 0);
      return;
    }

  for (guint i = 0; i < n_spans; i++)
    {
      g_assert_cmpuint (spans[i].typed_start, ==, typed_pos);
      g_assert_cmpuint (spans[i].document_start, ==, doc_pos);
      switch (spans[i].kind)
        {
        case PF_DIFF_EQUAL:
          g_assert_cmpuint (spans[i].typed_len, ==, spans[i].document_len);
          break;
        case PF_DIFF_INSERTED:
          g_assert_cmpuint (spans[i].document_len, ==, 0);
          break;
        case PF_DIFF_DELETED:
          g_assert_cmpuint (spans[i].typed_len, ==, 0);
          break;
        case PF_DIFF_CHANGED:
        default:
          break;
        }
      if (i > 0)
        g_assert_cmpint (spans[i].kind, !=, spans[i - 1].kind);
      typed_pos += spans[i].typed_len;
      doc_pos += spans[i].document_len;
    }
  g_assert_cmpuint (typed_pos, ==, g_utf8_strlen (typed, -1));
  g_assert_cmpuint (doc_pos, ==, g_utf8_strlen (doc, -1));
}

static PfComparison *
compare (PfField         field,
         const char     *typed,
         const char     *printed,
         const char     *mrz,
         PfCompareFlags  flags)
{
  g_autoptr(GError) error = NULL;
  PfComparison *c = pf_compare_field (field, typed, printed, mrz, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  assert_spans_cover (c);
  return c;
}

/* Checks a comparison's verdict, reason and severity, and that its advice
 * holds @advice_has (the document's value, usually). */
static void
expect (PfField         field,
        const char     *typed,
        const char     *printed,
        const char     *mrz,
        PfCompareFlags  flags,
        PfVerdict       verdict,
        PfReason        reason,
        PfSeverity      severity,
        const char     *advice_has)
{
  g_autoptr(PfComparison) c = compare (field, typed, printed, mrz, flags);
  PfFinding *finding = pf_comparison_get_finding (c);
  g_autofree char *id = g_strconcat ("details.", pf_field_get_id (field), NULL);

  g_assert_nonnull (finding);
  if (pf_comparison_get_verdict (c) != verdict || pf_comparison_get_reason (c) != reason ||
      pf_finding_get_severity (finding) != severity)
    g_error ("“%s” against “%s” / “%s”: got %s, %s, %s (%s), expected %s, %s, %s",
             typed, printed, mrz, pf_verdict_to_string (pf_comparison_get_verdict (c)),
             pf_reason_to_string (pf_comparison_get_reason (c)),
             pf_severity_to_string (pf_finding_get_severity (finding)),
             pf_finding_get_advice (finding), pf_verdict_to_string (verdict),
             pf_reason_to_string (reason), pf_severity_to_string (severity));

  g_assert_cmpstr (pf_finding_get_id (finding), ==, id);
  g_assert_cmpuint (strlen (pf_finding_get_title (finding)), >, 0);
  if (advice_has != NULL && strstr (pf_finding_get_advice (finding), advice_has) == NULL)
    g_error ("advice for “%s” lacks “%s”: %s", typed, advice_has, pf_finding_get_advice (finding));
}

#define SURNAME PF_FIELD_SURNAME
#define GIVEN PF_FIELD_GIVEN_NAMES
#define NUMBER PF_FIELD_DOCUMENT_NUMBER
#define BIRTH PF_FIELD_BIRTH_DATE
#define EXPIRY PF_FIELD_EXPIRY_DATE
#define NATION PF_FIELD_NATIONALITY
#define NONE PF_COMPARE_NONE
#define MATCH PF_VERDICT_MATCH
#define MISMATCH PF_VERDICT_MISMATCH
#define OK PF_SEVERITY_OK
#define CAUTION PF_SEVERITY_CAUTION
#define BLOCKER PF_SEVERITY_BLOCKER

static void
test_ids (void)
{
  static const char *const field_ids[] = {
    "surname", "given_names", "birth_date", "nationality", "document_number", "expiry_date",
  };
  static const char *const reason_ids[] = {
    NULL, "typo", "lookalike", "order", "missing-name", "extra-name", "transliteration",
    "truncated", "date-order", "two-digit-year", "different",
  };

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      g_assert_cmpstr (pf_field_get_id (f), ==, field_ids[f]);
      g_assert_nonnull (pf_field_get_label (f));
    }
  for (PfReason r = 0; r < G_N_ELEMENTS (reason_ids); r++)
    g_assert_cmpstr (pf_reason_to_string (r), ==, reason_ids[r]);
  g_assert_cmpstr (pf_verdict_to_string (PF_VERDICT_MATCH), ==, "match");
  g_assert_cmpstr (pf_verdict_to_string (PF_VERDICT_MISMATCH), ==, "mismatch");
  g_assert_cmpstr (pf_verdict_to_string (PF_VERDICT_UNREADABLE), ==, "unreadable");
  g_assert_cmpstr (pf_verdict_to_string (PF_VERDICT_NOT_COMPARED), ==, "not-compared");
}

static void
test_names_match (void)
{
  expect (SURNAME, "Müller", "MÜLLER", "MUELLER", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (SURNAME, "müller", "Müller", NULL, NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (SURNAME, "  Smith ", "SMITH", "SMITH", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (GIVEN, "Jean-Luc", "Jean-Luc", "JEAN<LUC", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (GIVEN, "Jean Luc", NULL, "JEAN<LUC", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* The MRZ parser's form, spaces for fillers. */
  expect (GIVEN, "Jean-Luc", NULL, "JEAN LUC", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (SURNAME, "O'Brien", NULL, "OBRIEN", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (SURNAME, "O’Brien", "O'BRIEN", "OBRIEN", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
}

static void
test_names_transliteration (void)
{
  /* The person typed it right; the MRZ writes it as Doc 9303 allows. */
  expect (SURNAME, "Müller", NULL, "MUELLER", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "MUELLER");
  expect (SURNAME, "Müller", NULL, "MULLER", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "MULLER");
  expect (SURNAME, "Müller", NULL, "MUXXLLER", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "MUXXLLER");
  expect (SURNAME, "Øster", NULL, "OESTER", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "OESTER");
  expect (SURNAME, "Ñúñez", NULL, "NUNEZ", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "NUNEZ");
  expect (SURNAME, "Ñúñez", NULL, "NXXUNXXEZ", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "NXXUNXXEZ");
  expect (SURNAME, "Strauß", "Strauß", "STRAUSS", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (SURNAME, "Иванов", NULL, "IVANOV", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "IVANOV");
  expect (SURNAME, "Щукин", NULL, "SHCHUKIN", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "SHCHUKIN");
  expect (GIVEN, "Анна-Мария", NULL, "ANNA<MARIIA", NONE, MATCH, PF_REASON_TRANSLITERATION, OK,
          "ANNA MARIIA");
  /* Printed in Cyrillic, typed in the Latin spelling the form needs. */
  expect (SURNAME, "Ivanov", "ИВАНОВ", "IVANOV", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, "ИВАНОВ");

  /* The other direction: the document prints diacritics the typed name
   * lacks. Same name, but worth typing as printed. */
  expect (SURNAME, "Mueller", "Müller", "MUELLER", NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION,
          "Müller");
  expect (SURNAME, "Muller", "Müller", NULL, NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION, "Müller");
  expect (SURNAME, "Oster", "Øster", "OESTER", NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION, "Øster");
  expect (SURNAME, "Nunez", "Ñúñez", NULL, NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION, "Ñúñez");
  /* Typed with accents our reading of the printed zone lacks: the MRZ's
   * MUELLER shows the reading lost them... */
  expect (SURNAME, "Müller", "Muller", "MUELLER", NONE, MATCH, PF_REASON_TRANSLITERATION, OK, NO_ADVICE);
  /* ...without it, ask. */
  expect (SURNAME, "Müller", "Muller", NULL, NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION, "Muller");
}

static void
test_names_punctuation (void)
{
  expect (SURNAME, "OBrien", "O'Brien", "OBRIEN", NONE, MATCH, PF_REASON_NONE, CAUTION, "O'Brien");
  expect (GIVEN, "Jean Luc", "Jean-Luc", NULL, NONE, MATCH, PF_REASON_NONE, CAUTION, "Jean-Luc");
  expect (GIVEN, "Jeanluc", "Jean-Luc", NULL, NONE, MATCH, PF_REASON_NONE, CAUTION, "Jean-Luc");
  expect (GIVEN, "Jean-Luc", "Jeanluc", NULL, NONE, MATCH, PF_REASON_NONE, CAUTION, "Jeanluc");
  expect (GIVEN, "Jeanluc", NULL, "JEAN<LUC", NONE, MATCH, PF_REASON_NONE, CAUTION, "JEAN LUC");
}

static void
test_names_truncated (void)
{
  /* The MRZ cuts a long name short: a match, and nothing to change. */
  expect (SURNAME, "Wolfeschlegelsteinhausenbergerdorff", NULL, "WOLFESCHLEGELSTEINHAUSENBERGERDO",
          NONE, MATCH, PF_REASON_TRUNCATED, OK, "WOLFESCHLEGELSTEINHAUSENBERGERDO");
  expect (SURNAME, "Wolfeschlegelsteinhausenbergerdorff", "Wolfeschlegelsteinhausenbergerdorff",
          "WOLFESCHLEGELSTEINHAUSENBERGERDO", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (GIVEN, "Anna-Maria", NULL, "ANNA<MA", PF_COMPARE_MRZ_NAMES_TRUNCATED, MATCH,
          PF_REASON_TRUNCATED, OK, "ANNA MA");
  expect (GIVEN, "Hans-Jürgen", NULL, "HANS<JUE", PF_COMPARE_MRZ_NAMES_TRUNCATED, MATCH,
          PF_REASON_TRUNCATED, OK, NO_ADVICE);
  /* A short prefix without that knowledge is a different name. */
  expect (SURNAME, "Ivanova", NULL, "IVANOV", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“IVANOV”");
  expect (GIVEN, "Anna-Maria", NULL, "ANNA<MA", NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "“ANNA MA”");
  /* Cut at the end of a word: truncation only when the MRZ's name field
   * is known to be full; otherwise a name was left out. */
  expect (GIVEN, "Hans Peter", NULL, "HANS", PF_COMPARE_MRZ_NAMES_TRUNCATED, MATCH,
          PF_REASON_TRUNCATED, OK, NO_ADVICE);
  expect (GIVEN, "Hans Peter", NULL, "HANS", NONE, MISMATCH, PF_REASON_EXTRA_NAME, BLOCKER, "Peter");
  /* The other direction: the person typed the cut-short MRZ name. */
  expect (SURNAME, "Wolfeschlegelsteinhausenbergerdo", "Wolfeschlegelsteinhausenbergerdorff",
          "WOLFESCHLEGELSTEINHAUSENBERGERDO", NONE, MISMATCH, PF_REASON_TRUNCATED, CAUTION,
          "Wolfeschlegelsteinhausenbergerdorff");
}

static void
test_names_order (void)
{
  expect (GIVEN, "Peter Hans", "Hans Peter", NULL, NONE, MISMATCH, PF_REASON_ORDER, BLOCKER,
          "Hans Peter");
  expect (GIVEN, "Peter Hans", NULL, "HANS<PETER", NONE, MISMATCH, PF_REASON_ORDER, BLOCKER,
          "HANS PETER");
  expect (SURNAME, "López García", "García López", NULL, NONE, MISMATCH, PF_REASON_ORDER, BLOCKER,
          "García López");
  expect (SURNAME, "Lopez Garcia", NULL, "GARCIA<LOPEZ", NONE, MISMATCH, PF_REASON_ORDER, BLOCKER,
          "GARCIA LOPEZ");
}

static void
test_names_swapped_fields (void)
{
  const char *typed[PF_N_FIELDS] = { [SURNAME] = "Hans Peter", [GIVEN] = "Müller" };
  const char *printed[PF_N_FIELDS] = { [SURNAME] = "Müller", [GIVEN] = "Hans Peter" };
  const char *mrz[PF_N_FIELDS] = { [SURNAME] = "MUELLER", [GIVEN] = "HANS<PETER" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = pf_compare_details (typed, printed, mrz, NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, PF_N_FIELDS);
  for (PfField f = SURNAME; f <= GIVEN; f++)
    {
      PfComparison *c = g_ptr_array_index (all, f);
      PfFinding *finding = pf_comparison_get_finding (c);

      g_assert_cmpint (pf_comparison_get_field (c), ==, f);
      g_assert_cmpint (pf_comparison_get_verdict (c), ==, MISMATCH);
      g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_ORDER);
      g_assert_cmpint (pf_finding_get_severity (finding), ==, BLOCKER);
      g_assert_nonnull (strstr (pf_finding_get_advice (finding), "“Müller” as the surname"));
      g_assert_nonnull (strstr (pf_finding_get_advice (finding), "“Hans Peter” as the given names"));
      assert_spans_cover (c);
    }
  /* Fields with nothing typed (and nothing read) are not compared. */
  g_assert_cmpint (pf_comparison_get_verdict (g_ptr_array_index (all, NUMBER)), ==,
                   PF_VERDICT_NOT_COMPARED);

  /* Only the MRZ read: the same. */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = pf_compare_details (typed, NULL, mrz, NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_comparison_get_reason (g_ptr_array_index (all, SURNAME)), ==, PF_REASON_ORDER);
  g_assert_cmpint (pf_comparison_get_reason (g_ptr_array_index (all, GIVEN)), ==, PF_REASON_ORDER);

  /* Right way round: plain matches. */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = pf_compare_details (printed, printed, mrz, NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_comparison_get_verdict (g_ptr_array_index (all, SURNAME)), ==, MATCH);
  g_assert_cmpint (pf_comparison_get_verdict (g_ptr_array_index (all, GIVEN)), ==, MATCH);
}

static void
test_names_missing_extra (void)
{
  expect (GIVEN, "Hans", "Hans Peter", NULL, NONE, MISMATCH, PF_REASON_MISSING_NAME, BLOCKER,
          "“Peter”");
  expect (GIVEN, "Hans", "Hans Peter", NULL, NONE, MISMATCH, PF_REASON_MISSING_NAME, BLOCKER,
          "“Hans Peter”");
  expect (GIVEN, "Peter", NULL, "HANS<PETER", NONE, MISMATCH, PF_REASON_MISSING_NAME, BLOCKER,
          "“HANS”");
  expect (GIVEN, "Maria José", "María José Carmen", NULL, NONE, MISMATCH, PF_REASON_MISSING_NAME,
          BLOCKER, "“Carmen”");
  expect (GIVEN, "Hans Peter", "Hans", NULL, NONE, MISMATCH, PF_REASON_EXTRA_NAME, BLOCKER, "“Peter”");
  expect (GIVEN, "Hans Peter Karl", "Hans", "HANS", NONE, MISMATCH, PF_REASON_EXTRA_NAME, BLOCKER,
          "“Peter”, “Karl”");
}

static void
test_names_typo (void)
{
  /* A letter too many, missing, changed or swapped; in both directions. */
  expect (SURNAME, "Mülller", "Müller", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“Müller”");
  expect (SURNAME, "Müler", "Müller", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "character 4, the letter l, is missing");
  expect (SURNAME, "Mülelr", "Müller", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "swapped");
  expect (SURNAME, "Schmitt", "Schmidt", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "character 6 is the letter d, not the letter t");
  expect (SURNAME, "Müller", "Mülller", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“Mülller”");
  expect (SURNAME, "Muelelr", NULL, "MUELLER", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“MUELLER”");
  expect (SURNAME, "Müler", NULL, "MUELLER", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“MUELLER”");
  expect (SURNAME, "Ivanova", NULL, "IVANOV", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, "“IVANOV”");
}

static void
test_names_lookalike_different (void)
{
  expect (GIVEN, "J0hn", "John", NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 2 is the letter o, not the digit zero (0)");
  expect (GIVEN, "John", "J0HN", NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 2 is the digit zero (0), not the letter o");
  expect (SURNAME, "Smith", "Müller", "MUELLER", NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "“Müller”");
  expect (SURNAME, "Smith", NULL, "MUELLER", NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "“MUELLER”");
  /* Our reading of the printed zone is wrong and the MRZ agrees with
   * what was typed: a match, with a word to check the reading. */
  expect (SURNAME, "Müller", "Mu11er", "MUELLER", NONE, MATCH, PF_REASON_TRANSLITERATION, CAUTION,
          "“MUELLER”");
}

static void
test_number_match (void)
{
  expect (NUMBER, "AB0123456", "AB0123456", "AB0123456", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (NUMBER, "ab0123456", NULL, "AB0123456<", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* Separators do not count, but the document has none: say so. */
  expect (NUMBER, "AB 012-3456", "AB0123456", NULL, NONE, MATCH, PF_REASON_NONE, CAUTION,
          "type “AB0123456”");
  expect (NUMBER, "AB 012-3456", "AB 0123456", NULL, NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (NUMBER, "AB0123456", "AB 0123456", NULL, NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* The MRZ's number confirms the typed one over a misreading. */
  expect (NUMBER, "AB0123456", "ABO123456", "AB0123456", NONE, MATCH, PF_REASON_NONE, CAUTION,
          "“AB0123456”");
}

static void
test_number_lookalike (void)
{
  /* Each position, letter for digit and digit for letter. */
  static const char doc[] = "B0I5Z8G1S2Q0D";
  static const char swap[] = "8O1S2B6I5Z0Q0";
  static const char *const names[] = {
    "the letter B", "the digit zero (0)", "the letter I", "the digit five (5)", "the letter Z",
    "the digit eight (8)", "the letter G", "the digit one (1)", "the letter S", "the digit two (2)",
    "the letter Q", "the digit zero (0)", "the letter D",
  };
  static const char *const swapped_names[] = {
    "the digit eight (8)", "the letter O", "the digit one (1)", "the letter S", "the digit two (2)",
    "the letter B", "the digit six (6)", "the letter I", "the digit five (5)", "the letter Z",
    "the digit zero (0)", "the letter Q", "the digit zero (0)",
  };

  for (guint i = 0; i < strlen (doc); i++)
    {
      g_autofree char *typed = g_strdup (doc);
      g_autofree char *expected = NULL;

      typed[i] = swap[i];
      expected = g_strdup_printf ("Type it as “%s”: character %u is %s, not %s.", doc, i + 1, names[i],
                                  swapped_names[i]);
      expect (NUMBER, typed, doc, NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER, expected);
      /* The other direction: the document has the look-alike. */
      expected = (g_free (expected), g_strdup_printf ("character %u is %s, not %s", i + 1,
                                                      swapped_names[i], names[i]));
      expect (NUMBER, doc, typed, NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER, expected);
    }

  expect (NUMBER, "ABO123456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "Type it as “AB0123456”: character 3 is the digit zero (0), not the letter O.");
  expect (NUMBER, "AB0123456", NULL, "ABO123456", NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 3 is the letter O, not the digit zero (0)");
  expect (NUMBER, "L23", NULL, "123", NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 1 is the digit one (1), not the letter L");
  /* Two look-alikes at once. */
  expect (NUMBER, "ABOI23456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 3 is the digit zero (0), not the letter O; character 4 is the digit one (1), "
          "not the letter I");
}

static void
test_number_typo (void)
{
  expect (NUMBER, "AB0124456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "Type it as “AB0123456”: character 6 is the digit three (3), not the digit four (4).");
  expect (NUMBER, "AB0213456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "characters 4 and 5 are the digit one (1) then the digit two (2): you swapped them");
  expect (NUMBER, "AB012456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "character 6, the digit three (3), is missing");
  expect (NUMBER, "AB01233456", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "remove the digit three (3) before character 7");
  expect (NUMBER, "AB01234567", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "remove the digit seven (7) at the end");
  /* The other direction: the document has the extra or the changed one. */
  expect (NUMBER, "AB0123456", "AB01233456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "Type it as “AB01233456”: character 7, the digit three (3), is missing.");
  expect (NUMBER, "AB0123456", "AB0213456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "characters 4 and 5 are the digit two (2) then the digit one (1): you swapped them");
  /* Two edits are still a typo; three are not. */
  expect (NUMBER, "AC0123457", "AB0123456", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "“AB0123456”");
  expect (NUMBER, "AC0123457", "AB0123458", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER, NO_ADVICE);
  expect (NUMBER, "XC9123457", "AB0123458", NULL, NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "The document shows “AB0123458”.");
}

static void
test_nationality (void)
{
  expect (NATION, "DEU", NULL, "DEU", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (NATION, "deu", "DEU", "D<<", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (NATION, "DEU", NULL, "D<<", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (NATION, "DEV", NULL, "DEU", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "character 3 is the letter U, not the letter V");
  expect (NATION, "GBR", NULL, "DEU", NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER, "“DEU”");
  expect (NATION, "Germany", NULL, "DEU", NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "nationality code “DEU”");
  expect (NATION, "NL0", NULL, "NLD", NONE, MISMATCH, PF_REASON_LOOKALIKE, BLOCKER,
          "character 3 is the letter D, not the digit zero (0)");
}

static void
test_dates_match (void)
{
  expect (BIRTH, "12 August 1974", "1974-08-12", "740812", NONE, MATCH, PF_REASON_NONE, OK,
          "12 August 1974");
  expect (BIRTH, "1974-08-12", NULL, "740812", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (BIRTH, "12.08.1974", "12.08.1974", NULL, NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (BIRTH, "31/12/1974", NULL, "741231", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (BIRTH, "12/08/1974", NULL, "740812", PF_COMPARE_DATES_DAY_FIRST, MATCH, PF_REASON_NONE, OK,
          NO_ADVICE);
  expect (BIRTH, "08/12/1974", NULL, "740812", PF_COMPARE_DATES_MONTH_FIRST, MATCH, PF_REASON_NONE,
          OK, NO_ADVICE);
  expect (EXPIRY, "15.01.2030", NULL, "300115", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  expect (EXPIRY, "15.01.1999", NULL, "990115", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* Birth dates lie in the past: 05 is 2005, and the year this century
   * a birthday later this year would give is the last century's. */
  expect (BIRTH, "01.02.2005", NULL, "050201", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* The form's order unknown and the date reads both ways: a match either
   * way, with a caution naming both. */
  expect (BIRTH, "08/12/1974", NULL, "741208", NONE, MATCH, PF_REASON_NONE, CAUTION, "08/12/1974");
  expect (BIRTH, "08/12/1974", NULL, "741208", NONE, MATCH, PF_REASON_NONE, CAUTION, "12/08/1974");
}

static void
test_dates_order (void)
{
  /* Day first where the form wants month first... */
  expect (BIRTH, "08/12/1974", "1974-12-08", NULL, PF_COMPARE_DATES_MONTH_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "type “12/08/1974”");
  expect (BIRTH, "08/12/1974", "1974-12-08", NULL, PF_COMPARE_DATES_MONTH_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "You typed the day first");
  expect (BIRTH, "31.12.1974", NULL, "741231", PF_COMPARE_DATES_MONTH_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "“12.31.1974”");
  /* ...and month first where it wants day first. */
  expect (BIRTH, "12/08/1974", "1974-12-08", NULL, PF_COMPARE_DATES_DAY_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "type “08/12/1974”");
  expect (BIRTH, "12/08/1974", "1974-12-08", NULL, PF_COMPARE_DATES_DAY_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "You typed the month first");
  /* 12/31 can only be month first; a day-first form reads month 31. */
  expect (EXPIRY, "12/31/2030", NULL, "301231", PF_COMPARE_DATES_DAY_FIRST, MISMATCH,
          PF_REASON_DATE_ORDER, BLOCKER, "“31/12/2030”");
  /* Dots mean day first, so 12.31 is no date at all. */
  expect (EXPIRY, "12.31.2030", NULL, "301231", NONE, MISMATCH, PF_REASON_DATE_ORDER, BLOCKER,
          "“31.12.2030”");
}

static void
test_dates_two_digit_year (void)
{
  expect (BIRTH, "12.08.74", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_TWO_DIGIT_YEAR, BLOCKER,
          "type “12.08.1974”");
  expect (BIRTH, "12 Aug 74", NULL, "740812", NONE, MISMATCH, PF_REASON_TWO_DIGIT_YEAR, BLOCKER,
          "12.08.1974");
  expect (EXPIRY, "01/15/30", NULL, "300115", PF_COMPARE_DATES_MONTH_FIRST, MISMATCH,
          PF_REASON_TWO_DIGIT_YEAR, BLOCKER, "“01/15/2030”");
  /* The other direction: the printed zone's year has two digits, which
   * we cannot read; the MRZ's date decides. */
  expect (BIRTH, "12.08.1974", "12.08.74", "740812", NONE, MATCH, PF_REASON_NONE, OK, NO_ADVICE);
  /* Short and wrong anyway: not only the year. */
  expect (BIRTH, "13.09.74", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "12.08.1974");
}

static void
test_dates_typo_different (void)
{
  expect (BIRTH, "12.08.1947", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "characters 9 and 10 are the digit seven (7) then the digit four (4): you swapped them");
  expect (BIRTH, "12.08.1974", "1947-08-12", NULL, NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "“12.08.1947”");
  expect (BIRTH, "13.08.1974", NULL, "740812", NONE, MISMATCH, PF_REASON_TYPO, BLOCKER,
          "character 2 is the digit two (2), not the digit three (3)");
  expect (BIRTH, "01.01.2000", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "12 August 1974");
  expect (BIRTH, "yesterday", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "12.08.1974");
  expect (BIRTH, "31.02.1974", "1974-08-12", NULL, NONE, MISMATCH, PF_REASON_DIFFERENT, BLOCKER,
          "12 August 1974");
  /* The MRZ's date confirms the typed one over a misreading. */
  expect (BIRTH, "12.08.1974", "1974-08-13", "740812", NONE, MATCH, PF_REASON_NONE, CAUTION,
          "machine-readable");
}

static void
test_empty_and_unreadable (void)
{
  const char *blanks[] = { NULL, "", "   " };

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    for (guint b = 0; b < G_N_ELEMENTS (blanks); b++)
      {
        g_autoptr(PfComparison) c = compare (f, blanks[b], "X", "X", NONE);

        g_assert_cmpint (pf_comparison_get_verdict (c), ==, PF_VERDICT_NOT_COMPARED);
        g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_NONE);
        g_assert_null (pf_comparison_get_finding (c));
        g_assert_cmpstr (pf_comparison_get_typed (c), ==, blanks[b] != NULL ? blanks[b] : "");
      }

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      g_autoptr(PfComparison) c = compare (f, "Something", NULL, NULL, NONE);
      g_autoptr(PfComparison) blank = compare (f, "Something", " ", "", NONE);
      PfFinding *finding = pf_comparison_get_finding (c);

      g_assert_cmpint (pf_comparison_get_verdict (c), ==, PF_VERDICT_UNREADABLE);
      g_assert_cmpint (pf_comparison_get_verdict (blank), ==, PF_VERDICT_UNREADABLE);
      g_assert_null (pf_comparison_get_document (c));
      g_assert_cmpint (pf_finding_get_severity (finding), ==, CAUTION);
      g_assert_nonnull (strstr (pf_finding_get_advice (finding), "compare it yourself"));
    }

  /* A date we cannot read either way is unreadable too. */
  expect (BIRTH, "12.08.1974", "12.08.74", "74<<<<", NONE, PF_VERDICT_UNREADABLE, PF_REASON_NONE,
          CAUTION, "compare it yourself");
}

static void
test_invalid_utf8 (void)
{
  const char *bad = "M\xc3\xbcl\xffler";

  for (guint which = 0; which < 3; which++)
    {
      g_autoptr(GError) error = NULL;
      PfComparison *c = pf_compare_field (SURNAME, which == 0 ? bad : "Müller",
                                          which == 1 ? bad : "Müller",
                                          which == 2 ? bad : "MUELLER", NONE, &error);

      g_assert_null (c);
      g_assert_error (error, PF_COMPARE_ERROR, PF_COMPARE_ERROR_INVALID_TEXT);
    }

  {
    const char *typed[PF_N_FIELDS] = { [NUMBER] = "AB\xc0" };
    g_autoptr(GError) error = NULL;
    GPtrArray *all = pf_compare_details (typed, NULL, NULL, NONE, &error);

    g_assert_null (all);
    g_assert_error (error, PF_COMPARE_ERROR, PF_COMPARE_ERROR_INVALID_TEXT);
  }
}

static void
test_spans (void)
{
  g_autoptr(PfComparison) number = compare (NUMBER, "ABO123456", "AB0123456", NULL, NONE);
  g_autoptr(PfComparison) name = compare (SURNAME, "Müler", "Müller", NULL, NONE);
  g_autoptr(PfComparison) extra = compare (NUMBER, "AB 0123456", "AB0123456", NULL, NONE);
  const PfDiffSpan *spans;
  guint n;

  spans = pf_comparison_get_spans (number, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (spans[0].kind, ==, PF_DIFF_EQUAL);
  g_assert_cmpint (spans[1].kind, ==, PF_DIFF_CHANGED);
  g_assert_cmpuint (spans[1].typed_start, ==, 2);
  g_assert_cmpuint (spans[1].document_start, ==, 2);
  g_assert_cmpuint (spans[1].typed_len, ==, 1);
  g_assert_cmpint (spans[2].kind, ==, PF_DIFF_EQUAL);

  /* Characters, not bytes: ü is one. */
  spans = pf_comparison_get_spans (name, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (spans[1].kind, ==, PF_DIFF_DELETED);
  g_assert_cmpuint (spans[1].typed_start, ==, 3);
  g_assert_cmpuint (spans[1].document_start, ==, 3);
  g_assert_cmpuint (spans[1].document_len, ==, 1);

  spans = pf_comparison_get_spans (extra, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (spans[1].kind, ==, PF_DIFF_INSERTED);
  g_assert_cmpuint (spans[1].typed_start, ==, 2);
  g_assert_cmpuint (spans[1].typed_len, ==, 1);
}

static char *
long_text (guint   n,
           guint32 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);
  char *text = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    text[i] = 'A' + g_rand_int_range (rand, 0, 26);
  text[n] = '\0';
  g_rand_free (rand);
  return text;
}

static void
test_long_input (void)
{
  g_autofree char *a = long_text (10000, 1);
  g_autofree char *b = long_text (10000, 2);
  g_autofree char *a_typo = g_strdup (a);
  const PfDiffSpan *spans;
  guint n;

  /* Long against short, long against long and different (the alignment
   * is capped: one changed block), long with one typo (trimmed ends). */
  {
    g_autoptr(PfComparison) c = compare (NUMBER, a, "AB0123456", NULL, NONE);

    g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_DIFFERENT);
  }
  {
    g_autoptr(PfComparison) c = compare (NUMBER, a, b, NULL, NONE);

    g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_DIFFERENT);
    spans = pf_comparison_get_spans (c, &n);
    g_assert_cmpuint (n, <=, 3);
  }
  {
    g_autoptr(PfComparison) c = NULL;

    a_typo[5000] = a_typo[5000] == 'X' ? 'Y' : 'X';
    c = compare (NUMBER, a_typo, a, NULL, NONE);
    g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_TYPO);
    spans = pf_comparison_get_spans (c, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpuint (spans[1].typed_start, ==, 5000);
  }
  {
    g_autoptr(PfComparison) c = compare (SURNAME, a, b, b, NONE);

    g_assert_cmpint (pf_comparison_get_verdict (c), ==, MISMATCH);
  }
  {
    g_autoptr(GString) words = g_string_new (NULL);
    g_autoptr(PfComparison) c = NULL;

    /* Thousands of words. */
    for (guint i = 0; i < 2000; i++)
      g_string_append (words, "Jö ");
    c = compare (GIVEN, words->str, "Jö", "JOE", NONE);
    g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_EXTRA_NAME);
  }
  {
    g_autoptr(PfComparison) c = compare (BIRTH, a, "1974-08-12", NULL, NONE);

    g_assert_cmpint (pf_comparison_get_reason (c), ==, PF_REASON_DIFFERENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/compare/ids", test_ids);
  g_test_add_func ("/pf/compare/names/match", test_names_match);
  g_test_add_func ("/pf/compare/names/transliteration", test_names_transliteration);
  g_test_add_func ("/pf/compare/names/punctuation", test_names_punctuation);
  g_test_add_func ("/pf/compare/names/truncated", test_names_truncated);
  g_test_add_func ("/pf/compare/names/order", test_names_order);
  g_test_add_func ("/pf/compare/names/swapped-fields", test_names_swapped_fields);
  g_test_add_func ("/pf/compare/names/missing-extra", test_names_missing_extra);
  g_test_add_func ("/pf/compare/names/typo", test_names_typo);
  g_test_add_func ("/pf/compare/names/lookalike-different", test_names_lookalike_different);
  g_test_add_func ("/pf/compare/number/match", test_number_match);
  g_test_add_func ("/pf/compare/number/lookalike", test_number_lookalike);
  g_test_add_func ("/pf/compare/number/typo", test_number_typo);
  g_test_add_func ("/pf/compare/nationality", test_nationality);
  g_test_add_func ("/pf/compare/dates/match", test_dates_match);
  g_test_add_func ("/pf/compare/dates/order", test_dates_order);
  g_test_add_func ("/pf/compare/dates/two-digit-year", test_dates_two_digit_year);
  g_test_add_func ("/pf/compare/dates/typo-different", test_dates_typo_different);
  g_test_add_func ("/pf/compare/empty-unreadable", test_empty_and_unreadable);
  g_test_add_func ("/pf/compare/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pf/compare/spans", test_spans);
  g_test_add_func ("/pf/compare/long-input", test_long_input);

  return g_test_run ();
}
