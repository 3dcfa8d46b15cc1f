/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How fast and how well the MRZ reader reads drawn documents, beside
 * Tesseract with Debian's English model on the same MRZ crops, in one
 * run. Prints figures; asserts nothing about speed.
 *
 *   meson test -C _build --benchmark --verbose mrz */

#include <string.h>
#include <time.h>

#ifdef HAVE_TESSERACT
#include <tesseract/capi.h>
#endif

#include "pf-mrz-reader.h"
#include "pf-reading-private.h"
#include "pf-reading-vote.h"
#include "pf-specimen.h"
#include "test-mrz-util.h"
#include "test-reading-util.h"

typedef struct
{
  const char *name;
  double      cap_height;
  double      blur;        /* relative to the cap height */
  double      angle;
  double      noise;
  int         jpeg;
} Setting;

static const Setting settings[] = {
  { "clean, small print", 14, 0, 0, 0, 0 },
  { "clean, large print", 32, 0, 0, 0, 0 },
  { "phone photo", 20, 0.06, 1.5, 8, 75 },
  { "poor photo", 16, 0.10, -2, 14, 45 },
};

#define DOCS_PER_SETTING 20

typedef struct
{
  guint  docs;
  guint  whole;
  guint  chars;
  guint  chars_wrong;
  double ms;
  double cpu_ms;
} Score;

/* Processor time, which other work on the machine does not inflate the
 * way it does the wall clock. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

typedef struct
{
  gint64 wall;
  double cpu;
} Clock;

static Clock
clock_start (void)
{
  return (Clock) { g_get_monotonic_time (), cpu_ms () };
}

static void
score_text (Score      *score,
            const char *truth,
            const char *text,
            Clock       start)
{
  score->docs++;
  score->chars += strlen (truth);
  score->ms += (g_get_monotonic_time () - start.wall) / 1000.0;
  score->cpu_ms += cpu_ms () - start.cpu;
  if (text != NULL && g_str_equal (text, truth))
    score->whole++;
  /* Characters wrong as the edit distance: a character dropped early does
   * not make every later one count as wrong. */
  score->chars_wrong += pf_reading_edit_distance (truth, text != NULL ? text : "");
}

static char *
read_ours (const MrzTestImage *image)
{
  g_autoptr(PfMrzReading) reading = pf_mrz_read_grey (image->grey, image->width, image->height,
                                                      image->width, NULL, NULL);
  GString *text;

  if (reading == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
    g_string_append_printf (text, "%s%s", l > 0 ? "\n" : "", pf_mrz_reading_get_line (reading, l));
  return g_string_free (text, FALSE);
}

#ifdef HAVE_TESSERACT
/* Tesseract on the MRZ's box alone, as a block of text; spaces dropped,
 * since an MRZ has none. */
static char *
read_tesseract (TessBaseAPI        *api,
                const MrzTestImage *image)
{
  int x = (int) image->band.x, y = (int) image->band.y;
  int w = (int) image->band.width, h = (int) image->band.height;
  char *raw;
  GString *text = g_string_new (NULL);

  TessBaseAPISetImage (api, image->grey + (gsize) y * image->width + x, w, h, 1, image->width);
  raw = TessBaseAPIGetUTF8Text (api);
  for (const char *p = raw; p != NULL && *p != '\0'; p++)
    if (*p == '\n')
      {
        if (text->len > 0 && text->str[text->len - 1] != '\n')
          g_string_append_c (text, '\n');
      }
    else if (*p != ' ')
      g_string_append_c (text, *p);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  TessDeleteText (raw);
  return g_string_free (text, FALSE);
}
#endif

static void
print_score (const char  *reader,
             const Score *score)
{
  g_print ("  %-26s %3u/%-3u whole MRZs right  %6.2f%% characters wrong  %6.1f ms a document "
           "(%.1f ms processor)\n",
           reader, score->whole, score->docs, 100.0 * score->chars_wrong / score->chars,
           score->ms / score->docs, score->cpu_ms / score->docs);
}

static void
reading_text (PfMrzReading *reading,
              GString      *text)
{
  g_string_truncate (text, 0);
  for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
    g_string_append_printf (text, "%s%s", l > 0 ? "\n" : "", pf_mrz_reading_get_line (reading, l));
}

typedef enum
{
  WAY_BOUNDING_BOX,   /* the reader alone, given the document's bounding box */
  WAY_TRUE_OUTLINE,   /* pf_read_document_full () with the true corners */
  WAY_FOUND_OUTLINE,  /* finds the outline itself, MRZ only */
  WAY_FULL,           /* pf_read_document (): the printed zone too */
  N_WAYS,
} Way;

static const char *way_names[N_WAYS] = {
  "not rectified (bbox)",
  "rectified, true outline",
  "rectified, found outline",
  "whole reading, printed too",
};

/* The specimen generator's camera photos (random pose, pristine): the
 * MRZ reader alone on the photo as it is, given only the document's
 * bounding box, beside the document reader, which rectifies the document
 * with its outline first (given the true corners, as the photo checks
 * would pass them, or finding the outline itself). */
static void
read_specimen_photos (void)
{
  Score scores[N_WAYS] = { { 0 } };
  guint valid[N_WAYS] = { 0 };
  guint n = 0;

  for (guint32 seed = 1; n < 40; seed++)
    {
      PfSpecimenParams params;
      g_autoptr(PfSpecimen) specimen = NULL;
      g_autoptr(GString) truth = g_string_new (NULL);
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

      pf_specimen_params_init (&params);
      pf_specimen_params_random (&params, seed, PF_SPECIMEN_RANDOM_PRISTINE |
                                 PF_SPECIMEN_RANDOM_LAYOUT | PF_SPECIMEN_RANDOM_FRAME);
      if (params.layout == PF_SPECIMEN_LICENCE)
        continue;
      n++;
      specimen = pf_specimen_new (&params);
      for (int k = 0; k < 4; k++)
        {
          x0 = MIN (x0, specimen->corners[k].x);
          y0 = MIN (y0, specimen->corners[k].y);
          x1 = MAX (x1, specimen->corners[k].x);
          y1 = MAX (y1, specimen->corners[k].y);
        }
      for (int i = 0; i < specimen->n_mrz_lines; i++)
        g_string_append_printf (truth, "%s%s", i > 0 ? "\n" : "", specimen->mrz_lines[i]);

      for (Way way = 0; way < N_WAYS; way++)
        {
          g_autoptr(PfMrzReading) direct = NULL;
          g_autoptr(PfReading) document = NULL;
          g_autoptr(GString) text = g_string_new (NULL);
          PfMrzReading *reading = NULL;
          PfMrzReadOptions options = { 0 };
          PfReadOptions read_options = { 0 };
          Clock start;

          read_options.skip_printed = TRUE;
          start = clock_start ();
          switch (way)
            {
            case WAY_BOUNDING_BOX:
              options.region = (PfRect) { x0, y0, x1 - x0, y1 - y0 };
              reading = direct = pf_mrz_read (specimen->image, &options, NULL);
              break;
            case WAY_TRUE_OUTLINE:
              read_options.has_outline = TRUE;
              memcpy (read_options.outline, specimen->corners, sizeof read_options.outline);
              document = pf_read_document_full (specimen->image, &read_options, NULL, NULL);
              break;
            case WAY_FULL:
              document = pf_read_document (specimen->image, PF_DOCUMENT_KIND_NONE, NULL, NULL);
              break;
            case WAY_FOUND_OUTLINE:
            case N_WAYS:
            default:
              document = pf_read_document_full (specimen->image, &read_options, NULL, NULL);
              break;
            }
          if (document != NULL)
            reading = pf_reading_get_mrz_reading (document);
          if (reading != NULL)
            {
              reading_text (reading, text);
              valid[way] += pf_mrz_reading_get_valid (reading);
            }
          score_text (&scores[way], truth->str, reading != NULL ? text->str : NULL, start);
        }
    }

  g_print ("Specimen generator camera photos (random pose, pristine), TD1, TD2 and TD3; "
           "times include finding the outline where the reader finds it:\n");
  for (Way way = 0; way < N_WAYS; way++)
    {
      print_score (way_names[way], &scores[way]);
      g_print ("  %26s %u valid (check digits pass); wrong but valid: %u\n", "",
               valid[way], valid[way] - MIN (valid[way], scores[way].whole));
    }
}

/* The character whose value differs from @c's by a multiple of ten (the
 * same check digits at any weight), or 0. */
static char
swap_partner (char c)
{
  int value = pf_mrz_char_value (c);

  if (c >= '0' && c <= '9')
    return 'A' + value;  /* 0 and A, 1 and B, ... 9 and J */
  if (c >= 'A' && c <= 'Z' && value - 10 < 10)
    return '0' + (value - 10);
  if (c >= 'A' && c <= 'Z')
    return 'A' + (value - 20);  /* K and A, L and B, ... */
  return 0;
}

/* @mrz with one character of its document number swapped for one the
 * check digits cannot tell from it, or %NULL when it has none. */
static char *
forge_number (const char *mrz)
{
  g_autoptr(PfMrz) parsed = pf_mrz_parse (mrz, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (mrz, "\n", -1);
  guint line, start, length;

  if (parsed == NULL ||
      !pf_mrz_get_field_span (parsed, PF_MRZ_FIELD_DOCUMENT_NUMBER, &line, &start, &length))
    return NULL;
  for (guint k = start; k < start + length; k++)
    {
      char partner = swap_partner (lines[line][k]);

      if (partner != 0 && lines[line][k] != '<')
        {
          g_autofree char *text = NULL;
          g_autoptr(PfMrz) forged = NULL;

          lines[line][k] = partner;
          text = g_strjoinv ("\n", lines);
          forged = pf_mrz_parse (text, NULL, NULL);
          return forged != NULL && pf_mrz_is_valid (forged) ? g_steal_pointer (&text) : NULL;
        }
    }
  return NULL;
}

#define VOTE_SETS 20
#define VOTE_FRAMES 3

/* Agreement across frames (pf_read_document_frames()): the photo and
 * three frames of one drawn document, MRZ only; then the same with the
 * last frame's document number forged by a swap the check digits pass.
 * Then camera photos of generated documents with the printed zone, the
 * frames read in full or by their MRZ only. */
static void
read_frames (GRand *rand)
{
  guint clean_confirmed = 0, clean_uncertain = 0, forged_found = 0, forged_sets = 0;
  double clean_cpu = 0, forged_cpu = 0;
  const char *modes[] = { "photo and frames in full", "frames by their MRZ only" };

  for (guint d = 0; d < VOTE_SETS; d++)
    {
      g_autofree char *truth = mrz_test_make_text (rand, d % 3 == 0   ? PF_MRZ_LAYOUT_TD1
                                                         : d % 3 == 1 ? PF_MRZ_LAYOUT_TD2
                                                                      : PF_MRZ_LAYOUT_TD3);
      g_autofree char *forged = forge_number (truth);
      PfImage *images[VOTE_FRAMES + 1];
      PfReadOptions options = { 0 };
      double start;

      options.skip_printed = TRUE;
      for (guint i = 0; i <= VOTE_FRAMES; i++)
        images[i] = reading_test_draw_frame (truth, i, 9000 + d);

      start = cpu_ms ();
      {
        g_autoptr(PfReading) reading =
          pf_read_document_frames (images[0], images + 1, VOTE_FRAMES, &options, NULL, NULL);
        PfReadingVote *vote = reading != NULL ? pf_reading_get_vote (reading) : NULL;

        clean_cpu += cpu_ms () - start;
        if (vote != NULL && pf_reading_vote_get_confirmed (vote))
          clean_confirmed++;
        for (PfField f = 0; vote != NULL && f < PF_N_FIELDS; f++)
          clean_uncertain += pf_reading_vote_get_agreement (vote, f) ==
                             PF_READING_AGREEMENT_UNCERTAIN;
      }

      if (forged != NULL)
        {
          g_autoptr(PfReading) reading = NULL;

          forged_sets++;
          pf_image_unref (images[VOTE_FRAMES]);
          images[VOTE_FRAMES] = reading_test_draw_frame (forged, VOTE_FRAMES, 9000 + d);
          start = cpu_ms ();
          reading = pf_read_document_frames (images[0], images + 1, VOTE_FRAMES, &options,
                                             NULL, NULL);
          forged_cpu += cpu_ms () - start;
          forged_found += reading != NULL &&
                          pf_reading_get_agreement (reading, PF_FIELD_DOCUMENT_NUMBER) ==
                            PF_READING_AGREEMENT_UNCERTAIN;
        }
      for (guint i = 0; i <= VOTE_FRAMES; i++)
        pf_image_unref (images[i]);
    }

  g_print ("Agreement across frames: the photo and %d frames of %d drawn documents "
           "(TD1, TD2, TD3), MRZ only:\n", VOTE_FRAMES, VOTE_SETS);
  g_print ("  same document:    %2u/%u sets every field confirmed, %u fields uncertain; "
           "%.0f ms processor a set\n", clean_confirmed, VOTE_SETS, clean_uncertain,
           clean_cpu / VOTE_SETS);
  g_print ("  one frame forged: %2u/%u document numbers uncertain (a swap the check digits "
           "pass); %.0f ms processor a set\n", forged_found, forged_sets,
           forged_cpu / MAX (forged_sets, 1));

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      guint sets = 0, confirmed = 0, uncertain = 0;
      double cpu = 0;

      for (guint32 seed = 1; sets < 6; seed++)
        {
          PfSpecimenParams params;
          PfSpecimen *specimens[VOTE_FRAMES + 1];
          PfImage *frames[VOTE_FRAMES];
          g_autoptr(PfReading) reading = NULL;
          PfReadOptions options = { 0 };
          double start;

          pf_specimen_params_init (&params);
          params.layout = (PfSpecimenLayout[]) { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2,
                                                 PF_SPECIMEN_TD3 }[sets % 3];
          params.seed = 500 + seed;
          params.frame_width = 1280;
          params.frame_height = 720;
          for (guint i = 0; i <= VOTE_FRAMES; i++)
            {
              params.doc_width_fraction = 0.68 + 0.03 * (i % 2);
              params.center_x = 0.5 + 0.02 * ((int) i - 1);
              params.rotation_deg = -2.0 + 1.3 * i;
              params.blur_sigma = 0.3 + 0.2 * (i % 3);
              params.noise_sigma = 2 + i;
              specimens[i] = pf_specimen_new (&params);
              if (i > 0)
                frames[i - 1] = specimens[i]->image;
            }
          options.frames_mrz_only = m == 1;
          start = cpu_ms ();
          reading = pf_read_document_frames (specimens[0]->image, frames, VOTE_FRAMES, &options,
                                             NULL, NULL);
          cpu += cpu_ms () - start;
          sets++;
          if (reading != NULL && pf_reading_get_vote (reading) != NULL)
            {
              confirmed += pf_reading_vote_get_confirmed (pf_reading_get_vote (reading));
              for (PfField f = 0; f < PF_N_FIELDS; f++)
                uncertain += pf_reading_get_agreement (reading, f) ==
                             PF_READING_AGREEMENT_UNCERTAIN;
            }
          for (guint i = 0; i <= VOTE_FRAMES; i++)
            pf_specimen_free (specimens[i]);
        }
      g_print ("  camera photos of generated documents, %s: %u/%u sets every field "
               "confirmed, %u fields uncertain; %.0f ms processor a set (photo + %d frames)\n",
               modes[m], confirmed, sets, uncertain, cpu / sets, VOTE_FRAMES);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
#ifdef HAVE_TESSERACT
  TessBaseAPI *api = TessBaseAPICreate ();
  gboolean have_tesseract = TessBaseAPIInit3 (api, NULL, "eng") == 0;

  if (have_tesseract)
    TessBaseAPISetPageSegMode (api, PSM_SINGLE_BLOCK);
#endif

  if (!mrz_test_font_available ())
    {
      g_printerr ("The OCR-B font of Debian's fonts-ocr-b is needed to draw the documents.\n");
      return 1;
    }

  g_print ("MRZ reading, %d drawn documents a setting (TD1, TD2, TD3, MRV-A, MRV-B in turn); "
           "times are per document, reading only; characters wrong as edit distance\n",
           DOCS_PER_SETTING);

  for (guint s = 0; s < G_N_ELEMENTS (settings); s++)
    {
      const Setting *setting = &settings[s];
      Score ours = { 0 }, tesseract = { 0 };
      char jpeg[16];

      for (guint d = 0; d < DOCS_PER_SETTING; d++)
        {
          g_autofree char *truth = mrz_test_make_text (rand, d % 5);
          MrzTestConditions conditions = {
            .cap_height = setting->cap_height,
            .pitch_ratio = d % 2 ? 1.15 : 1.0,
            .blur_sigma = setting->blur * setting->cap_height,
            .angle_deg = setting->angle,
            .noise_sigma = setting->noise,
            .jpeg_quality = setting->jpeg,
            .document = TRUE,
            .seed = s * 1000 + d,
          };
          g_autoptr(MrzTestImage) image = mrz_test_render (truth, &conditions);
          g_autofree char *text = NULL;
          Clock start;

          start = clock_start ();
          text = read_ours (image);
          score_text (&ours, truth, text, start);

#ifdef HAVE_TESSERACT
          if (have_tesseract)
            {
              g_autofree char *theirs = NULL;

              start = clock_start ();
              theirs = read_tesseract (api, image);
              score_text (&tesseract, truth, theirs, start);
            }
#endif
        }

      if (setting->jpeg > 0)
        g_snprintf (jpeg, sizeof jpeg, "%d", setting->jpeg);
      else
        g_strlcpy (jpeg, "none", sizeof jpeg);
      g_print ("%s (capitals %.0f px, blur %.2f of their height, tilt %.1f deg, noise %.0f, "
               "JPEG %s):\n",
               setting->name, setting->cap_height, setting->blur, setting->angle, setting->noise,
               jpeg);
      print_score ("OCR-B reader (whole page)", &ours);
      if (tesseract.docs > 0)
        print_score ("Tesseract eng (MRZ crop)", &tesseract);
    }

  read_specimen_photos ();
  read_frames (rand);

#ifdef HAVE_TESSERACT
  if (!have_tesseract)
    g_print ("Tesseract with the English model is not installed (tesseract-ocr-eng): "
             "not compared.\n");
  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);
#else
  g_print ("Built without Tesseract: not compared.\n");
#endif
  return 0;
}
