/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tells a picture's format from its first bytes, and walks the structure
 * of the formats whose decoders are too forgiving, before any decoding:
 * see pf-image-loader.c for why. Plain byte reading, no decoder. */

#include "config.h"

#include <string.h>

#include "pf-image-format.h"

/* The decoder gdk-pixbuf knows each format by (none for formats we never
 * decode), and the name a person knows it by. */
static const struct
{
  const char *decoder;
  const char *label;
} formats[] = {
  [PF_IMAGE_FORMAT_UNKNOWN] = { NULL, NULL },
  [PF_IMAGE_FORMAT_PNG] = { "png", "PNG" },
  [PF_IMAGE_FORMAT_JPEG] = { "jpeg", "JPEG" },
  [PF_IMAGE_FORMAT_GIF] = { "gif", "GIF" },
  [PF_IMAGE_FORMAT_BMP] = { "bmp", "BMP" },
  [PF_IMAGE_FORMAT_TIFF] = { "tiff", "TIFF" },
  [PF_IMAGE_FORMAT_PNM] = { "pnm", "PNM" },
  [PF_IMAGE_FORMAT_WEBP] = { "webp", "WebP" },
  [PF_IMAGE_FORMAT_HEIF] = { "heif", "HEIC" },
  [PF_IMAGE_FORMAT_AVIF] = { "avif", "AVIF" },
  [PF_IMAGE_FORMAT_PDF] = { NULL, "PDF" },
  [PF_IMAGE_FORMAT_SVG] = { NULL, "SVG" },
};

static gboolean
starts_with (const guint8 *data,
             gsize         len,
             gsize         offset,
             const char   *magic,
             gsize         magic_len)
{
  return len >= offset + magic_len && memcmp (data + offset, magic, magic_len) == 0;
}

static guint32
read_be16 (const guint8 *p)
{
  return ((guint32) p[0] << 8) | p[1];
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le16 (const guint8 *p)
{
  return ((guint32) p[1] << 8) | p[0];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static gboolean
is_svg (const guint8 *data,
        gsize         len)
{
  gsize start = 0;
  gsize head_len;

  if (starts_with (data, len, 0, "\xEF\xBB\xBF", 3))
    start = 3;
  while (start < len && g_ascii_isspace (data[start]))
    start++;

  if (starts_with (data, len, start, "<svg", 4))
    return TRUE;
  if (!starts_with (data, len, start, "<?xml", 5))
    return FALSE;

  head_len = MIN (len - start, 4096);
  return g_strstr_len ((const char *) data + start, head_len, "<svg") != NULL;
}

/* Formats are told by their magic bytes only, never by a file name: people
 * rename files, and phones name HEIC pictures ".jpg". */
PfImageFormat
pf_image_format_sniff (const guint8 *data,
       gsize         len)
{
  if (starts_with (data, len, 0, "\x89PNG\r\n\x1A\n", 8))
    return PF_IMAGE_FORMAT_PNG;
  if (starts_with (data, len, 0, "\xFF\xD8\xFF", 3))
    return PF_IMAGE_FORMAT_JPEG;
  if (starts_with (data, len, 0, "GIF87a", 6) || starts_with (data, len, 0, "GIF89a", 6))
    return PF_IMAGE_FORMAT_GIF;
  if (starts_with (data, len, 0, "II*\0", 4) || starts_with (data, len, 0, "MM\0*", 4))
    return PF_IMAGE_FORMAT_TIFF;
  if (starts_with (data, len, 0, "RIFF", 4) && starts_with (data, len, 8, "WEBP", 4))
    return PF_IMAGE_FORMAT_WEBP;
  if (starts_with (data, len, 0, "%PDF-", 5))
    return PF_IMAGE_FORMAT_PDF;

  /* BMP's two-byte magic is weak: also ask for a known header size. */
  if (starts_with (data, len, 0, "BM", 2) && len >= 18)
    {
      guint32 header_size = read_le32 (data + 14);

      if (header_size == 12 || header_size == 40 || header_size == 52 ||
          header_size == 56 || header_size == 64 || header_size == 108 ||
          header_size == 124)
        return PF_IMAGE_FORMAT_BMP;
    }

  if (len >= 3 && data[0] == 'P' && data[1] >= '1' && data[1] <= '6' && g_ascii_isspace (data[2]))
    return PF_IMAGE_FORMAT_PNM;

  /* HEIF and AVIF are ISO media files: an "ftyp" box naming the brand. */
  if (starts_with (data, len, 4, "ftyp", 4))
    {
      static const char * const heif_brands[] = { "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" };

      if (starts_with (data, len, 8, "avif", 4) || starts_with (data, len, 8, "avis", 4))
        return PF_IMAGE_FORMAT_AVIF;
      for (guint i = 0; i < G_N_ELEMENTS (heif_brands); i++)
        if (starts_with (data, len, 8, heif_brands[i], 4))
          return PF_IMAGE_FORMAT_HEIF;
    }

  if (is_svg (data, len))
    return PF_IMAGE_FORMAT_SVG;

  return PF_IMAGE_FORMAT_UNKNOWN;
}

/* PNG: chunks until IEND; IHDR, the first chunk, holds the size. */
static void
walk_png (const guint8 *data,
          gsize         len,
          PfImageStructure    *structure)
{
  guint64 pos = 8;

  structure->truncated = TRUE;
  while (pos + 8 <= len)
    {
      guint32 chunk_len = read_be32 (data + pos);
      const guint8 *type = data + pos + 4;

      if (memcmp (type, "IHDR", 4) == 0 && chunk_len >= 8 && pos + 16 <= len)
        {
          structure->has_size = TRUE;
          structure->width = read_be32 (data + pos + 8);
          structure->height = read_be32 (data + pos + 12);
        }
      if (memcmp (type, "IEND", 4) == 0)
        {
          structure->truncated = FALSE;
          return;
        }
      pos += (guint64) chunk_len + 12;
    }
}

static gboolean
is_jpeg_frame_marker (guint8 marker)
{
  /* SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/* JPEG: segments until EOI. After each start of scan comes entropy-coded
 * data, in which 0xFF is always followed by 0x00 or a restart marker, so
 * the next other marker ends it. Phones add data after EOI (a second
 * picture, a video): the first EOI is the end of the picture we decode. */
static void
walk_jpeg (const guint8 *data,
           gsize         len,
           PfImageStructure    *structure)
{
  gsize pos = 2;

  structure->truncated = TRUE;
  while (pos < len)
    {
      guint8 marker;
      gsize segment_len;

      /* Decoders skip stray bytes before a marker; so do we. */
      if (data[pos] != 0xFF)
        {
          const guint8 *next = memchr (data + pos, 0xFF, len - pos);

          if (next == NULL)
            return;
          pos = next - data;
        }
      while (pos < len && data[pos] == 0xFF)
        pos++;
      if (pos >= len)
        return;

      marker = data[pos++];
      if (marker == 0xD9)
        {
          structure->truncated = FALSE;
          return;
        }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
        continue;

      if (pos + 2 > len)
        return;
      segment_len = read_be16 (data + pos);
      if (segment_len < 2 || pos + segment_len > len)
        return;

      if (is_jpeg_frame_marker (marker) && segment_len >= 7 && !structure->has_size)
        {
          structure->has_size = TRUE;
          structure->height = read_be16 (data + pos + 3);
          structure->width = read_be16 (data + pos + 5);
        }
      pos += segment_len;

      if (marker == 0xDA)
        {
          while (pos + 1 < len)
            {
              const guint8 *ff = memchr (data + pos, 0xFF, len - pos - 1);
              guint8 next;

              if (ff == NULL)
                return;
              pos = ff - data;
              next = data[pos + 1];
              if (next == 0x00 || next == 0xFF || (next >= 0xD0 && next <= 0xD7))
                pos += next == 0xFF ? 1 : 2;
              else
                break;
            }
          if (pos + 1 >= len)
            return;
        }
    }
}

/* Skips a GIF's data sub-blocks (each a length byte and that many bytes,
 * up to a zero length); returns where they end, or @len. */
static gsize
skip_gif_sub_blocks (const guint8 *data,
                     gsize         len,
                     gsize         pos)
{
  while (pos < len && data[pos] != 0)
    pos += 1 + data[pos];
  return MIN (pos + 1, len);
}

/* GIF: the logical screen's size comes right after the magic. A frame with
 * no pixels makes gdk-pixbuf's decoder fail an assertion (a critical
 * warning, fatal in tests), so it is reported as a picture of size zero,
 * which the loader refuses as damaged. gdk-pixbuf's decoder allocates each
 * frame at the size the frame's own header claims, whatever the screen's:
 * a 3 KB file with a 1 × 1 screen asked it for 358 MB (found by
 * fuzz-loader). So a frame larger than the screen counts as the picture's
 * size, and the loader refuses it as it would a large screen. */
static void
walk_gif (const guint8 *data,
          gsize         len,
          PfImageStructure    *structure)
{
  gsize pos = 13;

  if (len < 10)
    {
      structure->truncated = TRUE;
      return;
    }
  structure->has_size = TRUE;
  structure->width = read_le16 (data + 6);
  structure->height = read_le16 (data + 8);

  if (len < 13)
    return;
  if (data[10] & 0x80)
    pos += 3u << ((data[10] & 0x07) + 1);

  while (pos < len && data[pos] != 0x3B)
    {
      if (data[pos] == 0x21 && pos + 1 < len)
        {
          pos = skip_gif_sub_blocks (data, len, pos + 2);
        }
      else if (data[pos] == 0x2C && pos + 10 <= len)
        {
          guint32 frame_width = read_le16 (data + pos + 5);
          guint32 frame_height = read_le16 (data + pos + 7);

          if (frame_width == 0 || frame_height == 0)
            {
              structure->width = structure->height = 0;
              return;
            }
          if ((guint64) frame_width * frame_height > (guint64) structure->width * structure->height)
            {
              structure->width = frame_width;
              structure->height = frame_height;
            }
          if (data[pos + 9] & 0x80)
            pos += 3u << ((data[pos + 9] & 0x07) + 1);
          pos = skip_gif_sub_blocks (data, len, pos + 11);
        }
      else
        {
          /* gdk-pixbuf's decoder skips a byte that starts no block, and
           * so does this walk, not to miss a frame it would decode. */
          pos++;
        }
    }
}

/* BMP: the size is in the header; for uncompressed pictures, so is how many
 * bytes the pixels take. */
static void
walk_bmp (const guint8 *data,
          gsize         len,
          PfImageStructure    *structure)
{
  guint32 header_size = read_le32 (data + 14);
  guint32 offset;
  gint32 width, height;
  guint32 bits, compression;
  guint64 row_bytes;

  if (header_size == 12)
    {
      structure->truncated = len < 26;
      if (!structure->truncated)
        {
          structure->has_size = TRUE;
          structure->width = read_le16 (data + 18);
          structure->height = read_le16 (data + 20);
        }
      return;
    }

  if (len < 34)
    {
      structure->truncated = TRUE;
      return;
    }

  offset = read_le32 (data + 10);
  width = (gint32) read_le32 (data + 18);
  height = (gint32) read_le32 (data + 22);
  bits = read_le16 (data + 28);
  compression = read_le32 (data + 30);

  structure->has_size = TRUE;
  structure->width = (guint32) ABS ((gint64) width);
  structure->height = (guint32) ABS ((gint64) height);

  if (compression == 0 && bits >= 1 && bits <= 32)
    {
      row_bytes = ((guint64) structure->width * bits + 31) / 32 * 4;
      structure->truncated = (guint64) len < (guint64) offset + row_bytes * structure->height;
    }
}

void
pf_image_format_walk (PfImageFormat     format,
                      const guint8     *data,
                      gsize             len,
                      PfImageStructure *structure)
{
  *structure = (PfImageStructure) { 0 };

  switch (format)
    {
    case PF_IMAGE_FORMAT_PNG:
      walk_png (data, len, structure);
      break;
    case PF_IMAGE_FORMAT_JPEG:
      walk_jpeg (data, len, structure);
      break;
    case PF_IMAGE_FORMAT_GIF:
      walk_gif (data, len, structure);
      break;
    case PF_IMAGE_FORMAT_BMP:
      walk_bmp (data, len, structure);
      break;
    /* The decoder finds the size of the others before it allocates, and
     * reports a missing end as damage. */
    case PF_IMAGE_FORMAT_TIFF:
    case PF_IMAGE_FORMAT_PNM:
    case PF_IMAGE_FORMAT_WEBP:
    case PF_IMAGE_FORMAT_HEIF:
    case PF_IMAGE_FORMAT_AVIF:
    case PF_IMAGE_FORMAT_UNKNOWN:
    case PF_IMAGE_FORMAT_PDF:
    case PF_IMAGE_FORMAT_SVG:
    default:
      break;
    }
}

/**
 * pf_image_format_get_decoder:
 *
 * Returns: (nullable): gdk-pixbuf's name for the decoder of @format, %NULL
 *   for formats that are never decoded
 */
const char *
pf_image_format_get_decoder (PfImageFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].decoder;
}

/**
 * pf_image_format_get_label:
 *
 * Returns: (nullable): the name people know @format by, such as "HEIC"
 */
const char *
pf_image_format_get_label (PfImageFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].label;
}
