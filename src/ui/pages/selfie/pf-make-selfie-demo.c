/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pf-make-selfie-demo: draws the demo face's camera frames at build time,
 * for `id-preflight --demo` and the selfie step's "Try the Demo Face".
 * The face is the public-domain NASA portrait that Debian's python3-skimage
 * ships as astronaut.png when the build machine has it (through the
 * tests' scene builder, tests/selfie-scenes.c), else a face drawn here.
 * The story a camera would see: the person sits too far away, then in
 * front of a bright window, then close enough and lit from the front.
 *
 *   pf-make-selfie-demo OUTPUT-DIR
 *
 * A build tool: its messages are for developers and are not translated. */

#include "config.h"

#include <stdlib.h>

#include <cairo.h>
#include "pf-demo-png.h"
#include "selfie-scenes.h"

#define FRAME_WIDTH  1280
#define FRAME_HEIGHT 720
#define N_FRAMES     3

static void
ellipse (cairo_t *cr,
         double   cx,
         double   cy,
         double   rx,
         double   ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

/* A face drawn with the shading a face detector looks for: dark brows and
 * eye sockets over lit cheeks, a lit nose bridge between the eyes, a
 * shadowed mouth; @size is the face box's width. */
static void
draw_face (cairo_t *cr,
           double   cx,
           double   cy,
           double   size)
{
  double s = size;
  cairo_pattern_t *skin;

  /* Shoulders and neck, then hair behind the head. */
  cairo_set_source_rgb (cr, 0.18, 0.24, 0.36);
  ellipse (cr, cx, cy + 1.55 * s, 1.05 * s, 0.75 * s);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.78, 0.6, 0.5);
  cairo_rectangle (cr, cx - 0.2 * s, cy + 0.4 * s, 0.4 * s, 0.5 * s);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.22, 0.15, 0.1);
  ellipse (cr, cx, cy - 0.12 * s, 0.58 * s, 0.68 * s);
  cairo_fill (cr);

  /* The face, lit from the front: brightest in the middle. */
  skin = cairo_pattern_create_radial (cx, cy, 0.05 * s, cx, cy, 0.6 * s);
  cairo_pattern_add_color_stop_rgb (skin, 0, 0.96, 0.8, 0.7);
  cairo_pattern_add_color_stop_rgb (skin, 1, 0.72, 0.54, 0.44);
  cairo_set_source (cr, skin);
  ellipse (cr, cx, cy + 0.05 * s, 0.47 * s, 0.6 * s);
  cairo_fill (cr);
  cairo_pattern_destroy (skin);

  for (int side = -1; side <= 1; side += 2)
    {
      double ex = cx + side * 0.2 * s, ey = cy - 0.08 * s;

      /* Socket shadow, brow, eye white, iris. */
      cairo_set_source_rgba (cr, 0.35, 0.22, 0.18, 0.55);
      ellipse (cr, ex, ey - 0.01 * s, 0.15 * s, 0.08 * s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.13, 0.09);
      ellipse (cr, ex, ey - 0.13 * s, 0.14 * s, 0.035 * s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.92, 0.9, 0.88);
      ellipse (cr, ex, ey, 0.09 * s, 0.04 * s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.12, 0.08, 0.06);
      ellipse (cr, ex, ey, 0.04 * s, 0.04 * s);
      cairo_fill (cr);
    }

  /* Nostrils' shadow and the mouth. */
  cairo_set_source_rgba (cr, 0.45, 0.28, 0.22, 0.8);
  ellipse (cr, cx, cy + 0.17 * s, 0.08 * s, 0.03 * s);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.5, 0.22, 0.2);
  ellipse (cr, cx, cy + 0.33 * s, 0.14 * s, 0.04 * s);
  cairo_fill (cr);
}

/* A frame with the drawn face, its face box @face_size of the short side. */
static PfImage *
drawn_portrait (double  face_size,
                PfRect *face)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, FRAME_WIDTH,
                                                         FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double size = face_size * MIN (FRAME_WIDTH, FRAME_HEIGHT);
  g_autofree guint8 *rgba = g_malloc ((gsize) FRAME_WIDTH * FRAME_HEIGHT * 4);
  const guint8 *pixels;
  int stride;
  PfImage *image;

  cairo_set_source_rgb (cr, 0.49, 0.47, 0.44);
  cairo_paint (cr);
  draw_face (cr, FRAME_WIDTH / 2.0, FRAME_HEIGHT / 2.0, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < FRAME_HEIGHT; y++)
    for (int x = 0; x < FRAME_WIDTH; x++)
      {
        guint32 v = *(const guint32 *) (gconstpointer) (pixels + (gsize) y * stride + x * 4);
        guint8 *d = rgba + ((gsize) y * FRAME_WIDTH + x) * 4;

        d[0] = (v >> 16) & 0xff;
        d[1] = (v >> 8) & 0xff;
        d[2] = v & 0xff;
        d[3] = 0xff;
      }
  cairo_surface_destroy (surface);

  image = pf_image_new_from_data (rgba, FRAME_WIDTH, FRAME_HEIGHT, FRAME_WIDTH * 4);
  *face = (PfRect) { (FRAME_WIDTH - size) / 2, (FRAME_HEIGHT - size) / 2, size, size };
  return image;
}

static PfImage *
portrait (gboolean  photo,
          double    face_size,
          PfRect   *face)
{
  if (photo)
    return pf_scene_portrait (FRAME_WIDTH, FRAME_HEIGHT, face_size, 0.5, 0.5, face);
  /* The detector boxes the drawn face a fifth larger than the oval drawn,
   * brows and chin included: drawn smaller, its box is @face_size. */
  return drawn_portrait (0.8 * face_size, face);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *reason = NULL;
  gboolean photo;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR\n", argv[0]);
      return EXIT_FAILURE;
    }

  photo = pf_scene_available (&reason);
  if (!photo)
    g_printerr ("pf-make-selfie-demo: drawing the demo face: %s\n", reason);

  for (int i = 0; i < N_FRAMES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfImage) image = NULL;
      PfRect face;

      switch (i)
        {
        case 0:
          /* Too far away: the face 15% of the picture's height. */
          image = portrait (photo, 0.15, &face);
          break;
        case 1:
          /* Close enough, but a bright window behind. */
          image = portrait (photo, 0.33, &face);
          pf_scene_backlight (image, &face, 245, 0.5);
          break;
        default:
          image = portrait (photo, 0.33, &face);
          break;
        }

      if (!pf_demo_png_save (image, argv[1], "selfie", i, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}
