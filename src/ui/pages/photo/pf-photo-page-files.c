/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo page's photo files: opened with the native file chooser (the
 * portal's in Flatpak), dropped on the page, or pasted. Every photo, and
 * every captured frame, is read and checked in a worker thread: a big
 * phone photo takes a while to decode, and the main thread only ever
 * shows. A file that cannot be read gets the loader's message on the page,
 * and the page stays as it was. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-image-loader.h"
#include "pf-photo-page-private.h"

/* Only a check slower than this shows the spinner, so that a capture does
 * not flicker. */
#define CHECKING_DELAY_MSEC 300

typedef struct
{
  GFile          *file;
  GBytes         *bytes;
  PfImage        *image;
  PfPhotoOptions  options;
} CheckData;

typedef struct
{
  PfImage        *image;
  PfPhotoReport  *report;
} CheckResult;

static void
check_data_free (gpointer data)
{
  CheckData *d = data;

  g_clear_object (&d->file);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_clear_pointer (&d->image, pf_image_unref);
  g_free (d);
}

static void
check_result_free (gpointer data)
{
  CheckResult *r = data;

  g_clear_pointer (&r->image, pf_image_unref);
  g_clear_pointer (&r->report, pf_photo_report_unref);
  g_free (r);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  CheckResult *result;
  PfImage *image;
  GError *error = NULL;

  if (data->file != NULL)
    image = pf_image_load_file (data->file, cancellable, &error);
  else if (data->bytes != NULL)
    image = pf_image_load_bytes (data->bytes, &error);
  else
    image = pf_image_copy (data->image);   /* a frame may hold the pipeline's buffer */

  if (image == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      pf_image_unref (image);
      return;
    }

  result = g_new0 (CheckResult, 1);
  result->report = pf_photo_check (image, &data->options);
  result->image = image;
  g_task_return_pointer (task, result, check_result_free);
}

static gboolean
show_checking_cb (gpointer user_data)
{
  PfPhotoPage *self = user_data;

  self->checking_delay = 0;
  if (self->phase == PF_PHOTO_PHASE_CHECKING)
    gtk_stack_set_visible_child_name (self->stack, "checking");

  return G_SOURCE_REMOVE;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CheckResult *r = g_task_propagate_pointer (G_TASK (result), &error);
  PfPhotoPage *self;

  /* Cancelled: whoever cancelled has already moved the page on, or
   * disposed it. */
  if (r == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PF_PHOTO_PAGE (object);
  g_clear_handle_id (&self->checking_delay, g_source_remove);
  g_clear_object (&self->check_cancellable);

  if (r == NULL)
    {
      self->phase = PF_PHOTO_PHASE_TAKING;
      pf_photo_page_show_message (self, error->message);
      pf_photo_page_update (self);
      return;
    }

  pf_photo_page_add_side (self, r->image, r->report);
  check_result_free (r);
}

static void
start_check (PfPhotoPage *self,
             CheckData   *data)
{
  g_autoptr(GTask) task = NULL;

  pf_photo_page_cancel_check (self);
  pf_photo_page_frames_checking (self, data->image);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  pf_photo_page_get_options (self, &data->options);

  self->phase = PF_PHOTO_PHASE_CHECKING;
  self->check_cancellable = g_cancellable_new ();
  self->checking_delay = g_timeout_add (CHECKING_DELAY_MSEC, show_checking_cb, self);

  task = g_task_new (self, self->check_cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, data, check_data_free);
  g_task_run_in_thread (task, check_thread);

  pf_photo_page_update (self);
}

/**
 * pf_photo_page_check_file:
 *
 * Reads and checks @file as the photo of the side being taken.
 */
void
pf_photo_page_check_file (PfPhotoPage *self,
                          GFile       *file)
{
  CheckData *data = g_new0 (CheckData, 1);

  g_return_if_fail (PF_IS_PHOTO_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  data->file = g_object_ref (file);
  start_check (self, data);
}

/**
 * pf_photo_page_check_bytes:
 *
 * Reads and checks the encoded picture @bytes (a PNG, a JPEG...).
 */
void
pf_photo_page_check_bytes (PfPhotoPage *self,
                           GBytes      *bytes)
{
  CheckData *data = g_new0 (CheckData, 1);

  g_return_if_fail (PF_IS_PHOTO_PAGE (self));
  g_return_if_fail (bytes != NULL);

  data->bytes = g_bytes_ref (bytes);
  start_check (self, data);
}

/* Checks a copy of @image, a captured frame or a pasted picture. */
void
pf_photo_page_check_image (PfPhotoPage *self,
                           PfImage     *image)
{
  CheckData *data = g_new0 (CheckData, 1);

  data->image = pf_image_ref (image);
  start_check (self, data);
}

void
pf_photo_page_cancel_check (PfPhotoPage *self)
{
  g_clear_handle_id (&self->checking_delay, g_source_remove);
  if (self->check_cancellable == NULL)
    return;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->phase == PF_PHOTO_PHASE_CHECKING)
    self->phase = PF_PHOTO_PHASE_TAKING;
}

/* A picture from the clipboard or a drop, as GDK has it: premultiplied,
 * in the machine's byte order. Copied into an image of our own, and the
 * download zeroed, since it shows the document. */
static PfImage *
image_from_texture (PfPhotoPage *self,
                    GdkTexture  *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint8 *pixels = NULL;
  PfImage *image;
  guint8 *out;

  if ((gint64) width * height > PF_IMAGE_LOAD_MAX_PIXELS)
    {
      pf_photo_page_show_message (self, _("This picture is too large to check. "
                                          "Save it as a smaller photo and try again."));
      return NULL;
    }

  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  image = pf_image_new (width, height);
  out = pf_image_get_data_mutable (image);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + y * stride);
      guint8 *dst = out + y * pf_image_get_stride (image);

      for (int x = 0; x < width; x++)
        {
          guint32 argb = row[x];
          guint a = argb >> 24;

          dst[4 * x + 0] = a ? MIN (255, ((argb >> 16) & 0xff) * 255 / a) : 0;
          dst[4 * x + 1] = a ? MIN (255, ((argb >> 8) & 0xff) * 255 / a) : 0;
          dst[4 * x + 2] = a ? MIN (255, (argb & 0xff) * 255 / a) : 0;
          dst[4 * x + 3] = a;
        }
    }

  pf_secure_zero (pixels, stride * height);
  return image;
}

static void
check_texture (PfPhotoPage *self,
               GdkTexture  *texture)
{
  g_autoptr(PfImage) image = image_from_texture (self, texture);

  if (image != NULL)
    pf_photo_page_check_image (self, image);
}

static void
check_files (PfPhotoPage *self,
             GSList      *files)
{
  if (files == NULL)
    pf_photo_page_show_message (self, _("Nothing to open: drop or paste a photo file."));
  else
    pf_photo_page_check_file (self, files->data);
}

static gboolean
drop_cb (PfPhotoPage  *self,
         const GValue *value,
         double        x,
         double        y)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    check_files (self, g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    pf_photo_page_check_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    check_texture (self, g_value_get_object (value));
  else
    return FALSE;

  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PfPhotoPage     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pf_photo_page_check_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* The native chooser: through the portal inside Flatpak, so that the app
 * sees only the one file the person picked. */
void
pf_photo_page_open (PfPhotoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Photo of the Document"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (images, _("Photos"));
  gtk_file_filter_add_mime_type (images, "image/*");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), images);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfPhotoPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (self->stack == NULL)
    return;

  if (texture == NULL)
    pf_photo_page_show_message (self, _("The picture in the clipboard cannot be read. "
                                        "Copy it again, or save it and open the file."));
  else
    check_texture (self, texture);
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PfPhotoPage) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (self->stack == NULL)
    return;

  if (value == NULL)
    pf_photo_page_show_message (self, _("The file in the clipboard cannot be read. "
                                        "Open it with “Open a Photo” instead."));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    check_files (self, g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    pf_photo_page_check_file (self, g_value_get_object (value));
}

/* Ctrl+V: a picture (a screenshot, an image copied in a browser), or a
 * photo file copied in the file manager. */
void
pf_photo_page_paste (PfPhotoPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, paste_texture_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_FILE))
    gdk_clipboard_read_value_async (clipboard, G_TYPE_FILE, G_PRIORITY_DEFAULT, NULL,
                                    paste_files_cb, g_object_ref (self));
  else
    pf_photo_page_show_message (self, _("The clipboard holds no picture. "
                                        "Copy a photo first, then paste it here."));
}

void
pf_photo_page_files_init (PfPhotoPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target,
                              (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE },
                              3);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
