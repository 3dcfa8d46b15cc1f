/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Why the app is unsure of what it read for a detail, in words the
 * person can act on: what happened, and to check the detail against the
 * document itself and correct the app's reading. Where the readings
 * differ they are listed one a line, inside a sentence the translator
 * words whole: no list is joined with "or" or "and", whose place and
 * form differ from one language to the next. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-detail-doubt.h"

/* Where a list goes while a sentence is escaped for markup around it: a
 * character no translation or reading holds, U+FFFC, which
 * g_markup_escape_text() leaves as it is. */
#define SLOT "\xef\xbf\xbc"

/* @plain, escaped for markup, with its one SLOT replaced by @markup. */
static char *
escape_around (const char *plain,
               const char *markup)
{
  const char *at = strstr (plain, SLOT);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* msgfmt --check-format keeps a translation's %s; if one has lost it,
   * the sentence without the list is better than none. */
  if (at == NULL)
    return g_markup_escape_text (plain, -1);

  before = g_markup_escape_text (plain, at - plain);
  after = g_markup_escape_text (at + strlen (SLOT), -1);
  return g_strconcat (before, markup, after, NULL);
}

/* The note for a doubt that lists no readings, or %NULL. */
static const char *
plain_note (PfReadingDoubt doubt)
{
  switch (doubt)
    {
    case PF_READING_DOUBT_NOT_READ:
      /* Translators: under a detail the app did not find on the document
       * photo; "the second box" is the one headed "The document shows". */
      return _("Could not read this on the photo. Check your document and type what it shows "
               "in the second box.");
    case PF_READING_DOUBT_FAINT:
      /* Translators: under a detail the app read, but with little
       * certainty; "the second box" is the one headed "The document
       * shows". */
      return _("The photo is hard to read here, so the app may have misread this. Check it "
               "against your document yourself, and correct the second box if it is wrong.");
    case PF_READING_DOUBT_CHECK_FAILED:
      /* Translators: the check digit of the machine-readable zone fails for
       * this detail. "The machine-readable lines" are the two or three
       * lines of letters, digits and < signs at the bottom of a passport
       * or on the back of an identity card. */
      return _("The machine-readable lines at the bottom of the document do not add up for this, "
               "so the app may have misread it. Check it against your document yourself, and "
               "correct the second box if it is wrong.");
    case PF_READING_DOUBT_ZONES_DIFFER:
    case PF_READING_DOUBT_FRAMES_DIFFER:
    case PF_READING_DOUBT_NONE:
    default:
      return NULL;
    }
}

/* The note for a doubt that lists readings, with @list in it. */
static char *
list_note (PfReadingDoubt  doubt,
           const char     *list)
{
  if (doubt == PF_READING_DOUBT_ZONES_DIFFER)
    /* Translators: %s is the list of the different readings of one
     * detail, each on a line of its own; keep the line breaks around it.
     * "The printed details" are those printed beside the holder's photo;
     * "the machine-readable lines" the lines of letters, digits and <
     * signs at the bottom of the document. */
    return g_strdup_printf (_("The printed details and the machine-readable lines at the bottom "
                              "of the document read this differently:\n%s\nCheck which is right "
                              "on your document itself, and correct the second box if it is "
                              "wrong."),
                            list);

  /* Translators: %s is the list of the different readings of one detail,
   * each on a line of its own; keep the line breaks around it. The
   * camera's frames are the pictures it took just before the photo. */
  return g_strdup_printf (_("The camera read this differently from one frame to the next:\n%s\n"
                            "Check which is right on your document itself, and correct the "
                            "second box if it is wrong."),
                          list);
}

/* The readings, one a line, each quoted as the translation quotes; in
 * markup, in a fixed-width font, where 0 and O, 1 and l look apart. */
static char *
reading_lines (const char * const *readings,
               gboolean            markup)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; readings != NULL && readings[i] != NULL; i++)
    {
      /* Translators: one of the different readings of a detail, on a line
       * of its own in a list of them: “L898902C3”. Use your language's
       * quotation marks. */
      g_autofree char *line = g_strdup_printf (_("“%s”"), markup ? SLOT : readings[i]);

      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (readings[i], -1);
          g_autofree char *value = g_strconcat ("<tt>", escaped, "</tt>", NULL);
          char *marked = escape_around (line, value);

          pf_secure_zero (escaped, strlen (escaped));
          pf_secure_zero (value, strlen (value));
          g_free (g_steal_pointer (&line));
          line = marked;
        }
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
      pf_secure_zero (line, strlen (line));
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/**
 * pf_detail_doubt_describe:
 * @doubt: why the reading is unsure
 * @readings: (array zero-terminated=1) (nullable): the different readings,
 *   as shown, for %PF_READING_DOUBT_ZONES_DIFFER and
 *   %PF_READING_DOUBT_FRAMES_DIFFER
 * @markup: %TRUE for Pango markup, %FALSE for plain text (for screen
 *   readers)
 *
 * Returns: (transfer full) (nullable): the note, to be zeroed when freed
 *   where it lists readings; %NULL for %PF_READING_DOUBT_NONE
 */
char *
pf_detail_doubt_describe (PfReadingDoubt      doubt,
                          const char * const *readings,
                          gboolean            markup)
{
  const char *note = plain_note (doubt);
  g_autofree char *lines = NULL;
  g_autofree char *text = NULL;
  char *described;

  if (note != NULL)
    return markup ? g_markup_escape_text (note, -1) : g_strdup (note);
  if (doubt != PF_READING_DOUBT_ZONES_DIFFER && doubt != PF_READING_DOUBT_FRAMES_DIFFER)
    return NULL;

  lines = reading_lines (readings, markup);
  text = list_note (doubt, markup ? SLOT : lines);
  described = markup ? escape_around (text, lines) : g_steal_pointer (&text);
  pf_secure_zero (lines, strlen (lines));
  return described;
}
