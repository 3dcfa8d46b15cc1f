/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "pf-session.h"

static void
count_cb (PfSession *session,
          guint      step,
          gpointer   user_data)
{
  guint *counts = user_data;

  counts[step]++;
}

static void
test_steps (void)
{
  g_autoptr(PfSession) session = pf_session_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[PF_N_STEPS] = { 0 };

  g_signal_connect (session, "step-changed", G_CALLBACK (count_cb), counts);

  for (PfStep s = 0; s < PF_N_STEPS; s++)
    {
      g_assert_cmpint (pf_session_get_status (session, s), ==, PF_STEP_STATUS_UNCHECKED);
      g_assert_nonnull (pf_step_get_id (s));
      g_assert_nonnull (pf_step_get_title (s));
    }

  /* Checked with nothing to report is "fine", not "unchecked". */
  pf_session_set_findings (session, PF_STEP_SAFETY, findings);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_SAFETY), ==, PF_STEP_STATUS_OK);
  g_assert_cmpuint (counts[PF_STEP_SAFETY], ==, 1);

  g_ptr_array_add (findings, pf_finding_new ("region.age", PF_SEVERITY_BLOCKER, "t", "a"));
  pf_session_set_findings (session, PF_STEP_REGION, findings);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_REGION), ==, PF_STEP_STATUS_BLOCKER);
  /* The session keeps its own copy of the list. */
  g_ptr_array_set_size (findings, 0);
  g_assert_cmpuint (pf_session_get_findings (session, PF_STEP_REGION)->len, ==, 1);

  pf_session_clear_step (session, PF_STEP_REGION);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_REGION), ==, PF_STEP_STATUS_UNCHECKED);
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));
  g_assert_cmpuint (counts[PF_STEP_REGION], ==, 2);
  /* Clearing what is clear says nothing. */
  pf_session_clear_step (session, PF_STEP_REGION);
  g_assert_cmpuint (counts[PF_STEP_REGION], ==, 2);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_document_kind (void)
{
  g_autoptr(PfSession) session = pf_session_new ();
  guint notified = 0;

  g_signal_connect (session, "notify::document-kind", G_CALLBACK (notify_cb), &notified);
  g_assert_cmpint (pf_session_get_document_kind (session), ==, PF_DOCUMENT_KIND_NONE);
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_ID_CARD);
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_ID_CARD);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (pf_document_kind_get_mrz_format (PF_DOCUMENT_KIND_ID_CARD), ==, PF_MRZ_FORMAT_TD1);
  g_assert_true (pf_document_kind_needs_back (PF_DOCUMENT_KIND_ID_CARD));
  g_assert_false (pf_document_kind_needs_back (PF_DOCUMENT_KIND_PASSPORT));
  g_assert_cmpint (pf_document_kind_get_mrz_format (PF_DOCUMENT_KIND_PASSPORT), ==, PF_MRZ_FORMAT_TD3);
  g_assert_cmpint (pf_document_kind_from_id ("residence-permit"), ==, PF_DOCUMENT_KIND_RESIDENCE_PERMIT);
  g_assert_cmpint (pf_document_kind_from_id ("nonsense"), ==, PF_DOCUMENT_KIND_NONE);
  g_assert_cmpint (pf_document_kind_from_id (NULL), ==, PF_DOCUMENT_KIND_NONE);
}

static void
test_forget (void)
{
  PfSession *session = pf_session_new ();
  g_autoptr(PfImage) photo = pf_image_new (4, 4);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  guint notified = 0;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 2, 1990);
  g_signal_connect (session, "notify::has-birth-date", G_CALLBACK (notify_cb), &notified);
  pf_session_set_birth_date (session, &date);
  g_assert_cmpuint (notified, ==, 1);
  pf_session_set_photo (session, photo);
  pf_session_set_findings (session, PF_STEP_PHOTO, findings);

  g_assert_true (pf_session_get_birth_date (session, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 1990);
  g_assert_true (pf_session_get_photo (session) == photo);

  pf_session_forget (session);
  g_assert_false (pf_session_get_birth_date (session, NULL));
  g_assert_null (pf_session_get_photo (session));
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_PHOTO), ==, PF_STEP_STATUS_UNCHECKED);

  g_assert_finalize_object (session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/session/steps", test_steps);
  g_test_add_func ("/pf/session/document-kind", test_document_kind);
  g_test_add_func ("/pf/session/forget", test_forget);

  return g_test_run ();
}
