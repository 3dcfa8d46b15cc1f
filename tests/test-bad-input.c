/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bad files, both ways they come in, and faults around them. The command-line companion must say
 * what is wrong on stderr and exit with status 2, never crash, and stay
 * under 512 MB of memory (its peak resident size, from wait4()); the photo
 * page must show the loader's message and stay usable. Good files in odd
 * shapes (a false extension, one pixel, 49 megapixels) must simply work.
 * Faults: missing OCR data, and a camera that fails while details typed
 * earlier must survive. Every file is made here, at run time. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "pf-image-loader.h"
#include "test-ui-photo-util.h"

#define MAX_RSS_KB (512 * 1024)

/* AddressSanitizer's shadow memory and quarantine multiply the memory a
 * program uses (build-aux/sanitize.sh): there the peaks are printed, not
 * compared with the limit. */
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_MEASURED FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEMORY_MEASURED FALSE
#endif
#endif
#ifndef MEMORY_MEASURED
#define MEMORY_MEASURED TRUE
#endif

/* The largest picture the loader takes is 50 megapixels. */
#define HUGE_SIDE 7000

/* Who runs the unreadable-file case when the tests run as root, for whom
 * no file mode stops reading: the traditional "nobody". */
#define NOBODY 65534

#define WIDTH  960
#define HEIGHT 680

typedef enum
{
  OUTCOME_REFUSED,   /* exit status 2 and the message on stderr */
  OUTCOME_CHECKED,   /* a report on stdout, exit status 0 or 1 */
} Outcome;

typedef struct
{
  const char *name;
  const char *message;   /* how the CLI's and the page's message starts */
  Outcome     outcome;
  gboolean    locked;    /* made unreadable */
  char       *path;
} BadFile;

static BadFile files[] = {
  { "empty.jpg", "This file is empty.", OUTCOME_REFUSED },
  { "cut-off.jpg", "The picture is incomplete", OUTCOME_REFUSED },
  { "cut-off.png", "The picture is incomplete", OUTCOME_REFUSED },
  { "random-bytes.png", "This file is not a picture.", OUTCOME_REFUSED },
  { "words.jpg", "This file is not a picture.", OUTCOME_REFUSED },
  { "claims-40000x40000.png", "This picture is too large: 40000 × 40000 pixels", OUTCOME_REFUSED },
  { "empty-frame.gif", "The picture is damaged", OUTCOME_REFUSED },
  { "a-folder.jpg", "This is a folder, not a picture.", OUTCOME_REFUSED },
  { "locked.png", "You do not have permission to read this file.", OUTCOME_REFUSED, TRUE },
  { "really-a-png.jpg", "", OUTCOME_CHECKED },
  { "one-pixel.png", "", OUTCOME_CHECKED },
  { "huge.png", "", OUTCOME_CHECKED },
  { "stray-byte.gif", "The picture is damaged", OUTCOME_REFUSED },
  { "frame-claims-14406x24889.gif", "This picture is too large: 14406 × 24889 pixels",
    OUTCOME_REFUSED },
};

static const char *cli;
static char *tmp_dir;
static PfApplication *application;

static guint32
crc32 (const guint8 *data,
       gsize         len)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }
  return ~crc;
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, len);
}

/* A document-like picture: a light card on a dark desk, with some lines
 * of "text", so that the checks have something to measure. */
static GdkPixbuf *
draw_picture (int      width,
              int      height,
              gboolean alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + (gsize) x * channels;
        gboolean card = x > width / 5 && x < width * 4 / 5 && y > height / 4 && y < height * 3 / 4;
        gboolean ink = card && (y * 16 / height) % 2 == 0 && (x * 40 / width) % 3 != 0;
        guint8 level = ink ? 40 : card ? 225 : 45;

        p[0] = level;
        p[1] = level;
        p[2] = card ? level - 10 : level + 20;
        if (alpha)
          p[3] = 255;
      }

  return pixbuf;
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
}

/* A real PNG whose header is then changed to claim 40000 × 40000 pixels,
 * with a correct checksum, as a forged file would be. */
static void
write_giant_header (const char *path,
                    GBytes     *png)
{
  gsize len;
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (png, &len), g_bytes_get_size (png));

  /* Signature (8), IHDR length (4), "IHDR" (4), width, height... */
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  put_be32 (data + 16, 40000);
  put_be32 (data + 20, 40000);
  put_be32 (data + 29, crc32 (data + 12, 17));
  write_bytes (path, data, len);
}

/* A 1×1 GIF whose only frame is 1×0 pixels: what fuzz-loader found making
 * gdk-pixbuf's decoder fail an assertion. */
static const guint8 empty_frame_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
  0, 0, 0, 0xFF, 0xFF, 0xFF,
  ',', 0, 0, 0, 0, 1, 0, 0, 0, 0,
  2, 2, 0x44, 0x01, 0,
  ';',
};

/* With alpha, the largest decoded form: 196 MB of pixels. Drawn in a
 * child process, so that this one's peak memory is the photo page's. */
static void
write_huge (const char *path)
{
  int wait_status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GdkPixbuf) huge = draw_picture (HUGE_SIDE, HUGE_SIDE, TRUE);
      g_autoptr(GBytes) huge_png = encode (huge, "png");

      write_bytes (path, g_bytes_get_data (huge_png, NULL), g_bytes_get_size (huge_png));
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
}

/* The same after a byte that starts no block, which the decoder skips:
 * fuzz-loader's second find. */
static const guint8 stray_byte_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 17, 0, 1, 0, 0x80, 0, 0,
  0, 0, 0, 0xFF, 0xFF, 0xFF,
  0xFF,
  ',', 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 0x44, 0x01, 0,
  ';',
};

/* A 1×1 GIF whose one frame claims 14406×24889 pixels:
 * fuzz-loader's third find (gdk-pixbuf allocated 358 MB for it). */
static void
write_large_frame_gif (const char *path)
{
  guint8 gif[sizeof empty_frame_gif];

  memcpy (gif, empty_frame_gif, sizeof gif);
  /* The frame descriptor's width and height, little-endian, after its
   * separator and position. */
  gif[19 + 5] = 14406 & 0xFF;
  gif[19 + 6] = 14406 >> 8;
  gif[19 + 7] = 24889 & 0xFF;
  gif[19 + 8] = 24889 >> 8;
  write_bytes (path, gif, sizeof gif);
}

static void
make_files (void)
{
  g_autoptr(GdkPixbuf) picture = draw_picture (640, 480, FALSE);
  g_autoptr(GBytes) png = encode (picture, "png");
  g_autoptr(GBytes) jpeg = encode (picture, "jpeg");
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  guint8 noise[8192];

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    files[i].path = g_build_filename (tmp_dir, files[i].name, NULL);

  write_bytes (files[0].path, NULL, 0);
  write_bytes (files[1].path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg) / 2);
  write_bytes (files[2].path, g_bytes_get_data (png, NULL), g_bytes_get_size (png) / 2);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  write_bytes (files[3].path, noise, sizeof noise);
  write_bytes (files[4].path, (const guint8 *) "Not a picture at all.\n", 22);
  write_giant_header (files[5].path, png);
  write_bytes (files[6].path, empty_frame_gif, sizeof empty_frame_gif);
  g_assert_cmpint (g_mkdir (files[7].path, 0755), ==, 0);
  write_bytes (files[8].path, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_assert_cmpint (g_chmod (files[8].path, 0), ==, 0);
  write_bytes (files[9].path, g_bytes_get_data (png, NULL), g_bytes_get_size (png));

  {
    g_autoptr(GdkPixbuf) one = draw_picture (1, 1, FALSE);
    g_autoptr(GBytes) one_png = encode (one, "png");

    write_bytes (files[10].path, g_bytes_get_data (one_png, NULL), g_bytes_get_size (one_png));
  }
  write_huge (files[11].path);
  write_bytes (files[12].path, stray_byte_gif, sizeof stray_byte_gif);
  write_large_frame_gif (files[13].path);
}

typedef struct
{
  int    status;
  char  *out;
  char  *err;
  glong  max_rss_kb;
} Run;

static char *
read_all (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;

  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  close (fd);
  return g_string_free (text, FALSE);
}

static int
open_capture (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_unlink (path);
  return fd;
}

/* Runs the CLI on @path and measures its peak memory: an upper bound, as
 * the kernel keeps the peak across exec(), so it includes this process's
 * pages the child had before it became the CLI. As root, a locked file is
 * read as "nobody", for whom its mode does stop reading. */
static void
run_cli_full (Run        *run,
              const char *option,
              const char *path,
              const char *tessdata,
              gboolean    as_nobody)
{
  int out = open_capture ("stdout");
  int err = open_capture ("stderr");
  struct rusage usage;
  int wait_status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      dup2 (out, STDOUT_FILENO);
      dup2 (err, STDERR_FILENO);
      if (as_nobody && (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (125);
      if (tessdata != NULL)
        setenv ("TESSDATA_PREFIX", tessdata, TRUE);
      if (option != NULL)
        execl (cli, cli, option, path, (char *) NULL);
      else
        execl (cli, cli, path, (char *) NULL);
      _exit (126);
    }

  g_assert_cmpint (wait4 (pid, &wait_status, 0, &usage), ==, pid);
  if (!WIFEXITED (wait_status))
    g_error ("the CLI died on %s (signal %d)", path, WTERMSIG (wait_status));
  run->status = WEXITSTATUS (wait_status);
  run->max_rss_kb = usage.ru_maxrss;
  run->out = read_all (out);
  run->err = read_all (err);
}

static void
run_cli (Run        *run,
         const char *path,
         gboolean    as_nobody)
{
  run_cli_full (run, NULL, path, NULL, as_nobody);
}

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
test_cli (gconstpointer data)
{
  const BadFile *file = data;
  gboolean as_nobody = FALSE;
  Run run = { 0 };

  if (file->locked && access (file->path, R_OK) == 0)
    {
      /* Root reads whatever the mode says: read as nobody, from a folder
       * nobody may enter. */
      g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
      as_nobody = TRUE;
    }

  run_cli (&run, file->path, as_nobody);
  g_test_message ("%s: exit status %d, peak %ld MB", file->name, run.status, run.max_rss_kb / 1024);

  if (file->outcome == OUTCOME_REFUSED)
    {
      g_autofree char *expected = g_strdup_printf ("%s: %s", file->path, file->message);

      g_assert_cmpint (run.status, ==, 2);
      if (!g_str_has_prefix (run.err, expected))
        g_error ("expected “%s” on stderr, got “%s”", expected, run.err);
      g_assert_cmpstr (run.out, ==, "");
    }
  else
    {
      g_assert_cmpint (run.status, <=, 1);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, " pixels"));
    }
  if (MEMORY_MEASURED)
    g_assert_cmpint (run.max_rss_kb, <, MAX_RSS_KB);

  if (as_nobody)
    g_assert_cmpint (g_chmod (tmp_dir, 0700), ==, 0);
  run_clear (&run);
}

typedef struct
{
  PfPhotoPage *page;
  const char  *message;
} MessageWait;

static gboolean
shows_message_cb (gpointer data)
{
  MessageWait *wait = data;

  return pf_test_ui_find_label (GTK_WIDGET (wait->page), wait->message) != NULL &&
         g_strcmp0 (pf_photo_page_get_mode (wait->page), "checking") != 0;
}

static gboolean
is_camera_error_cb (gpointer page)
{
  PfCamera *camera = pf_photo_page_get_camera (page);

  return camera != NULL && pf_camera_get_state (camera) == PF_CAMERA_STATE_ERROR &&
         g_strcmp0 (pf_photo_page_get_mode (page), "status") == 0;
}

static gboolean
is_result_cb (gpointer page)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), "result") == 0;
}

/* The page shows the loader's whole message, so that is what is looked
 * for; it must start as the CLI's does. */
static char *
loader_message (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_file (file, NULL, &error);

  g_assert_null (image);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
test_page (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  PfPhotoPage *page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
  struct rusage usage;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (files[i].path);

      if (files[i].locked && access (files[i].path, R_OK) == 0)
        {
          /* The CLI case proves the message as another user; this process
           * cannot give up being root and come back. */
          g_test_message ("%s: skipped on the page: root reads any file", files[i].name);
          continue;
        }

      pf_photo_page_check_file (page, file);
      if (files[i].outcome == OUTCOME_REFUSED)
        {
          g_autofree char *message = loader_message (files[i].path);
          MessageWait wait = { page, message };

          g_assert_true (g_str_has_prefix (message, files[i].message));
          pf_test_photo_wait (shows_message_cb, &wait, 20000, message);
          /* Still usable: the way on is still there and working. */
          g_assert_cmpstr (pf_photo_page_get_mode (page), !=, "result");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.dismiss", NULL));
        }
      else
        {
          pf_test_photo_wait (is_result_cb, page, 60000, files[i].name);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "photo.retake", NULL));
        }
    }

  /* The whole app, with every file above shown or refused. */
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_test_message ("photo page: peak %ld MB", usage.ru_maxrss / 1024);
  if (MEMORY_MEASURED)
    g_assert_cmpint (usage.ru_maxrss, <, MAX_RSS_KB);

  pf_test_window_free (window);
}

/* Missing OCR data (TESSDATA_PREFIX pointing to an empty folder): the
 * printed zone cannot be read, which is said plainly, and the rest of the
 * reading (the MRZ) and the photo checks still come out. */
static void
test_missing_ocr_data (void)
{
  g_autofree char *empty = g_build_filename (tmp_dir, "no-tessdata", NULL);
  g_autofree char *photo = g_build_filename (tmp_dir, "passport.png", NULL);
  PfSpecimenParams params;
  Run run = { 0 };

  pf_test_photo_params (&params, 0.5, 0.5);
  params.layout = PF_SPECIMEN_TD3;
  g_free (pf_test_photo_write (&params, tmp_dir, "passport.png"));
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);

  run_cli_full (&run, "--read", photo, empty, FALSE);
  g_test_message ("--read without OCR data: exit status %d, peak %ld MB", run.status,
                  run.max_rss_kb / 1024);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "The printed text cannot be read"));
  g_assert_nonnull (strstr (run.out, empty));
  g_assert_nonnull (strstr (run.out, "MRZ: read"));
  if (MEMORY_MEASURED)
    g_assert_cmpint (run.max_rss_kb, <, MAX_RSS_KB);

  run_clear (&run);
  g_rmdir (empty);
  g_unlink (photo);
}

/* Camera faults on the photo page, after details were typed: a stream that
 * fails mid-way, and a pipeline with an element GStreamer does not have.
 * Each ends on a page with a way on (choosing a file), the app keeps
 * running, and what was typed is still there. */
static void
test_camera_faults (void)
{
  const char *pipelines[] = {
    "videotestsrc is-live=true ! video/x-raw,width=640,height=360,framerate=30/1 "
    "! identity error-after=15",
    "pfnosuchcamerasrc ! videoconvert",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pipelines); i++)
    {
      PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
      PfSession *session = pf_window_get_session (window);
      PfPhotoPage *page;

      pf_session_set_detail (session, PF_FIELD_SURNAME, "Eriksson");
      pf_session_set_detail (session, PF_FIELD_BIRTH_DATE, "24 May 1990");

      g_setenv ("PF_CAMERA_PIPELINE", pipelines[i], TRUE);
      page = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);
      g_unsetenv ("PF_CAMERA_PIPELINE");

      pf_test_photo_wait (is_camera_error_cb, page, 20000, pipelines[i]);
      g_assert_true (gtk_widget_is_visible (pf_test_ui_find_action (GTK_WIDGET (page), "photo.open")));
      pf_test_ui_settle (GTK_WIDGET (window));

      g_assert_cmpstr (pf_session_get_detail (session, PF_FIELD_SURNAME), ==, "Eriksson");
      g_assert_cmpstr (pf_session_get_detail (session, PF_FIELD_BIRTH_DATE), ==, "24 May 1990");

      pf_test_window_free (window);
    }
}

static void
remove_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      if (g_file_test (files[i].path, G_FILE_TEST_IS_DIR))
        g_rmdir (files[i].path);
      else
        g_unlink (files[i].path);
      g_free (files[i].path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  pf_test_ui_init (&argc, &argv);

  /* meson passes the CLI as the argument; by hand, PF_CLI works too. */
  cli = argc > 1 ? argv[1] : g_getenv ("PF_CLI");
  if (cli == NULL)
    {
      g_printerr ("Usage: test-bad-input PATH-TO-id-preflight-check (or set PF_CLI)\n");
      return 1;
    }

  tmp_dir = g_dir_make_tmp ("pf-bad-input-XXXXXX", &error);
  g_assert_no_error (error);
  make_files ();

  application = pf_test_application_new ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/pf/bad-input/cli/%s", files[i].name);

      g_test_add_data_func (test_path, &files[i], test_cli);
    }
  g_test_add_func ("/pf/bad-input/photo-page", test_page);
  g_test_add_func ("/pf/bad-input/faults/missing-ocr-data", test_missing_ocr_data);
  g_test_add_func ("/pf/bad-input/faults/camera", test_camera_faults);

  status = g_test_run ();

  g_clear_object (&application);
  remove_files ();
  g_free (tmp_dir);
  return status;
}
