/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A reading's fields: the MRZ's values in the form the details page
 * compares (dates in ISO 8601 once their century is known), and each
 * field's value, confidence and source once the printed zone is read too.
 * The MRZ and the printed zone check each other: a value both agree on is
 * worth more than either alone, and where they disagree the person is
 * shown both. */

#include "config.h"

#include "pf-reading-private.h"

/* Takes each field's value and confidence from the MRZ @reading. */
void
pf_reading_set_mrz_values (PfReading    *self,
                           PfMrzReading *reading)
{
  PfMrz *mrz = pf_mrz_reading_get_mrz (reading);
  static const struct
  {
    PfField    field;
    PfMrzField mrz_field;
  } map[] = {
    { PF_FIELD_SURNAME, PF_MRZ_FIELD_SURNAME },
    { PF_FIELD_GIVEN_NAMES, PF_MRZ_FIELD_GIVEN_NAMES },
    { PF_FIELD_BIRTH_DATE, PF_MRZ_FIELD_BIRTH_DATE },
    { PF_FIELD_NATIONALITY, PF_MRZ_FIELD_NATIONALITY },
    { PF_FIELD_DOCUMENT_NUMBER, PF_MRZ_FIELD_DOCUMENT_NUMBER },
    { PF_FIELD_EXPIRY_DATE, PF_MRZ_FIELD_EXPIRY_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      PfField f = map[i].field;
      const char *text = pf_mrz_get_field (mrz, map[i].mrz_field);
      GDate date;
      gboolean dated = FALSE;

      g_date_clear (&date, 1);
      if (f == PF_FIELD_BIRTH_DATE)
        dated = pf_mrz_get_birth_date (mrz, &date);
      else if (f == PF_FIELD_EXPIRY_DATE)
        dated = pf_mrz_get_expiry_date (mrz, &date);

      /* Dates in ISO 8601 once the century is known; as they stand
       * (YYMMDD, or with fillers) when they are no real day. */
      if (dated)
        self->mrz_values[f] = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                               g_date_get_month (&date), g_date_get_day (&date));
      else if (text != NULL && text[0] != '\0')
        self->mrz_values[f] = g_strdup (text);

      if (self->mrz_values[f] != NULL)
        self->mrz_confidences[f] = pf_mrz_reading_get_field_confidence (reading, map[i].mrz_field);
    }
}

/* Whether the MRZ protects @field with a check digit that passed. */
gboolean
pf_reading_mrz_field_checked (PfReading *self,
                              PfField    field)
{
  return pf_reading_get_check (self, field) == PF_MRZ_CHECK_RESULT_PASSED;
}

/* Puts each field's two readings together. They agree when the
 * comparator, given the printed value as if typed, finds it matches the
 * MRZ's: it knows the MRZ's transliterations and cut-short names. */
void
pf_reading_merge_fields (PfReading *self)
{
  PfCompareFlags flags = PF_COMPARE_DATES_DAY_FIRST;

  if (self->mrz_reading != NULL &&
      pf_mrz_get_names_truncated (pf_mrz_reading_get_mrz (self->mrz_reading)))
    flags |= PF_COMPARE_MRZ_NAMES_TRUNCATED;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *mrz = self->mrz_values[f];
      const char *printed = self->printed[f].text;
      double c_mrz = self->mrz_confidences[f], c_printed = self->printed[f].confidence;
      g_autoptr(PfComparison) comparison = NULL;

      if (mrz == NULL && printed == NULL)
        {
          self->sources[f] = PF_READING_SOURCE_NONE;
          continue;
        }
      if (printed == NULL)
        {
          self->values[f] = mrz;
          self->confidences[f] = c_mrz;
          self->sources[f] = PF_READING_SOURCE_MRZ;
          continue;
        }
      if (mrz == NULL)
        {
          self->values[f] = printed;
          self->confidences[f] = c_printed;
          self->sources[f] = PF_READING_SOURCE_PRINTED;
          continue;
        }

      comparison = pf_compare_field (f, printed, NULL, mrz, flags, NULL);
      if (comparison != NULL && pf_comparison_get_verdict (comparison) == PF_VERDICT_MATCH)
        {
          /* Names as printed keep their diacritics and are never cut
           * short; numbers and dates are as the MRZ has them. */
          self->values[f] = f == PF_FIELD_SURNAME || f == PF_FIELD_GIVEN_NAMES ? printed : mrz;
          self->confidences[f] = 1 - (1 - c_mrz) * (1 - c_printed);
          self->sources[f] = PF_READING_SOURCE_BOTH;
          continue;
        }

      /* They differ: a value its check digit vouches for wins, else the
       * surer reading; either way the person is shown both. */
      if (pf_reading_mrz_field_checked (self, f) || c_mrz >= c_printed)
        {
          self->values[f] = mrz;
          self->confidences[f] = c_mrz * (1 - c_printed / 2);
        }
      else
        {
          self->values[f] = printed;
          self->confidences[f] = c_printed * (1 - c_mrz / 2);
        }
      self->sources[f] = PF_READING_SOURCE_DISAGREE;
    }
}
