/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the photo loader on any bytes, both ways a picture
 * comes in: pasted (pf_image_load_bytes()) and chosen as a file
 * (pf_image_load_file(), here through an in-memory file so that nothing
 * touches the disk). Both must agree: the same image, or the same kind of
 * error, with a message. */

/* memfd_create() */
#define _GNU_SOURCE

#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include "pf-image-loader.h"

static int memory_fd = -1;
static char *memory_path;

/* Run once at start-up, by LLVMFuzzerInitialize(). */
static void open_memory_file (void);
#define PF_FUZZ_INIT_MORE open_memory_file
#include "fuzz-common.h"

static void
open_memory_file (void)
{
  memory_fd = memfd_create ("pf-fuzz-loader", MFD_CLOEXEC);
  g_assert_cmpint (memory_fd, >=, 0);
  memory_path = g_strdup_printf ("/proc/self/fd/%d", memory_fd);
}

static void
write_memory_file (const guint8 *data,
                   size_t        len)
{
  gsize done = 0;

  g_assert_cmpint (ftruncate (memory_fd, 0), ==, 0);
  while (done < len)
    {
      ssize_t n = pwrite (memory_fd, data + done, len - done, done);

      g_assert_cmpint (n, >, 0);
      done += n;
    }
}

static void
check_result (PfImage      *image,
              const GError *error)
{
  g_assert_true ((image == NULL) == (error != NULL));
  if (image != NULL)
    {
      g_assert_cmpint (pf_image_get_width (image), >=, 1);
      g_assert_cmpint (pf_image_get_height (image), >=, 1);
      g_assert_cmpint ((gint64) pf_image_get_width (image) * pf_image_get_height (image), <=,
                       PF_IMAGE_LOAD_MAX_PIXELS);
      (void) pf_image_get_grey (image);
    }
  else
    {
      g_assert_true (error->domain == PF_IMAGE_LOAD_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL) && error->message[0] != '\0');
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GFile) file = g_file_new_for_path (memory_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(PfImage) image = NULL;
  g_autoptr(PfImage) file_image = NULL;

  image = pf_image_load_bytes (bytes, &error);
  check_result (image, error);

  write_memory_file (data, len);
  file_image = pf_image_load_file (file, NULL, &file_error);
  check_result (file_image, file_error);

  g_assert_true ((image == NULL) == (file_image == NULL));
  if (image != NULL)
    {
      g_assert_cmpint (pf_image_get_width (image), ==, pf_image_get_width (file_image));
      g_assert_cmpint (pf_image_get_height (image), ==, pf_image_get_height (file_image));
    }
  else
    {
      g_assert_cmpint (error->code, ==, file_error->code);
    }

  return 0;
}
