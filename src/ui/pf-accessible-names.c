/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accessible names as a person hears them, once and without mnemonics.
 *
 * GTK 4.8 names a button whose label has a mnemonic twice: its raw label,
 * underscore and all, then the words of the label inside it ("_Next Next").
 * It joins an explicit accessible label with the labels a widget is
 * labelled by in the same way ("Copy the ticket draft Copy"). Fixed in later
 * GTK; until then the window goes over its buttons once, and again whenever
 * a button's label changes (Next becomes Skip). */

#include "config.h"

#include "pf-accessible-names.h"

#define OWN_NAME_KEY "pf-accessible-own-name"
#define WATCHED_KEY  "pf-accessible-watched"

/* The words of the label inside the button name it; the raw label with
 * its underscore goes. */
static void
button_label_changed_cb (GtkWidget *widget)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* @label as shown: "_Automatic" is "Automatic", "A__B" is "A_B". */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

/* A check button has no label widget of its own to be named by: its name
 * is its label as shown. */
static void
check_label_changed_cb (GtkWidget *widget)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (widget);
  const char *label = gtk_check_button_get_label (check);
  g_autofree char *plain = NULL;

  if (label == NULL || !gtk_check_button_get_use_underline (check))
    return;

  plain = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

/* Names @widget by @label_changed_cb now and whenever its label changes,
 * unless it keeps a name of its own or is watched already. */
static void
watch_label (GtkWidget  *widget,
             void      (*label_changed_cb) (GtkWidget *widget))
{
  if (g_object_get_data (G_OBJECT (widget), OWN_NAME_KEY) != NULL ||
      g_object_get_data (G_OBJECT (widget), WATCHED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
  g_signal_connect (widget, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
  label_changed_cb (widget);
}

/**
 * pf_accessible_names_keep_own:
 * @widget: a widget given an accessible label of its own
 *
 * Keeps @widget's own accessible label as its whole name: drops the labels
 * GTK 4.8 adds to it (its child's for a button, the row's title for a row's
 * activatable widget), and leaves it alone in pf_accessible_names_fix().
 */
void
pf_accessible_names_keep_own (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), OWN_NAME_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * pf_accessible_names_fix:
 * @root: a window or a part of one, built
 *
 * Names each button and check button with a mnemonic under @root by the
 * words of its label alone, now and when its label changes; those given a
 * name of their own with pf_accessible_names_keep_own() keep it.
 */
void
pf_accessible_names_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    watch_label (root, button_label_changed_cb);
  else if (GTK_IS_CHECK_BUTTON (root))
    watch_label (root, check_label_changed_cb);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pf_accessible_names_fix (child);
}

/**
 * pf_accessible_names_label_list:
 * @root: a widget holding a list, such as a preferences group without a
 *   title
 * @label: what the list holds, for screen readers ("list, Surname, 2 items")
 *
 * Names every list box under @root (@root itself if it is one): a group's
 * own list and any list nested in its rows, such as an expander row's, so
 * name the nested ones after the group.
 */
void
pf_accessible_names_label_list (GtkWidget  *root,
                                const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (label != NULL);

  if (GTK_IS_LIST_BOX (root))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pf_accessible_names_label_list (child, label);
}
