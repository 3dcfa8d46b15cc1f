/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer targets: the photo checks on images of any size up to
 * MAX_SIDE, any row stride and any content, built twice.
 *
 * fuzz-photo-live (FUZZ_PHOTO_LIVE=1): the checks as they run on camera
 *   frames. They take about 2 ms an input under the sanitizers.
 * fuzz-photo (FUZZ_PHOTO_LIVE=0): the checks on still photos, which also
 *   read the MRZ to place the outline (the anchor), and for one input in
 *   two the MRZ reader on its own. The reader reads every group of
 *   lines it finds, and a periodic pattern (which the fuzzer soon
 *   learns to draw) holds dozens: a second and more an input under the
 *   sanitizers. Apart, the fast checks are not held to the reader's pace.
 *
 * The input is an 8-byte header, then pixels: rows of RGBA tiled from the
 * rest of the input, so that a short input still fills a large image.
 *
 * header: width (2 bytes, little-endian), height (2 bytes), padding at the
 * end of each row in bytes (any, not only whole pixels), the document
 * kind, the options (glare strictness, read the MRZ; fuzz-photo-live
 * ignores the MRZ bit), the MRZ format (fuzz-photo only). The two targets
 * read the same inputs: either's corpus seeds the other. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-mrz-reader.h"
#include "pf-photo.h"
#include "fuzz-common.h"

/* Small: under the sanitizers a check of a 512-pixel frame took a tenth of
 * a second, a few runs a second. Sizes up to 96, with any stride, still
 * reach every branch that depends on the size (frames smaller than a
 * check's window, one pixel wide or high, odd strides) and let the
 * fuzzer vary the content instead of waiting on it. */
#define MAX_SIDE 96

#define HEADER_LEN 8

static void
read_report (PfPhotoReport *report,
             int            width,
             int            height)
{
  GPtrArray *findings = pf_photo_report_get_findings (report);
  g_autoptr(GList) metrics = pf_photo_report_list_metrics (report);
  PfPoint corners[4];

  g_assert_cmpint (pf_photo_report_get_width (report), ==, width);
  g_assert_cmpint (pf_photo_report_get_height (report), ==, height);
  g_assert_true (findings != NULL && findings->len > 0);
  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);
      const char *advice = pf_finding_get_advice (finding);

      g_assert_true (PF_IS_FINDING (finding));
      g_assert_true (g_utf8_validate (pf_finding_get_title (finding), -1, NULL));
      g_assert_true (advice == NULL || g_utf8_validate (advice, -1, NULL));
    }
  (void) pf_photo_report_get_worst (report);

  if (pf_photo_report_get_outline (report, corners))
    for (int i = 0; i < 4; i++)
      g_assert_true (isfinite (corners[i].x) && isfinite (corners[i].y));

  for (GList *l = metrics; l != NULL; l = l->next)
    {
      double value;

      g_assert_true (pf_photo_report_get_metric (report, l->data, &value));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        len)
{
  int width, height;
  gsize pad, stride;
  PfPhotoOptions options = { 0 };
  gboolean read_mrz;
  PfMrzFormat format;
  g_autofree guint8 *pixels = NULL;
  g_autoptr(PfImage) image = NULL;
  g_autoptr(PfPhotoReport) report = NULL;

  if (len < HEADER_LEN)
    return 0;

  width = 1 + (data[0] | data[1] << 8) % MAX_SIDE;
  height = 1 + (data[2] | data[3] << 8) % MAX_SIDE;
  pad = data[4] % 32;
  options.kind = data[5] % (PF_DOCUMENT_KIND_RESIDENCE_PERMIT + 1);
  options.live = FUZZ_PHOTO_LIVE;
  options.glare_strictness = (data[6] >> 1 & 3) % 3;
  read_mrz = !FUZZ_PHOTO_LIVE && (data[6] >> 3 & 1);
  format = data[7] % (PF_MRZ_FORMAT_TD3 + 1);
  data += HEADER_LEN;
  len -= HEADER_LEN;

  stride = (gsize) width * 4 + pad;
  pixels = g_malloc (stride * height);
  if (len == 0)
    memset (pixels, 0, stride * height);
  else
    for (gsize i = 0; i < stride * height; i++)
      pixels[i] = data[i % len];

  image = pf_image_new_from_data (pixels, width, height, stride);
  report = pf_photo_check (image, &options);
  g_assert_nonnull (report);
  read_report (report, width, height);

  if (read_mrz)
    {
      PfMrzReadOptions read_options = { .format = format };
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrzReading) reading = NULL;

      pf_fuzz_today (&read_options.today);
      reading = pf_mrz_read (image, &read_options, &error);
      g_assert_true ((reading == NULL) == (error != NULL));
      if (reading != NULL)
        for (guint i = 0; i < pf_mrz_reading_get_n_lines (reading); i++)
          g_assert_nonnull (pf_mrz_reading_get_line (reading, i));
    }

  return 0;
}
