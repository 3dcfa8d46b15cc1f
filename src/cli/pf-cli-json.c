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
 * pf_cli_json_add_metrics:
 * @names: (element-type utf8): the metrics' names, in order
 * @get: reads one metric of @report
 *
 * Adds the member `"metrics": { <name>: <number or null> }`.
 */
void
pf_cli_json_add_metrics (JsonBuilder         *builder,
                         GList               *names,
                         PfCliJsonMetricFunc  get,
                         gpointer             report)
{
  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_object (builder);
  for (GList *l = names; l != NULL; l = l->next)
    {
      double value = 0;

      get (report, l->data, &value);
      json_builder_set_member_name (builder, l->data);
      pf_cli_json_add_number (builder, value);
    }
  json_builder_end_object (builder);
}

static void
get_photo_metric (gpointer    report,
                  const char *name,
                  double     *value)
{
  pf_photo_report_get_metric (report, name, value);
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

  pf_cli_json_add_metrics (builder, metrics, get_photo_metric, report);
}

/* "mrz": { "lines", "valid", "checks", "fields" } or null. */
static void
add_mrz (JsonBuilder *builder,
         PfMrz       *mrz)
{
  json_builder_set_member_name (builder, "mrz");
  if (mrz == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint l = 0; l < pf_mrz_get_n_lines (mrz); l++)
    json_builder_add_string_value (builder, pf_mrz_get_line (mrz, l));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, pf_mrz_is_valid (mrz));

  /* "passed" or "failed" for each check digit the layout has. */
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_object (builder);
  for (PfMrzCheck c = 0; c < PF_MRZ_N_CHECKS; c++)
    {
      PfMrzCheckResult result = pf_mrz_get_check (mrz, c);

      if (result == PF_MRZ_CHECK_RESULT_ABSENT)
        continue;
      json_builder_set_member_name (builder, pf_mrz_check_to_string (c));
      json_builder_add_string_value (builder,
                                     result == PF_MRZ_CHECK_RESULT_PASSED ? "passed" : "failed");
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (PfMrzField f = 0; f < PF_MRZ_N_FIELDS; f++)
    {
      const char *value = pf_mrz_get_field (mrz, f);

      if (value == NULL)
        continue;
      json_builder_set_member_name (builder, pf_mrz_field_to_string (f));
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *text)
{
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

/**
 * pf_cli_json_add_reading:
 *
 * Adds `"document": { "kind", "mrz", "printed", "fields" }`: the kind the
 * MRZ names (or null), the MRZ (or null), the printed zone (`{ "read",
 * "error", "fields": { <field>: { "text", "confidence" } or null } }`),
 * and each field as read from both (`{ "value", "confidence", "source" }`
 * or null). A document that could not be read at all is `{ "error" }`.
 */
void
pf_cli_json_add_reading (JsonBuilder *builder,
                         PfReading   *reading,
                         GError      *error)
{
  const GError *printed_error;

  json_builder_set_member_name (builder, "document");
  json_builder_begin_object (builder);
  if (reading == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error != NULL ? error->message : "");
      json_builder_end_object (builder);
      return;
    }

  json_builder_set_member_name (builder, "kind");
  add_string_or_null (builder, pf_reading_get_kind (reading) != PF_DOCUMENT_KIND_NONE
                                 ? pf_document_kind_get_id (pf_reading_get_kind (reading))
                                 : NULL);

  add_mrz (builder, pf_reading_get_mrz (reading));

  printed_error = pf_reading_get_printed_error (reading);
  json_builder_set_member_name (builder, "printed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "read");
  json_builder_add_boolean_value (builder, pf_reading_get_printed_read (reading));
  json_builder_set_member_name (builder, "error");
  add_string_or_null (builder, printed_error != NULL ? printed_error->message : NULL);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *text = pf_reading_get_printed_value (reading, f);

      json_builder_set_member_name (builder, pf_field_get_id (f));
      if (text == NULL)
        {
          json_builder_add_null_value (builder);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "confidence");
      pf_cli_json_add_number (builder, pf_reading_get_printed_confidence (reading, f));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *value = pf_reading_get_value (reading, f);

      json_builder_set_member_name (builder, pf_field_get_id (f));
      if (value == NULL)
        {
          json_builder_add_null_value (builder);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
      json_builder_set_member_name (builder, "confidence");
      pf_cli_json_add_number (builder, pf_reading_get_confidence (reading, f));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder,
                                     pf_reading_source_to_string (pf_reading_get_source (reading, f)));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/**
 * pf_cli_json_add_comparisons:
 *
 * Adds `"comparison": [ { "field", "typed", "document", "verdict",
 * "reason" } ]` for each detail that was typed.
 */
void
pf_cli_json_add_comparisons (JsonBuilder *builder,
                             GPtrArray   *comparisons)
{
  json_builder_set_member_name (builder, "comparison");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparisons->len; i++)
    {
      PfComparison *comparison = g_ptr_array_index (comparisons, i);
      PfVerdict verdict = pf_comparison_get_verdict (comparison);

      if (verdict == PF_VERDICT_NOT_COMPARED)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder,
                                     pf_field_get_id (pf_comparison_get_field (comparison)));
      json_builder_set_member_name (builder, "typed");
      add_string_or_null (builder, pf_comparison_get_typed (comparison));
      json_builder_set_member_name (builder, "document");
      add_string_or_null (builder, pf_comparison_get_document (comparison));
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder, pf_verdict_to_string (verdict));
      json_builder_set_member_name (builder, "reason");
      add_string_or_null (builder, pf_reason_to_string (pf_comparison_get_reason (comparison)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * pf_cli_json_begin_file:
 * @display_path: the file's name, UTF-8
 * @error: (nullable): why the file could not be read
 *
 * Begins a file's object with its "path". A file that could not be read is
 * `{ "path", "error" }`, ended here, and the function returns %FALSE;
 * else "width" and "height" follow, and the caller adds what it checked
 * and ends the object.
 */
gboolean
pf_cli_json_begin_file (JsonBuilder  *builder,
                        const char   *display_path,
                        const GError *error,
                        int           width,
                        int           height)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, display_path);

  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      return FALSE;
    }

  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, height);
  return TRUE;
}

/**
 * pf_cli_json_add_result:
 *
 * Adds one file's object: `{ "path", "error" }` for a file that could not
 * be read, else `{ "path", "width", "height", "outline", "findings",
 * "metrics" }`, with "document" after --read and "comparison" after
 * --details.
 */
void
pf_cli_json_add_result (JsonBuilder *builder,
                        PfCliResult *result)
{
  if (!pf_cli_json_begin_file (builder, result->display_path, result->error,
                               result->width, result->height))
    return;

  pf_cli_json_add_photo_report (builder, result->photo);
  if (result->reading != NULL || result->read_error != NULL)
    pf_cli_json_add_reading (builder, result->reading, result->read_error);
  if (result->comparisons != NULL)
    pf_cli_json_add_comparisons (builder, result->comparisons);

  json_builder_end_object (builder);
}

static void
add_result_cb (JsonBuilder *builder,
               gpointer     result)
{
  pf_cli_json_add_result (builder, result);
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
  return pf_cli_json_write_files (results, add_result_cb);
}

/**
 * pf_cli_json_write_files:
 * @results: one per file, in order, of any kind
 * @add_file: adds one file's object (see pf_cli_json_begin_file())
 *
 * The frame every JSON report shares: `{ "files": [ … ] }`.
 *
 * Returns: (transfer full): the whole report, UTF-8, ending in a newline
 */
char *
pf_cli_json_write_files (GPtrArray         *results,
                         PfCliJsonFileFunc  add_file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    add_file (builder, g_ptr_array_index (results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
