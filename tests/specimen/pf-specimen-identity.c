/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fictional identity a specimen shows, and its machine-readable zone.
 * The names are chosen to be unkind to readers: diacritics that the MRZ
 * transliterates, several parts, apostrophes and hyphens, and names too
 * long for the MRZ's name field. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pf-mrz.h"
#include "pf-specimen-private.h"

/* A PCG-style generator: small, fast and the same on every machine. */
void
specimen_rng_init (SpecimenRng *rng,
                   guint64      seed,
                   guint64      stream)
{
  rng->state = seed * 0x9E3779B97F4A7C15ull + stream * 0xD1B54A32D192ED03ull + 0x2545F4914F6CDD1Dull;
  specimen_rng_next (rng);
  specimen_rng_next (rng);
}

guint32
specimen_rng_next (SpecimenRng *rng)
{
  guint64 old = rng->state;
  guint32 xorshifted;
  guint32 rot;

  rng->state = old * 6364136223846793005ull + 1442695040888963407ull;
  xorshifted = (guint32) (((old >> 18u) ^ old) >> 27u);
  rot = (guint32) (old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

double
specimen_rng_double (SpecimenRng *rng)
{
  return specimen_rng_next (rng) / 4294967296.0;
}

double
specimen_rng_range (SpecimenRng *rng,
                    double       lo,
                    double       hi)
{
  return lo + (hi - lo) * specimen_rng_double (rng);
}

int
specimen_rng_int (SpecimenRng *rng,
                  int          n)
{
  if (n <= 1)
    return 0;
  return (int) (specimen_rng_double (rng) * n);
}

static const char *const surnames[] = {
  "Müller", "Núñez", "Østergaard", "Åberg", "Schäfer", "Grünewald", "Weiß",
  "Lindqvist", "Okafor", "Nakamura", "Kowalczyk", "Dvořák", "García Márquez",
  "O'Connor", "van der Berg", "Da Silva Santos", "Nguyen", "Papadopoulos",
  "Öztürk", "Çelik", "Johansson", "Łukasiewicz", "Ferreira", "De la Cruz",
  "Haddad", "Rossi", "Fjørtoft", "Þórsdóttir", "Kristiansen-Eikeland",
  "Wolfeschlegelsteinhausen-Bergerdorff", "Abercrombie-Fitzgerald",
  "Eriksson", "Smith", "Lee", "Ng", "Mbeki", "Lefèvre", "Søndergård",
  "Hernández de Aragón y Castellví", "Björklund", "Ivanova", "Zając",
};

static const char *const given_names[] = {
  "Anna Maria", "Jürgen", "José Luis", "Zoë", "Søren", "Åsa", "Chloé",
  "François", "Mohammed Ali", "Siobhán", "Björn", "Ngozi", "Hiroshi",
  "Małgorzata", "Jean-Baptiste Emmanuel", "Maximilian Alexander Konstantin",
  "Li", "Ève", "Ana", "Oğuz", "Renée", "Þór", "Ólafur", "Erika", "Tomasz",
  "Marie-Thérèse", "Yusuf", "Ingrid Sofie", "Ñuño", "Æsa", "Jo",
};

static const char *const places[] = {
  "Utopia City", "Lakeside", "Port Elm", "Nordhavn", "San Fermín",
  "Øresund", "Hillbrook", "Neustadt an der Weiß", "Castell de Mar",
  "Riverton", "Sankt Åsen",
};

/* MRZ codes: mostly the fictional Utopia, a few real codes for variety in
 * the MRZ only (the printed design is never a real country's). */
static const char *const states[] = {
  "UTO", "UTO", "UTO", "UTO", "UTO", "D", "NLD", "FRA", "ITA", "ESP",
  "SWE", "CAN", "NOR", "POL", "IRL", "GRC", "PRT",
};

static const char *const months[] = {
  "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
};

/* One Unicode letter to MRZ letters, by ICAO 9303 part 3 (section 6).
 * The issuing state picks between the listed options; @variant picks like
 * a state would: 0 the common choice, 1 the plain letter, 2 the rare
 * "XX" forms. */
static const char *
transliterate_char (gunichar c,
                    int      variant)
{
  switch (c)
    {
    case 0x00C4: return variant == 1 ? "A" : "AE";            /* Ä */
    case 0x00D6: return variant == 1 ? "O" : "OE";            /* Ö */
    case 0x00DC: return variant == 1 ? "U" : variant == 2 ? "UXX" : "UE"; /* Ü */
    case 0x00D1: return variant == 2 ? "NXX" : "N";           /* Ñ */
    case 0x00C5: return variant == 1 ? "A" : "AA";            /* Å */
    case 0x00C6: return "AE";                                 /* Æ */
    case 0x00D8: return "OE";                                 /* Ø */
    case 0x00DE: return "TH";                                 /* Þ */
    case 0x0152: return "OE";                                 /* Œ */
    case 0x0132: return "IJ";                                 /* Ĳ */
    case 0x0141: return "L";                                  /* Ł */
    case 0x0110: case 0x00D0: return "D";                     /* Đ Ð */
    case 0x1E9E: return "SS";                                 /* ẞ */
    default: return NULL;
    }
}

/**
 * specimen_transliterate:
 * @name: a printed name, UTF-8
 * @variant: which of the allowed options to take (see above)
 *
 * The name as MRZ characters: upper case A-Z, spaces and hyphens as '<',
 * apostrophes and other marks dropped.
 */
char *
specimen_transliterate (const char *name,
                        int         variant)
{
  g_autofree char *upper = g_utf8_strup (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = upper; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *mapped = transliterate_char (c, variant);

      if (mapped != NULL)
        g_string_append (out, mapped);
      else if (c < 128 && g_ascii_isalnum (c))
        g_string_append_c (out, (char) c);
      else if (c == ' ' || c == '-')
        g_string_append_c (out, '<');
      else
        {
          gunichar decomposed[4];
          gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

          if (n > 0 && decomposed[0] < 128 && g_ascii_isalpha (decomposed[0]))
            g_string_append_c (out, g_ascii_toupper ((char) decomposed[0]));
        }
    }

  return g_string_free (out, FALSE);
}

static char *
pad (const char *text,
     int         len)
{
  char *out = g_malloc (len + 1);
  int n = MIN ((int) strlen (text), len);

  memcpy (out, text, n);
  memset (out + n, '<', len - n);
  out[len] = '\0';
  return out;
}

static char
check_char (const char *text,
            gssize      len)
{
  int digit = pf_mrz_check_digit (text, len);

  g_assert (digit >= 0);
  return '0' + digit;
}

static char *
mrz_date (const GDate *date)
{
  return g_strdup_printf ("%02d%02d%02d",
                          g_date_get_year (date) % 100,
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static void
random_date (SpecimenRng *rng,
             GDate       *date,
             int          first_year,
             int          last_year)
{
  int year = first_year + specimen_rng_int (rng, last_year - first_year + 1);
  int month = 1 + specimen_rng_int (rng, 12);
  int day = 1 + specimen_rng_int (rng, g_date_get_days_in_month (month, year));

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static char *
random_alnum (SpecimenRng *rng,
              int          len,
              double       letter_share)
{
  char *out = g_malloc (len + 1);

  for (int i = 0; i < len; i++)
    {
      if (specimen_rng_double (rng) < letter_share)
        out[i] = 'A' + specimen_rng_int (rng, 26);
      else
        out[i] = '0' + specimen_rng_int (rng, 10);
    }
  out[len] = '\0';
  return out;
}

/* The name field: SURNAME<<GIVEN<NAMES, cut at @len (ICAO allows cutting
 * the end; a reader then sees a prefix of the given names). */
static char *
name_field (const char *surname,
            const char *given,
            int         len,
            gboolean   *truncated)
{
  g_autofree char *joined = NULL;

  if (given != NULL && *given != '\0')
    joined = g_strconcat (surname, "<<", given, NULL);
  else
    joined = g_strdup (surname);

  *truncated = (int) strlen (joined) > len;
  return pad (joined, len);
}

/* Splits an MRZ name field back into surname and given names, with
 * fillers as spaces, as a reader would report them. */
static void
split_name_field (const char *field,
                  char      **surname,
                  char      **given)
{
  g_autofree char *copy = g_strdup (field);
  char *sep = strstr (copy, "<<");
  char *rest = NULL;

  if (sep != NULL)
    {
      *sep = '\0';
      rest = sep + 2;
    }
  *surname = g_strdelimit (g_strdup (copy), "<", ' ');
  *given = g_strstrip (g_strdelimit (g_strdup (rest != NULL ? rest : ""), "<", ' '));
  g_strstrip (*surname);
  /* Runs of fillers at the end became spaces; keep single spaces only. */
  {
    g_auto (GStrv) parts = g_strsplit (*given, " ", -1);
    GString *clean = g_string_new (NULL);

    for (int i = 0; parts[i] != NULL; i++)
      {
        if (*parts[i] == '\0')
          continue;
        if (clean->len > 0)
          g_string_append_c (clean, ' ');
        g_string_append (clean, parts[i]);
      }
    g_free (*given);
    *given = g_string_free (clean, FALSE);
  }
}

static char *
printed_date (const GDate *date,
              int          style)
{
  int d = g_date_get_day (date);
  int m = g_date_get_month (date);
  int y = g_date_get_year (date);

  switch (style)
    {
    case 1:
      return g_strdup_printf ("%02d %s %04d", d, months[m - 1], y);
    case 2:
      return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
    case 3:
      return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    default:
      return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
    }
}

/**
 * specimen_identity_fill:
 *
 * Chooses the person and the document's numbers from @seed and writes the
 * MRZ for @layout with every check digit (pf_mrz_check_digit() is the one
 * implementation; the tests check the lines with it too).
 */
void
specimen_identity_fill (PfSpecimen       *self,
                        PfSpecimenLayout  layout,
                        guint32           seed)
{
  SpecimenRng rng;
  GDate birth, expiry, issue;
  g_autofree char *mrz_sur = NULL;
  g_autofree char *mrz_giv = NULL;
  g_autofree char *birth6 = NULL;
  g_autofree char *expiry6 = NULL;
  g_autofree char *number = NULL;
  g_autofree char *number9 = NULL;
  g_autofree char *nat = NULL;
  g_autofree char *nat3 = NULL;
  g_autofree char *state3 = NULL;
  g_autofree char *sex_mrz = NULL;
  int variant;
  double r;

  specimen_rng_init (&rng, seed, 1);

  self->surname = g_strdup (surnames[specimen_rng_int (&rng, G_N_ELEMENTS (surnames))]);
  self->given_names = g_strdup (given_names[specimen_rng_int (&rng, G_N_ELEMENTS (given_names))]);
  /* Now and then a second given name, to make long and multi-part names. */
  if (specimen_rng_double (&rng) < 0.25)
    {
      char *two = g_strconcat (self->given_names, " ",
                               given_names[specimen_rng_int (&rng, G_N_ELEMENTS (given_names))],
                               NULL);
      g_free (self->given_names);
      self->given_names = two;
    }
  self->birth_place = g_strdup (places[specimen_rng_int (&rng, G_N_ELEMENTS (places))]);
  self->issuing_state = g_strdup (states[specimen_rng_int (&rng, G_N_ELEMENTS (states))]);
  nat = g_strdup (specimen_rng_double (&rng) < 0.85
                    ? self->issuing_state
                    : states[specimen_rng_int (&rng, G_N_ELEMENTS (states))]);
  self->nationality = g_strdup (nat);
  nat3 = pad (nat, 3);
  state3 = pad (self->issuing_state, 3);

  r = specimen_rng_double (&rng);
  self->sex = g_strdup (r < 0.45 ? "M" : r < 0.9 ? "F" : "X");
  sex_mrz = g_strdup (g_str_equal (self->sex, "X") ? "<" : self->sex);

  random_date (&rng, &birth, 1940, 2008);
  random_date (&rng, &expiry, 2020, 2035);
  issue = expiry;
  g_date_subtract_years (&issue, specimen_rng_double (&rng) < 0.7 ? 10 : 5);
  g_date_add_days (&issue, 1);
  self->birth_date = iso_date (&birth);
  self->expiry_date = iso_date (&expiry);
  self->issue_date = iso_date (&issue);
  birth6 = mrz_date (&birth);
  expiry6 = mrz_date (&expiry);

  {
    /* Up to two letters, then digits (sometimes mixed): 9 characters. */
    int letters = specimen_rng_int (&rng, 3);
    g_autofree char *head_letters = random_alnum (&rng, letters, 1.0);
    g_autofree char *tail = random_alnum (&rng, 9 - letters,
                                          specimen_rng_double (&rng) < 0.3 ? 0.3 : 0.0);

    number = g_strconcat (head_letters, tail, NULL);
  }
  self->document_number = g_strdup (number);
  number9 = pad (number, 9);

  variant = specimen_rng_double (&rng) < 0.7 ? 0 : specimen_rng_double (&rng) < 0.7 ? 1 : 2;
  mrz_sur = specimen_transliterate (self->surname, variant);
  mrz_giv = specimen_transliterate (self->given_names, variant);

  self->optional_data = g_strdup ("");

  switch (layout)
    {
    case PF_SPECIMEN_TD1:
      {
        g_autofree char *opt1 = NULL;
        g_autofree char *l1 = NULL;
        g_autofree char *l2_head = NULL;
        g_autofree char *composite_src = NULL;
        g_autofree char *opt2 = pad ("", 11);

        self->document_code = g_strdup (specimen_rng_double (&rng) < 0.6 ? "I<"
                                        : specimen_rng_double (&rng) < 0.5 ? "ID" : "IR");
        if (specimen_rng_double (&rng) < 0.4)
          {
            g_free (self->optional_data);
            self->optional_data = random_alnum (&rng, 6 + specimen_rng_int (&rng, 6), 0);
          }
        opt1 = pad (self->optional_data, 15);
        l1 = g_strdup_printf ("%s%s%s%c%s", self->document_code, state3,
                              number9, check_char (number9, 9), opt1);
        l2_head = g_strdup_printf ("%s%c%s%s%c%s%s", birth6, check_char (birth6, 6),
                                   sex_mrz, expiry6, check_char (expiry6, 6),
                                   nat3, opt2);
        composite_src = g_strdup_printf ("%.25s%.7s%.7s%.11s", l1 + 5, l2_head,
                                         l2_head + 8, l2_head + 18);
        self->mrz_lines[0] = g_steal_pointer (&l1);
        self->mrz_lines[1] = g_strdup_printf ("%s%c", l2_head, check_char (composite_src, -1));
        self->mrz_lines[2] = name_field (mrz_sur, mrz_giv, 30, &self->mrz_name_truncated);
        self->n_mrz_lines = 3;
        split_name_field (self->mrz_lines[2], &self->mrz_surname, &self->mrz_given_names);
        break;
      }

    case PF_SPECIMEN_TD2:
    case PF_SPECIMEN_TD3:
      {
        gboolean td3 = layout == PF_SPECIMEN_TD3;
        int len = td3 ? 44 : 36;
        g_autofree char *name = NULL;
        g_autofree char *opt = NULL;
        g_autofree char *head = NULL;
        g_autofree char *composite_src = NULL;

        if (td3)
          self->document_code = g_strdup (specimen_rng_double (&rng) < 0.85 ? "P<" : "PD");
        else
          self->document_code = g_strdup (specimen_rng_double (&rng) < 0.7 ? "I<" : "ID");
        name = name_field (mrz_sur, mrz_giv, len - 5, &self->mrz_name_truncated);
        if (specimen_rng_double (&rng) < 0.35)
          {
            g_free (self->optional_data);
            self->optional_data = random_alnum (&rng, 5 + specimen_rng_int (&rng, td3 ? 9 : 3), 0);
          }
        opt = pad (self->optional_data, td3 ? 14 : 7);
        if (td3)
          {
            /* TD3 has a check digit on the personal number too. */
            head = g_strdup_printf ("%s%c%s%s%c%s%s%c%s%c", number9, check_char (number9, 9),
                                    nat3, birth6, check_char (birth6, 6), sex_mrz,
                                    expiry6, check_char (expiry6, 6), opt, check_char (opt, 14));
            composite_src = g_strdup_printf ("%.10s%.7s%.22s", head, head + 13, head + 21);
          }
        else
          {
            head = g_strdup_printf ("%s%c%s%s%c%s%s%c%s", number9, check_char (number9, 9),
                                    nat3, birth6, check_char (birth6, 6), sex_mrz,
                                    expiry6, check_char (expiry6, 6), opt);
            composite_src = g_strdup_printf ("%.10s%.7s%.14s", head, head + 13, head + 21);
          }
        self->mrz_lines[0] = g_strdup_printf ("%s%s%s", self->document_code,
                                              state3, name);
        self->mrz_lines[1] = g_strdup_printf ("%s%c", head, check_char (composite_src, -1));
        self->n_mrz_lines = 2;
        split_name_field (name, &self->mrz_surname, &self->mrz_given_names);
        break;
      }

    case PF_SPECIMEN_LICENCE:
    case PF_SPECIMEN_N_LAYOUTS:
    default:
      self->document_code = g_strdup ("");
      self->mrz_surname = g_strdup ("");
      self->mrz_given_names = g_strdup ("");
      self->n_mrz_lines = 0;
      break;
    }

  for (int i = 0; i < self->n_mrz_lines; i++)
    g_assert (strlen (self->mrz_lines[i]) == (layout == PF_SPECIMEN_TD1 ? 30
                                              : layout == PF_SPECIMEN_TD2 ? 36 : 44));
}

/* Printed dates follow one style per document, chosen by the seed. */
char *
specimen_printed_date (const char *iso,
                       guint32     seed)
{
  GDate date;
  int y, m, d;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return printed_date (&date, seed % 4);
}

static void
hsv_to_rgb (double h,
            double s,
            double v,
            double rgb[3])
{
  double r, g, b;

  h = fmod (h, 1.0) * 6.0;
  {
    int i = (int) h;
    double f = h - i;
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));

    switch (i)
      {
      case 0: r = v; g = t; b = p; break;
      case 1: r = q; g = v; b = p; break;
      case 2: r = p; g = v; b = t; break;
      case 3: r = p; g = q; b = v; break;
      case 4: r = t; g = p; b = v; break;
      default: r = v; g = p; b = q; break;
      }
  }
  rgb[0] = r;
  rgb[1] = g;
  rgb[2] = b;
}

void
specimen_palette_for_seed (SpecimenPalette *palette,
                           guint32          seed)
{
  SpecimenRng rng;
  double hue;

  specimen_rng_init (&rng, seed, 2);
  hue = specimen_rng_double (&rng);

  /* Light pastel grounds, as real cards have; the guilloche in a darker
   * tone of a neighbouring hue, the header band saturated. */
  hsv_to_rgb (hue, specimen_rng_range (&rng, 0.04, 0.22), specimen_rng_range (&rng, 0.86, 0.95),
              palette->base);
  hsv_to_rgb (hue + specimen_rng_range (&rng, -0.12, 0.12), specimen_rng_range (&rng, 0.25, 0.55),
              specimen_rng_range (&rng, 0.55, 0.8), palette->guilloche);
  hsv_to_rgb (hue + specimen_rng_range (&rng, -0.08, 0.08), specimen_rng_range (&rng, 0.45, 0.85),
              specimen_rng_range (&rng, 0.3, 0.6), palette->accent);
  hsv_to_rgb (specimen_rng_double (&rng), 0.3, specimen_rng_range (&rng, 0.05, 0.15), palette->text);
  hsv_to_rgb (hue, 0.5, specimen_rng_range (&rng, 0.3, 0.45), palette->label);
}
