/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The test-document generator checked by construction. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-mrz.h"
#include "pf-specimen.h"

static void
test_mrz_valid (void)
{
  for (guint32 seed = 1; seed <= 200; seed++)
    for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
      {
        PfSpecimenParams params;
        g_autoptr (PfSpecimen) s = NULL;

        pf_specimen_params_init (&params);
        params.layout = layout;
        params.seed = seed;
        params.frame_width = 64;
        params.frame_height = 48;
        s = pf_specimen_new (&params);
        g_assert_nonnull (s->image);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/specimen/mrz-valid", test_mrz_valid);

  return g_test_run ();
}
