/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading OpenCV's Haar cascade XML for the face detector (pf-face-detect.c)
 * with GMarkup, and finding the installed one: Debian's opencv-data, the
 * Flatpak's /app, or the XDG data directories. Everything the evaluator
 * relies on is checked here, so that it needs no bounds checks. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pf-face-detect-private.h"

/* Where opencv-data puts the cascades: Debian, a Flatpak's /app, and the
 * XDG data directories for anything else. The more accurate cascade first. */
static const char * const cascade_names[] = {
  "haarcascade_frontalface_alt2.xml",
  "haarcascade_frontalface_default.xml",
};

/* The XML reader: the cascade is a tree of anonymous "_" elements whose
 * meaning depends on their parent, with numbers as text. */
typedef struct
{
  PfFaceDetector *detector;
  GPtrArray      *path;     /* element names, interned */
  GString        *text;
  gboolean        haar;
  gboolean        boost;
} Reader;

static const char *
parent_name (Reader *reader,
             guint   up)
{
  if (reader->path->len < up + 1)
    return "";
  return g_ptr_array_index (reader->path, reader->path->len - 1 - up);
}

/* Reads up to @max numbers from @text; returns how many there were, or -1
 * if something else was there. */
static int
parse_numbers (const char *text,
               double     *values,
               int         max)
{
  int n = 0;

  for (;;)
    {
      char *end;
      double v;

      while (g_ascii_isspace (*text))
        text++;
      if (*text == '\0')
        return n;
      v = g_ascii_strtod (text, &end);
      if (end == text || n == max || !isfinite (v))
        return -1;
      values[n++] = v;
      text = end;
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *reader = user_data;
  const char *parent = parent_name (reader, 0);
  PfFaceDetector *d = reader->detector;

  g_string_truncate (reader->text, 0);
  if (g_str_equal (element, "_") && g_str_equal (parent, "stages"))
    {
      HaarStage stage = { d->weaks->len, 0, 0 };

      g_array_append_val (d->stages, stage);
    }
  else if (g_str_equal (element, "_") && g_str_equal (parent, "features"))
    g_array_set_size (d->features, d->features->len + 1);
  else if (g_str_equal (element, "trees") || g_str_equal (element, "feature"))
    {
      /* The pre-2.4 layout (haarcascade_frontalface_alt_tree.xml). */
      g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_INVALID,
                   _("The face cascade is in an old format this detector does not read"));
      return;
    }
  g_ptr_array_add (reader->path, (gpointer) g_intern_string (element));
}

static gboolean
read_nodes (Reader     *reader,
            const char *text,
            GError    **error)
{
  PfFaceDetector *d = reader->detector;
  double values[4 * 64];
  int n = parse_numbers (text, values, G_N_ELEMENTS (values));
  HaarWeak weak = { d->nodes->len, 0, d->leaves->len };

  if (n <= 0 || n % 4 != 0 || d->stages->len == 0)
    return FALSE;
  for (int i = 0; i < n; i += 4)
    {
      HaarNode node = { (int) values[i + 2], (float) values[i + 3],
                        (int) values[i], (int) values[i + 1] };

      if (node.left >= n / 4 || node.right >= n / 4 || node.feature < 0)
        return FALSE;
      g_array_append_val (d->nodes, node);
    }
  weak.n_nodes = n / 4;
  g_array_append_val (d->weaks, weak);
  g_array_index (d->stages, HaarStage, d->stages->len - 1).n_weak++;
  (void) error;
  return TRUE;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;
  PfFaceDetector *d = reader->detector;
  const char *parent = parent_name (reader, 1);
  const char *text = reader->text->str;
  double values[64];
  gboolean ok = TRUE;
  int n;

  g_ptr_array_set_size (reader->path, reader->path->len - 1);

  if (g_str_equal (element, "featureType"))
    reader->haar = g_str_equal (g_strstrip (reader->text->str), "HAAR");
  else if (g_str_equal (element, "stageType"))
    reader->boost = g_str_equal (g_strstrip (reader->text->str), "BOOST");
  else if (g_str_equal (parent, "cascade") && (g_str_equal (element, "width")
                                              || g_str_equal (element, "height")))
    {
      ok = parse_numbers (text, values, 1) == 1 && values[0] >= 4 && values[0] <= 256;
      if (ok && element[0] == 'w')
        d->window_width = (int) values[0];
      else if (ok)
        d->window_height = (int) values[0];
    }
  else if (g_str_equal (element, "stageThreshold"))
    {
      ok = d->stages->len > 0 && parse_numbers (text, values, 1) == 1;
      if (ok)
        g_array_index (d->stages, HaarStage, d->stages->len - 1).threshold = (float) values[0];
    }
  else if (g_str_equal (element, "internalNodes"))
    ok = read_nodes (reader, text, error);
  else if (g_str_equal (element, "leafValues"))
    {
      n = parse_numbers (text, values, G_N_ELEMENTS (values));
      ok = d->weaks->len > 0
           && n == (int) g_array_index (d->weaks, HaarWeak, d->weaks->len - 1).n_nodes + 1;
      for (int i = 0; ok && i < n; i++)
        {
          float leaf = (float) values[i];

          g_array_append_val (d->leaves, leaf);
        }
    }
  else if (g_str_equal (element, "_") && g_str_equal (parent, "rects"))
    {
      HaarFeature *feature;

      ok = d->features->len > 0 && parse_numbers (text, values, 5) == 5;
      if (ok)
        {
          feature = &g_array_index (d->features, HaarFeature, d->features->len - 1);
          ok = feature->n_rects < 3;
        }
      if (ok)
        {
          HaarRect *r = &feature->rects[feature->n_rects++];

          r->x = (int) values[0];
          r->y = (int) values[1];
          r->width = (int) values[2];
          r->height = (int) values[3];
          r->weight = (float) values[4];
          ok = r->x >= 0 && r->y >= 0 && r->width > 0 && r->height > 0;
        }
    }
  else if (g_str_equal (element, "tilted"))
    {
      if (parse_numbers (text, values, 1) == 1 && values[0] != 0)
        {
          g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_INVALID,
                       _("The face cascade uses tilted features, which this detector does "
                         "not support"));
          return;
        }
    }

  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_INVALID,
                 _("The face cascade has an unreadable <%s> element"), element);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  Reader *reader = user_data;

  g_string_append_len (reader->text, text, text_len);
}

/* Everything the evaluator relies on, so that it needs no bounds checks. */
static gboolean
validate (PfFaceDetector *d)
{
  if (d->window_width == 0 || d->window_height == 0 || d->stages->len == 0
      || d->features->len == 0 || d->leaves->len == 0)
    return FALSE;

  for (guint i = 0; i < d->features->len; i++)
    {
      HaarFeature *f = &g_array_index (d->features, HaarFeature, i);

      if (f->n_rects < 2)
        return FALSE;
      for (int k = 0; k < f->n_rects; k++)
        if (f->rects[k].x + f->rects[k].width > d->window_width
            || f->rects[k].y + f->rects[k].height > d->window_height)
          return FALSE;
    }
  for (guint i = 0; i < d->nodes->len; i++)
    if (g_array_index (d->nodes, HaarNode, i).feature >= (int) d->features->len)
      return FALSE;
  for (guint i = 0; i < d->weaks->len; i++)
    {
      HaarWeak *w = &g_array_index (d->weaks, HaarWeak, i);

      if (w->first_leaf + w->n_nodes + 1 > d->leaves->len)
        return FALSE;
    }

  return TRUE;
}

/**
 * pf_face_detector_new_from_file:
 * @path: an OpenCV Haar cascade XML file
 *
 * Returns: (transfer full) (nullable): the detector, or %NULL with @error
 *   set
 */
PfFaceDetector *
pf_face_detector_new_from_file (const char  *path,
                                GError     **error)
{
  static const GMarkupParser parser = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  g_autoptr(PfFaceDetector) detector = pf_face_detector_new_empty ();
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GPtrArray) path_stack = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  Reader reader = { detector, path_stack, text, FALSE, FALSE };
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PF_FACE_DETECT_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? PF_FACE_DETECT_ERROR_NOT_FOUND : PF_FACE_DETECT_ERROR_INVALID,
                   _("Could not read the face cascade %s: %s"), display, local_error->message);
      return NULL;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  if (!g_markup_parse_context_parse (context, contents, length, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_INVALID,
                   _("Could not read the face cascade %s: %s"), display, local_error->message);
      return NULL;
    }

  if (!reader.haar || !reader.boost || !validate (detector))
    {
      g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_INVALID,
                   _("%s is not a Haar face cascade this detector can use"), display);
      return NULL;
    }

  return g_steal_pointer (&detector);
}

static PfFaceDetector *
load_default (GError **error)
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  const char * const *system_dirs = g_get_system_data_dirs ();
  const char *override = g_getenv ("PF_FACE_CASCADE");

  /* Tests and packagers can name the file; an empty value means "none". */
  if (override != NULL)
    {
      if (*override == '\0')
        {
          g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_NOT_FOUND,
                       _("No face cascade is installed (install opencv-data)"));
          return NULL;
        }
      return pf_face_detector_new_from_file (override, error);
    }

  g_ptr_array_add (dirs, g_strdup ("/usr/share/opencv4"));
  g_ptr_array_add (dirs, g_strdup ("/app/share/opencv4"));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_build_filename (system_dirs[i], "opencv4", NULL));

  for (guint n = 0; n < G_N_ELEMENTS (cascade_names); n++)
    for (guint i = 0; i < dirs->len; i++)
      {
        g_autofree char *path = g_build_filename (g_ptr_array_index (dirs, i), "haarcascades",
                                                  cascade_names[n], NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          return pf_face_detector_new_from_file (path, error);
      }

  g_set_error (error, PF_FACE_DETECT_ERROR, PF_FACE_DETECT_ERROR_NOT_FOUND,
               _("No face cascade is installed (install opencv-data)"));
  return NULL;
}

/**
 * pf_face_detector_get_default:
 *
 * The detector for the installed frontal-face cascade, loaded on first use
 * and shared by every caller after (a failure is remembered too, so that a
 * live camera does not search the disk on every frame). Thread-safe.
 *
 * Returns: (transfer full) (nullable): the detector, or %NULL with @error
 *   set when no usable cascade is installed
 */
PfFaceDetector *
pf_face_detector_get_default (GError **error)
{
  static GMutex lock;
  static gboolean loaded;
  static PfFaceDetector *shared;
  static GError *shared_error;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (!loaded)
    {
      shared = load_default (&shared_error);
      loaded = TRUE;
    }
  if (shared == NULL)
    {
      g_propagate_error (error, g_error_copy (shared_error));
      return NULL;
    }

  return pf_face_detector_ref (shared);
}
