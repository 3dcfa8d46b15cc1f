/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Turns a photo file (or pasted bytes) into a PfImage. This is the one core
 * file that uses gdk-pixbuf, so that the rest of the core stays GLib-only.
 *
 * gdk-pixbuf alone is too trusting for pictures people pick from anywhere:
 * it picks a decoder by sniffing (including decoders that write temporary
 * files or read vector drawings), quietly shows a cut-off PNG or JPEG with
 * its missing part blank, and a forged header can ask it for gigabytes. So
 * the format is sniffed here from the content (never the file name), the
 * structure of PNG, JPEG, GIF and BMP files is walked to find their size
 * and whether their end is missing before anything is decoded, and every
 * buffer that held the document is zeroed before it is released. */

#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include "pf-image-format.h"
#include "pf-image-loader.h"

G_DEFINE_QUARK (pf-image-load-error-quark, pf_image_load_error)

typedef struct
{
  gboolean refused;
  int      width;
  int      height;
} SizeCheck;

static PfImageReleaseObserver scratch_observer;

/* Wipes a buffer that held the document and tells the test observer. */
static void
zero_scratch (gpointer data,
              gsize    len)
{
  pf_secure_zero (data, len);
  if (scratch_observer != NULL && data != NULL)
    scratch_observer (data, len);
}

static gboolean
too_many_pixels (guint64 width,
                 guint64 height)
{
  return width * height > PF_IMAGE_LOAD_MAX_PIXELS;
}

static void
set_too_large (GError  **error,
               guint32   width,
               guint32   height)
{
  g_set_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE,
               _("This picture is too large: %u × %u pixels (%.0f megapixels). Use a picture of at most %d megapixels; a normal phone photo is fine."),
               width, height, (double) width * height / 1e6,
               PF_IMAGE_LOAD_MAX_PIXELS / 1000000);
}

static void
set_truncated (GError **error)
{
  g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TRUNCATED,
                       _("The picture is incomplete: the file was cut short. Copy it again from your phone or camera."));
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_DAMAGED,
                       _("The picture is damaged and cannot be opened. Copy it again, or take a new photo."));
}

static void
set_unsupported (GError **error,
                 PfImageFormat   format)
{
  switch (format)
    {
    case PF_IMAGE_FORMAT_PDF:
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNSUPPORTED,
                           _("This is a PDF document, not a picture. Take a photo of the document instead, or save the page as a JPEG or PNG picture."));
      break;
    case PF_IMAGE_FORMAT_SVG:
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNSUPPORTED,
                           _("This is a drawing (SVG), not a photo. Take a photo of the document instead."));
      break;
    case PF_IMAGE_FORMAT_HEIF:
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNSUPPORTED,
                           _("This picture is in the HEIC format that iPhones use, which cannot be opened here. Export it as a JPEG picture, or set the iPhone camera to “Most Compatible” and take the photo again."));
      break;
    case PF_IMAGE_FORMAT_UNKNOWN:
    case PF_IMAGE_FORMAT_PNG:
    case PF_IMAGE_FORMAT_JPEG:
    case PF_IMAGE_FORMAT_GIF:
    case PF_IMAGE_FORMAT_BMP:
    case PF_IMAGE_FORMAT_TIFF:
    case PF_IMAGE_FORMAT_PNM:
    case PF_IMAGE_FORMAT_WEBP:
    case PF_IMAGE_FORMAT_AVIF:
    default:
      /* TRANSLATORS: %s is the name of a picture format, such as "WebP". */
      g_set_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNSUPPORTED,
                   _("This picture is in the %s format, which cannot be opened here. Save it as a JPEG or PNG picture and try again."),
                   pf_image_format_get_label (format));
      break;
    }
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;

  check->width = width;
  check->height = height;

  /* Asking for a 0×0 result makes every decoder stop before it allocates
   * the pixels. */
  if (width < 1 || height < 1 || too_many_pixels (width, height))
    {
      check->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

/* How to place source pixel (x, y) in the upright image, for each EXIF
 * orientation: the destination's byte offset is origin + x·step_x +
 * y·step_y. Orientations 5 to 8 swap width and height. */
static void
orientation_steps (int     orientation,
                   int     width,
                   int     height,
                   gssize  stride,
                   gssize *origin,
                   gssize *step_x,
                   gssize *step_y)
{
  gssize last_column = 4 * (gssize) ((orientation >= 5 ? height : width) - 1);
  gssize last_row = stride * ((orientation >= 5 ? width : height) - 1);

  switch (orientation)
    {
    case 2: /* mirrored left to right */
      *origin = last_column, *step_x = -4, *step_y = stride;
      break;
    case 3: /* upside down */
      *origin = last_row + last_column, *step_x = -4, *step_y = -stride;
      break;
    case 4: /* mirrored top to bottom */
      *origin = last_row, *step_x = 4, *step_y = -stride;
      break;
    case 5: /* transposed */
      *origin = 0, *step_x = stride, *step_y = 4;
      break;
    case 6: /* to be turned a quarter clockwise */
      *origin = last_column, *step_x = stride, *step_y = -4;
      break;
    case 7: /* transposed the other way */
      *origin = last_row + last_column, *step_x = -stride, *step_y = -4;
      break;
    case 8: /* to be turned a quarter anticlockwise */
      *origin = last_row, *step_x = -stride, *step_y = 4;
      break;
    case 1:
    default:
      *origin = 0, *step_x = 4, *step_y = stride;
      break;
    }
}

/* Copies the decoded pixels into a new image, upright and with alpha, in
 * one pass. gdk_pixbuf_apply_embedded_orientation() would do the turning,
 * but through intermediate copies of the document that it frees without
 * zeroing them. */
static PfImage *
copy_upright (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gsize src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  const char *option = gdk_pixbuf_get_option (pixbuf, "orientation");
  int orientation = option != NULL ? (int) g_ascii_strtoll (option, NULL, 10) : 1;
  PfImage *image;
  guint8 *dst;
  gssize origin, step_x, step_y;

  if (orientation < 1 || orientation > 8)
    orientation = 1;

  if (orientation >= 5)
    image = pf_image_new (height, width);
  else
    image = pf_image_new (width, height);
  dst = pf_image_get_data_mutable (image);
  orientation_steps (orientation, width, height, pf_image_get_stride (image),
                     &origin, &step_x, &step_y);

  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      gssize offset = origin + y * step_y;

      for (int x = 0; x < width; x++, s += channels, offset += step_x)
        {
          guint8 *d = dst + offset;

          d[0] = s[0];
          d[1] = s[1];
          d[2] = s[2];
          d[3] = channels == 4 ? s[3] : 255;
        }
    }

  return image;
}

static void
set_decoder_error (GError       **error,
                   const GError  *decoder_error,
                   PfImageFormat         format,
                   const guint8  *data,
                   gsize          len)
{
  if (decoder_error != NULL &&
      decoder_error->domain == GDK_PIXBUF_ERROR &&
      decoder_error->code == GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY)
    {
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE,
                           _("There is not enough memory to open this picture. Close other programs, or use a smaller picture."));
      return;
    }

  /* A GIF ends with a trailer byte. Some writers add bytes after it, so
   * its absence only explains a failure, it is no reason to refuse. */
  if (format == PF_IMAGE_FORMAT_GIF && data[len - 1] != 0x3B)
    {
      set_truncated (error);
      return;
    }

  set_damaged (error);
}

static PfImage *
decode (const guint8  *data,
        gsize          len,
        GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) decoder_error = NULL;
  SizeCheck check = { 0 };
  PfImageStructure structure = { 0 };
  PfImageFormat format;
  GdkPixbuf *pixbuf;
  PfImage *image = NULL;
  gboolean ok;

  if (len == 0)
    {
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_EMPTY,
                           _("This file is empty. Copy the photo again from your phone or camera."));
      return NULL;
    }

  format = pf_image_format_sniff (data, len);
  if (format == PF_IMAGE_FORMAT_UNKNOWN)
    {
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE,
                           _("This file is not a picture. Choose a photo of your document, such as a JPEG or PNG file."));
      return NULL;
    }
  if (pf_image_format_get_decoder (format) == NULL)
    {
      set_unsupported (error, format);
      return NULL;
    }

  pf_image_format_walk (format, data, len, &structure);
  if (structure.has_size && (structure.width == 0 || structure.height == 0))
    {
      set_damaged (error);
      return NULL;
    }
  if (structure.has_size && too_many_pixels (structure.width, structure.height))
    {
      set_too_large (error, structure.width, structure.height);
      return NULL;
    }
  if (structure.truncated)
    {
      set_truncated (error);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (pf_image_format_get_decoder (format), NULL);
  if (loader == NULL)
    {
      set_unsupported (error, format);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);

  ok = gdk_pixbuf_loader_write (loader, data, len, &decoder_error);
  /* A loader must always be closed, also after a failed write. */
  if (!gdk_pixbuf_loader_close (loader, ok ? &decoder_error : NULL))
    ok = FALSE;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);

  if (check.refused)
    {
      if (check.width < 1 || check.height < 1)
        set_damaged (error);
      else
        set_too_large (error, check.width, check.height);
    }
  else if (!ok || pixbuf == NULL)
    set_decoder_error (error, decoder_error, format, data, len);
  else if (too_many_pixels (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)))
    set_too_large (error, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
  else
    image = copy_upright (pixbuf);

  if (pixbuf != NULL)
    {
      guint pixels_len = 0;
      guint8 *pixels = gdk_pixbuf_get_pixels_with_length (pixbuf, &pixels_len);

      zero_scratch (pixels, pixels_len);
    }

  return image;
}

static gboolean
is_on_this_computer (GFile *file)
{
  /* Phones and cameras plugged in by USB are not native files, but they
   * are not the network either. */
  return g_file_is_native (file) ||
         g_file_has_uri_scheme (file, "mtp") ||
         g_file_has_uri_scheme (file, "gphoto2") ||
         g_file_has_uri_scheme (file, "afc");
}

static void
set_io_error (GError       **error,
              const GError  *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE,
                         _("This file does not exist. It may have been moved or deleted."));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE,
                         _("This is a folder, not a picture. Choose a photo file inside it."));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE,
                         _("You do not have permission to read this file."));
  else
    /* TRANSLATORS: %s is the system's own explanation. */
    g_set_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE,
                 _("This file cannot be read: %s"), io_error->message);
}

static void
set_file_too_large (GError **error)
{
  g_set_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE,
               _("This file is too large to be a photo (more than %d MB)."),
               (int) (PF_IMAGE_LOAD_MAX_BYTES / (1024 * 1024)));
}

/* Replaces @buffer by a bigger one, wiping the old one rather than letting
 * g_realloc() leave a copy of the document behind. */
static guint8 *
grow (guint8 *buffer,
      gsize   len,
      gsize  *capacity)
{
  gsize new_capacity = MIN (*capacity * 2, PF_IMAGE_LOAD_MAX_BYTES + 1);
  guint8 *bigger = g_malloc (new_capacity);

  memcpy (bigger, buffer, len);
  zero_scratch (buffer, *capacity);
  g_free (buffer);
  *capacity = new_capacity;

  return bigger;
}

/* Reads the whole file, at most PF_IMAGE_LOAD_MAX_BYTES of it: also from a
 * pipe or a device, whose size is not known in advance. */
static guint8 *
read_file (GFile         *file,
           GCancellable  *cancellable,
           gsize         *out_len,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  guint8 *buffer;
  gsize capacity = 64 * 1024;
  gsize len = 0;

  if (!is_on_this_computer (file))
    {
      g_set_error_literal (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE,
                           _("This file is not on this computer. Save it in a folder on this computer first, then open it from there."));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &io_error);
  if (stream == NULL)
    {
      set_io_error (error, io_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                         cancellable, NULL);
  if (info != NULL &&
      g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > (goffset) PF_IMAGE_LOAD_MAX_BYTES)
        {
          set_file_too_large (error);
          return NULL;
        }
      /* One byte more, so the read that finds the end needs no growing. */
      capacity = (gsize) MAX (size, 0) + 1;
    }

  buffer = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (len == capacity)
        {
          if (len > PF_IMAGE_LOAD_MAX_BYTES)
            {
              zero_scratch (buffer, capacity);
              g_free (buffer);
              set_file_too_large (error);
              return NULL;
            }
          buffer = grow (buffer, len, &capacity);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + len, capacity - len,
                               cancellable, &io_error);
      if (n < 0)
        {
          zero_scratch (buffer, capacity);
          g_free (buffer);
          set_io_error (error, io_error);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }

  if (len > PF_IMAGE_LOAD_MAX_BYTES)
    {
      zero_scratch (buffer, capacity);
      g_free (buffer);
      set_file_too_large (error);
      return NULL;
    }

  *out_len = len;
  return buffer;
}

/**
 * pf_image_load_file:
 * @file: a photo
 * @cancellable: (nullable): to stop reading
 * @error: a #PF_IMAGE_LOAD_ERROR with a message to show as it is, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Reads and decodes a photo: JPEG, PNG, TIFF, BMP, GIF or PNM, and WebP,
 * HEIC or AVIF where a decoder for them is installed. The format is told by
 * the content, never by the file's name. The picture is turned upright as
 * its EXIF orientation says (phones store it sideways) and never has more
 * than %PF_IMAGE_LOAD_MAX_PIXELS pixels. Blocks: call it from a worker
 * thread in an application.
 *
 * Returns: (transfer full) (nullable): the upright image
 */
PfImage *
pf_image_load_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  PfImage *image;
  guint8 *data;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file (file, cancellable, &len, error);
  if (data == NULL)
    return NULL;

  image = decode (data, len, error);

  zero_scratch (data, len);
  g_free (data);

  return image;
}

/**
 * pf_image_load_bytes:
 * @bytes: a picture's encoded bytes, as pasted or dropped
 * @error: a #PF_IMAGE_LOAD_ERROR with a message to show as it is
 *
 * Like pf_image_load_file(), for bytes already in memory. The caller still
 * owns @bytes and should drop them soon after.
 *
 * Returns: (transfer full) (nullable): the upright image
 */
PfImage *
pf_image_load_bytes (GBytes  *bytes,
                     GError **error)
{
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > PF_IMAGE_LOAD_MAX_BYTES)
    {
      set_file_too_large (error);
      return NULL;
    }

  return decode (data, len, error);
}

/**
 * pf_image_load_set_scratch_observer:
 * @observer: (nullable): the function to call
 *
 * Lets a test see each buffer the loader used for the document (the file's
 * bytes, the decoded pixels) right after it was zeroed.
 */
void
pf_image_load_set_scratch_observer (PfImageReleaseObserver observer)
{
  scratch_observer = observer;
}
