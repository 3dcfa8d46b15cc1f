/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the widget tests share: starting GTK for a test, letting a window
 * lay itself out and paint, and finding widgets in a window the way a
 * person would: by their kind, their action or the words they show. */

#include "config.h"

#include "test-ui-util.h"

void
pf_test_ui_init (int    *argc,
                 char ***argv)
{
  /* Cairo draws the same pixels on every machine, and faster than GL
   * emulated in software on a virtual display. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* GTK's test backend keeps what widgets tell screen readers, so that the
   * tests can check it, and needs no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Transitions would make the tests wait and the screenshots blur. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @widget's window has painted a frame after
 * every change so far, or for at most two seconds when it is not shown. */
void
pf_test_ui_settle (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkFrameClock *clock = NULL;
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler = 0;
  guint timeout;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (native != NULL && gtk_widget_get_mapped (GTK_WIDGET (native)))
    {
      clock = gdk_surface_get_frame_clock (gtk_native_get_surface (native));
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (GTK_WIDGET (native));
    }
  else
    painted = TRUE;

  timeout = g_timeout_add (2000, timeout_cb, &timed_out);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);

  if (handler != 0)
    g_signal_handler_disconnect (clock, handler);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Activates @widget as the keyboard does (Space, Enter or a mnemonic). A
 * button shows itself pressed for a moment first and is clicked when it is
 * released, so this waits for that too. */
void
pf_test_ui_press (GtkWidget *widget)
{
  g_assert_true (gtk_widget_activate (widget));
  pf_test_ui_wait (400);
  pf_test_ui_settle (widget);
}

/* Runs the main loop for @msec milliseconds. */
void
pf_test_ui_wait (guint msec)
{
  gboolean timed_out = FALSE;

  g_timeout_add (msec, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* Clicks @button as the mouse does. */
void
pf_test_ui_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  pf_test_ui_settle (button);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/**
 * pf_test_ui_find_all:
 *
 * Returns: (transfer container): every widget of @type under @root, @root
 *   included, in the order a person reads them
 */
GPtrArray *
pf_test_ui_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

GtkWidget *
pf_test_ui_find (GtkWidget *root,
                 GType      type)
{
  g_autoptr(GPtrArray) found = pf_test_ui_find_all (root, type);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The first actionable widget under @root that activates @action_name. */
GtkWidget *
pf_test_ui_find_action (GtkWidget  *root,
                        const char *action_name)
{
  g_autoptr(GPtrArray) found = pf_test_ui_find_all (root, GTK_TYPE_ACTIONABLE);

  for (guint i = 0; i < found->len; i++)
    {
      GtkActionable *actionable = g_ptr_array_index (found, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (actionable), action_name) == 0)
        return GTK_WIDGET (actionable);
    }

  return NULL;
}

/* The first label under @root that shows exactly @text and is visible. */
GtkLabel *
pf_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  g_autoptr(GPtrArray) found = pf_test_ui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < found->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (found, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0 &&
          gtk_widget_is_visible (GTK_WIDGET (label)))
        return label;
    }

  return NULL;
}

gboolean
pf_test_ui_is_inside (GtkWidget *widget,
                      GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* The visible toplevel of @type (a dialog, the about or shortcuts
 * window), or %NULL. */
GtkWindow *
pf_test_ui_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Counts the distinct colours in a sample of the image: a blank or
 * half-drawn window has only a handful. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colours);
}

/* Renders @content, a window's content without the frame and shadow that
 * depend on the window manager, over the window's background colour, once
 * the window has laid itself out and painted (a widget waiting for its
 * size draws nothing). */
GdkTexture *
pf_test_ui_render (GtkWidget *window,
                   GtkWidget *content)
{
  GdkTexture *texture = NULL;

  /* A window shown a moment ago may not have drawn its content yet: it
   * renders as its background alone. Wait for it, up to two seconds. */
  for (int attempt = 0; attempt < 20; attempt++)
    {
      GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;
      GdkRGBA background;

      g_clear_object (&texture);
      if (attempt > 0)
        pf_test_ui_wait (100);
      pf_test_ui_settle (window);
      bounds = GRAPHENE_RECT_INIT (0, 0,
                                   gtk_widget_get_width (content), gtk_widget_get_height (content));
      g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (window),
                                                     "window_bg_color", &background));

      paintable = gtk_widget_paintable_new (content);
      gtk_snapshot_append_color (snapshot, &background, &bounds);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              bounds.size.width, bounds.size.height);
      node = gtk_snapshot_to_node (snapshot);
      texture = gsk_renderer_render_texture (renderer, node, &bounds);
      if (count_colours (texture) > 50)
        break;
    }

  return texture;
}

/* Saves @texture as tests/screenshots/@name.png in the build tree, once
 * it is known not to be blank or half drawn (a screenshot taken before
 * the window was painted once went into the README unnoticed). */
void
pf_test_ui_save_screenshot (GdkTexture *texture,
                            const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_cmpuint (count_colours (texture), >, 50);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d x %d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
}
