/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exported report: the summary's findings and advice as a PDF, drawn
 * with cairo and laid out with Pango. It holds nothing personal unless the
 * person ticked the box for it: then the details they typed and a small
 * copy of the document photo. The PDF is made in memory; the page writes it
 * only where the person chose. Buffers that held personal data are zeroed
 * before they are freed. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pf-summary-pdf.h"
#include "pf-ticket.h"

/* A4 in points, with a comfortable margin. */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN        56.0
/* The largest the document photo is stored at, in pixels, and drawn at. */
#define PHOTO_MAX_PIXELS 480
#define PHOTO_WIDTH_PT   240.0

G_DEFINE_QUARK (pf-summary-pdf-error-quark, pf_summary_pdf_error)

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
zero_and_free (gpointer data)
{
  GByteArray *array = data;

  pf_secure_zero (array->data, array->len);
  g_byte_array_unref (array);
}

/* Starts a new page when @height no longer fits on this one. */
static void
make_room (Writer *w,
           double  height)
{
  if (w->y + height <= PAGE_HEIGHT - MARGIN || w->y <= MARGIN)
    return;

  cairo_show_page (w->cr);
  w->y = MARGIN;
}

/* Writes @text as a wrapped paragraph in @font, then leaves @space_after. */
static void
write_text (Writer     *w,
            const char *text,
            const char *font,
            double      space_after)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int width, height;

  pango_layout_set_font_description (w->layout, description);
  pango_layout_set_text (w->layout, text, -1);
  pango_layout_get_size (w->layout, &width, &height);

  make_room (w, (double) height / PANGO_SCALE);
  cairo_move_to (w->cr, MARGIN, w->y);
  pango_cairo_show_layout (w->cr, w->layout);
  w->y += (double) height / PANGO_SCALE + space_after;
}

static void
write_heading (Writer     *w,
               const char *text)
{
  w->y += 10;
  write_text (w, text, "Sans Bold 13", 6);
}

static void
write_item (Writer     *w,
            const char *title,
            const char *detail)
{
  g_autofree char *bullet = g_strdup_printf ("•  %s", title);

  write_text (w, bullet, "Sans Bold 10", detail != NULL ? 1 : 5);
  if (detail != NULL)
    {
      /* Indented under the bullet's text. */
      cairo_save (w->cr);
      cairo_translate (w->cr, 12, 0);
      pango_layout_set_width (w->layout, (PAGE_WIDTH - 2 * MARGIN - 12) * PANGO_SCALE);
      write_text (w, detail, "Sans 10", 5);
      pango_layout_set_width (w->layout, (PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE);
      cairo_restore (w->cr);
    }
}

/* The findings of @steps with @severity, each under its step. Findings of
 * steps that may quote typed details are counted, not quoted, unless the
 * person asked for their details in the report. */
static gboolean
write_group (Writer       *w,
             PfSession    *session,
             const PfStep *steps,
             guint         n_steps,
             PfSeverity    severity,
             const char   *heading,
             gboolean      include_personal)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      GPtrArray *findings = pf_session_get_findings (session, steps[i]);
      guint n = pf_findings_count_severity (findings, severity);

      if (n == 0)
        continue;
      if (!any)
        write_heading (w, heading);
      any = TRUE;

      if (pf_step_may_quote_details (steps[i]) && !include_personal)
        {
          g_autofree char *left_out =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u finding, left out because it may quote what you "
                                          "typed. The app shows it; so does a report with your "
                                          "details included.",
                                          "%u findings, left out because they may quote what you "
                                          "typed. The app shows them; so does a report with your "
                                          "details included.", n), n);

          write_item (w, pf_step_get_title (steps[i]), left_out);
          continue;
        }

      for (guint j = 0; j < findings->len; j++)
        {
          PfFinding *finding = g_ptr_array_index (findings, j);
          g_autofree char *title = NULL;

          if (pf_finding_get_severity (finding) != severity)
            continue;

          /* Translators: in the report, a step and one of its findings,
           * e.g. "Document photo: A reflection covers the text". */
          title = g_strdup_printf (_("%s: %s"), pf_step_get_title (steps[i]),
                                   pf_finding_get_title (finding));
          /* Passed checks need no advice. */
          write_item (w, title,
                      severity == PF_SEVERITY_OK ? NULL : pf_finding_get_advice (finding));
          pf_secure_zero (title, strlen (title));
        }
    }

  return any;
}

static void
write_guidance (Writer  *w,
                gboolean passed)
{
  write_heading (w, _("If You Still Can’t Find It"));
  write_item (w, _("Wait a while before trying again"),
              _("Many attempts in a row can look like a risk to the service and slow the review "
                "down."));
  write_item (w, _("Use a stable connection"),
              _("An upload that breaks off half-way can fail without a clear reason."));
  write_item (w, _("Try the service’s phone app"),
              _("Its camera guidance often works better than a laptop’s webcam."));
  write_item (w, _("Then open an official ticket"),
              _("Only through the help centre in the service’s own app or website. Never through "
                "someone who messaged you first: real support does not."));

  if (!passed)
    return;

  write_heading (w, _("Once You Are Verified"));
  write_item (w, _("Set up two-factor authentication"),
              _("Use an authenticator app or a security key, so that a stolen password alone "
                "cannot open the account."));
  write_item (w, _("Set an anti-phishing code"),
              _("Where the service offers one, it shows the code in every genuine email, so a "
                "message without it is not from the service."));
}

/* A copy of @photo at most PHOTO_MAX_PIXELS wide or high, averaged over
 * boxes of source pixels, so that the PDF never holds the full photo. */
static cairo_surface_t *
downscale_photo (PfImage *photo)
{
  int width = pf_image_get_width (photo);
  int height = pf_image_get_height (photo);
  double scale = MIN (1.0, (double) PHOTO_MAX_PIXELS / MAX (width, height));
  int out_width = MAX (1, (int) (width * scale));
  int out_height = MAX (1, (int) (height * scale));
  cairo_surface_t *surface;
  const guint8 *src = pf_image_get_data (photo);
  gsize src_stride = pf_image_get_stride (photo);
  guint8 *dst;
  int dst_stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, out_width, out_height);
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < out_height; y++)
    {
      int y0 = y * height / out_height, y1 = MAX (y0 + 1, (y + 1) * height / out_height);

      for (int x = 0; x < out_width; x++)
        {
          int x0 = x * width / out_width, x1 = MAX (x0 + 1, (x + 1) * width / out_width);
          guint sum[3] = { 0, 0, 0 };
          guint n = 0;

          for (int sy = y0; sy < y1; sy++)
            for (int sx = x0; sx < x1; sx++)
              {
                const guint8 *p = src + sy * src_stride + sx * 4;

                sum[0] += p[0];
                sum[1] += p[1];
                sum[2] += p[2];
                n++;
              }

          /* RGB24 is a native-endian 0xXXRRGGBB word. */
          ((guint32 *) (dst + y * dst_stride))[x] =
            (sum[0] / n) << 16 | (sum[1] / n) << 8 | (sum[2] / n);
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

static void
write_photo (Writer  *w,
             PfImage *photo)
{
  cairo_surface_t *surface = downscale_photo (photo);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double scale = PHOTO_WIDTH_PT / width;

  make_room (w, height * scale);
  cairo_save (w->cr);
  cairo_translate (w->cr, MARGIN, w->y);
  cairo_scale (w->cr, scale, scale);
  cairo_set_source_surface (w->cr, surface, 0, 0);
  cairo_paint (w->cr);
  cairo_restore (w->cr);
  w->y += height * scale + 8;

  /* The PDF surface keeps its own copy; this one held the person's photo. */
  cairo_surface_flush (surface);
  pf_secure_zero (cairo_image_surface_get_data (surface),
                  (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);
}

static void
write_personal (Writer    *w,
                PfSession *session)
{
  GDate birth_date;
  PfImage *photo;

  write_heading (w, _("Your Details"));
  write_text (w, _("You chose to include these. Share this report only with the service’s "
                   "official help centre."), "Sans Italic 10", 6);

  for (PfField field = 0; field < PF_N_FIELDS; field++)
    {
      const char *typed = pf_session_get_detail (session, field);
      g_autofree char *line = NULL;

      if (typed == NULL || *typed == '\0')
        continue;

      /* Translators: in the report, a detail and what was typed for it. */
      line = g_strdup_printf (_("%s: %s"), pf_field_get_label (field), typed);
      write_text (w, line, "Sans 10", 3);
      pf_secure_zero (line, strlen (line));
    }

  /* The date of birth typed on the age step, when the details step had none. */
  if (pf_session_get_detail (session, PF_FIELD_BIRTH_DATE) == NULL &&
      pf_session_get_birth_date (session, &birth_date))
    {
      char date[64];
      g_autofree char *line = NULL;

      if (g_date_strftime (date, sizeof date, "%x", &birth_date) > 0)
        {
          line = g_strdup_printf (_("%s: %s"), pf_field_get_label (PF_FIELD_BIRTH_DATE), date);
          write_text (w, line, "Sans 10", 3);
          pf_secure_zero (line, strlen (line));
        }
      pf_secure_zero (date, sizeof date);
    }

  photo = pf_session_get_photo (session);
  if (photo != NULL)
    {
      w->y += 6;
      write_text (w, _("The document photo, made smaller:"), "Sans 10", 4);
      write_photo (w, photo);
    }
}

/**
 * pf_summary_pdf_render:
 * @steps: (array length=n_steps): the steps the summary lists
 * @headline: the summary's headline
 * @advice: the summary's advice under it
 * @include_personal: whether to add the typed details and the photo
 *
 * Returns: (transfer full) (nullable): the PDF's bytes, zeroed when freed;
 *   %NULL with @error set when cairo fails
 */
GBytes *
pf_summary_pdf_render (PfSession     *session,
                       const PfStep  *steps,
                       guint          n_steps,
                       const char    *headline,
                       const char    *advice,
                       gboolean       include_personal,
                       GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) unchecked = g_ptr_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *kind;
  PfStepStatus worst = PF_STEP_STATUS_UNCHECKED;
  Writer w = { NULL, };

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (steps != NULL || n_steps == 0, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Verification Check Report"));
  w.cr = cairo_create (surface);
  w.layout = pango_cairo_create_layout (w.cr);
  pango_layout_set_width (w.layout, (PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (w.layout, PANGO_WRAP_WORD_CHAR);
  w.y = MARGIN;

  for (guint i = 0; i < n_steps; i++)
    {
      PfStepStatus step_status = pf_session_get_status (session, steps[i]);

      worst = MAX (worst, step_status);
      if (step_status == PF_STEP_STATUS_UNCHECKED)
        g_ptr_array_add (unchecked, (gpointer) pf_step_get_title (steps[i]));
    }

  write_text (&w, _("Verification Check Report"), "Sans Bold 18", 4);
  write_text (&w, _("Made by ID Preflight on this computer, without a network connection."),
              "Sans 9", 12);
  kind = pf_document_kind_get_label (pf_session_get_document_kind (session));
  if (kind != NULL)
    {
      /* Translators: in the report, e.g. "Document: Passport". */
      g_autofree char *line = g_strdup_printf (_("Document: %s"), kind);

      write_text (&w, line, "Sans 10", 8);
    }
  if (headline != NULL && *headline != '\0')
    write_text (&w, headline, "Sans Bold 13", 4);
  if (advice != NULL && *advice != '\0')
    write_text (&w, advice, "Sans 10", 6);

  write_group (&w, session, steps, n_steps, PF_SEVERITY_BLOCKER, _("Must Be Fixed"),
               include_personal);
  write_group (&w, session, steps, n_steps, PF_SEVERITY_CAUTION, _("Worth Changing"),
               include_personal);
  write_group (&w, session, steps, n_steps, PF_SEVERITY_OK, _("Passed"), include_personal);
  if (unchecked->len > 0)
    {
      write_heading (&w, _("Not Checked Yet"));
      for (guint i = 0; i < unchecked->len; i++)
        write_item (&w, g_ptr_array_index (unchecked, i), NULL);
    }

  write_guidance (&w, worst == PF_STEP_STATUS_OK);

  if (include_personal)
    write_personal (&w, session);

  g_object_unref (w.layout);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      pf_secure_zero (bytes->data, bytes->len);
      g_set_error (error, PF_SUMMARY_PDF_ERROR, PF_SUMMARY_PDF_ERROR_FAILED,
                   _("The report could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  {
    guint8 *data = bytes->data;
    gsize len = bytes->len;

    return g_bytes_new_with_free_func (data, len, zero_and_free, g_steal_pointer (&bytes));
  }
}

/**
 * pf_summary_pdf_describe_error:
 *
 * Returns: (transfer full): what went wrong saving the report, and what to
 *   do about it, in words for the person
 */
char *
pf_summary_pdf_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return g_strdup (_("The disk is full. Free some space, or save the report somewhere "
                           "else."));
      case G_IO_ERROR_PERMISSION_DENIED:
      case G_IO_ERROR_READ_ONLY:
        return g_strdup (_("This place cannot be written to. Save the report somewhere else, "
                           "such as your Documents folder."));
      case G_IO_ERROR_NOT_FOUND:
        return g_strdup (_("That folder is not there any more. Save the report somewhere "
                           "else."));
      default:
        break;
      }

  return g_strdup_printf (_("The report could not be saved (%s). Save it somewhere else."),
                          error->message);
}
