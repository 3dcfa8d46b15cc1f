/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built id-preflight-check, run as a person or a script would: on
 * generated photos (specimen documents, encoded as PNG and JPEG) and on bad
 * files, checking its exit status, its JSON against the documented schema,
 * its plain report and its messages. */

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pf-specimen.h"
#include "test-cli-util.h"

/* Every photo check; each must report on a photo of a document, with an
 * "ok" finding when it passed. */
static const char * const check_ids[] = {
  "photo.outline", "photo.corners", "photo.size", "photo.blur", "photo.glare",
  "photo.exposure", "photo.angle", "photo.obstruction", "photo.background", "photo.copy",
};

static const char *cli;
static char *tmp_dir;
static char *work_dir;   /* the program's working directory: must stay empty */
static char *home_dir;   /* its HOME and XDG directories: must stay empty */

static char *good_png;
static PfSpecimen *good_specimen;  /* the truth behind good.png */
static char *licence_png;
static char *good_jpg;
static char *empty_desk;
static char *empty_file;
static char *cut_png;
static char *text_file;

/* Runs the program in an empty working directory, with a home where
 * anything written would show. */
static void
run_cli (PfTestCliRun       *run,
         const char * const *args)
{
  pf_test_cli_run (run, cli, work_dir, home_dir, args);
}

static char *
save_image (PfImage    *image,
            const char *name,
            const char *type)
{
  return pf_test_cli_save_image (image, tmp_dir, name, type);
}

static char *
write_bytes (const char *name,
             const char *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return path;
}

static void
make_photos (void)
{
  g_autoptr(PfSpecimen) good = NULL;
  g_autoptr(PfSpecimen) desk = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  PfSpecimenParams params;
  gsize len = 0;

  /* A sharp, centred, well-lit card on a dark desk: nothing to change. */
  pf_specimen_params_init (&params);
  params.layout = PF_SPECIMEN_TD1;
  params.seed = 42;
  params.frame_width = 1280;
  params.frame_height = 720;
  good = pf_specimen_new (&params);
  good_png = save_image (good->image, "good.png", "png");
  good_jpg = save_image (good->image, "good.jpg", "jpeg");

  /* A driving licence: no MRZ. */
  {
    PfSpecimenParams licence_params = params;
    g_autoptr(PfSpecimen) licence = NULL;

    licence_params.layout = PF_SPECIMEN_LICENCE;
    licence_params.doc_width_fraction = 0.75;
    licence = pf_specimen_new (&licence_params);
    licence_png = save_image (licence->image, "licence.png", "png");
  }

  /* The same desk with no document on it. */
  params.no_document = TRUE;
  desk = pf_specimen_new (&params);
  empty_desk = save_image (desk->image, "empty-desk.png", "png");

  empty_file = write_bytes ("empty.jpg", "", 0);
  text_file = write_bytes ("notes.jpg", "Just a note, not a photo.\n", 26);

  g_file_get_contents (good_png, &png, &len, &error);
  g_assert_no_error (error);
  cut_png = write_bytes ("cut.png", png, len / 2);

  good_specimen = g_steal_pointer (&good);
}

static void
assert_number (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                 json_node_get_value_type (node) == G_TYPE_INT64);
}

static void
assert_string_member (JsonObject *object,
                      const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
}

/* One finding: { "id", "severity", "title", "advice", "region" }. */
static void
assert_finding_schema (JsonObject *finding)
{
  const char *severity;
  JsonNode *region;

  g_assert_cmpuint (json_object_get_size (finding), ==, 5);
  assert_string_member (finding, "id");
  assert_string_member (finding, "severity");
  assert_string_member (finding, "title");
  assert_string_member (finding, "advice");

  severity = json_object_get_string_member (finding, "severity");
  g_assert_true (g_str_equal (severity, "ok") || g_str_equal (severity, "caution") ||
                 g_str_equal (severity, "blocker"));
  g_assert_cmpstr (json_object_get_string_member (finding, "title"), !=, "");
  /* Whatever is not fine says what to do. */
  if (!g_str_equal (severity, "ok"))
    g_assert_cmpstr (json_object_get_string_member (finding, "advice"), !=, "");

  region = json_object_get_member (finding, "region");
  g_assert_nonnull (region);
  if (!JSON_NODE_HOLDS_NULL (region))
    {
      JsonObject *rect = json_node_get_object (region);

      g_assert_cmpuint (json_object_get_size (rect), ==, 4);
      assert_number (json_object_get_member (rect, "x"));
      assert_number (json_object_get_member (rect, "y"));
      assert_number (json_object_get_member (rect, "width"));
      assert_number (json_object_get_member (rect, "height"));
    }
}

/* A file that was read: { "path", "width", "height", "outline",
 * "findings", "metrics" }. Returns the worst severity: 0 ok, 1 caution,
 * 2 blocker. */
static int
assert_file_schema (JsonObject *file)
{
  JsonNode *outline = json_object_get_member (file, "outline");
  JsonArray *findings;
  JsonObject *metrics;
  GList *names;
  int worst = 0;

  assert_string_member (file, "path");
  g_assert_false (json_object_has_member (file, "error"));
  g_assert_cmpint (json_object_get_int_member (file, "width"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (file, "height"), >=, 1);

  g_assert_nonnull (outline);
  if (!JSON_NODE_HOLDS_NULL (outline))
    {
      JsonArray *corners = json_node_get_array (outline);

      g_assert_cmpuint (json_array_get_length (corners), ==, 4);
      for (guint i = 0; i < 4; i++)
        {
          JsonArray *point = json_array_get_array_element (corners, i);

          g_assert_cmpuint (json_array_get_length (point), ==, 2);
          assert_number (json_array_get_element (point, 0));
          assert_number (json_array_get_element (point, 1));
        }
    }

  findings = json_object_get_array_member (file, "findings");
  g_assert_nonnull (findings);
  g_assert_cmpuint (json_array_get_length (findings), >, 0);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *severity;

      assert_finding_schema (finding);
      severity = json_object_get_string_member (finding, "severity");
      worst = MAX (worst, g_str_equal (severity, "blocker") ? 2 : g_str_equal (severity, "caution") ? 1 : 0);
    }

  metrics = json_object_get_object_member (file, "metrics");
  g_assert_nonnull (metrics);
  names = json_object_get_members (metrics);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (metrics, l->data);

      /* null only for a value that could not be measured */
      if (!JSON_NODE_HOLDS_NULL (value))
        assert_number (value);
    }
  g_list_free (names);

  return worst;
}

static JsonObject *
find_check (JsonObject *file,
            const char *id)
{
  JsonArray *findings = json_object_get_array_member (file, "findings");
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "id"), id))
        found = finding;
    }

  return found;
}

static JsonArray *
parse_files (JsonParser *parser,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "files"));

  return json_object_get_array_member (root, "files");
}

static void
test_good_photo_text (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  const char *args[] = { good_png, NULL };

  run_cli (&run, args);
  if (run.status != 0)
    g_error ("a pristine specimen needs attention, the report says:\n%s", run.out);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, good_png));
  g_assert_nonnull (strstr (run.out, "1280 × 720 pixels"));
  for (guint i = 0; i < G_N_ELEMENTS (check_ids); i++)
    g_assert_nonnull (strstr (run.out, check_ids[i]));
  g_assert_nonnull (strstr (run.out, "Nothing needs attention."));
}

static void
test_good_photo_json (void)
{
  const char *formats[] = { good_png, good_jpg };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(PfTestCliRun) run = { 0 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *args[] = { "--json", formats[f], NULL };
      JsonArray *files;
      JsonObject *file;

      run_cli (&run, args);
      g_assert_cmpstr (run.err, ==, "");
      files = parse_files (parser, run.out);
      g_assert_cmpuint (json_array_get_length (files), ==, 1);
      file = json_array_get_object_element (files, 0);

      g_assert_cmpint (assert_file_schema (file), ==, 0);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, formats[f]);
      g_assert_cmpint (json_object_get_int_member (file, "width"), ==, 1280);
      g_assert_cmpint (json_object_get_int_member (file, "height"), ==, 720);
      g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (file, "outline")));

      /* "Checked and fine" for every check, never silence. */
      for (guint i = 0; i < G_N_ELEMENTS (check_ids); i++)
        {
          JsonObject *finding = find_check (file, check_ids[i]);

          if (finding == NULL)
            g_error ("%s: no finding from %s", formats[f], check_ids[i]);
          g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "ok");
        }
    }
}

static void
test_needs_attention (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "--json", empty_desk, good_png, NULL };
  JsonArray *files;
  JsonObject *desk;
  JsonObject *outline;

  run_cli (&run, args);
  files = parse_files (parser, run.out);
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  desk = json_array_get_object_element (files, 0);
  g_assert_cmpint (assert_file_schema (desk), >=, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (desk, "outline")));
  outline = find_check (desk, "photo.outline");
  g_assert_nonnull (outline);
  g_assert_cmpstr (json_object_get_string_member (outline, "severity"), !=, "ok");

  g_assert_cmpint (assert_file_schema (json_array_get_object_element (files, 1)), ==, 0);
  /* One file needs attention: that decides the status. */
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_needs_attention_text (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  const char *args[] = { empty_desk, NULL };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "photo.outline"));
  g_assert_null (strstr (run.out, "Nothing needs attention."));
}

typedef struct
{
  const char **path;
  const char  *message;
} BadFile;

static void
test_bad_files (void)
{
  const BadFile bad[] = {
    { (const char **) &empty_file, "This file is empty." },
    { (const char **) &cut_png, "The picture is incomplete" },
    { (const char **) &text_file, "This file is not a picture." },
    { (const char **) &tmp_dir, "This is a folder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(PfTestCliRun) run = { 0 };
      g_autofree char *expected = g_strdup_printf ("%s: %s", *bad[i].path, bad[i].message);
      const char *args[] = { *bad[i].path, NULL };

      run_cli (&run, args);
      g_assert_cmpint (run.status, ==, 2);
      if (!g_str_has_prefix (run.err, expected))
        g_error ("expected “%s” on stderr, got “%s”", expected, run.err);
      /* Nothing checked, so no report. */
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_json_mixed (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-photo.jpg", NULL);
  const char *args[] = { "--json", good_png, empty_file, empty_desk, missing, cut_png, NULL };
  const guint unreadable[] = { 1, 3, 4 };
  JsonArray *files;

  run_cli (&run, args);
  /* A file that could not be read wins over one that needs attention. */
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "This file is empty."));
  g_assert_nonnull (strstr (run.err, "This file does not exist."));
  g_assert_nonnull (strstr (run.err, "The picture is incomplete"));

  files = parse_files (parser, run.out);
  g_assert_cmpuint (json_array_get_length (files), ==, 5);

  /* In the order given. */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, i), "path"),
                     ==, args[i + 1]);

  g_assert_cmpint (assert_file_schema (json_array_get_object_element (files, 0)), ==, 0);
  g_assert_cmpint (assert_file_schema (json_array_get_object_element (files, 2)), >=, 1);

  /* Unreadable files: exactly { "path", "error" }. */
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      JsonObject *file = json_array_get_object_element (files, unreadable[i]);

      g_assert_cmpuint (json_object_get_size (file), ==, 2);
      assert_string_member (file, "error");
      g_assert_cmpstr (json_object_get_string_member (file, "error"), !=, "");
    }
}

static void
test_usage (void)
{
  {
    g_auto(PfTestCliRun) run = { 0 };
    const char *args[] = { NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "no photo given"));
  }
  {
    g_auto(PfTestCliRun) run = { 0 };
    const char *args[] = { "--kind", "library-card", good_png, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "library-card"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(PfTestCliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    const char *args[] = { "--json", "--kind", "id-card", good_png, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (json_array_get_length (parse_files (parser, run.out)), ==, 1);
  }
  {
    g_auto(PfTestCliRun) run = { 0 };
    const char *args[] = { "--help", NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--json"));
    g_assert_nonnull (strstr (run.out, "--kind"));
  }
}

/* The "document" member of --read: { "kind", "mrz", "printed", "fields" }.
 * Returns it. */
static JsonObject *
assert_document_schema (JsonObject *file)
{
  JsonObject *document = json_object_get_object_member (file, "document");
  JsonObject *printed, *fields;
  JsonNode *kind, *mrz;

  g_assert_nonnull (document);
  g_assert_cmpuint (json_object_get_size (document), ==, 4);
  kind = json_object_get_member (document, "kind");
  g_assert_true (JSON_NODE_HOLDS_NULL (kind) ||
                 json_node_get_value_type (kind) == G_TYPE_STRING);

  mrz = json_object_get_member (document, "mrz");
  g_assert_nonnull (mrz);
  if (!JSON_NODE_HOLDS_NULL (mrz))
    {
      JsonObject *m = json_node_get_object (mrz);

      g_assert_cmpuint (json_object_get_size (m), ==, 4);
      g_assert_nonnull (json_object_get_array_member (m, "lines"));
      g_assert_true (json_node_get_value_type (json_object_get_member (m, "valid")) == G_TYPE_BOOLEAN);
      g_assert_nonnull (json_object_get_object_member (m, "checks"));
      g_assert_nonnull (json_object_get_object_member (m, "fields"));
    }

  printed = json_object_get_object_member (document, "printed");
  g_assert_nonnull (printed);
  g_assert_true (json_node_get_value_type (json_object_get_member (printed, "read")) == G_TYPE_BOOLEAN);
  g_assert_true (json_object_has_member (printed, "error"));
  g_assert_nonnull (json_object_get_object_member (printed, "fields"));

  fields = json_object_get_object_member (document, "fields");
  g_assert_nonnull (fields);
  g_assert_cmpuint (json_object_get_size (fields), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      static const char *const ids[] = {
        "surname", "given_names", "birth_date", "nationality", "document_number", "expiry_date",
      };
      JsonNode *field = json_object_get_member (fields, ids[i]);

      g_assert_nonnull (field);
      if (!JSON_NODE_HOLDS_NULL (field))
        {
          JsonObject *f = json_node_get_object (field);

          assert_string_member (f, "value");
          assert_number (json_object_get_member (f, "confidence"));
          assert_string_member (f, "source");
        }
    }

  return document;
}

/* --read on a card: its kind, its MRZ exactly as printed, every check
 * digit passing, and the fields in the MRZ. */
static void
test_read_json (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "--json", "--read", good_png, NULL };
  JsonObject *file, *document, *mrz, *checks, *mrz_fields;
  JsonArray *lines;
  GList *names;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  file = json_array_get_object_element (parse_files (parser, run.out), 0);
  assert_file_schema (file);
  document = assert_document_schema (file);

  g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==,
                   good_specimen->document_code[1] == 'R' ? "residence-permit" : "id-card");
  mrz = json_object_get_object_member (document, "mrz");
  g_assert_nonnull (mrz);
  lines = json_object_get_array_member (mrz, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, good_specimen->n_mrz_lines);
  for (int l = 0; l < good_specimen->n_mrz_lines; l++)
    g_assert_cmpstr (json_array_get_string_element (lines, l), ==, good_specimen->mrz_lines[l]);
  g_assert_true (json_object_get_boolean_member (mrz, "valid"));

  checks = json_object_get_object_member (mrz, "checks");
  names = json_object_get_members (checks);
  g_assert_cmpuint (g_list_length (names), ==, 4);  /* TD1: number, birth, expiry, composite */
  for (GList *l = names; l != NULL; l = l->next)
    g_assert_cmpstr (json_object_get_string_member (checks, l->data), ==, "passed");
  g_list_free (names);

  mrz_fields = json_object_get_object_member (mrz, "fields");
  g_assert_cmpstr (json_object_get_string_member (mrz_fields, "document_number"), ==,
                   good_specimen->document_number);
  g_assert_cmpstr (json_object_get_string_member (mrz_fields, "surname"), ==,
                   good_specimen->mrz_surname);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_object_get_object_member (document, "fields"), "birth_date"), "value"),
                   ==, good_specimen->birth_date);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (document, "printed"),
                                                 "read"));
  g_assert_false (json_object_has_member (file, "comparison"));
}

/* A driving licence has no MRZ: "mrz" is null, the kind unknown, and the
 * printed zone is still read. */
static void
test_read_licence (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "--json", "--read", "--kind", "driving-licence", licence_png, NULL };
  JsonObject *file, *document;

  run_cli (&run, args);
  g_assert_cmpint (run.status, !=, 2);
  file = json_array_get_object_element (parse_files (parser, run.out), 0);
  document = assert_document_schema (file);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (document, "kind")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (document, "mrz")));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (document, "printed"),
                                                 "read"));
}

static void
test_read_text (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  const char *args[] = { "--read", good_png, NULL };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "MRZ: read, every check digit passes"));
  for (int l = 0; l < good_specimen->n_mrz_lines; l++)
    g_assert_nonnull (strstr (run.out, good_specimen->mrz_lines[l]));
  g_assert_nonnull (strstr (run.out, good_specimen->birth_date));
}

/* Swaps the first character that has a look-alike (0 and O, 1 and I...). */
static char *
with_lookalike (const char *text)
{
  static const char pairs[] = "0O1I5S8B2Z";
  char *out = g_strdup (text);

  for (char *p = out; *p != '\0'; p++)
    {
      const char *hit = strchr (pairs, *p);

      if (hit != NULL)
        {
          gsize i = hit - pairs;

          *p = pairs[i % 2 == 0 ? i + 1 : i - 1];
          return out;
        }
    }
  return out;
}

static JsonObject *
find_comparison (JsonArray  *comparison,
                 const char *field)
{
  for (guint i = 0; i < json_array_get_length (comparison); i++)
    {
      JsonObject *c = json_array_get_object_element (comparison, i);

      if (g_str_equal (json_object_get_string_member (c, "field"), field))
        return c;
    }
  return NULL;
}

/* --details: each typed field compared with the document, with the
 * reason for each difference, as the details page gives it. */
static void
test_details (void)
{
  g_auto(PfTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *number = with_lookalike (good_specimen->document_number);
  g_autofree char *surname = g_strdup (good_specimen->mrz_surname);
  g_autofree char *birth = NULL;
  const char *args[] = { "--json", "--details", NULL, good_png, NULL };
  JsonArray *comparison;
  JsonObject *c;
  int y, m, d;

  /* A typo in the surname: one letter changed. */
  surname[1] = surname[1] == 'X' ? 'Y' : 'X';
  /* The birth date with a two-digit year. */
  g_assert_cmpint (sscanf (good_specimen->birth_date, "%d-%d-%d", &y, &m, &d), ==, 3);
  birth = g_strdup_printf ("%02d.%02d.%02d", d, m, y % 100);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "surname");
  json_builder_add_string_value (builder, surname);
  json_builder_set_member_name (builder, "given_names");
  json_builder_add_string_value (builder, good_specimen->mrz_given_names);
  json_builder_set_member_name (builder, "birth_date");
  json_builder_add_string_value (builder, birth);
  json_builder_set_member_name (builder, "document_number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "expiry_date");
  json_builder_add_string_value (builder, good_specimen->expiry_date);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  path = write_bytes ("details.json", text, strlen (text));
  args[2] = path;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  comparison = json_object_get_array_member (
                 json_array_get_object_element (parse_files (parser, run.out), 0), "comparison");
  g_assert_nonnull (comparison);
  /* Only what was typed: nationality was not. */
  g_assert_cmpuint (json_array_get_length (comparison), ==, 5);
  for (guint i = 0; i < json_array_get_length (comparison); i++)
    {
      JsonObject *one = json_array_get_object_element (comparison, i);

      g_assert_cmpuint (json_object_get_size (one), ==, 5);
      assert_string_member (one, "field");
      assert_string_member (one, "typed");
      assert_string_member (one, "verdict");
    }

  c = find_comparison (comparison, "surname");
  g_assert_cmpstr (json_object_get_string_member (c, "typed"), ==, surname);
  g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "mismatch");
  g_assert_cmpstr (json_object_get_string_member (c, "reason"), ==, "typo");

  c = find_comparison (comparison, "given_names");
  g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "match");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (c, "reason")));

  c = find_comparison (comparison, "birth_date");
  g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "mismatch");
  g_assert_cmpstr (json_object_get_string_member (c, "reason"), ==, "two-digit-year");

  c = find_comparison (comparison, "document_number");
  if (!g_str_equal (number, good_specimen->document_number))
    {
      g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "mismatch");
      g_assert_cmpstr (json_object_get_string_member (c, "reason"), ==, "lookalike");
    }

  c = find_comparison (comparison, "expiry_date");
  g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "match");

  /* The same as text: the comparator's advice. */
  {
    g_auto(PfTestCliRun) text_run = { 0 };
    const char *text_args[] = { "--details", path, good_png, NULL };

    run_cli (&text_run, text_args);
    g_assert_cmpint (text_run.status, ==, 1);
    g_assert_nonnull (strstr (text_run.out, "details.surname"));
    g_assert_nonnull (strstr (text_run.out, "details.birth_date"));
  }
}

/* Bad details files: a clear message naming the problem, nothing on
 * standard output, exit status 2. */
static void
test_details_bad (void)
{
  static const struct
  {
    const char *name;
    const char *contents;
    const char *message;
  } cases[] = {
    { "not-json.json", "surname: Smith", "not valid JSON" },
    { "array.json", "[\"Smith\"]", "one JSON object" },
    { "number.json", "{\"surname\": 12}", "must be text" },
    { "unknown.json", "{\"surnme\": \"Smith\"}", "Unknown detail “surnme”" },
    { "empty.json", "", "one JSON object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PfTestCliRun) run = { 0 };
      g_autofree char *path = write_bytes (cases[i].name, cases[i].contents,
                                           strlen (cases[i].contents));
      const char *args[] = { "--details", path, good_png, NULL };

      run_cli (&run, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("%s: expected “%s” in: %s", cases[i].name, cases[i].message, run.err);
    }

  {
    g_auto(PfTestCliRun) run = { 0 };
    const char *args[] = { "--details", "/nonexistent/details.json", good_png, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Cannot read the details file"));
  }
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Run last: after every run above, nothing was written where the program
 * ran nor in its home. */
static void
test_writes_nothing (void)
{
  g_assert_cmpuint (count_entries (work_dir), ==, 0);
  g_assert_cmpuint (count_entries (home_dir), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* meson passes the program as the argument; by hand, PF_CLI works too. */
  cli = argc > 1 ? argv[1] : g_getenv ("PF_CLI");
  if (cli == NULL)
    {
      g_printerr ("Usage: test-cli PATH-TO-id-preflight-check (or set PF_CLI)\n");
      return 1;
    }

  tmp_dir = g_dir_make_tmp ("pf-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  work_dir = g_build_filename (tmp_dir, "work", NULL);
  home_dir = g_build_filename (tmp_dir, "home", NULL);
  g_mkdir (work_dir, 0700);
  g_mkdir (home_dir, 0700);
  make_photos ();

  g_test_add_func ("/pf/cli/good-photo-text", test_good_photo_text);
  g_test_add_func ("/pf/cli/good-photo-json", test_good_photo_json);
  g_test_add_func ("/pf/cli/needs-attention-json", test_needs_attention);
  g_test_add_func ("/pf/cli/needs-attention-text", test_needs_attention_text);
  g_test_add_func ("/pf/cli/bad-files", test_bad_files);
  g_test_add_func ("/pf/cli/json-mixed", test_json_mixed);
  g_test_add_func ("/pf/cli/usage", test_usage);
  g_test_add_func ("/pf/cli/read-json", test_read_json);
  g_test_add_func ("/pf/cli/read-licence", test_read_licence);
  g_test_add_func ("/pf/cli/read-text", test_read_text);
  g_test_add_func ("/pf/cli/details", test_details);
  g_test_add_func ("/pf/cli/details-bad", test_details_bad);
  /* Last: it looks at what all the runs before it left behind. */
  g_test_add_func ("/pf/cli/writes-nothing", test_writes_nothing);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (work_dir);
  g_free (home_dir);
  g_free (good_png);
  g_clear_pointer (&good_specimen, pf_specimen_free);
  g_free (licence_png);
  g_free (good_jpg);
  g_free (empty_desk);
  g_free (empty_file);
  g_free (cut_png);
  g_free (text_file);

  return status;
}
