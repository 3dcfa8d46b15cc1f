/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ticket draft: a message the person can paste into the service's
 * official help centre when nothing explains the rejection. It says which
 * checks ran and passed, the kind of document and what was tried, and
 * nothing personal. It is built only from fixed sentences, step titles and
 * the checks' stable ids: a finding's title or advice may quote what the
 * person typed, so none is ever copied into it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-ticket.h"

/**
 * pf_step_may_quote_details:
 *
 * The steps whose findings work on what the person typed or what was read
 * from the document (names, numbers, dates): their titles and advice may
 * quote it, so exports leave them out unless the person asks otherwise.
 *
 * Returns: whether @step's findings may quote personal details
 */
gboolean
pf_step_may_quote_details (PfStep step)
{
  switch (step)
    {
    case PF_STEP_DETAILS:
    case PF_STEP_VALIDITY:
    case PF_STEP_REGION:
      return TRUE;
    case PF_STEP_START:
    case PF_STEP_PHOTO:
    case PF_STEP_SELFIE:
    case PF_STEP_SAFETY:
    case PF_STEP_SUMMARY:
    default:
      return FALSE;
    }
}

/**
 * pf_findings_count_severity:
 * @findings: (nullable) (element-type PfFinding): a step's findings
 *
 * Returns: how many of @findings have @severity
 */
guint
pf_findings_count_severity (GPtrArray  *findings,
                            PfSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (pf_finding_get_severity (g_ptr_array_index (findings, i)) == severity)
      n++;

  return n;
}

/* Appends the ids of @findings with @severity, separated by commas. */
static void
append_ids (GString    *text,
            GPtrArray  *findings,
            PfSeverity  severity)
{
  gboolean first = TRUE;

  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);

      if (pf_finding_get_severity (finding) != severity)
        continue;
      if (!first)
        g_string_append (text, ", ");
      g_string_append (text, pf_finding_get_id (finding));
      first = FALSE;
    }
}

/* One line for a checked step: how many of its checks passed, and the ids
 * of those that did not, with how much each matters. */
static void
append_step (GString   *text,
             PfStep     step,
             GPtrArray *findings)
{
  guint n_ok = pf_findings_count_severity (findings, PF_SEVERITY_OK);
  guint n_caution = pf_findings_count_severity (findings, PF_SEVERITY_CAUTION);
  guint n_blocker = pf_findings_count_severity (findings, PF_SEVERITY_BLOCKER);
  g_autofree char *counts = NULL;

  if (n_caution + n_blocker == 0)
    /* Translators: in the ticket draft, after a step's title, e.g.
     * "Document photo: all 9 checks passed". */
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the %u check passed",
                                           "all %u checks passed", n_ok), n_ok);
  else
    /* Translators: in the ticket draft, e.g. "Region and age: 0 of 1 checks passed". */
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u check passed",
                                           "%u of %u checks passed", findings->len),
                              n_ok, findings->len);

  g_string_append_printf (text, "- %s: %s", pf_step_get_title (step), counts);
  if (n_ok > 0)
    {
      g_string_append (text, " (");
      append_ids (text, findings, PF_SEVERITY_OK);
      g_string_append (text, ")");
    }
  if (n_blocker > 0)
    {
      /* Translators: in the ticket draft, before the ids of the checks
       * that found something the service will refuse. */
      g_string_append_printf (text, "; %s ", _("must be fixed:"));
      append_ids (text, findings, PF_SEVERITY_BLOCKER);
    }
  if (n_caution > 0)
    {
      /* Translators: in the ticket draft, before the ids of the checks
       * that found something worth changing. */
      g_string_append_printf (text, "; %s ", _("worth changing:"));
      append_ids (text, findings, PF_SEVERITY_CAUTION);
    }
  g_string_append (text, ".\n");
}

/**
 * pf_ticket_build:
 * @session: the session to describe
 * @tried: what the person says they tried
 *
 * Drafts the text of a ticket for the service's official help centre. It
 * holds no name, no document number and no date: only the document kind,
 * each checked step with the ids of its checks, and what was tried.
 *
 * Returns: (transfer full): the draft, in the user's language
 */
char *
pf_ticket_build (PfSession     *session,
                 PfTicketTried  tried)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) unchecked = g_string_new (NULL);
  const char *kind_label;
  gboolean any_checked = FALSE;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  g_string_append (text, _("Hello,"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("My identity verification was declined and I was not told why. Before "
                           "writing to you, I went through an offline checklist on my own "
                           "computer. This is what I checked."));
  g_string_append (text, "\n\n");

  kind_label = pf_document_kind_get_label (pf_session_get_document_kind (session));
  /* Translators: in the ticket draft, e.g. "Document: Passport". */
  g_string_append_printf (text, _("Document: %s"),
                          kind_label != NULL ? kind_label : _("not chosen"));
  g_string_append (text, "\n\n");

  for (PfStep step = PF_STEP_PHOTO; step < PF_STEP_SUMMARY; step++)
    {
      GPtrArray *findings = pf_session_get_findings (session, step);

      if (findings == NULL)
        {
          if (unchecked->len > 0)
            g_string_append (unchecked, ", ");
          g_string_append (unchecked, pf_step_get_title (step));
          continue;
        }

      if (!any_checked)
        {
          g_string_append (text, _("Checks I ran:"));
          g_string_append_c (text, '\n');
          any_checked = TRUE;
        }
      append_step (text, step, findings);
    }

  if (!any_checked)
    {
      g_string_append (text, _("I have not run any checks yet."));
      g_string_append_c (text, '\n');
    }
  if (unchecked->len > 0)
    {
      /* Translators: in the ticket draft, followed by step titles. */
      g_string_append_printf (text, _("Not checked: %s."), unchecked->str);
      g_string_append_c (text, '\n');
    }

  if (tried != PF_TICKET_TRIED_NONE)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("What I tried:"));
      g_string_append_c (text, '\n');
      if (tried & PF_TICKET_TRIED_WAITED)
        g_string_append_printf (text, "- %s\n", _("I waited a while before trying again."));
      if (tried & PF_TICKET_TRIED_STABLE_CONNECTION)
        g_string_append_printf (text, "- %s\n", _("I used a stable connection."));
      if (tried & PF_TICKET_TRIED_PHONE_APP)
        g_string_append_printf (text, "- %s\n", _("I tried your phone app."));
    }

  g_string_append_c (text, '\n');
  g_string_append (text, _("Could you tell me which part of the verification did not pass, and "
                           "what I should change?"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Thank you."));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
