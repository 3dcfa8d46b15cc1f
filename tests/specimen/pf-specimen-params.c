/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing parameters for test grids: a random good photo (clean by
 * construction for every check), one defect added on purpose, clearly on
 * the defect side of its threshold, and glare placed over a chosen part of
 * the document. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-specimen-private.h"

static const struct
{
  int width, height, weight;
} frame_sizes[] = {
  { 640, 480, 10 },
  { 1280, 720, 40 },
  { 1920, 1080, 30 },
  { 1600, 1200, 12 },
  { 1024, 768, 8 },
};

/* Weights of the backgrounds in random good photos; the card-coloured
 * surface is a defect and never chosen. */
static const int background_weights[PF_SPECIMEN_N_BACKGROUNDS] = {
  [PF_SPECIMEN_BG_DARK_PLAIN] = 20,
  [PF_SPECIMEN_BG_LIGHT_PLAIN] = 10,
  [PF_SPECIMEN_BG_WOOD] = 12,
  [PF_SPECIMEN_BG_CLOTH] = 10,
  [PF_SPECIMEN_BG_TILES] = 9,
  [PF_SPECIMEN_BG_NEWSPAPER] = 8,
  [PF_SPECIMEN_BG_HAND] = 10,
  [PF_SPECIMEN_BG_KEYBOARD] = 8,
  [PF_SPECIMEN_BG_CARPET] = 13,
  [PF_SPECIMEN_BG_SAME_AS_CARD] = 0,
};

static int
weighted_pick (SpecimenRng *rng,
               const int   *weights,
               int          n)
{
  int total = 0, r;

  for (int i = 0; i < n; i++)
    total += weights[i];
  r = specimen_rng_int (rng, total);
  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return 0;
}

/* Places the document at a random spot where every corner keeps @margin
 * (fraction of the frame) from the edges, shrinking it if it cannot fit. */
static void
fit_pose (PfSpecimenParams *p,
          double            margin,
          SpecimenRng      *rng)
{
  for (int attempt = 0; attempt < 40; attempt++)
    {
      PfSpecimen g;
      PfRect box;
      double min_x, min_y, max_x, max_y, slack_x, slack_y;
      double jitter_x = specimen_rng_range (rng, -0.5, 0.5);
      double jitter_y = specimen_rng_range (rng, -0.5, 0.5);

      p->center_x = p->center_y = 0.5;
      specimen_measure (p, &g);
      box = specimen_bounds (g.corners, 4);
      min_x = box.x;
      min_y = box.y;
      max_x = box.x + box.width;
      max_y = box.y + box.height;
      slack_x = (1 - 2 * margin) * p->frame_width - (max_x - min_x);
      slack_y = (1 - 2 * margin) * p->frame_height - (max_y - min_y);
      if (slack_x < 0 || slack_y < 0)
        {
          p->doc_width_fraction *= 0.95;
          continue;
        }

      /* Moving the centre moves the quadrilateral nearly rigidly; check
       * and pull back towards the middle if perspective disagrees. */
      for (double pull = 0.9; pull > 0.05; pull *= 0.6)
        {
          p->center_x = 0.5 - ((min_x + max_x) / 2 - p->frame_width / 2.0) / p->frame_width
                        + jitter_x * pull * slack_x / p->frame_width;
          p->center_y = 0.5 - ((min_y + max_y) / 2 - p->frame_height / 2.0) / p->frame_height
                        + jitter_y * pull * slack_y / p->frame_height;
          specimen_measure (p, &g);
          if (g.min_edge_margin >= margin)
            return;
        }
      p->doc_width_fraction *= 0.95;
    }
}

/* The background's contrast with the document, measured on a small
 * render (the textures and colours do not depend on the frame size). */
static double
probe_background_contrast (const PfSpecimenParams *p)
{
  PfSpecimenParams small = *p;
  g_autoptr (PfSpecimen) specimen = NULL;
  double scale = 200.0 / MAX (p->frame_width, 1);

  if (scale < 1)
    {
      small.frame_width = MAX (8, (int) (p->frame_width * scale));
      small.frame_height = MAX (8, (int) (p->frame_height * scale));
    }
  small.n_glare = 0;
  small.blur_sigma = small.motion_length = small.noise_sigma = 0;
  small.jpeg_quality = 0;
  specimen = pf_specimen_new (&small);
  return specimen->background_contrast;
}

/**
 * pf_specimen_params_random:
 * @params: initialised parameters; the layout and frame size are kept
 *   unless @flags say otherwise
 * @seed: decides everything else, and becomes the document's seed
 *
 * A random good photo: sharp, well framed, evenly enough lit, no glare, on
 * a background that stands out; clean by construction for every check (see
 * pf_specimen_get_defects()). Unless @flags ask for a pristine render it
 * still has what real photos have: noise, JPEG, a colour cast,
 * vignetting, uneven light, a faint sheen.
 */
void
pf_specimen_params_random (PfSpecimenParams      *params,
                           guint32                seed,
                           PfSpecimenRandomFlags  flags)
{
  SpecimenRng rng;
  PfSpecimenLayout layout;
  int width, height;
  double w_mm, lo, hi;
  PfSpecimen g;

  g_return_if_fail (params != NULL);

  specimen_rng_init (&rng, seed, 40);
  layout = params->layout < PF_SPECIMEN_N_LAYOUTS ? params->layout : PF_SPECIMEN_TD1;
  width = params->frame_width > 0 ? params->frame_width : 1280;
  height = params->frame_height > 0 ? params->frame_height : 720;
  if (flags & PF_SPECIMEN_RANDOM_LAYOUT)
    layout = specimen_rng_int (&rng, PF_SPECIMEN_N_LAYOUTS);
  if (flags & PF_SPECIMEN_RANDOM_FRAME)
    {
      int weights[G_N_ELEMENTS (frame_sizes)];
      int i;

      for (i = 0; i < (int) G_N_ELEMENTS (frame_sizes); i++)
        weights[i] = frame_sizes[i].weight;
      i = weighted_pick (&rng, weights, G_N_ELEMENTS (frame_sizes));
      width = frame_sizes[i].width;
      height = frame_sizes[i].height;
    }

  pf_specimen_params_init (params);
  params->layout = layout;
  params->seed = seed;
  /* Passports are photographed open, half of them with the facing page. */
  params->booklet = layout == PF_SPECIMEN_TD3 && specimen_rng_double (&rng) < 0.5;
  params->frame_width = width;
  params->frame_height = height;

  /* Pose: mostly square-on, sometimes upside down. */
  params->rotation_deg = specimen_rng_double (&rng) < 0.05
                           ? 180 + specimen_rng_range (&rng, -8, 8)
                           : specimen_rng_range (&rng, -12, 12);
  params->tilt_x_deg = specimen_rng_range (&rng, -9, 9);
  params->tilt_y_deg = specimen_rng_range (&rng, -9, 9);
  params->fov_deg = specimen_rng_range (&rng, 55, 75);
  pf_specimen_layout_get_size_mm (layout, &w_mm, NULL);
  lo = MAX (PF_SPECIMEN_WIDTH_FRACTION_CLEAN + 0.06,
            PF_SPECIMEN_PX_PER_MM_CLEAN * 1.2 * w_mm / width);
  hi = 0.82;
  params->doc_width_fraction = specimen_rng_range (&rng, MIN (lo, hi), hi);
  fit_pose (params, PF_SPECIMEN_EDGE_MARGIN_CLEAN + 0.015, &rng);

  /* A background that stands out from this document. */
  for (int attempt = 0; attempt < 8; attempt++)
    {
      if (flags & PF_SPECIMEN_RANDOM_PLAIN)
        params->background = specimen_rng_double (&rng) < 0.6 ? PF_SPECIMEN_BG_DARK_PLAIN
                                                              : PF_SPECIMEN_BG_LIGHT_PLAIN;
      else
        params->background = weighted_pick (&rng, background_weights, PF_SPECIMEN_N_BACKGROUNDS);
      if (attempt == 7)
        params->background = PF_SPECIMEN_BG_DARK_PLAIN;
      if (probe_background_contrast (params) >= PF_SPECIMEN_BG_CONTRAST_CLEAN + 8)
        break;
    }

  specimen_measure (params, &g);
  if (flags & PF_SPECIMEN_RANDOM_PRISTINE)
    return;

  params->exposure = specimen_rng_range (&rng, 0.8, 1.1);
  params->contrast = specimen_rng_range (&rng, 0.85, 1.0);
  for (int c = 0; c < 3; c++)
    params->colour_cast[c] = specimen_rng_range (&rng, 0.95, 1.05);
  params->vignetting = specimen_rng_range (&rng, 0, 0.3);
  params->light_gradient = specimen_rng_range (&rng, 0, 0.3);
  params->light_angle_deg = specimen_rng_range (&rng, 0, 360);
  if (specimen_rng_double (&rng) < 0.2)
    params->shadow = specimen_rng_range (&rng, 0.1, 0.3);
  /* Keep the darkest part of the document clearly lit. */
  while (params->exposure * (1 - params->light_gradient) * (1 - params->shadow)
           * (1 - params->vignetting) < PF_SPECIMEN_EXPOSURE_DARK_CLEAN + 0.05)
    {
      params->light_gradient *= 0.8;
      params->shadow *= 0.8;
      params->vignetting *= 0.8;
    }
  params->blur_sigma = MIN (specimen_rng_range (&rng, 0.3, 0.8),
                            0.6 * PF_SPECIMEN_BLUR_RATIO_CLEAN * g.text_height_px);
  if (specimen_rng_double (&rng) < 0.3)
    params->background_blur = specimen_rng_range (&rng, 0.8, 3.0);
  params->noise_sigma = specimen_rng_range (&rng, 0.5, 3.5);
  if (specimen_rng_double (&rng) < 0.5)
    params->sharpen = specimen_rng_range (&rng, 0.2, 0.9);
  if (specimen_rng_double (&rng) < 0.5)
    params->jpeg_quality = 70 + specimen_rng_int (&rng, 26);
  if (specimen_rng_double (&rng) < 0.3)
    {
      PfSpecimenGlare *sheen = &params->glare[params->n_glare++];

      sheen->x = specimen_rng_double (&rng);
      sheen->y = specimen_rng_double (&rng);
      sheen->radius = specimen_rng_range (&rng, 0.05, 0.15);
      sheen->strength = specimen_rng_range (&rng, 0.1, PF_SPECIMEN_GLARE_STRENGTH_CLEAN - 0.05);
      sheen->aspect = specimen_rng_range (&rng, 1, 2.5);
      sheen->angle_deg = specimen_rng_range (&rng, 0, 180);
    }
}

/* Moves the document so that its extreme corner on @side (0 left, 1 top,
 * 2 right, 3 bottom) has @target margin (negative: outside). */
static void
shift_to_edge (PfSpecimenParams *p,
               int               side,
               double            target)
{
  for (int i = 0; i < 6; i++)
    {
      PfSpecimen g;
      PfRect box;
      double current;

      specimen_measure (p, &g);
      box = specimen_bounds (g.corners, 4);
      switch (side)
        {
        case 0:
          current = box.x / p->frame_width;
          p->center_x += target - current;
          break;
        case 1:
          current = box.y / p->frame_height;
          p->center_y += target - current;
          break;
        case 2:
          current = (p->frame_width - box.x - box.width) / p->frame_width;
          p->center_x -= target - current;
          break;
        default:
          current = (p->frame_height - box.y - box.height) / p->frame_height;
          p->center_y -= target - current;
          break;
        }
    }
}

/**
 * pf_specimen_params_add_defect:
 * @params: parameters, usually a good photo from pf_specimen_params_random()
 * @defect: one flag
 * @seed: varies how the defect is made
 *
 * Changes @params so that the photo has @defect by construction, with a
 * random severity well on the defect side of its threshold. Making one
 * defect can bring another (a document made too small may also have its
 * text too small): pf_specimen_get_defects() tells the whole truth.
 */
void
pf_specimen_params_add_defect (PfSpecimenParams  *params,
                               PfSpecimenDefects  defect,
                               guint32            seed)
{
  SpecimenRng rng;
  PfSpecimen g;
  double w_mm;

  g_return_if_fail (params != NULL);

  specimen_rng_init (&rng, seed, 41 + defect);
  pf_specimen_layout_get_size_mm (params->layout < PF_SPECIMEN_N_LAYOUTS ? params->layout
                                                                          : PF_SPECIMEN_TD1,
                                  &w_mm, NULL);
  params->use_corners = FALSE;
  specimen_measure (params, &g);

  switch (defect)
    {
    case PF_SPECIMEN_DEFECT_NO_DOCUMENT:
      params->no_document = TRUE;
      break;

    case PF_SPECIMEN_DEFECT_CORNER_CUT:
      shift_to_edge (params, specimen_rng_int (&rng, 4), -specimen_rng_range (&rng, 0.025, 0.15));
      break;

    case PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE:
      shift_to_edge (params, specimen_rng_int (&rng, 4), specimen_rng_range (&rng, 0.001, 0.007));
      break;

    case PF_SPECIMEN_DEFECT_TOO_SMALL:
      params->doc_width_fraction = specimen_rng_range (&rng, 0.14, 0.26);
      fit_pose (params, 0.06, &rng);
      break;

    case PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL:
      {
        /* Only a small frame makes small text in a well-filled photo. */
        double fraction = specimen_rng_range (&rng, 0.5, 0.72);
        double ppm = specimen_rng_range (&rng, 1.8, PF_SPECIMEN_PX_PER_MM_DEFECT - 0.3);

        params->doc_width_fraction = fraction;
        params->frame_width = MAX (16, (int) (ppm * w_mm / fraction));
        params->frame_height = params->frame_width * (specimen_rng_double (&rng) < 0.5 ? 3 : 9)
                               / (specimen_rng_double (&rng) < 0.5 ? 4 : 16);
        params->frame_height = MAX (params->frame_height, params->frame_width / 2);
        fit_pose (params, PF_SPECIMEN_EDGE_MARGIN_CLEAN + 0.01, &rng);
        break;
      }

    case PF_SPECIMEN_DEFECT_BLUR:
      params->blur_sigma = specimen_rng_range (&rng, 0.28, 0.7) * g.text_height_px;
      params->motion_length = 0;
      break;

    case PF_SPECIMEN_DEFECT_MOTION:
      params->motion_length = specimen_rng_range (&rng, 1.1, 2.4) * g.text_height_px;
      params->motion_angle_deg = specimen_rng_range (&rng, 0, 180);
      params->blur_sigma = MIN (params->blur_sigma, 0.3);
      break;

    case PF_SPECIMEN_DEFECT_GLARE_TEXT:
      {
        PfRect box;
        gboolean mrz = pf_specimen_layout_get_region (params->layout, PF_SPECIMEN_REGION_MRZ, &box)
                       && specimen_rng_double (&rng) < 0.5;

        pf_specimen_params_add_glare (params, mrz ? PF_SPECIMEN_REGION_MRZ : PF_SPECIMEN_REGION_TEXT,
                                      specimen_rng_range (&rng, 0.03, 0.06),
                                      specimen_rng_range (&rng, 1.2, 2.5), seed);
        break;
      }

    case PF_SPECIMEN_DEFECT_GLARE_BLANK:
      pf_specimen_params_add_glare (params, PF_SPECIMEN_REGION_BLANK,
                                    specimen_rng_range (&rng, 0.026, 0.06),
                                    specimen_rng_range (&rng, 1.2, 2.5), seed);
      break;

    case PF_SPECIMEN_DEFECT_DARK:
      params->exposure = specimen_rng_range (&rng, 0.06, 0.16);
      break;

    case PF_SPECIMEN_DEFECT_BRIGHT:
      params->exposure = specimen_rng_range (&rng, 2.4, 4.5);
      break;

    case PF_SPECIMEN_DEFECT_FLAT:
      params->contrast = specimen_rng_range (&rng, 0.15, 0.35);
      break;

    case PF_SPECIMEN_DEFECT_STEEP_ANGLE:
      {
        double total = specimen_rng_range (&rng, 36, 58);
        double a = specimen_rng_range (&rng, 0, 2 * G_PI);

        params->tilt_x_deg = total * cos (a);
        params->tilt_y_deg = total * sin (a);
        fit_pose (params, PF_SPECIMEN_EDGE_MARGIN_CLEAN + 0.01, &rng);
        break;
      }

    case PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST:
      params->background = PF_SPECIMEN_BG_SAME_AS_CARD;
      break;

    case PF_SPECIMEN_DEFECT_OCCLUDED:
      {
        int side = specimen_rng_int (&rng, 4);
        double along = specimen_rng_range (&rng, 0.2, 0.8);
        double depth = specimen_rng_range (&rng, 0.12, 0.3);

        params->occluder = TRUE;
        params->occluder_size = specimen_rng_range (&rng, 0.11, 0.2);
        params->occluder_x = side == 0 ? depth : side == 2 ? 1 - depth : along;
        params->occluder_y = side == 1 ? depth : side == 3 ? 1 - depth : along;
        break;
      }

    case PF_SPECIMEN_DEFECT_GREYSCALE:
      params->greyscale = TRUE;
      break;

    case PF_SPECIMEN_DEFECT_SCREEN:
      params->screen_moire = TRUE;
      break;

    case PF_SPECIMEN_DEFECT_NONE:
    default:
      break;
    }
}

/**
 * pf_specimen_params_add_glare:
 * @region: where the saturated core goes: over a field's value, the MRZ,
 *   the portrait, or a blank area (with room for the soft edge too)
 * @radius: fraction of the document's width; 0 picks one. Over a blank
 *   area it is reduced to what fits
 * @strength: see #PfSpecimenGlare; 0 picks a saturating one
 * @seed: varies the place
 *
 * Returns: %FALSE when there is no room (four spots already, no such
 *   region on this layout, or a blank area too small for a spot of the
 *   defect size)
 */
gboolean
pf_specimen_params_add_glare (PfSpecimenParams *params,
                              PfSpecimenRegion  region,
                              double            radius,
                              double            strength,
                              guint32           seed)
{
  SpecimenRng rng;
  PfSpecimenGlare glare = { 0 };
  PfRect box;
  double w_mm, h_mm;

  g_return_val_if_fail (params != NULL, FALSE);

  if (params->n_glare >= PF_SPECIMEN_MAX_GLARE || params->layout >= PF_SPECIMEN_N_LAYOUTS)
    return FALSE;
  if (!pf_specimen_layout_get_region (params->layout, region, &box))
    return FALSE;

  specimen_rng_init (&rng, seed, 50 + params->n_glare);
  pf_specimen_layout_get_size_mm (params->layout, &w_mm, &h_mm);
  glare.radius = radius > 0 ? radius : specimen_rng_range (&rng, 0.03, 0.06);
  glare.strength = strength > 0 ? strength : specimen_rng_range (&rng, 1.2, 2.5);
  glare.aspect = 1;

  switch (region)
    {
    case PF_SPECIMEN_REGION_TEXT:
      {
        double x, y;
        int n = 0;

        while (specimen_layout_field_anchor (params->layout, n, &x, &y))
          n++;
        specimen_layout_field_anchor (params->layout, specimen_rng_int (&rng, n), &x, &y);
        glare.x = (x + specimen_rng_range (&rng, -0.6, 0.6)) / w_mm;
        glare.y = (y + specimen_rng_range (&rng, -0.3, 0.3)) / h_mm;
        if (specimen_rng_double (&rng) < 0.3)
          {
            glare.aspect = specimen_rng_range (&rng, 1.5, 3);
            glare.angle_deg = specimen_rng_range (&rng, 0, 180);
          }
        break;
      }

    case PF_SPECIMEN_REGION_MRZ:
    case PF_SPECIMEN_REGION_PHOTO:
      glare.x = box.x + box.width * specimen_rng_range (&rng, 0.15, 0.85);
      glare.y = box.y + box.height * specimen_rng_range (&rng, 0.2, 0.8);
      if (specimen_rng_double (&rng) < 0.3)
        {
          glare.aspect = specimen_rng_range (&rng, 1.5, 3);
          glare.angle_deg = specimen_rng_range (&rng, 0, 180);
        }
      break;

    case PF_SPECIMEN_REGION_BLANK:
    default:
      {
        /* The core and its soft edge (1.6 radii, and the edge's wobble of
         * up to 1.19) inside the blank area. */
        double bw = box.width * w_mm, bh = box.height * h_mm;
        double fit = (MIN (bw, bh) / 2 - 0.3) / 1.6 / 1.19 / w_mm;
        double r_mm, free_x, free_y;

        if (fit < PF_SPECIMEN_GLARE_RADIUS_DEFECT)
          return FALSE;
        glare.radius = MIN (glare.radius, fit);
        r_mm = glare.radius * w_mm * 1.6 * 1.19 + 0.3;
        free_x = MAX (0, bw - 2 * r_mm);
        free_y = MAX (0, bh - 2 * r_mm);
        glare.x = (box.x * w_mm + r_mm + specimen_rng_double (&rng) * free_x) / w_mm;
        glare.y = (box.y * h_mm + r_mm + specimen_rng_double (&rng) * free_y) / h_mm;
        break;
      }
    }

  params->glare[params->n_glare++] = glare;
  return TRUE;
}

/* The kind a person would choose for @layout. TD2 cards are chosen as ID
 * cards, so the checks take them for ID-1 size (23% too small) unless
 * they read the MRZ. */
PfDocumentKind
pf_specimen_layout_get_kind (PfSpecimenLayout layout)
{
  switch (layout)
    {
    case PF_SPECIMEN_TD3:
      return PF_DOCUMENT_KIND_PASSPORT;
    case PF_SPECIMEN_LICENCE:
      return PF_DOCUMENT_KIND_DRIVING_LICENCE;
    case PF_SPECIMEN_TD1:
    case PF_SPECIMEN_TD2:
    case PF_SPECIMEN_N_LAYOUTS:
    default:
      return PF_DOCUMENT_KIND_ID_CARD;
    }
}
