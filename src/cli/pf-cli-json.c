/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON report: { "files": [ one object per file ] }. Each piece (a
 * rectangle, a finding, a list of findings, a photo report) has its own
 * function, so that later sections (the document reading, the comparison
 * with typed details, the selfie checks) reuse them and add members to a
 * file's object in pf_cli_json_add_result(). */

#include "config.h"

#include <math.h>

#include "pf-cli-json.h"

/* JSON has no NaN or infinity: a value that could not be measured is null. */
void
pf_cli_json_add_number (JsonBuilder *builder,
                        double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * pf_cli_json_add_rect:
 * @rect: (nullable): a region in image pixels
 *
 * Adds `{ "x", "y", "width", "height" }`, or null without a region.
 */
void
pf_cli_json_add_rect (JsonBuilder  *builder,
                      const PfRect *rect)
{
  if (rect == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x");
  pf_cli_json_add_number (builder, rect->x);
  json_builder_set_member_name (builder, "y");
  pf_cli_json_add_number (builder, rect->y);
  json_builder_set_member_name (builder, "width");
  pf_cli_json_add_number (builder, rect->width);
  json_builder_set_member_name (builder, "height");
  pf_cli_json_add_number (builder, rect->height);
  json_builder_end_object (builder);
}

void
pf_cli_json_add_finding (JsonBuilder *builder,
                         PfFinding   *finding)
{
  PfRect region;
  gboolean has_region = pf_finding_get_region (finding, &region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, pf_finding_get_id (finding));
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, pf_severity_to_string (pf_finding_get_severity (finding)));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, pf_finding_get_title (finding));
  json_builder_set_member_name (builder, "advice");
  json_builder_add_string_value (builder, pf_finding_get_advice (finding));
  json_builder_set_member_name (builder, "region");
  pf_cli_json_add_rect (builder, has_region ? &region : NULL);
  json_builder_end_object (builder);
}

/**
 * pf_cli_json_add_findings:
 * @findings: (element-type PfFinding): findings of any step
 *
 * Adds an array of findings, in their order.
 */
void
pf_cli_json_add_findings (JsonBuilder *builder,
                          GPtrArray   *findings)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    pf_cli_json_add_finding (builder, g_ptr_array_index (findings, i));
  json_builder_end_array (builder);
}

/**
 * pf_cli_json_add_photo_report:
 *
 * Adds the members "outline", "findings" and "metrics" to the object
 * being built.
 */
void
pf_cli_json_add_photo_report (JsonBuilder   *builder,
                              PfPhotoReport *report)
{
  g_autoptr(GList) metrics = pf_photo_report_list_metrics (report);
  PfPoint corners[4];

  json_builder_set_member_name (builder, "outline");
  if (pf_photo_report_get_outline (report, corners))
    {
      json_builder_begin_array (builder);
      for (int i = 0; i < 4; i++)
        {
          json_builder_begin_array (builder);
          pf_cli_json_add_number (builder, corners[i].x);
          pf_cli_json_add_number (builder, corners[i].y);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "findings");
  pf_cli_json_add_findings (builder, pf_photo_report_get_findings (report));

  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_object (builder);
  for (GList *l = metrics; l != NULL; l = l->next)
    {
      double value = 0;

      pf_photo_report_get_metric (report, l->data, &value);
      json_builder_set_member_name (builder, l->data);
      pf_cli_json_add_number (builder, value);
    }
  json_builder_end_object (builder);
}

/**
 * pf_cli_json_add_result:
 *
 * Adds one file's object: `{ "path", "error" }` for a file that could not
 * be read, else `{ "path", "width", "height", "outline", "findings",
 * "metrics" }`.
 */
void
pf_cli_json_add_result (JsonBuilder *builder,
                        PfCliResult *result)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, result->display_path);

  if (result->error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, result->error->message);
    }
  else
    {
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, result->width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, result->height);
      pf_cli_json_add_photo_report (builder, result->photo);
    }

  json_builder_end_object (builder);
}

/**
 * pf_cli_json_write:
 * @results: (element-type PfCliResult): one per file, in order
 *
 * Returns: (transfer full): the whole report, UTF-8, ending in a newline
 */
char *
pf_cli_json_write (GPtrArray *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    pf_cli_json_add_result (builder, g_ptr_array_index (results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
