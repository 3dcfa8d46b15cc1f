/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wrapper around Tesseract, the only file that may talk to it
 * (tests/check-layers.sh). A Tesseract handle is not thread-safe, so each
 * thread that reads gets its own, made on first use and ended when the
 * thread exits. Tesseract keeps its own copies of the image and the text
 * in buffers we cannot zero; we clear them as soon as the words are
 * copied out, so that they live no longer than the reading. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "pf-ocr.h"
#include "pf-reading.h"

/* Where Debian (tesseract-ocr-eng) and the Flatpak manifest put the
 * English model; TESSDATA_PREFIX, when set, wins over both. */
static const char *const data_dirs[] = {
  "/usr/share/tesseract-ocr/5/tessdata",
  "/usr/share/tesseract-ocr/4.00/tessdata",
  "/app/share/tessdata",
};

#define LANGUAGE "eng"

typedef struct
{
  TessBaseAPI *api;
  char        *error;  /* why the handle could not be made, once and for all */
} OcrHandle;

static void
handle_free (gpointer data)
{
  OcrHandle *handle = data;

  if (handle->api != NULL)
    {
      TessBaseAPIEnd (handle->api);
      TessBaseAPIDelete (handle->api);
    }
  g_free (handle->error);
  g_free (handle);
}

static GPrivate thread_handle = G_PRIVATE_INIT (handle_free);

static gboolean
has_model (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, LANGUAGE ".traineddata", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * pf_ocr_get_data_dir:
 *
 * Returns: (nullable): the directory the English model is read from, or
 *   %NULL when it is not installed
 */
const char *
pf_ocr_get_data_dir (void)
{
  const char *prefix = g_getenv ("TESSDATA_PREFIX");

  if (prefix != NULL && prefix[0] != '\0')
    return has_model (prefix) ? prefix : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (data_dirs); i++)
    if (has_model (data_dirs[i]))
      return data_dirs[i];

  return NULL;
}

static OcrHandle *
get_handle (GError **error)
{
  OcrHandle *handle = g_private_get (&thread_handle);
  const char *dir;

  if (handle == NULL)
    {
      handle = g_new0 (OcrHandle, 1);
      g_private_set (&thread_handle, handle);

      dir = pf_ocr_get_data_dir ();
      if (dir == NULL && g_getenv ("TESSDATA_PREFIX") != NULL && g_getenv ("TESSDATA_PREFIX")[0] != '\0')
        {
          /* TRANSLATORS: %s is a directory; TESSDATA_PREFIX and
           * eng.traineddata are names not to translate. */
          handle->error = g_strdup_printf (_("The printed text cannot be read: TESSDATA_PREFIX "
                                             "names %s, which holds no eng.traineddata."),
                                           g_getenv ("TESSDATA_PREFIX"));
        }
      else if (dir == NULL)
        {
          /* TRANSLATORS: %s is a package name, tesseract-ocr-eng. */
          handle->error = g_strdup_printf (_("The printed text cannot be read: the English text "
                                             "recognition data is not installed (on Debian and "
                                             "Ubuntu, install %s, or set TESSDATA_PREFIX)."),
                                           "tesseract-ocr-eng");
        }
      else
        {
          handle->api = TessBaseAPICreate ();
          if (TessBaseAPIInit3 (handle->api, dir, LANGUAGE) != 0)
            {
              TessBaseAPIDelete (handle->api);
              handle->api = NULL;
              handle->error = g_strdup_printf (_("The printed text cannot be read: the text "
                                                 "recognition data in %s could not be loaded."),
                                               dir);
            }
          else
            {
              /* Identity documents are fields scattered over a card, not
               * paragraphs. */
              TessBaseAPISetPageSegMode (handle->api, PSM_SPARSE_TEXT);
              /* Tesseract and Leptonica talk on standard error about what
               * they see; nothing about a document may reach a log. The
               * resolution is the rectified document's, so Tesseract
               * need not guess it. */
              TessBaseAPISetVariable (handle->api, "debug_file", "/dev/null");
              TessBaseAPISetVariable (handle->api, "user_defined_dpi", "300");
              setMsgSeverity (L_SEVERITY_NONE);
            }
        }
    }

  if (handle->api == NULL)
    {
      g_set_error_literal (error, PF_READING_ERROR, PF_READING_ERROR_OCR_DATA, handle->error);
      return NULL;
    }
  return handle;
}

static bool
cancel_cb (void *cancel_this,
           int   words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

void
pf_ocr_word_free (PfOcrWord *word)
{
  if (word == NULL)
    return;

  if (word->text != NULL)
    pf_secure_zero (word->text, strlen (word->text));
  g_free (word->text);
  g_free (word);
}

/**
 * pf_ocr_read_words:
 * @grey: 8-bit grey pixels, @stride bytes a row
 * @cancellable: (nullable): stops the recognition early
 * @error: set when the English model is missing, the recognition failed
 *   or was cancelled
 *
 * Reads the words in an image with Tesseract's English model, with this
 * thread's handle.
 *
 * Returns: (transfer full) (element-type PfOcrWord): the words in reading
 *   order, or %NULL with @error set
 */
GPtrArray *
pf_ocr_read_words (const guint8  *grey,
                   int            width,
                   int            height,
                   gsize          stride,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) words = NULL;
  OcrHandle *handle;
  ETEXT_DESC *monitor;
  TessResultIterator *it;
  int line = -1, failed;

  g_return_val_if_fail (grey != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  handle = get_handle (error);
  if (handle == NULL)
    return NULL;

  TessBaseAPISetImage (handle->api, grey, width, height, 1, (int) stride);
  monitor = TessMonitorCreate ();
  TessMonitorSetCancelFunc (monitor, cancel_cb);
  TessMonitorSetCancelThis (monitor, cancellable);
  failed = cancellable != NULL ? TessBaseAPIRecognize (handle->api, monitor)
                               : TessBaseAPIRecognize (handle->api, NULL);
  TessMonitorDelete (monitor);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      TessBaseAPIClear (handle->api);
      return NULL;
    }
  if (failed != 0)
    {
      TessBaseAPIClear (handle->api);
      g_set_error_literal (error, PF_READING_ERROR, PF_READING_ERROR_OCR,
                           _("The text recogniser failed to read the document."));
      return NULL;
    }

  words = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_ocr_word_free);
  it = TessBaseAPIGetIterator (handle->api);
  if (it != NULL)
    {
      TessPageIterator *page = TessResultIteratorGetPageIterator (it);

      do
        {
          char *text;
          int left, top, right, bottom;
          PfOcrWord *word;

          if (TessPageIteratorIsAtBeginningOf (page, RIL_TEXTLINE))
            line++;
          text = TessResultIteratorGetUTF8Text (it, RIL_WORD);
          if (text == NULL)
            continue;
          if (text[0] == '\0' || !TessPageIteratorBoundingBox (page, RIL_WORD, &left, &top,
                                                              &right, &bottom))
            {
              pf_secure_zero (text, strlen (text));
              TessDeleteText (text);
              continue;
            }

          word = g_new0 (PfOcrWord, 1);
          word->text = g_strdup (text);
          word->box = (PfRect) { left, top, right - left, bottom - top };
          word->confidence = CLAMP (TessResultIteratorConfidence (it, RIL_WORD) / 100.0, 0, 1);
          word->line = MAX (line, 0);
          g_ptr_array_add (words, word);
          pf_secure_zero (text, strlen (text));
          TessDeleteText (text);
        }
      while (TessResultIteratorNext (it, RIL_WORD));
      TessResultIteratorDelete (it);
    }

  TessBaseAPIClear (handle->api);
  return g_steal_pointer (&words);
}
