/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --details FILE: the details the person typed into the service's form,
 * as a JSON object of strings, to compare with the document. The file's
 * text and the values are zeroed as soon as they are no longer needed:
 * they are a person's identity. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pf-cli.h"
#include "pf-image.h"

static void
secure_free (char *text)
{
  if (text == NULL)
    return;
  pf_secure_zero (text, strlen (text));
  g_free (text);
}

/**
 * pf_cli_details_clear:
 *
 * Zeroes and frees the values pf_cli_details_load() set.
 */
void
pf_cli_details_clear (char *typed[PF_N_FIELDS])
{
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_clear_pointer (&typed[f], secure_free);
}

static gboolean
field_from_id (const char *id,
               PfField    *field)
{
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (g_str_equal (id, pf_field_get_id (f)))
      {
        *field = f;
        return TRUE;
      }
  return FALSE;
}

static gboolean
load_object (JsonNode  *root,
             char      *typed[PF_N_FIELDS],
             GError   **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The details must be one JSON object, such as "
                             "{\"surname\": \"…\", \"birth_date\": \"…\"}."));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &value))
    {
      PfField field;
      const char *text;

      if (!field_from_id (name, &field))
        {
          /* TRANSLATORS: the names after the colon are fixed keys of the
           * file, not to be translated. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown detail “%s”: use surname, given_names, birth_date, "
                         "nationality, document_number and expiry_date."), name);
          return FALSE;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The detail “%s” must be text in quotes, as it was typed."), name);
          return FALSE;
        }
      text = json_node_get_string (value);
      g_clear_pointer (&typed[field], secure_free);
      typed[field] = g_strdup (text);
    }

  return TRUE;
}

/**
 * pf_cli_details_load:
 * @path: the file, in the file system's encoding
 * @typed: (out caller-allocates): set to the typed values, indexed by
 *   #PfField; those not in the file stay %NULL
 * @error: a message naming what is wrong with the file
 *
 * Returns: whether the file held valid details
 */
gboolean
pf_cli_details_load (const char  *path,
                     char        *typed[PF_N_FIELDS],
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Cannot read the details file %s: %s"), display, local_error->message);
      return FALSE;
    }

  ok = json_parser_load_from_data (parser, contents, length, &local_error);
  pf_secure_zero (contents, length);
  g_free (contents);
  if (!ok)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The details file %s is not valid JSON: %s"), display, local_error->message);
      return FALSE;
    }

  if (!load_object (json_parser_get_root (parser), typed, &local_error))
    {
      pf_cli_details_clear (typed);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s: %s", display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
