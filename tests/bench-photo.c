/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the whole photo check takes per frame, on one core, at the two
 * camera sizes that matter (1280×720 and 1920×1080), for several kinds of
 * frame, in live mode (camera frames) and file mode (a chosen photo). Then
 * the same frames go to the OpenCV reference script (Debian's
 * python3-opencv, one thread) and both are printed with their ratio.
 *
 * Each call is timed twice: wall-clock time, and the CPU time of the
 * calling thread; the CPU time is also split per check. On a quiet machine they agree; on a shared one (a build
 * running beside) the CPU time still tells what the check costs, so the
 * ratio to OpenCV is given on both.
 *
 * A benchmark prints figures; it asserts nothing about speed.
 *
 *   bench-photo [--iterations N] [--opencv SCRIPT] [--python PATH]
 *               [--keep-frames DIR] [--no-opencv]
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pf-photo-private.h"
#include "pf-specimen.h"

typedef struct
{
  const char        *name;
  PfSpecimenDefects  defect;  /* NONE: a good photo */
} FrameKind;

/* A good photo and the faults a camera sees most: each still runs every
 * check (a frame without a document runs fewer, which is what a live
 * camera sees most often before the document is in view). */
static const FrameKind kinds[] = {
  { "good", PF_SPECIMEN_DEFECT_NONE },
  { "blurred", PF_SPECIMEN_DEFECT_BLUR },
  { "motion", PF_SPECIMEN_DEFECT_MOTION },
  { "glare", PF_SPECIMEN_DEFECT_GLARE_TEXT },
  { "dark", PF_SPECIMEN_DEFECT_DARK },
  { "tilted", PF_SPECIMEN_DEFECT_STEEP_ANGLE },
  { "no-document", PF_SPECIMEN_DEFECT_NO_DOCUMENT },
};

/* The driver's checks by name, for the split per check; a check added to
 * the driver later shows as "other". */
static const struct
{
  PfPhotoCheckFunc  check;
  const char       *name;
} check_names[] = {
  { pf_photo_check_outline, "outline" },
  { pf_photo_check_corners, "corners" },
  { pf_photo_check_size, "size" },
  { pf_photo_check_angle, "angle" },
  { pf_photo_check_background, "background" },
  { pf_photo_check_obstruction, "obstruction" },
  { pf_photo_check_blur, "blur" },
  { pf_photo_check_glare, "glare" },
  { pf_photo_check_exposure, "exposure" },
  { pf_photo_check_copy, "copy" },
};

/* Steps of one photo check: the views, each check, the clean-up. */
#define MAX_STEPS 32

static const char *
check_name (PfPhotoCheckFunc check)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_names); i++)
    if (check_names[i].check == check)
      return check_names[i].name;
  return "other";
}

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 1280, 720 },
  { 1920, 1080 },
};

typedef struct
{
  char    *name;   /* "1920x1080-glare" */
  int      size;   /* index into sizes[] */
  PfImage *image;
} Frame;

static void
frame_free (Frame *frame)
{
  g_free (frame->name);
  pf_image_unref (frame->image);
  g_free (frame);
}

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Per-call times in milliseconds, wall-clock and thread CPU. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
} Times;

static void
times_init (Times *times)
{
  times->wall = g_array_new (FALSE, FALSE, sizeof (double));
  times->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
times_clear (Times *times)
{
  g_clear_pointer (&times->wall, g_array_unref);
  g_clear_pointer (&times->cpu, g_array_unref);
}

static int
compare_double_cb (gconstpointer a,
                   gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of @values (sorted in place). */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  if (values->len == 0)
    return NAN;

  g_array_sort (values, compare_double_cb);
  rank = (guint) ceil (p / 100.0 * values->len);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static GPtrArray *
make_frames (void)
{
  GPtrArray *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(PfSpecimen) specimen = NULL;
        PfSpecimenParams params;
        Frame *frame = g_new0 (Frame, 1);

        pf_specimen_params_init (&params);
        params.layout = PF_SPECIMEN_TD1;
        params.seed = 1000 + k;
        params.frame_width = sizes[s].width;
        params.frame_height = sizes[s].height;
        /* Everyday capture: a little noise and JPEG, as phones deliver. */
        params.noise_sigma = 2.0;
        params.jpeg_quality = 90;
        if (kinds[k].defect != PF_SPECIMEN_DEFECT_NONE)
          pf_specimen_params_add_defect (&params, kinds[k].defect, 1000 + k);

        specimen = pf_specimen_new (&params);
        frame->name = g_strdup_printf ("%dx%d-%s", sizes[s].width, sizes[s].height, kinds[k].name);
        frame->size = s;
        frame->image = pf_image_ref (specimen->image);
        g_ptr_array_add (frames, frame);
      }

  return frames;
}

/* Times the photo check on a fresh copy of the frame each time, so that
 * the grey view (cached in an image) is made inside the timing, as it is
 * for every new camera frame. It runs pf_photo_check()'s steps one by one
 * (pf-photo-private.h), reading this thread's CPU clock between them for
 * the split per check; the whole is from the first reading to the last.
 * Adds to @frame_times, @all_times and @step_cpu (one array per step). */
static void
time_frame (Frame    *frame,
            gboolean  live,
            int       iterations,
            Times    *frame_times,
            Times    *all_times,
            GArray  **step_cpu)
{
  const PfPhotoCheckFunc *checks = pf_photo_get_checks ();
  PfPhotoOptions options = { 0 };

  options.live = live;
  options.glare_strictness = 1;

  for (int i = -3; i < iterations; i++)
    {
      g_autoptr(PfImage) copy = pf_image_copy (frame->image);
      g_autoptr(PfPhotoReport) report = NULL;
      double marks[MAX_STEPS + 1];
      PfPhotoContext ctx;
      guint n = 0;
      double wall = clock_ms (CLOCK_MONOTONIC);
      double cpu;

      marks[n++] = clock_ms (CLOCK_THREAD_CPUTIME_ID);
      pf_photo_context_init (&ctx, copy, &options);
      marks[n++] = clock_ms (CLOCK_THREAD_CPUTIME_ID);
      for (guint c = 0; checks[c] != NULL && n < MAX_STEPS; c++)
        {
          checks[c] (&ctx);
          marks[n++] = clock_ms (CLOCK_THREAD_CPUTIME_ID);
        }
      report = pf_photo_context_finish (&ctx);
      marks[n++] = clock_ms (CLOCK_THREAD_CPUTIME_ID);
      wall = clock_ms (CLOCK_MONOTONIC) - wall;
      cpu = marks[n - 1] - marks[0];

      if (i < 0)
        continue; /* warm-up: caches, page faults */
      g_array_append_val (frame_times->wall, wall);
      g_array_append_val (frame_times->cpu, cpu);
      g_array_append_val (all_times->wall, wall);
      g_array_append_val (all_times->cpu, cpu);
      for (guint k = 0; k + 1 < n; k++)
        {
          double step = marks[k + 1] - marks[k];

          g_array_append_val (step_cpu[k], step);
        }
    }
}

/* The split per check: median CPU ms of each step, per size and mode. */
static void
print_steps (GArray *step_cpu[G_N_ELEMENTS (sizes)][2][MAX_STEPS])
{
  const PfPhotoCheckFunc *checks = pf_photo_get_checks ();
  guint n_checks = 0;

  while (checks[n_checks] != NULL && n_checks + 2 < MAX_STEPS)
    n_checks++;

  g_print ("\nSplit per step, median CPU ms over all kinds (medians do not add up exactly)\n");
  g_print ("%-24s", "step");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int live = 1; live >= 0; live--)
      {
        g_autofree char *column = g_strdup_printf ("%d %s", sizes[s].height, live ? "live" : "file");

        g_print (" %10s", column);
      }
  g_print ("\n");

  for (guint k = 0; k < n_checks + 2; k++)
    {
      const char *name = k == 0 ? "views (grey + small)"
                         : k == n_checks + 1 ? "finish"
                         : check_name (checks[k - 1]);

      g_print ("%-24s", name);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int live = 1; live >= 0; live--)
          g_print (" %10.3f", percentile (step_cpu[s][live][k], 50));
      g_print ("\n");
    }
}

static gboolean
write_png (PfImage     *image,
           const char  *path,
           GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  pixbuf = gdk_pixbuf_new_from_data (pf_image_get_data_mutable (image), GDK_COLORSPACE_RGB, TRUE, 8,
                                     pf_image_get_width (image), pf_image_get_height (image),
                                     pf_image_get_stride (image), NULL, NULL);
  return gdk_pixbuf_save (pixbuf, path, "png", error, "compression", "1", NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* Runs the reference script on the frames in @dir; returns its JSON. */
static JsonObject *
run_opencv (const char  *python,
            const char  *script,
            const char  *dir,
            int          iterations,
            GError     **error)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *iterations_arg = g_strdup_printf ("%d", iterations);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error,
                              python, script, "--json", "--iterations", iterations_arg, dir, NULL);
  if (process == NULL)
    return NULL;
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, error))
    return NULL;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", err != NULL ? g_strstrip (err) : "failed");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, out, -1, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the reference printed no JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static double
member_double (JsonObject *object,
               const char *group,
               const char *name,
               const char *field)
{
  JsonObject *g, *o;

  if (object == NULL || !json_object_has_member (object, group))
    return NAN;
  g = json_object_get_object_member (object, group);
  if (g == NULL || !json_object_has_member (g, name))
    return NAN;
  o = json_object_get_object_member (g, name);
  if (o == NULL || !json_object_has_member (o, field))
    return NAN;

  return json_object_get_double_member (o, field);
}

static void
print_row (const char *label,
           double      ours_wall,
           double      ours_cpu,
           double      ocv_wall,
           double      ocv_cpu)
{
  g_print ("%-24s %9.2f %9.2f %9.2f %9.2f %7.2f %7.2f\n", label,
           ours_wall, ours_cpu, ocv_wall, ocv_cpu, ours_wall / ocv_wall, ours_cpu / ocv_cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the photo checks");
  g_autoptr(GPtrArray) frames = NULL;
  g_autoptr(JsonObject) opencv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *python = NULL;
  g_autofree char *keep_frames = NULL;
  g_autofree char *frames_dir = NULL;
  gboolean no_opencv = FALSE;
  int iterations = 30;
  Times per_size[G_N_ELEMENTS (sizes)][2];  /* [size][live] */
  Times per_frame[G_N_ELEMENTS (sizes) * G_N_ELEMENTS (kinds)][2];
  GArray *step_cpu[G_N_ELEMENTS (sizes)][2][MAX_STEPS];  /* [size][live][step] */
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Timed runs per frame and mode (default 30)", "N" },
    { "opencv", 0, 0, G_OPTION_ARG_FILENAME, &script, "The OpenCV reference script", "SCRIPT" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &python, "Python with cv2 (default /usr/bin/python3)", "PATH" },
    { "keep-frames", 0, 0, G_OPTION_ARG_FILENAME, &keep_frames, "Write the frames as PNG here and keep them", "DIR" },
    { "no-opencv", 0, 0, G_OPTION_ARG_NONE, &no_opencv, "Only time our checks", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  iterations = MAX (iterations, 1);
  if (script == NULL)
    script = g_strdup (g_getenv ("PF_OPENCV_REFERENCE"));
  if (python == NULL)
    python = g_strdup ("/usr/bin/python3");

  g_print ("# Photo check speed: one thread, %d timed runs per frame and mode after 3 warm-ups.\n",
           iterations);
  g_print ("# Frames: specimen TD1 card on a desk, noise 2, JPEG 90; kinds:");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_print (" %s", kinds[k].name);
  g_print ("\n");

  frames = make_frames ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int live = 0; live < 2; live++)
      {
        times_init (&per_size[s][live]);
        for (guint k = 0; k < MAX_STEPS; k++)
          step_cpu[s][live][k] = g_array_new (FALSE, FALSE, sizeof (double));
        for (guint f = 0; f < frames->len; f++)
          {
            Frame *frame = g_ptr_array_index (frames, f);

            if (frame->size != (int) s)
              continue;
            times_init (&per_frame[f][live]);
            time_frame (frame, live, iterations, &per_frame[f][live], &per_size[s][live],
                        step_cpu[s][live]);
          }
      }

  /* The same frames, as files, for the reference. */
  if (!no_opencv && script != NULL)
    {
      if (keep_frames != NULL)
        {
          g_mkdir_with_parents (keep_frames, 0700);
          frames_dir = g_strdup (keep_frames);
        }
      else
        frames_dir = g_dir_make_tmp ("pf-bench-XXXXXX", &error);

      for (guint f = 0; frames_dir != NULL && f < frames->len; f++)
        {
          Frame *frame = g_ptr_array_index (frames, f);
          g_autofree char *file = g_strconcat (frame->name, ".png", NULL);
          g_autofree char *path = g_build_filename (frames_dir, file, NULL);

          if (!write_png (frame->image, path, &error))
            break;
        }

      if (error == NULL)
        opencv = run_opencv (python, script, frames_dir, iterations, &error);
      if (error != NULL)
        g_print ("# OpenCV reference not run: %s\n", error->message);
      if (frames_dir != NULL && keep_frames == NULL)
        remove_dir (frames_dir);
    }
  else if (!no_opencv)
    g_print ("# OpenCV reference not run: no script given (--opencv or PF_OPENCV_REFERENCE)\n");

  if (opencv != NULL)
    g_print ("# OpenCV %s (Python %s), cv2.setNumThreads(1): grey, variance of Laplacian, threshold + "
             "connectedComponentsWithStats, resize to 640 + GaussianBlur + Canny + findContours + "
             "approxPolyDP.\n",
             json_object_get_string_member (opencv, "opencv_version"),
             json_object_get_string_member (opencv, "python"));

  g_print ("\nMedian ms per frame (wall: clock time; cpu: this thread's CPU time); ratio = ours / OpenCV\n");
  g_print ("%-24s %9s %9s %9s %9s %7s %7s\n", "frame, mode", "wall", "cpu", "OCV wall", "OCV cpu",
           "r wall", "r cpu");
  for (guint f = 0; f < frames->len; f++)
    {
      Frame *frame = g_ptr_array_index (frames, f);

      for (int live = 1; live >= 0; live--)
        {
          g_autofree char *label = g_strdup_printf ("%s %s", frame->name, live ? "live" : "file");

          print_row (label,
                     percentile (per_frame[f][live].wall, 50), percentile (per_frame[f][live].cpu, 50),
                     member_double (opencv, "frames", frame->name, "median_ms"),
                     member_double (opencv, "frames", frame->name, "median_cpu_ms"));
          times_clear (&per_frame[f][live]);
        }
    }

  g_print ("\nAll kinds together\n");
  g_print ("%-24s %9s %9s %9s %9s %7s %7s\n", "size, mode, statistic", "wall", "cpu", "OCV wall", "OCV cpu",
           "r wall", "r cpu");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *size = g_strdup_printf ("%dx%d", sizes[s].width, sizes[s].height);

      for (int live = 1; live >= 0; live--)
        {
          const char *mode = live ? "live" : "file";
          g_autofree char *median_label = g_strdup_printf ("%s %s median", size, mode);
          g_autofree char *p95_label = g_strdup_printf ("%s %s p95", size, mode);

          print_row (median_label,
                     percentile (per_size[s][live].wall, 50), percentile (per_size[s][live].cpu, 50),
                     member_double (opencv, "sizes", size, "median_ms"),
                     member_double (opencv, "sizes", size, "median_cpu_ms"));
          print_row (p95_label,
                     percentile (per_size[s][live].wall, 95), percentile (per_size[s][live].cpu, 95),
                     member_double (opencv, "sizes", size, "p95_ms"),
                     member_double (opencv, "sizes", size, "p95_cpu_ms"));
          times_clear (&per_size[s][live]);
        }
    }
  print_steps (step_cpu);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int live = 0; live < 2; live++)
      for (guint k = 0; k < MAX_STEPS; k++)
        g_array_unref (step_cpu[s][live][k]);

  /* The floor under every check: making the grey view of a new frame. */
  g_print ("\nGrey view alone (part of the above), median ms\n");
  g_print ("%-24s %9s %9s %9s\n", "size", "wall", "cpu", "OCV wall");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *size = g_strdup_printf ("%dx%d", sizes[s].width, sizes[s].height);
      g_autofree char *good = g_strdup_printf ("%s-good", size);
      Frame *frame = NULL;
      Times grey;

      for (guint f = 0; f < frames->len && frame == NULL; f++)
        if (g_str_equal (((Frame *) g_ptr_array_index (frames, f))->name, good))
          frame = g_ptr_array_index (frames, f);
      g_assert (frame != NULL);

      times_init (&grey);
      for (int i = -3; i < iterations; i++)
        {
          g_autoptr(PfImage) copy = pf_image_copy (frame->image);
          double wall = clock_ms (CLOCK_MONOTONIC);
          double cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID);

          pf_image_get_grey (copy);
          cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu;
          wall = clock_ms (CLOCK_MONOTONIC) - wall;
          if (i < 0)
            continue;
          g_array_append_val (grey.wall, wall);
          g_array_append_val (grey.cpu, cpu);
        }
      g_print ("%-24s %9.2f %9.2f %9.2f\n", size, percentile (grey.wall, 50), percentile (grey.cpu, 50),
               member_double (opencv, "frames", good, "grey_ms"));
      times_clear (&grey);
    }

  g_print ("\n# Goal (issue 3): 1920x1080 <= 4 ms per frame and ratio <= 0.5.\n");

  return 0;
}
