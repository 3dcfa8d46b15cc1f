/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the live overlays show, worked out from a photo report: the state
 * of each corner, the glare regions, the focus meter, the light hint and
 * the one instruction a person should follow first. The checks decide;
 * this only picks what to show and words it as a short instruction. It is
 * plain data, so that the tests can read exactly what the view draws. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-photo-overlay.h"

/* blur.motion is the widest edge smear over the narrowest; the blur check
 * calls the blur motion from this ratio up (RATIO in pf-check-blur.c). */
#define MOTION_RATIO 1.8

/* A share of clipped paper, or a paper level, past which light is too much
 * rather than too little. */
#define CLIPPED_BRIGHT 0.2
#define PAPER_BRIGHT   250.0

/* The checks in the order a person should fix what they found: first get
 * the whole document into the picture, then hold it well, then the light,
 * then the rest. */
static const char * const priority[] = {
  "photo.outline",
  "photo.corners",
  "photo.size",
  "photo.obstruction",
  "photo.blur",
  "photo.glare",
  "photo.exposure",
  "photo.angle",
  "photo.background",
  "photo.copy",
};

static guint
priority_of (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    if (g_str_equal (priority[i], id))
      return i;

  return G_N_ELEMENTS (priority);
}

static PfCornerState
corner_from_geometry (const PfPoint *p,
                      int            width,
                      int            height)
{
  double margin = MIN (MIN (p->x / width, (width - 1 - p->x) / width),
                       MIN (p->y / height, (height - 1 - p->y) / height));

  if (margin < 0)
    return PF_CORNER_CUT;
  if (margin < PF_PHOTO_OVERLAY_EDGE_MARGIN)
    return PF_CORNER_CLOSE;
  return PF_CORNER_OK;
}

/* Whether a finding's @rect marks the corner @p. A region stays inside the
 * frame, so a corner outside it is taken at the nearest point of the
 * frame. */
static gboolean
rect_contains (const PfRect  *rect,
               const PfPoint *p,
               int            width,
               int            height,
               double         slack)
{
  double x = CLAMP (p->x, 0, width - 1);
  double y = CLAMP (p->y, 0, height - 1);

  return x >= rect->x - slack && x <= rect->x + rect->width + slack &&
         y >= rect->y - slack && y <= rect->y + rect->height + slack;
}

/* The corners check says which corners are wrong by its findings'
 * regions; without that check (or without a region) the outline and the
 * frame margin say it. */
static void
set_corner_states (PfPhotoOverlay *self,
                   PfPhotoReport  *report)
{
  GPtrArray *findings = pf_photo_report_get_findings (report);
  gboolean checked = FALSE;
  gboolean flagged[4] = { FALSE, FALSE, FALSE, FALSE };
  gboolean unplaced = FALSE;
  double slack = PF_PHOTO_OVERLAY_EDGE_MARGIN * MAX (self->width, self->height);

  for (int i = 0; i < 4; i++)
    self->corner_states[i] = self->has_outline
                             ? corner_from_geometry (&self->corners[i], self->width, self->height)
                             : PF_CORNER_UNKNOWN;
  if (!self->has_outline)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);
      PfRect region;

      if (!g_str_equal (pf_finding_get_id (finding), "photo.corners"))
        continue;
      checked = TRUE;
      if (pf_finding_get_severity (finding) == PF_SEVERITY_OK)
        continue;
      if (!pf_finding_get_region (finding, &region))
        {
          unplaced = TRUE;
          continue;
        }
      for (int c = 0; c < 4; c++)
        flagged[c] |= rect_contains (&region, &self->corners[c], self->width, self->height,
                                     slack);
    }

  if (!checked || unplaced)
    return;

  for (int c = 0; c < 4; c++)
    {
      if (!flagged[c])
        self->corner_states[c] = PF_CORNER_OK;
      else if (self->corner_states[c] == PF_CORNER_OK)
        self->corner_states[c] = PF_CORNER_CLOSE;
    }
}

static const char *
instruction_for (PfPhotoOverlay *self,
                 PfFinding      *finding)
{
  const char *id = pf_finding_get_id (finding);

  if (g_str_equal (id, "photo.outline"))
    return _("Show the whole document to the camera");
  if (g_str_equal (id, "photo.corners"))
    {
      for (int c = 0; c < 4; c++)
        if (self->corner_states[c] == PF_CORNER_CUT)
          return _("Show all four corners");
      return _("Leave a little space around the document");
    }
  if (g_str_equal (id, "photo.size"))
    return _("Move closer");
  if (g_str_equal (id, "photo.obstruction"))
    return _("Keep your fingers off the document");
  if (g_str_equal (id, "photo.blur"))
    return self->motion ? _("Hold still") : _("Hold still so that the camera can focus");
  if (g_str_equal (id, "photo.glare"))
    return _("Tilt away from the light");
  if (g_str_equal (id, "photo.exposure"))
    return self->light == PF_LIGHT_HINT_LESS ? _("Move away from the bright light")
                                             : _("Add more light");
  if (g_str_equal (id, "photo.angle"))
    return _("Hold the camera straight above the document");
  if (g_str_equal (id, "photo.background"))
    return _("Put the document on a plain, darker surface");
  if (g_str_equal (id, "photo.copy"))
    return _("Photograph the original document");

  return pf_finding_get_title (finding);
}

static void
set_measures (PfPhotoOverlay *self,
              PfPhotoReport  *report)
{
  PfFinding *blur = pf_photo_report_find (report, "photo.blur");
  PfFinding *exposure = pf_photo_report_find (report, "photo.exposure");
  double value;

  self->focus = -1;
  if (pf_photo_report_get_metric (report, "blur.focus", &value))
    self->focus = CLAMP (value, 0, 1);
  if (blur != NULL)
    {
      self->focus_severity = pf_finding_get_severity (blur);
      self->motion = self->focus_severity != PF_SEVERITY_OK &&
                     pf_photo_report_get_metric (report, "blur.motion", &value) &&
                     value >= MOTION_RATIO;
    }

  if (exposure != NULL && pf_finding_get_severity (exposure) != PF_SEVERITY_OK)
    {
      double paper = 0, clipped = 0;

      pf_photo_report_get_metric (report, "exposure.paper", &paper);
      pf_photo_report_get_metric (report, "exposure.clipped", &clipped);
      self->light = clipped >= CLIPPED_BRIGHT || paper >= PAPER_BRIGHT ? PF_LIGHT_HINT_LESS
                                                                       : PF_LIGHT_HINT_MORE;
      self->light_severity = pf_finding_get_severity (exposure);
      self->light_title = pf_finding_get_title (exposure);
    }
}

/**
 * pf_photo_overlay_init:
 *
 * Fills @self from @report. Strings in @self may point into @report's
 * findings: keep the report while @self is used.
 */
void
pf_photo_overlay_init (PfPhotoOverlay *self,
                       PfPhotoReport  *report)
{
  GPtrArray *findings;
  PfFinding *first = NULL;
  PfSeverity corner_severity = PF_SEVERITY_OK;

  g_return_if_fail (self != NULL);
  g_return_if_fail (report != NULL);

  memset (self, 0, sizeof *self);
  self->width = MAX (1, pf_photo_report_get_width (report));
  self->height = MAX (1, pf_photo_report_get_height (report));
  self->has_outline = pf_photo_report_get_outline (report, self->corners);
  set_corner_states (self, report);
  set_measures (self, report);

  findings = pf_photo_report_get_findings (report);
  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);
      PfSeverity severity = pf_finding_get_severity (finding);
      PfRect region;

      if (severity == PF_SEVERITY_OK)
        continue;

      if (g_str_equal (pf_finding_get_id (finding), "photo.glare") &&
          self->n_glare < PF_PHOTO_OVERLAY_MAX_GLARE &&
          pf_finding_get_region (finding, &region))
        {
          self->glare[self->n_glare] = region;
          self->glare_severity[self->n_glare] = severity;
          self->n_glare++;
        }

      if (first == NULL || severity > pf_finding_get_severity (first) ||
          (severity == pf_finding_get_severity (first) &&
           priority_of (pf_finding_get_id (finding)) < priority_of (pf_finding_get_id (first))))
        first = finding;
    }

  self->worst = pf_photo_report_get_worst (report);

  /* A corner out of the frame that no check reported (the corners check
   * may not have run) still comes first: nothing else matters until the
   * whole document is in the picture. */
  for (int c = 0; c < 4; c++)
    {
      if (self->corner_states[c] == PF_CORNER_CUT)
        corner_severity = PF_SEVERITY_BLOCKER;
      else if (self->corner_states[c] == PF_CORNER_CLOSE)
        corner_severity = MAX (corner_severity, PF_SEVERITY_CAUTION);
    }

  if (corner_severity != PF_SEVERITY_OK &&
      (first == NULL || corner_severity > pf_finding_get_severity (first) ||
       (corner_severity == pf_finding_get_severity (first) &&
        priority_of ("photo.corners") < priority_of (pf_finding_get_id (first)))))
    {
      self->instruction = corner_severity == PF_SEVERITY_BLOCKER
                          ? _("Show all four corners")
                          : _("Leave a little space around the document");
    }
  else if (first != NULL)
    {
      self->instruction = instruction_for (self, first);
    }
  else if (!self->has_outline)
    {
      self->instruction = _("Show the whole document to the camera");
    }
  else
    {
      self->instruction = _("Hold still");
    }

  self->ready = self->worst == PF_SEVERITY_OK && pf_photo_overlay_corners_in (self);
}

/* Whether the outline was found with all four corners in frame. */
gboolean
pf_photo_overlay_corners_in (const PfPhotoOverlay *self)
{
  if (!self->has_outline)
    return FALSE;

  for (int c = 0; c < 4; c++)
    if (self->corner_states[c] != PF_CORNER_OK)
      return FALSE;

  return TRUE;
}

/* For tests and debugging; not shown to people. */
const char *
pf_corner_state_to_string (PfCornerState state)
{
  switch (state)
    {
    case PF_CORNER_OK:
      return "ok";
    case PF_CORNER_CLOSE:
      return "close";
    case PF_CORNER_CUT:
      return "cut";
    case PF_CORNER_UNKNOWN:
    default:
      return "unknown";
    }
}
