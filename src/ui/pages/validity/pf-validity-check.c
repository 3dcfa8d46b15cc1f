/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The validity step's judgement, kept apart from the page so that it can be
 * tested against any day: expiry (today counts as expired), the MRZ's check
 * digits, the kind of document the MRZ names against the kind chosen at the
 * start, and copies of the document, which services commonly refuse. It
 * reads only the session and decides; the page only shows. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-date.h"
#include "pf-validity-check.h"

/* Where the expiry date comes from, most trusted first: the person's own
 * correction of the reading, the MRZ (under a check digit), the printed
 * zone, and last what the person typed. */
gboolean
pf_validity_get_expiry (PfSession *session,
                        GDate     *expiry)
{
  const char *texts[] = {
    pf_session_get_correction (session, PF_FIELD_EXPIRY_DATE),
    NULL,
    pf_session_get_document_printed (session, PF_FIELD_EXPIRY_DATE),
    pf_session_get_detail (session, PF_FIELD_EXPIRY_DATE),
  };
  PfMrz *mrz = pf_session_get_mrz (session);

  g_return_val_if_fail (PF_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expiry != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (i == 1)
        {
          if (mrz != NULL && pf_mrz_get_expiry_date (mrz, expiry))
            return TRUE;
          continue;
        }

      /* Documents print dates day first; a date typed on a form that
       * reads both ways is not known until the person says which. */
      if (texts[i] != NULL &&
          pf_date_parse (texts[i], i == 3 ? PF_DATE_ORDER_UNKNOWN : PF_DATE_ORDER_DAY_FIRST,
                         expiry, NULL))
        return TRUE;
    }

  return FALSE;
}

static PfFinding *
check_expiry (PfSession   *session,
              const GDate *today)
{
  g_autofree char *when = NULL;
  g_autofree char *advice = NULL;
  GDate expiry;
  int days;

  if (!pf_validity_get_expiry (session, &expiry))
    return pf_finding_new ("validity.expiry", PF_SEVERITY_CAUTION,
                           _("The expiry date is not known"),
                           _("Type the expiry date in the Your details step, or take a sharper "
                             "photo of the document, so that the app can check it."));

  when = pf_date_format_long (&expiry);
  days = g_date_days_between (today, &expiry);

  /* A document is valid up to the day before its expiry date: on the day
   * itself services already refuse it. */
  if (days <= 0)
    {
      /* Translators: %s is a date such as "12 August 2026". */
      advice = g_strdup_printf (_("It expired on %s. Renew it: there is no way round an expired "
                                  "document."), when);
      return pf_finding_new ("validity.expiry", PF_SEVERITY_BLOCKER,
                             _("The document has expired"), advice);
    }

  if (days <= PF_VALIDITY_SOON_DAYS)
    {
      /* Translators: %s is a date, %d the number of days until then. */
      advice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "It expires on %s, in %d day. A review can take "
                                             "days: renew it soon, or use another document.",
                                             "It expires on %s, in %d days. A review can take "
                                             "days: renew it soon, or use another document.",
                                             days),
                                when, days);
      return pf_finding_new ("validity.expiry", PF_SEVERITY_CAUTION,
                             _("The document expires soon"), advice);
    }

  advice = g_strdup_printf (_("It expires on %s."), when);
  return pf_finding_new ("validity.expiry", PF_SEVERITY_OK, _("The document is in date"), advice);
}

/* A failed check digit is either a misread character or a changed one;
 * the app cannot tell which, so it names both. */
static PfFinding *
check_digits (PfMrz *mrz)
{
  if (pf_mrz_get_problems (mrz) & PF_MRZ_PROBLEM_CHECK_DIGIT)
    return pf_finding_new ("validity.check-digits", PF_SEVERITY_CAUTION,
                           _("The machine-readable lines do not add up"),
                           _("Their check digits fail: the photo is not sharp enough to read "
                             "them, or the document is damaged. Take a sharper photo in even "
                             "light; if they still fail, ask the issuer about a new document."));

  return pf_finding_new ("validity.check-digits", PF_SEVERITY_OK,
                         _("The machine-readable lines add up"),
                         _("Every check digit agrees with the data it protects."));
}

/* The kind of document the MRZ names: its layout and the first letter of
 * its document code (P passport, V visa; I, A and C identity cards, which
 * residence permits share). */
static PfDocumentKind
mrz_kind (PfMrz    *mrz,
          gboolean *visa)
{
  const char *code = pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_CODE);
  PfMrzLayout layout = pf_mrz_get_layout (mrz);

  *visa = layout == PF_MRZ_LAYOUT_MRV_A || layout == PF_MRZ_LAYOUT_MRV_B ||
          (code != NULL && code[0] == 'V');
  if (*visa)
    return PF_DOCUMENT_KIND_NONE;
  if (layout == PF_MRZ_LAYOUT_TD3 || (code != NULL && code[0] == 'P'))
    return PF_DOCUMENT_KIND_PASSPORT;
  /* The driving licences that carry an MRZ start it with D. */
  if (code != NULL && code[0] == 'D')
    return PF_DOCUMENT_KIND_DRIVING_LICENCE;
  return PF_DOCUMENT_KIND_ID_CARD;
}

static PfFinding *
check_kind (PfMrz          *mrz,
            PfDocumentKind  chosen)
{
  g_autofree char *advice = NULL;
  gboolean visa;
  PfDocumentKind read = mrz_kind (mrz, &visa);
  gboolean agrees;

  if (visa)
    return pf_finding_new ("validity.kind", PF_SEVERITY_BLOCKER,
                           _("This is a visa, not an identity document"),
                           _("Services ask for a passport, an identity card or a residence "
                             "permit. Photograph the passport's photo page instead."));

  if (chosen == PF_DOCUMENT_KIND_NONE)
    return NULL;

  /* Identity cards and residence permits share the card layouts and
   * codes, so either choice agrees with a card's MRZ. */
  if (read == PF_DOCUMENT_KIND_PASSPORT || read == PF_DOCUMENT_KIND_DRIVING_LICENCE)
    agrees = chosen == read;
  else
    agrees = chosen == PF_DOCUMENT_KIND_ID_CARD || chosen == PF_DOCUMENT_KIND_RESIDENCE_PERMIT;

  if (agrees)
    return pf_finding_new ("validity.kind", PF_SEVERITY_OK,
                           _("The document is the kind you chose"),
                           _("Its machine-readable lines are those of the kind you chose."));

  /* Translators: the first %s is the kind chosen ("Passport"), the second
   * the kind the document's machine-readable lines name ("ID card"). */
  advice = g_strdup_printf (_("You chose “%s”, but the machine-readable lines are those of "
                              "“%s”. Choose the same kind on the service’s form as the "
                              "document you photograph, and in the Start step here."),
                            pf_document_kind_get_label (chosen), pf_document_kind_get_label (read));
  return pf_finding_new ("validity.kind", PF_SEVERITY_BLOCKER,
                         _("The document is not the kind you chose"), advice);
}

/* The photo step's copy check says whether this is a colour photo of the
 * original; the validity step says why that matters. */
static PfFinding *
check_copy (PfSession *session)
{
  GPtrArray *findings = pf_session_get_findings (session, PF_STEP_PHOTO);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);

      if (!g_str_equal (pf_finding_get_id (finding), "photo.copy"))
        continue;

      if (pf_finding_get_severity (finding) == PF_SEVERITY_OK)
        return pf_finding_new ("validity.copy", PF_SEVERITY_OK,
                               _("A photo of the original document"),
                               _("Services ask for the original, photographed in colour."));

      return pf_finding_new ("validity.copy", PF_SEVERITY_BLOCKER,
                             _("Copies and screens are commonly refused"),
                             _("Services commonly refuse photocopies, screenshots, photos of a "
                               "screen and black-and-white scans. Photograph the original "
                               "document, in colour."));
    }

  return NULL;
}

/**
 * pf_validity_check:
 * @today: the day to judge expiry against
 *
 * Returns: (transfer container) (element-type PfFinding) (nullable): the
 *   validity step's findings, or %NULL while nothing is known to judge:
 *   no photo read, no expiry typed and no photo checked
 */
GPtrArray *
pf_validity_check (PfSession   *session,
                   const GDate *today)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  PfMrz *mrz;
  PfFinding *copy;
  GDate expiry;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  mrz = pf_session_get_mrz (session);
  copy = check_copy (session);
  if (mrz == NULL && copy == NULL && !pf_session_get_document_read (session) &&
      !pf_validity_get_expiry (session, &expiry))
    return NULL;

  g_ptr_array_add (findings, check_expiry (session, today));
  if (mrz != NULL)
    {
      PfFinding *kind = check_kind (mrz, pf_session_get_document_kind (session));

      g_ptr_array_add (findings, check_digits (mrz));
      if (kind != NULL)
        g_ptr_array_add (findings, kind);
    }
  if (copy != NULL)
    g_ptr_array_add (findings, copy);

  return g_steal_pointer (&findings);
}
