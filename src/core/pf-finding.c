/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finding is the one shape every check reports in: what was checked (a
 * stable id), how much it matters, a short title, one sentence of advice
 * and, where it has one, the part of the image it is about. Findings are
 * immutable once made, so they can be handed between threads freely. */

#include "config.h"

#include <string.h>

#include "pf-finding.h"
#include "pf-image.h"
#include "pf-core-enums.h"

struct _PfFinding
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *advice;
  PfRect      region;
  PfSeverity  severity;
  guint       has_region : 1;
};

G_DEFINE_FINAL_TYPE (PfFinding, pf_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_ADVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_finding_finalize (GObject *object)
{
  PfFinding *self = PF_FINDING (object);

  /* Titles and advice may quote what the person typed (a name, a
   * document number): zero them before they go back to the allocator. */
  if (self->title != NULL)
    pf_secure_zero (self->title, strlen (self->title));
  if (self->advice != NULL)
    pf_secure_zero (self->advice, strlen (self->advice));

  g_free (self->id);
  g_free (self->title);
  g_free (self->advice);

  G_OBJECT_CLASS (pf_finding_parent_class)->finalize (object);
}

static void
pf_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PfFinding *self = PF_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ADVICE:
      g_value_set_string (value, self->advice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_finding_class_init (PfFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_finding_finalize;
  object_class->get_property = pf_finding_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       PF_TYPE_SEVERITY, PF_SEVERITY_OK,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADVICE] =
    g_param_spec_string ("advice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_finding_init (PfFinding *self)
{
}

/**
 * pf_finding_new:
 * @id: a stable identifier such as "photo.glare"
 * @severity: how much it matters
 * @title: a short, translated title
 * @advice: one translated sentence that says what to do
 *
 * Returns: (transfer full): a new finding without a region
 */
PfFinding *
pf_finding_new (const char *id,
                PfSeverity  severity,
                const char *title,
                const char *advice)
{
  return pf_finding_new_with_region (id, severity, title, advice, NULL);
}

/**
 * pf_finding_new_with_region:
 * @region: (nullable): the part of the image the finding is about
 *
 * Like pf_finding_new(), with a region in image pixels.
 *
 * Returns: (transfer full): a new finding
 */
PfFinding *
pf_finding_new_with_region (const char   *id,
                            PfSeverity    severity,
                            const char   *title,
                            const char   *advice,
                            const PfRect *region)
{
  PfFinding *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (severity <= PF_SEVERITY_BLOCKER, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (advice != NULL, NULL);

  self = g_object_new (PF_TYPE_FINDING, NULL);
  self->id = g_strdup (id);
  self->severity = severity;
  self->title = g_strdup (title);
  self->advice = g_strdup (advice);

  if (region != NULL)
    {
      self->region = *region;
      self->has_region = TRUE;
    }

  return self;
}

const char *
pf_finding_get_id (PfFinding *self)
{
  g_return_val_if_fail (PF_IS_FINDING (self), NULL);
  return self->id;
}

PfSeverity
pf_finding_get_severity (PfFinding *self)
{
  g_return_val_if_fail (PF_IS_FINDING (self), PF_SEVERITY_OK);
  return self->severity;
}

const char *
pf_finding_get_title (PfFinding *self)
{
  g_return_val_if_fail (PF_IS_FINDING (self), NULL);
  return self->title;
}

const char *
pf_finding_get_advice (PfFinding *self)
{
  g_return_val_if_fail (PF_IS_FINDING (self), NULL);
  return self->advice;
}

/**
 * pf_finding_get_region:
 * @region: (out) (optional): where to store the region
 *
 * Returns: %TRUE if the finding has a region
 */
gboolean
pf_finding_get_region (PfFinding *self,
                       PfRect    *region)
{
  g_return_val_if_fail (PF_IS_FINDING (self), FALSE);

  if (self->has_region && region != NULL)
    *region = self->region;

  return self->has_region;
}

/**
 * pf_severity_to_string:
 *
 * Returns: the stable name used in reports and JSON: "ok", "caution" or
 *   "blocker"
 */
const char *
pf_severity_to_string (PfSeverity severity)
{
  switch (severity)
    {
    case PF_SEVERITY_OK:
      return "ok";
    case PF_SEVERITY_CAUTION:
      return "caution";
    case PF_SEVERITY_BLOCKER:
      return "blocker";
    default:
      g_return_val_if_reached ("ok");
    }
}

/**
 * pf_findings_worst:
 * @findings: (element-type PfFinding) (nullable): findings
 *
 * Returns: the highest severity among @findings, %PF_SEVERITY_OK when empty
 */
PfSeverity
pf_findings_worst (GPtrArray *findings)
{
  PfSeverity worst = PF_SEVERITY_OK;

  if (findings == NULL)
    return worst;

  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, pf_finding_get_severity (g_ptr_array_index (findings, i)));

  return worst;
}
