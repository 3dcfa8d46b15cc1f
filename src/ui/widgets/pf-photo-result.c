/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The result of the photo step: each side's photo with what the checks
 * found drawn on it, side by side; the findings that need attention as a
 * list with their advice, worst first, and the checks that passed folded
 * away below them; and the way on ("Retake", "Use This Photo"). It shows;
 * the photo page decides what the buttons do through its actions. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-camera-view.h"
#include "pf-finding-row.h"
#include "pf-photo-result.h"
#include "pf-status.h"

#define MAX_SIDES 2

struct _PfPhotoResult
{
  AdwBin                parent_instance;

  /* Template widgets, one of each per side */
  GtkImage             *verdict_image;
  GtkLabel             *verdict_label;
  PfCameraView         *side_views[MAX_SIDES];
  AdwPreferencesGroup  *side_groups[MAX_SIDES];
  GtkWidget            *side_retakes[MAX_SIDES];

  /* Borrowed: the rows (and the passed checks' expander) live in the
   * groups */
  GPtrArray            *rows[MAX_SIDES];
  guint                 n_sides;
};

G_DEFINE_FINAL_TYPE (PfPhotoResult, pf_photo_result, ADW_TYPE_BIN)

static void
clear_side (PfPhotoResult *self,
            guint          side)
{
  for (guint i = 0; i < self->rows[side]->len; i++)
    adw_preferences_group_remove (self->side_groups[side], g_ptr_array_index (self->rows[side], i));
  g_ptr_array_set_size (self->rows[side], 0);
  pf_camera_view_clear (self->side_views[side]);
}

static void
add_row (PfPhotoResult *self,
         guint          side,
         GtkWidget     *row)
{
  adw_preferences_group_add (self->side_groups[side], row);
  g_ptr_array_add (self->rows[side], row);
}

/* The findings to act on, worst first (in the checks' order within a
 * severity), then the passed checks in one expander row. */
static void
fill_side (PfPhotoResult *self,
           guint          side,
           PfImage       *image,
           PfPhotoReport *report)
{
  GPtrArray *findings = pf_photo_report_get_findings (report);
  AdwExpanderRow *passed = NULL;
  const char *title;
  guint n_passed = 0;

  pf_camera_view_set_image (self->side_views[side], image, FALSE);
  pf_camera_view_set_report (self->side_views[side], report);

  for (int severity = PF_SEVERITY_BLOCKER; severity >= PF_SEVERITY_OK; severity--)
    for (guint i = 0; i < findings->len; i++)
      {
        PfFinding *finding = g_ptr_array_index (findings, i);

        if ((int) pf_finding_get_severity (finding) != severity)
          continue;

        if (severity != PF_SEVERITY_OK)
          {
            add_row (self, side, pf_finding_row_new (finding));
            continue;
          }

        if (passed == NULL)
          {
            passed = ADW_EXPANDER_ROW (adw_expander_row_new ());
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (passed), _("Checks That Passed"));
            add_row (self, side, GTK_WIDGET (passed));
          }
        adw_expander_row_add_row (passed, pf_finding_row_new (finding));
        n_passed++;
      }

  if (passed != NULL)
    {
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (ngettext ("%u check found nothing to change",
                                            "%u checks found nothing to change", n_passed),
                                  n_passed);
      adw_expander_row_set_subtitle (passed, subtitle);
    }

  /* Screen readers announce a list by its name; the group's title names
   * the findings, the expander's its passed checks (named after, as the
   * group's naming reaches the expander's list too). */
  title = adw_preferences_group_get_title (self->side_groups[side]);
  if (title != NULL && *title != '\0')
    pf_accessible_names_label_list (GTK_WIDGET (self->side_groups[side]), title);
  if (passed != NULL)
    pf_accessible_names_label_list (GTK_WIDGET (passed), _("Checks That Passed"));
}

static void
set_side_labels (PfPhotoResult *self)
{
  gboolean two = self->n_sides > 1;

  adw_preferences_group_set_title (self->side_groups[0],
                                   two ? _("Front of the Document") : _("What the Checks Found"));
  adw_preferences_group_set_title (self->side_groups[1], _("Back of the Document"));
  gtk_widget_set_visible (GTK_WIDGET (self->side_views[1]), two);
  gtk_widget_set_visible (GTK_WIDGET (self->side_groups[1]), two);
  gtk_widget_set_visible (self->side_retakes[0], two);
  gtk_widget_set_visible (self->side_retakes[1], two);
}

static void
set_verdict (PfPhotoResult *self,
             PfSeverity     worst)
{
  PfStepStatus status = pf_step_status_from_severity (worst);
  const char *text;

  switch (worst)
    {
    case PF_SEVERITY_BLOCKER:
      text = ngettext ("A service will likely refuse this photo",
                       "A service will likely refuse these photos", self->n_sides);
      break;
    case PF_SEVERITY_CAUTION:
      text = ngettext ("A service may refuse this photo",
                       "A service may refuse these photos", self->n_sides);
      break;
    case PF_SEVERITY_OK:
    default:
      text = ngettext ("This photo looks good", "These photos look good", self->n_sides);
      break;
    }

  pf_status_show (self->verdict_image, status, NULL);
  gtk_label_set_label (self->verdict_label, text);
}

static void
pf_photo_result_dispose (GObject *object)
{
  PfPhotoResult *self = PF_PHOTO_RESULT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_PHOTO_RESULT);

  G_OBJECT_CLASS (pf_photo_result_parent_class)->dispose (object);
}

static void
pf_photo_result_finalize (GObject *object)
{
  PfPhotoResult *self = PF_PHOTO_RESULT (object);

  for (guint i = 0; i < MAX_SIDES; i++)
    g_ptr_array_unref (self->rows[i]);

  G_OBJECT_CLASS (pf_photo_result_parent_class)->finalize (object);
}

static void
pf_photo_result_class_init (PfPhotoResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_photo_result_dispose;
  object_class->finalize = pf_photo_result_finalize;

  g_type_ensure (PF_TYPE_CAMERA_VIEW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/widgets/pf-photo-result.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPhotoResult, verdict_image);
  gtk_widget_class_bind_template_child (widget_class, PfPhotoResult, verdict_label);
  gtk_widget_class_bind_template_child_full (widget_class, "side0_view", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_views[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "side1_view", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_views[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "side0_group", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_groups[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "side1_group", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_groups[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "side0_retake", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_retakes[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "side1_retake", FALSE,
                                             G_STRUCT_OFFSET (PfPhotoResult, side_retakes[1]));
}

static void
pf_photo_result_init (PfPhotoResult *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < MAX_SIDES; i++)
    self->rows[i] = g_ptr_array_new ();
  self->n_sides = 1;
  set_side_labels (self);
}

GtkWidget *
pf_photo_result_new (void)
{
  return g_object_new (PF_TYPE_PHOTO_RESULT, NULL);
}

/**
 * pf_photo_result_show:
 * @n_sides: 1, or 2 for the front and the back of a card
 * @images: (array length=n_sides): the photos
 * @reports: (array length=n_sides): their reports
 *
 * Shows the photos and their findings, scrolled to the top.
 */
void
pf_photo_result_show (PfPhotoResult        *self,
                      guint                 n_sides,
                      PfImage       * const *images,
                      PfPhotoReport * const *reports)
{
  PfSeverity worst = PF_SEVERITY_OK;

  g_return_if_fail (PF_IS_PHOTO_RESULT (self));
  g_return_if_fail (n_sides >= 1 && n_sides <= MAX_SIDES);

  pf_photo_result_clear (self);
  self->n_sides = n_sides;
  set_side_labels (self);

  for (guint i = 0; i < n_sides; i++)
    {
      fill_side (self, i, images[i], reports[i]);
      worst = MAX (worst, pf_photo_report_get_worst (reports[i]));
    }

  set_verdict (self, worst);
  /* The scrolled window is the bin's child, not a bound template child:
   * the bin unparents its child itself. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))),
                            0);
}

/* Forgets the photos: the page is done with them. */
void
pf_photo_result_clear (PfPhotoResult *self)
{
  g_return_if_fail (PF_IS_PHOTO_RESULT (self));

  for (guint i = 0; i < MAX_SIDES; i++)
    clear_side (self, i);
}

/**
 * pf_photo_result_get_view:
 *
 * Returns: (transfer none): the picture of @side
 */
PfCameraView *
pf_photo_result_get_view (PfPhotoResult *self,
                          guint          side)
{
  g_return_val_if_fail (PF_IS_PHOTO_RESULT (self), NULL);
  g_return_val_if_fail (side < MAX_SIDES, NULL);

  return self->side_views[side];
}
