/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test documents, drawn by the tests: specimen-like identity documents with
 * fictional data, photographed on a desk by a simulated camera with known
 * pose and known faults. Every photo and reading test stands on this, so
 * everything it draws comes with its ground truth. */
#pragma once

#include <glib.h>

#include "pf-finding.h"
#include "pf-image.h"
#include "pf-photo.h"

G_BEGIN_DECLS

/**
 * PfSpecimenLayout:
 * @PF_SPECIMEN_TD1: ID-1 card (85.60 x 53.98 mm) with a 3x30 MRZ at the
 *   bottom of the same face as the photo and the fields
 * @PF_SPECIMEN_TD3: passport data page (125 x 88 mm), 2x44 MRZ
 * @PF_SPECIMEN_TD2: TD2 card (105 x 74 mm), 2x36 MRZ
 * @PF_SPECIMEN_LICENCE: ID-1 card without an MRZ (a driving licence)
 */
typedef enum
{
  PF_SPECIMEN_TD1,
  PF_SPECIMEN_TD3,
  PF_SPECIMEN_TD2,
  PF_SPECIMEN_LICENCE,
  PF_SPECIMEN_N_LAYOUTS,
} PfSpecimenLayout;

/**
 * PfSpecimenBackground:
 *
 * What the document lies on. Each kind is drawn procedurally and varied by
 * the seed. @PF_SPECIMEN_BG_SAME_AS_CARD is the only kind that is low
 * contrast by construction; whether a photo is low contrast is decided by
 * the measured #PfSpecimen.background_contrast, not by the kind.
 */
typedef enum
{
  PF_SPECIMEN_BG_DARK_PLAIN,
  PF_SPECIMEN_BG_LIGHT_PLAIN,
  PF_SPECIMEN_BG_WOOD,
  PF_SPECIMEN_BG_CLOTH,
  PF_SPECIMEN_BG_TILES,
  PF_SPECIMEN_BG_NEWSPAPER,
  PF_SPECIMEN_BG_HAND,
  PF_SPECIMEN_BG_KEYBOARD,
  PF_SPECIMEN_BG_CARPET,
  PF_SPECIMEN_BG_SAME_AS_CARD,
  PF_SPECIMEN_N_BACKGROUNDS,
} PfSpecimenBackground;

/**
 * PfSpecimenRegion:
 *
 * Parts of a document's layout, for placing glare (or anything else) where
 * a test wants it. @PF_SPECIMEN_REGION_BLANK is an area with only the
 * guilloche background and no text; @PF_SPECIMEN_REGION_TEXT is the printed
 * fields (labels and values).
 */
typedef enum
{
  PF_SPECIMEN_REGION_TEXT,
  PF_SPECIMEN_REGION_MRZ,
  PF_SPECIMEN_REGION_BLANK,
  PF_SPECIMEN_REGION_PHOTO,
} PfSpecimenRegion;

/**
 * PfSpecimenGlare:
 * @x: centre, fraction of the document's width (0 left, 1 right)
 * @y: centre, fraction of the document's height
 * @radius: radius of the saturated core, fraction of the document's width
 *   (its edge wobbles by up to 19% either way, like a real reflection's)
 * @strength: 1 or more saturates the core to pure white (a specular
 *   highlight); below 1 it is a sheen that lightens but never clips
 * @aspect: length over width of the spot (1 round, up to 4 for the
 *   reflection of a strip light); the radius is the short half-axis
 * @angle_deg: direction of the long axis, in document coordinates
 *
 * A specular reflection on the document: a hot core, a soft edge and a wide
 * faint haze, colourless, only on the document.
 */
typedef struct
{
  double x;
  double y;
  double radius;
  double strength;
  double aspect;
  double angle_deg;
} PfSpecimenGlare;

#define PF_SPECIMEN_MAX_GLARE 4

/**
 * PfSpecimenParams:
 *
 * Everything that decides a generated photo. Initialise with
 * pf_specimen_params_init() (a sharp, centred, well-lit document on a dark
 * desk), then change what the test is about. The same parameters always
 * give the same pixels.
 */
typedef struct
{
  PfSpecimenLayout     layout;
  guint32              seed;            /* names, numbers, colours, textures */

  int                  frame_width;     /* pixels, >= 1 */
  int                  frame_height;

  /* The pose: a pinhole camera with @fov_deg horizontal field of view looks
   * at the document. Ignored when @use_corners is set. */
  double               center_x;        /* document centre, fraction of frame */
  double               center_y;
  double               doc_width_fraction; /* untilted document width / frame width */
  double               rotation_deg;    /* in-plane, clockwise */
  double               tilt_x_deg;      /* about the horizontal axis: top edge away (+) */
  double               tilt_y_deg;      /* about the vertical axis: right edge away (+) */
  double               fov_deg;         /* 0 means 62 degrees, a phone's main camera */
  gboolean             use_corners;
  PfPoint              corners[4];      /* TL TR BR BL in frame pixels; may lie outside */
  gboolean             no_document;     /* only the background: nothing to find */
  gboolean             booklet;         /* TD3: the open passport around the data page
                                         * (cover edge, facing page above); the
                                         * document is still the data page */

  PfSpecimenBackground background;
  double               background_blur; /* gaussian sigma of the surface only (depth of
                                         * field), frame pixels */

  /* Degradations, applied in the order of the light's path: scene lighting
   * and exposure, glare, the screen's pixel grid, lens (blur, motion),
   * sensor noise, sharpening, greyscale, JPEG. */
  double               exposure;        /* multiplier in linear light; 1 normal */
  double               contrast;        /* 1 normal; lower is hazy and flat */
  double               light_gradient;  /* 0 even; 0.5 one side half as bright */
  double               light_angle_deg; /* direction the light falls off to */
  double               shadow;          /* 0 none; 0.5: a soft shadow (of the phone) halves the light */
  double               colour_cast[3];  /* white balance multipliers, 1 1 1 neutral */
  double               vignetting;      /* 0 none; 0.4 corners 40% darker */
  int                  n_glare;
  PfSpecimenGlare      glare[PF_SPECIMEN_MAX_GLARE];
  double               blur_sigma;      /* gaussian, frame pixels */
  double               motion_length;   /* frame pixels */
  double               motion_angle_deg;
  double               noise_sigma;     /* sensor noise, levels of 255 at mid grey */
  double               sharpen;         /* a phone's unsharp mask: 0 none, 1 strong halos */
  gboolean             greyscale;       /* a black-and-white photo or scan */
  gboolean             screen_moire;    /* a photo of a screen showing the document */
  int                  jpeg_quality;    /* 0 none, else 1..100: encoded and decoded */

  gboolean             occluder;        /* a thumb over the document's edge */
  double               occluder_x;      /* tip, fraction of document width */
  double               occluder_y;      /* tip, fraction of document height */
  double               occluder_size;   /* thumb width, fraction of document width */

  gboolean             scanner;         /* a flatbed scan: the document on the scanner's
                                         * white lid, even light, no shadow beside it */
  double               shadow_softness; /* 0: @shadow's edge is soft (a random width);
                                         * else its half-width as a fraction of the
                                         * frame's half diagonal: 0.01 is the hard edge
                                         * of a shadow cast by a head or a phone */
} PfSpecimenParams;

/**
 * PfSpecimenDefects:
 *
 * What is wrong with a photo by construction, one flag per kind of fault,
 * named after the check that must report it. See the thresholds below.
 */
typedef enum
{
  PF_SPECIMEN_DEFECT_NONE             = 0,
  PF_SPECIMEN_DEFECT_NO_DOCUMENT      = 1 << 0,  /* photo.outline */
  PF_SPECIMEN_DEFECT_CORNER_CUT       = 1 << 1,  /* photo.corners, blocker */
  PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE = 1 << 2,  /* photo.corners */
  PF_SPECIMEN_DEFECT_TOO_SMALL        = 1 << 3,  /* photo.size: fills too little */
  PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL   = 1 << 4,  /* photo.size: resolution */
  PF_SPECIMEN_DEFECT_BLUR             = 1 << 5,  /* photo.blur, any cause */
  PF_SPECIMEN_DEFECT_MOTION           = 1 << 6,  /* photo.blur: mostly one direction */
  PF_SPECIMEN_DEFECT_GLARE_TEXT       = 1 << 7,  /* photo.glare over text or MRZ */
  PF_SPECIMEN_DEFECT_GLARE_BLANK      = 1 << 8,  /* photo.glare, only over blank: caution at most */
  PF_SPECIMEN_DEFECT_DARK             = 1 << 9,  /* photo.exposure */
  PF_SPECIMEN_DEFECT_BRIGHT           = 1 << 10, /* photo.exposure */
  PF_SPECIMEN_DEFECT_FLAT             = 1 << 11, /* photo.exposure: too little contrast */
  PF_SPECIMEN_DEFECT_STEEP_ANGLE      = 1 << 12, /* photo.angle */
  PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST = 1 << 13, /* photo.background */
  PF_SPECIMEN_DEFECT_OCCLUDED         = 1 << 14, /* photo.obstruction */
  PF_SPECIMEN_DEFECT_GREYSCALE        = 1 << 15, /* photo.copy */
  PF_SPECIMEN_DEFECT_SCREEN           = 1 << 16, /* photo.copy */
} PfSpecimenDefects;

#define PF_SPECIMEN_N_DEFECTS 17

/* Thresholds of the defects by construction. Each measure has a defect side
 * and a clean side with a gap between them: a photo in the gap is
 * "marginal" for that check (see pf_specimen_get_defects()) and tests
 * should not assert that check's verdict on it. A check's own threshold
 * belongs inside the gap; the nominal value is its middle.
 *
 * Corners (photo.corners): a corner outside the frame is cut off. A corner's
 * margin is its distance to the nearest frame edge, as a fraction of the
 * frame's width (left/right edges) or height (top/bottom). Nominal: 2%. */
#define PF_SPECIMEN_EDGE_MARGIN_DEFECT      0.01
#define PF_SPECIMEN_EDGE_MARGIN_NOMINAL     0.02
#define PF_SPECIMEN_EDGE_MARGIN_CLEAN       0.035

/* Size (photo.size): the document's width (mean length of its top and
 * bottom edges) over the frame's width. Nominal: 35%. */
#define PF_SPECIMEN_WIDTH_FRACTION_DEFECT   0.30
#define PF_SPECIMEN_WIDTH_FRACTION_NOMINAL  0.35
#define PF_SPECIMEN_WIDTH_FRACTION_CLEAN    0.40

/* Text resolution (photo.size): pixels per millimetre on the document,
 * sqrt (quadrilateral area / physical area). 3.5 px/mm is 89 dpi, which
 * makes the 2.2 mm MRZ characters 7.7 px tall. */
#define PF_SPECIMEN_PX_PER_MM_DEFECT        3.0
#define PF_SPECIMEN_PX_PER_MM_NOMINAL       3.5
#define PF_SPECIMEN_PX_PER_MM_CLEAN         4.0

/* The height of the printed values and of the MRZ characters on every
 * layout, in millimetres (OCR-B size 1 is 2.0 to 2.3 mm). */
#define PF_SPECIMEN_TEXT_HEIGHT_MM          2.2

/* Blur (photo.blur): the effective blur sigma in frame pixels,
 * sqrt (blur_sigma^2 + motion_length^2 / 12), over the text height in
 * pixels (PF_SPECIMEN_TEXT_HEIGHT_MM * px_per_mm). Motion is the cause
 * (PF_SPECIMEN_DEFECT_MOTION as well) when motion_length^2 / 12 is more
 * than twice blur_sigma^2. */
#define PF_SPECIMEN_BLUR_RATIO_DEFECT       0.20
#define PF_SPECIMEN_BLUR_RATIO_NOMINAL      0.14
#define PF_SPECIMEN_BLUR_RATIO_CLEAN        0.08

/* Glare (photo.glare): a glare spot is a defect when it saturates
 * (strength >= 1) and its radius is at least this fraction of the
 * document's width; over text when its saturated core touches a text box or
 * the MRZ. A sheen of strength <= the clean value never clips and is no
 * defect; between the two, or a saturated spot smaller than the radius,
 * is marginal. */
#define PF_SPECIMEN_GLARE_STRENGTH_DEFECT   1.0
#define PF_SPECIMEN_GLARE_STRENGTH_CLEAN    0.35
#define PF_SPECIMEN_GLARE_RADIUS_DEFECT     0.02

/* Exposure (photo.exposure), the multiplier in linear light: a white card
 * at 0.18 is about level 100 of 255; at 2.0 most of the card clips. */
#define PF_SPECIMEN_EXPOSURE_DARK_DEFECT    0.18
#define PF_SPECIMEN_EXPOSURE_DARK_CLEAN     0.50
#define PF_SPECIMEN_EXPOSURE_BRIGHT_CLEAN   1.15
#define PF_SPECIMEN_EXPOSURE_BRIGHT_DEFECT  2.00
#define PF_SPECIMEN_CONTRAST_DEFECT         0.40
#define PF_SPECIMEN_CONTRAST_CLEAN          0.75

/* Angle (photo.angle): the angle between the document's normal and the
 * camera's axis, from the pose (or, with explicit corners, recovered from
 * the quadrilateral and the focal length). */
#define PF_SPECIMEN_TILT_DEG_DEFECT         32.0
#define PF_SPECIMEN_TILT_DEG_NOMINAL        25.0
#define PF_SPECIMEN_TILT_DEG_CLEAN          15.0

/* Background (photo.background): measured on the drawn scene (before
 * light and camera) at points all along the outline: the distance in RGB
 * levels between the colour (3x3 mean) 1.5 mm inside the document and
 * 1.5 mm outside it; the median over the outline. */
#define PF_SPECIMEN_BG_CONTRAST_DEFECT      18.0
#define PF_SPECIMEN_BG_CONTRAST_NOMINAL     28.0
#define PF_SPECIMEN_BG_CONTRAST_CLEAN       40.0

/* Obstruction (photo.obstruction): the fraction of the document's visible
 * area covered by the occluder. Any occluder below the defect value is
 * marginal. */
#define PF_SPECIMEN_OCCLUDED_DEFECT         0.005

/**
 * PfSpecimenText:
 * @field: what the text is: "title", "surname", "given-names",
 *   "nationality", "birth-date", "sex", "birth-place", "issue-date",
 *   "expiry-date", "document-number", "authority", "mrz" (one per line),
 *   or "label" for a field's caption
 * @text: the text as printed
 * @box: its bounding box in frame pixels (of the projected text box)
 * @doc_box: its box on the flat document, fractions of width and height
 */
typedef struct
{
  const char *field;
  char       *text;
  PfRect      box;
  PfRect      doc_box;
} PfSpecimenText;

/**
 * PfSpecimen:
 *
 * A generated photo and its ground truth. All strings are UTF-8; the MRZ
 * strings are the exact MRZ characters.
 */
typedef struct
{
  PfImage          *image;          /* the frame, RGBA */
  PfSpecimenParams  params;         /* as given, with defaults filled in */

  /* Geometry, in frame pixels. */
  PfPoint           corners[4];     /* TL TR BR BL; may be outside the frame */
  double            doc_width_px;   /* mean length of the top and bottom edges */
  double            doc_width_fraction; /* doc_width_px / frame width */
  double            px_per_mm;      /* sqrt (quad area / physical area) */
  double            text_height_px; /* PF_SPECIMEN_TEXT_HEIGHT_MM * px_per_mm */
  double            tilt_deg;       /* normal vs camera axis */
  double            min_edge_margin; /* of the four corners; negative: outside */
  double            corner_margin[4];
  double            width_mm;
  double            height_mm;

  /* Measured on the drawn scene before degradations. */
  double            background_contrast;
  double            occluded_fraction;

  PfRect            mrz_box;        /* zero-sized when there is no MRZ */
  PfRect            photo_box;
  PfRect            doc_mrz_box;    /* the same, as fractions of the flat document */
  PfRect            doc_photo_box;
  PfRect            doc_blank_box;  /* an area with no text (see PF_SPECIMEN_REGION_BLANK) */
  PfSpecimenText   *texts;
  int               n_texts;

  PfRect            glare_boxes[PF_SPECIMEN_MAX_GLARE];   /* saturated cores, frame pixels */
  gboolean          glare_over_text[PF_SPECIMEN_MAX_GLARE];
  gboolean          glare_is_defect[PF_SPECIMEN_MAX_GLARE];
  /* What of each saturated core the frame shows: the bounds of the frame
   * pixels whose centre lies in the core and on the document (zero-sized
   * when none does), and how many pixels those are. */
  PfRect            glare_clipped_boxes[PF_SPECIMEN_MAX_GLARE];
  int               glare_clipped_pixels[PF_SPECIMEN_MAX_GLARE];

  /* The portrait's rectangle as the camera sees it: TL TR BR BL of the
   * document's portrait area in frame pixels (photo_box is its bounds);
   * all zero when there is no document. */
  PfPoint           photo_corners[4];

  /* The identity printed on the document. */
  char             *mrz_lines[3];
  int               n_mrz_lines;
  char             *document_code;  /* "P<", "I<", "ID"..., as in the MRZ */
  char             *issuing_state;  /* MRZ code without fillers: "UTO", "D", "NLD"... */
  char             *surname;        /* printed, with diacritics */
  char             *given_names;
  char             *mrz_surname;    /* as in the MRZ (transliterated, maybe truncated), '<' as space */
  char             *mrz_given_names;
  gboolean          mrz_name_truncated;
  char             *document_number;
  char             *nationality;    /* MRZ code without fillers */
  char             *birth_date;     /* YYYY-MM-DD */
  char             *expiry_date;
  char             *issue_date;
  char             *sex;            /* "M", "F" or "X" (MRZ '<') */
  char             *birth_place;
  char             *optional_data;  /* MRZ optional/personal number field, fillers stripped */
} PfSpecimen;

/**
 * PfSpecimenRandomFlags:
 * @PF_SPECIMEN_RANDOM_LAYOUT: also pick the layout (else keep the one set)
 * @PF_SPECIMEN_RANDOM_FRAME: also pick the frame size from common camera
 *   sizes (else keep the one set)
 * @PF_SPECIMEN_RANDOM_PRISTINE: no noise, JPEG, colour cast, vignetting,
 *   sheen or uneven light: a clean render in a random pose
 * @PF_SPECIMEN_RANDOM_PLAIN: only plain dark or light backgrounds
 */
typedef enum
{
  PF_SPECIMEN_RANDOM_DEFAULT  = 0,
  PF_SPECIMEN_RANDOM_LAYOUT   = 1 << 0,
  PF_SPECIMEN_RANDOM_FRAME    = 1 << 1,
  PF_SPECIMEN_RANDOM_PRISTINE = 1 << 2,
  PF_SPECIMEN_RANDOM_PLAIN    = 1 << 3,
} PfSpecimenRandomFlags;

/**
 * PfSpecimenExpect:
 * @PF_SPECIMEN_EXPECT_CLEAN: the check must pass (an "ok" finding)
 * @PF_SPECIMEN_EXPECT_DEFECT: the check must report a problem
 * @PF_SPECIMEN_EXPECT_UNSURE: not decided by construction; do not assert
 *
 * What a photo check must say about a generated photo.
 */
typedef enum
{
  PF_SPECIMEN_EXPECT_CLEAN,
  PF_SPECIMEN_EXPECT_DEFECT,
  PF_SPECIMEN_EXPECT_UNSURE,
} PfSpecimenExpect;

void               pf_specimen_params_init       (PfSpecimenParams      *params);
void               pf_specimen_params_random     (PfSpecimenParams      *params,
                                                  guint32                seed,
                                                  PfSpecimenRandomFlags  flags);
void               pf_specimen_params_add_defect (PfSpecimenParams      *params,
                                                  PfSpecimenDefects      defect,
                                                  guint32                seed);
gboolean           pf_specimen_params_add_glare  (PfSpecimenParams      *params,
                                                  PfSpecimenRegion       region,
                                                  double                 radius,
                                                  double                 strength,
                                                  guint32                seed);

PfSpecimen        *pf_specimen_new               (const PfSpecimenParams *params);
PfSpecimen        *pf_specimen_new_flat          (const PfSpecimenParams *params,
                                                  int                    width_px);
void               pf_specimen_free              (PfSpecimen            *self);
PfSpecimenDefects  pf_specimen_get_defects       (const PfSpecimen      *self,
                                                  PfSpecimenDefects     *marginal);
PfSpecimenExpect   pf_specimen_expect            (const PfSpecimen      *self,
                                                  const char            *check);
const PfSpecimenText *pf_specimen_find_text      (const PfSpecimen      *self,
                                                  const char            *field);
gboolean           pf_specimen_outline_matches   (const PfSpecimen      *self,
                                                  const PfPoint          found[4],
                                                  double                 max_error,
                                                  double                *error);

PfImage           *pf_specimen_render_flat       (PfSpecimenLayout       layout,
                                                  guint32                seed,
                                                  int                    width_px);

void               pf_specimen_layout_get_size_mm (PfSpecimenLayout      layout,
                                                   double               *width_mm,
                                                   double               *height_mm);
gboolean           pf_specimen_layout_get_region  (PfSpecimenLayout      layout,
                                                   PfSpecimenRegion      region,
                                                   PfRect               *doc_box);
const char        *pf_specimen_layout_to_string   (PfSpecimenLayout      layout);
PfDocumentKind     pf_specimen_layout_get_kind    (PfSpecimenLayout      layout);
gboolean           pf_specimen_layout_from_string (const char           *text,
                                                   PfSpecimenLayout     *layout);
const char        *pf_specimen_background_to_string (PfSpecimenBackground background);
gboolean           pf_specimen_background_from_string (const char       *text,
                                                       PfSpecimenBackground *background);
const char        *pf_specimen_defect_to_string   (PfSpecimenDefects     defect);
const char        *pf_specimen_defect_get_check   (PfSpecimenDefects     defect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSpecimen, pf_specimen_free)

G_END_DECLS
