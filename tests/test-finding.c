/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "pf-finding.h"

static void
test_fields (void)
{
  g_autoptr(PfFinding) plain = NULL;
  g_autoptr(PfFinding) located = NULL;
  PfRect rect = { 10, 20, 30, 40 }, out = { 0 };

  plain = pf_finding_new ("photo.blur", PF_SEVERITY_CAUTION, "Blurred", "Hold still.");
  g_assert_cmpstr (pf_finding_get_id (plain), ==, "photo.blur");
  g_assert_cmpint (pf_finding_get_severity (plain), ==, PF_SEVERITY_CAUTION);
  g_assert_cmpstr (pf_finding_get_title (plain), ==, "Blurred");
  g_assert_cmpstr (pf_finding_get_advice (plain), ==, "Hold still.");
  g_assert_false (pf_finding_get_region (plain, &out));
  g_assert_cmpfloat (out.width, ==, 0);

  located = pf_finding_new_with_region ("photo.glare", PF_SEVERITY_BLOCKER, "Glare", "Move.", &rect);
  g_assert_true (pf_finding_get_region (located, &out));
  g_assert_cmpfloat (out.x, ==, 10);
  g_assert_cmpfloat (out.y, ==, 20);
  g_assert_cmpfloat (out.width, ==, 30);
  g_assert_cmpfloat (out.height, ==, 40);

  g_assert_finalize_object (g_steal_pointer (&plain));
  g_assert_finalize_object (g_steal_pointer (&located));
}

static void
test_worst (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (pf_findings_worst (NULL), ==, PF_SEVERITY_OK);
  g_assert_cmpint (pf_findings_worst (findings), ==, PF_SEVERITY_OK);
  g_ptr_array_add (findings, pf_finding_new ("a", PF_SEVERITY_OK, "t", "a"));
  g_assert_cmpint (pf_findings_worst (findings), ==, PF_SEVERITY_OK);
  g_ptr_array_add (findings, pf_finding_new ("b", PF_SEVERITY_BLOCKER, "t", "a"));
  g_ptr_array_add (findings, pf_finding_new ("c", PF_SEVERITY_CAUTION, "t", "a"));
  g_assert_cmpint (pf_findings_worst (findings), ==, PF_SEVERITY_BLOCKER);
}

static void
test_severity_names (void)
{
  g_assert_cmpstr (pf_severity_to_string (PF_SEVERITY_OK), ==, "ok");
  g_assert_cmpstr (pf_severity_to_string (PF_SEVERITY_CAUTION), ==, "caution");
  g_assert_cmpstr (pf_severity_to_string (PF_SEVERITY_BLOCKER), ==, "blocker");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/finding/fields", test_fields);
  g_test_add_func ("/pf/finding/worst", test_worst);
  g_test_add_func ("/pf/finding/severity-names", test_severity_names);

  return g_test_run ();
}
