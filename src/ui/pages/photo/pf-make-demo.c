/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pf-make-demo: draws the demo document's camera frames at build time,
 * with the project's own specimen generator (tests/specimen): a made-up
 * identity card and a made-up passport page, fictional people, no real
 * document. Each is a short story a camera would see: the document comes
 * into view cut off and out of focus, then lies framed with a reflection on
 * it, then framed and clean. The PNGs go into the app's resources for
 * `id-preflight --demo`.
 *
 *   pf-make-demo OUTPUT-DIR
 *
 * A build tool: its messages are for developers and are not translated. */

#include "config.h"

#include <stdlib.h>

#include "pf-demo-png.h"
#include "pf-specimen.h"

#define FRAME_WIDTH  1280
#define FRAME_HEIGHT 720
#define N_FRAMES     3

/* Frame @index (0-based) of the story for @layout. */
static gboolean
frame_params (PfSpecimenLayout  layout,
              int               index,
              PfSpecimenParams *p)
{
  pf_specimen_params_init (p);
  p->layout = layout;
  p->seed = layout == PF_SPECIMEN_TD3 ? 2718 : 3141;
  p->frame_width = FRAME_WIDTH;
  p->frame_height = FRAME_HEIGHT;
  p->background = PF_SPECIMEN_BG_WOOD;
  p->doc_width_fraction = layout == PF_SPECIMEN_TD3 ? 0.56 : 0.58;
  p->rotation_deg = 2;
  p->tilt_x_deg = 4;

  switch (index)
    {
    case 0:
      /* Coming into view: the top left corner out of the frame, blurred
       * by the movement. */
      p->center_x = 0.27;
      p->center_y = 0.34;
      p->rotation_deg = -7;
      p->motion_length = 9;
      p->motion_angle_deg = 20;
      break;
    case 1:
      /* Framed, but the lamp shines on the text. */
      return pf_specimen_params_add_glare (p, PF_SPECIMEN_REGION_TEXT, 0.05, 1.3, 7);
    default:
      /* Framed, sharp and evenly lit. */
      break;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    PfSpecimenLayout  layout;
    const char       *name;
  } documents[] = {
    { PF_SPECIMEN_TD1, "card" },
    { PF_SPECIMEN_TD3, "passport" },
  };

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (int i = 0; i < N_FRAMES; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(PfSpecimen) specimen = NULL;
        PfSpecimenParams params;

        if (!frame_params (documents[d].layout, i, &params))
          {
            g_printerr ("%s-%d: no place for the glare\n", documents[d].name, i + 1);
            return EXIT_FAILURE;
          }
        specimen = pf_specimen_new (&params);
        if (!pf_demo_png_save (specimen->image, argv[1], documents[d].name, i, &error))
          {
            g_printerr ("%s\n", error->message);
            return EXIT_FAILURE;
          }
      }

  return EXIT_SUCCESS;
}
