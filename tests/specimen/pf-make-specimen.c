/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pf-make-specimen: writes generated document photos and their ground
 * truth, for benchmarks, the OpenCV reference and for looking at samples.
 *
 *   pf-make-specimen [--seed N] [--layout td1|td3|td2|licence] [--random]
 *                    [--defect NAME]... [--blur S] [--glare over-text|mrz|blank|photo]
 *                    ... -o out.png
 *   pf-make-specimen --grid DIR
 *
 * A test tool: its messages are for developers and are not translated. */

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>

#include "pf-mrz.h"
#include "pf-specimen.h"

static void
add_rect (JsonBuilder  *b,
          const char   *name,
          const PfRect *r)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "x");
  json_builder_add_double_value (b, r->x);
  json_builder_set_member_name (b, "y");
  json_builder_add_double_value (b, r->y);
  json_builder_set_member_name (b, "width");
  json_builder_add_double_value (b, r->width);
  json_builder_set_member_name (b, "height");
  json_builder_add_double_value (b, r->height);
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_defects (JsonBuilder       *b,
             const char        *name,
             PfSpecimenDefects  defects)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    if (defects & (1 << i))
      json_builder_add_string_value (b, pf_specimen_defect_to_string (1 << i));
  json_builder_end_array (b);
}

static char *
truth_json (const PfSpecimen *s,
            const char       *image_name)
{
  const PfSpecimenParams *p = &s->params;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  PfSpecimenDefects marginal = 0;
  PfSpecimenDefects defects = pf_specimen_get_defects (s, &marginal);
  GHashTable *checks = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_begin_object (b);
  add_string (b, "image", image_name);
  json_builder_set_member_name (b, "width");
  json_builder_add_int_value (b, pf_image_get_width (s->image));
  json_builder_set_member_name (b, "height");
  json_builder_add_int_value (b, pf_image_get_height (s->image));
  add_string (b, "layout", pf_specimen_layout_to_string (p->layout));
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, p->seed);
  add_string (b, "background", pf_specimen_background_to_string (p->background));

  json_builder_set_member_name (b, "outline");
  if (p->no_document)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_array (b);
      for (int i = 0; i < 4; i++)
        {
          json_builder_begin_array (b);
          json_builder_add_double_value (b, s->corners[i].x);
          json_builder_add_double_value (b, s->corners[i].y);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
    }

  add_defects (b, "defects", defects);
  add_defects (b, "marginal", marginal);
  /* The checks that must pass: every check with no defect and no doubt. */
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    if ((defects | marginal) & (1 << i))
      g_hash_table_add (checks, (gpointer) pf_specimen_defect_get_check (1 << i));
  json_builder_set_member_name (b, "checks_clean");
  json_builder_begin_array (b);
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    {
      const char *check = pf_specimen_defect_get_check (1 << i);

      if (!g_hash_table_contains (checks, check))
        {
          json_builder_add_string_value (b, check);
          g_hash_table_add (checks, (gpointer) check);
        }
    }
  json_builder_end_array (b);
  g_hash_table_unref (checks);

  json_builder_set_member_name (b, "measures");
  json_builder_begin_object (b);
  add_double (b, "doc_width_px", s->doc_width_px);
  add_double (b, "doc_width_fraction", s->doc_width_fraction);
  add_double (b, "px_per_mm", s->px_per_mm);
  add_double (b, "text_height_px", s->text_height_px);
  add_double (b, "tilt_deg", s->tilt_deg);
  add_double (b, "min_edge_margin", s->min_edge_margin);
  add_double (b, "background_contrast", s->background_contrast);
  add_double (b, "occluded_fraction", s->occluded_fraction);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "params");
  json_builder_begin_object (b);
  add_double (b, "blur_sigma", p->blur_sigma);
  add_double (b, "motion_length", p->motion_length);
  add_double (b, "motion_angle_deg", p->motion_angle_deg);
  add_double (b, "exposure", p->exposure);
  add_double (b, "contrast", p->contrast);
  add_double (b, "noise_sigma", p->noise_sigma);
  json_builder_set_member_name (b, "jpeg_quality");
  json_builder_add_int_value (b, p->jpeg_quality);
  add_bool (b, "greyscale", p->greyscale);
  add_bool (b, "screen_moire", p->screen_moire);
  add_double (b, "rotation_deg", p->rotation_deg);
  add_double (b, "tilt_x_deg", p->tilt_x_deg);
  add_double (b, "tilt_y_deg", p->tilt_y_deg);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "glare");
  json_builder_begin_array (b);
  for (int i = 0; i < p->n_glare; i++)
    {
      json_builder_begin_object (b);
      add_rect (b, "box", &s->glare_boxes[i]);
      add_double (b, "strength", p->glare[i].strength);
      add_bool (b, "over_text", s->glare_over_text[i]);
      add_bool (b, "defect", s->glare_is_defect[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (!p->no_document)
    {
      add_rect (b, "mrz_box", &s->mrz_box);
      add_rect (b, "photo_box", &s->photo_box);
      json_builder_set_member_name (b, "mrz");
      json_builder_begin_array (b);
      for (int i = 0; i < s->n_mrz_lines; i++)
        json_builder_add_string_value (b, s->mrz_lines[i]);
      json_builder_end_array (b);

      json_builder_set_member_name (b, "document");
      json_builder_begin_object (b);
      add_string (b, "code", s->document_code);
      add_string (b, "issuing_state", s->issuing_state);
      add_string (b, "surname", s->surname);
      add_string (b, "given_names", s->given_names);
      add_string (b, "mrz_surname", s->mrz_surname);
      add_string (b, "mrz_given_names", s->mrz_given_names);
      add_string (b, "document_number", s->document_number);
      add_string (b, "nationality", s->nationality);
      add_string (b, "birth_date", s->birth_date);
      add_string (b, "expiry_date", s->expiry_date);
      add_string (b, "issue_date", s->issue_date);
      add_string (b, "sex", s->sex);
      add_string (b, "birth_place", s->birth_place);
      add_string (b, "optional_data", s->optional_data);
      json_builder_end_object (b);

      json_builder_set_member_name (b, "texts");
      json_builder_begin_array (b);
      for (int i = 0; i < s->n_texts; i++)
        {
          json_builder_begin_object (b);
          add_string (b, "field", s->texts[i].field);
          add_string (b, "text", s->texts[i].text);
          add_rect (b, "box", &s->texts[i].box);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static gboolean
save_image (PfImage     *image,
            const char  *path,
            GError     **error)
{
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  gboolean jpeg = g_str_has_suffix (path, ".jpg") || g_str_has_suffix (path, ".jpeg");

  pixbuf = gdk_pixbuf_new_from_data (pf_image_get_data (image), GDK_COLORSPACE_RGB, TRUE, 8,
                                     pf_image_get_width (image), pf_image_get_height (image),
                                     (int) pf_image_get_stride (image), NULL, NULL);
  if (jpeg)
    {
      /* JPEG has no alpha; the frame is opaque anyway. */
      g_autoptr (GdkPixbuf) rgb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8,
                                                  gdk_pixbuf_get_width (pixbuf),
                                                  gdk_pixbuf_get_height (pixbuf));

      gdk_pixbuf_fill (rgb, 0);
      gdk_pixbuf_composite (pixbuf, rgb, 0, 0, gdk_pixbuf_get_width (pixbuf),
                            gdk_pixbuf_get_height (pixbuf), 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
      return gdk_pixbuf_save (rgb, path, "jpeg", error, "quality", "92", NULL);
    }
  /* Light compression: these files are for looking at and benchmarks. */
  return gdk_pixbuf_save (pixbuf, path, "png", error, "compression", "2", NULL);
}

static gboolean
write_specimen (const PfSpecimen  *s,
                const char        *path,
                const char        *truth_path,
                GError           **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *json = NULL;

  if (!save_image (s->image, path, error))
    return FALSE;
  if (truth_path == NULL)
    return TRUE;
  json = truth_json (s, base);
  return g_file_set_contents (truth_path, json, -1, error);
}

static char *
truth_path_for (const char *image_path)
{
  const char *dot = strrchr (image_path, '.');
  const char *slash = strrchr (image_path, '/');

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strconcat (image_path, ".json", NULL);
  return g_strconcat (g_strndup (image_path, dot - image_path), ".json", NULL);
}

/* The standard set: good photos across layouts, frames and backgrounds,
 * then each defect at least once, then the backgrounds one by one. */
static int
write_grid (const char *dir)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *jobs = g_ptr_array_new_with_free_func (g_free);
  double total_ms = 0, total_720_ms = 0, total_cpu_ms = 0, total_720_cpu_ms = 0;
  int n = 0, n_720 = 0;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("pf-make-specimen: cannot create %s\n", dir);
      return 2;
    }

  for (int i = 0; i < 8; i++)
    {
      PfSpecimenParams *p = g_new (PfSpecimenParams, 1);

      pf_specimen_params_init (p);
      pf_specimen_params_random (p, 1000 + i, PF_SPECIMEN_RANDOM_LAYOUT | PF_SPECIMEN_RANDOM_FRAME);
      g_ptr_array_add (jobs, p);
    }
  for (int d = 0; d < PF_SPECIMEN_N_DEFECTS; d++)
    {
      PfSpecimenParams *p = g_new (PfSpecimenParams, 1);

      pf_specimen_params_init (p);
      p->layout = d % PF_SPECIMEN_N_LAYOUTS;
      if (p->layout == PF_SPECIMEN_LICENCE && (1 << d) == PF_SPECIMEN_DEFECT_GLARE_TEXT)
        p->layout = PF_SPECIMEN_TD3;
      pf_specimen_params_random (p, 2000 + d, PF_SPECIMEN_RANDOM_DEFAULT);
      pf_specimen_params_add_defect (p, 1 << d, 2000 + d);
      g_ptr_array_add (jobs, p);
    }
  for (int bg = 0; bg < PF_SPECIMEN_N_BACKGROUNDS; bg++)
    {
      PfSpecimenParams *p = g_new (PfSpecimenParams, 1);

      pf_specimen_params_init (p);
      pf_specimen_params_random (p, 3000 + bg, PF_SPECIMEN_RANDOM_LAYOUT);
      p->background = bg;
      g_ptr_array_add (jobs, p);
    }

  g_print ("%-28s %7s %10s %7s %7s  %s\n", "file", "layout", "frame", "ms", "cpu ms", "defects");
  for (guint i = 0; i < jobs->len; i++)
    {
      PfSpecimenParams *p = jobs->pdata[i];
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      g_autoptr (PfSpecimen) s = pf_specimen_new (p);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu_ms = (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
      PfSpecimenDefects defects = pf_specimen_get_defects (s, NULL);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *truth = NULL;
      GString *names = g_string_new (NULL);

      for (int d = 0; d < PF_SPECIMEN_N_DEFECTS; d++)
        if (defects & (1 << d))
          g_string_append_printf (names, "%s%s", names->len ? "+" : "", pf_specimen_defect_to_string (1 << d));
      name = g_strdup_printf ("%02u-%s-%s", i, pf_specimen_layout_to_string (p->layout),
                              names->len ? names->str : "good");
      path = g_strdup_printf ("%s/%s.png", dir, name);
      truth = g_strdup_printf ("%s/%s.json", dir, name);
      if (!write_specimen (s, path, truth, &error))
        {
          g_printerr ("pf-make-specimen: %s: %s\n", path, error->message);
          g_string_free (names, TRUE);
          g_ptr_array_unref (jobs);
          return 2;
        }
      g_print ("%-28.28s %7s %4dx%-5d %7.1f %7.1f  %s\n", name,
               pf_specimen_layout_to_string (p->layout), p->frame_width, p->frame_height, ms,
               cpu_ms, names->len ? names->str : "-");
      g_string_free (names, TRUE);
      total_ms += ms;
      total_cpu_ms += cpu_ms;
      n++;
      if (p->frame_width == 1280 && p->frame_height == 720)
        {
          total_720_ms += ms;
          total_720_cpu_ms += cpu_ms;
          n_720++;
        }
    }
  /* The processor time too: the wall clock counts other processes' share
   * of a busy machine. The first frame includes loading the fonts. */
  g_print ("%d frames, mean %.1f ms (%.1f ms of processor time) a frame", n,
           total_ms / MAX (n, 1), total_cpu_ms / MAX (n, 1));
  if (n_720 > 0)
    g_print ("; 1280x720: mean %.1f ms (%.1f ms of processor time) over %d",
             total_720_ms / n_720, total_720_cpu_ms / n_720, n_720);
  g_print ("\n");
  g_ptr_array_unref (jobs);
  return 0;
}

/* Generation time alone, after a first frame that loads the fonts. */
static int
run_bench (int n,
           int width,
           int height)
{
  double total = 0, worst = 0, cpu_total = 0;

  for (int i = -1; i < n; i++)
    {
      PfSpecimenParams p;
      PfSpecimen *s;
      gint64 start;
      clock_t cpu_start;
      double ms, cpu_ms;

      pf_specimen_params_init (&p);
      p.frame_width = width;
      p.frame_height = height;
      pf_specimen_params_random (&p, 5000 + i, PF_SPECIMEN_RANDOM_LAYOUT);
      start = g_get_monotonic_time ();
      cpu_start = clock ();
      s = pf_specimen_new (&p);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
      pf_specimen_free (s);
      if (i < 0)
        continue;
      total += ms;
      cpu_total += cpu_ms;
      worst = MAX (worst, ms);
    }
  /* The processor time too: the wall clock counts other processes'
   * share of a busy machine. */
  g_print ("%dx%d: %d random good frames, mean %.1f ms (%.1f ms of processor time), "
           "worst %.1f ms a frame\n", width, height, n, total / n, cpu_total / n, worst);
  return 0;
}

static gboolean
parse_defect (const char        *name,
              PfSpecimenDefects *defect)
{
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    if (g_strcmp0 (name, pf_specimen_defect_to_string (1 << i)) == 0)
      {
        *defect = 1 << i;
        return TRUE;
      }
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PfSpecimen) specimen = NULL;
  PfSpecimenParams p;
  int seed = 1, width = 1280, height = 720, jpeg = 0, flat = 0;
  double blur = 0, motion = 0, motion_angle = 0, exposure = 1, contrast = 1, noise = 0;
  double rotation = 0, tilt_x = 0, tilt_y = 0, fraction = 0.6, cx = 0.5, cy = 0.5;
  double glare_radius = 0, glare_strength = 0;
  gboolean random = FALSE, greyscale = FALSE, screen = FALSE, occluder = FALSE;
  gboolean no_truth = FALSE, time_only = FALSE;
  int bench = 0;
  g_autofree char *layout = NULL;
  g_autofree char *background = NULL;
  g_autofree char *output = NULL;
  g_autofree char *grid = NULL;
  g_auto (GStrv) glare = NULL;
  g_auto (GStrv) defects = NULL;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed for names, numbers, colours, textures", "N" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, "td1, td3, td2 or licence", "L" },
    { "random", 0, 0, G_OPTION_ARG_NONE, &random, "A random good photo from the seed", NULL },
    { "defect", 0, 0, G_OPTION_ARG_STRING_ARRAY, &defects, "Add a defect (corner-cut, blur, glare-text, ...)", "NAME" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Frame width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Frame height", "H" },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background, "dark, light, wood, cloth, tiles, newspaper, hand, keyboard, carpet, same-as-card", "B" },
    { "fraction", 0, 0, G_OPTION_ARG_DOUBLE, &fraction, "Document width / frame width", "F" },
    { "center-x", 0, 0, G_OPTION_ARG_DOUBLE, &cx, "Document centre, fraction of the frame", "X" },
    { "center-y", 0, 0, G_OPTION_ARG_DOUBLE, &cy, "Document centre, fraction of the frame", "Y" },
    { "rotation", 0, 0, G_OPTION_ARG_DOUBLE, &rotation, "In-plane rotation, degrees", "DEG" },
    { "tilt-x", 0, 0, G_OPTION_ARG_DOUBLE, &tilt_x, "Tilt about the horizontal axis, degrees", "DEG" },
    { "tilt-y", 0, 0, G_OPTION_ARG_DOUBLE, &tilt_y, "Tilt about the vertical axis, degrees", "DEG" },
    { "blur", 0, 0, G_OPTION_ARG_DOUBLE, &blur, "Gaussian blur sigma, pixels", "S" },
    { "motion", 0, 0, G_OPTION_ARG_DOUBLE, &motion, "Motion blur length, pixels", "L" },
    { "motion-angle", 0, 0, G_OPTION_ARG_DOUBLE, &motion_angle, "Motion direction, degrees", "DEG" },
    { "glare", 0, 0, G_OPTION_ARG_STRING_ARRAY, &glare, "Glare over-text, mrz, blank or photo", "WHERE" },
    { "glare-radius", 0, 0, G_OPTION_ARG_DOUBLE, &glare_radius, "Glare radius, fraction of the document width", "R" },
    { "glare-strength", 0, 0, G_OPTION_ARG_DOUBLE, &glare_strength, "Glare strength (>= 1 saturates)", "S" },
    { "exposure", 0, 0, G_OPTION_ARG_DOUBLE, &exposure, "Exposure multiplier", "E" },
    { "contrast", 0, 0, G_OPTION_ARG_DOUBLE, &contrast, "Contrast (1 normal)", "C" },
    { "noise", 0, 0, G_OPTION_ARG_DOUBLE, &noise, "Sensor noise sigma", "S" },
    { "jpeg", 0, 0, G_OPTION_ARG_INT, &jpeg, "JPEG quality of the camera (0 none)", "Q" },
    { "greyscale", 0, 0, G_OPTION_ARG_NONE, &greyscale, "Black-and-white", NULL },
    { "screen", 0, 0, G_OPTION_ARG_NONE, &screen, "Photo of a screen", NULL },
    { "occluder", 0, 0, G_OPTION_ARG_NONE, &occluder, "A thumb over the left edge", NULL },
    { "flat", 0, 0, G_OPTION_ARG_INT, &flat, "The document alone, rectified, W pixels wide", "W" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Image to write (.png or .jpg)", "FILE" },
    { "no-truth", 0, 0, G_OPTION_ARG_NONE, &no_truth, "Do not write the ground-truth JSON", NULL },
    { "grid", 0, 0, G_OPTION_ARG_FILENAME, &grid, "Write the standard set into DIR", "DIR" },
    { "time", 0, 0, G_OPTION_ARG_NONE, &time_only, "Print the generation time", NULL },
    { "bench", 0, 0, G_OPTION_ARG_INT, &bench, "Time N random good WxH frames, write nothing", "N" },
    { NULL },
  };

  context = g_option_context_new ("- draw test photos of specimen documents");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("pf-make-specimen: %s\n", error->message);
      return 2;
    }

  if (grid != NULL)
    return write_grid (grid);
  if (bench > 0)
    return run_bench (bench, width, height);
  if (output == NULL)
    {
      g_printerr ("pf-make-specimen: give -o FILE or --grid DIR\n");
      return 2;
    }

  pf_specimen_params_init (&p);
  if (layout != NULL && !pf_specimen_layout_from_string (layout, &p.layout))
    {
      g_printerr ("pf-make-specimen: unknown layout '%s'\n", layout);
      return 2;
    }
  p.frame_width = width;
  p.frame_height = height;
  if (random)
    pf_specimen_params_random (&p, seed, PF_SPECIMEN_RANDOM_DEFAULT);
  p.seed = seed;
  if (!random)
    {
      p.doc_width_fraction = fraction;
      p.center_x = cx;
      p.center_y = cy;
      p.rotation_deg = rotation;
      p.tilt_x_deg = tilt_x;
      p.tilt_y_deg = tilt_y;
      p.blur_sigma = blur;
      p.motion_length = motion;
      p.motion_angle_deg = motion_angle;
      p.exposure = exposure;
      p.contrast = contrast;
      p.noise_sigma = noise;
      p.jpeg_quality = jpeg;
    }
  if (background != NULL && !pf_specimen_background_from_string (background, &p.background))
    {
      g_printerr ("pf-make-specimen: unknown background '%s'\n", background);
      return 2;
    }
  p.greyscale |= greyscale;
  p.screen_moire |= screen;
  p.occluder |= occluder;
  for (int i = 0; glare != NULL && glare[i] != NULL; i++)
    {
      PfSpecimenRegion region;

      if (g_str_equal (glare[i], "over-text") || g_str_equal (glare[i], "text"))
        region = PF_SPECIMEN_REGION_TEXT;
      else if (g_str_equal (glare[i], "mrz"))
        region = PF_SPECIMEN_REGION_MRZ;
      else if (g_str_equal (glare[i], "blank"))
        region = PF_SPECIMEN_REGION_BLANK;
      else if (g_str_equal (glare[i], "photo"))
        region = PF_SPECIMEN_REGION_PHOTO;
      else
        {
          g_printerr ("pf-make-specimen: unknown glare place '%s'\n", glare[i]);
          return 2;
        }
      if (!pf_specimen_params_add_glare (&p, region, glare_radius, glare_strength, seed + i))
        g_printerr ("pf-make-specimen: no room for glare over %s\n", glare[i]);
    }
  for (int i = 0; defects != NULL && defects[i] != NULL; i++)
    {
      PfSpecimenDefects defect;

      if (!parse_defect (defects[i], &defect))
        {
          g_printerr ("pf-make-specimen: unknown defect '%s'\n", defects[i]);
          return 2;
        }
      pf_specimen_params_add_defect (&p, defect, seed + i);
    }

  {
    gint64 start = g_get_monotonic_time ();
    g_autofree char *truth = no_truth ? NULL : truth_path_for (output);

    specimen = flat > 0 ? pf_specimen_new_flat (&p, flat) : pf_specimen_new (&p);
    if (time_only)
      g_print ("%.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    if (!write_specimen (specimen, output, truth, &error))
      {
        g_printerr ("pf-make-specimen: %s: %s\n", output, error->message);
        return 2;
      }
  }
  return 0;
}
