/* journey-session-page.c: the participant page from the app's resources,
 * in the browser's language where the app has it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "journey-session-private.h"
#include "journey-session-resources.h"

#define RESOURCE_PATH "/io/github/journeys/Journeys/session/"

/* The page's own words, translated with the app's (po/). */
static const char * const page_strings[] = {
  N_("Workshop session"),
  N_("Join the workshop"),
  N_("Enter the join code that the facilitator shows."),
  N_("Join code"),
  N_("Go to the Session"),
  N_("No session has this code. Check it and try again."),
  N_("Your name (optional)"),
  N_("Your role"),
  N_("Join"),
  N_("Business"),
  N_("Design"),
  N_("Development"),
  N_("Support"),
  N_("Customer"),
  N_("Other"),
  N_("Your rating"),
  N_("Vote"),
  N_("Take back a vote"),
  N_("Votes left: {n}"),
  N_("A voting round is open."),
  N_("Comment"),
  N_("Send"),
  N_("Sent."),
  N_("Not sent yet: it will be sent when the connection is back."),
  N_("Participation is paused."),
  N_("Reconnecting…"),
  N_("Time left: {t}"),
  N_("Time is up."),
  N_("Emotion curve"),
  N_("Please choose your role."),
  N_("This did not work: {e}"),
  N_("This workshop session has ended or the address is wrong"),
  N_("Ask the facilitator for the address or the join code of the session."),
  N_("Enter a Join Code"),
  N_("Timer paused: {t} left"),
  N_("Comments"),
  NULL
};

/* -- Reading a catalogue ------------------------------------------------- */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The page's strings in the GNU message catalogue @path: msgid → msgstr. */
static GHashTable *
read_catalogue (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const guint8 *data;
  gsize size;
  guint32 n, originals, translations;
  gboolean swap;

  if (file == NULL)
    return found;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return found;
  swap = read_u32 (data, 0, FALSE) != 0x950412de;
  if (read_u32 (data, 0, swap) != 0x950412de)
    return found;
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);

  for (guint i = 0; page_strings[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) page_strings[i]);

  for (guint32 i = 0; i < n; i++)
    {
      gsize o = (gsize) originals + 8 * (gsize) i, t = (gsize) translations + 8 * (gsize) i;
      guint32 olen, ooff, tlen, toff;
      const char *key;

      if (o + 8 > size || t + 8 > size)
        break;
      olen = read_u32 (data, o, swap);
      ooff = read_u32 (data, o + 4, swap);
      tlen = read_u32 (data, t, swap);
      toff = read_u32 (data, t + 4, swap);
      if ((gsize) ooff + olen >= size || (gsize) toff + tlen >= size)
        continue;
      g_autofree char *msgid = g_strndup ((const char *) data + ooff, olen);
      if (!g_hash_table_lookup_extended (wanted, msgid, (gpointer *) &key, NULL))
        continue;
      if (tlen > 0 && g_utf8_validate ((const char *) data + toff, tlen, NULL))
        g_hash_table_insert (found, (gpointer) key, g_strndup ((const char *) data + toff, tlen));
    }
  return found;
}

static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("JOURNEYS_LOCALEDIR");

  return dir != NULL ? dir : LOCALEDIR;
}

static gboolean
have_language (const char *language)
{
  g_autofree char *mo = NULL;

  if (strcmp (language, "en") == 0)
    return TRUE;
  mo = g_build_filename (locale_dir (), language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

/* The language of @accept_language (an Accept-Language header) that the
 * app has, by preference; "en" when none. */
static char *
choose_language (const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  g_autofree char *best = g_strdup ("en");
  double best_q = -1;

  if (accept_language == NULL)
    return g_steal_pointer (&best);

  ranges = g_strsplit (accept_language, ",", 16);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", 4);
      g_autofree char *tag = g_ascii_strdown (g_strstrip (parts[0]), -1);
      double q = 1.0;
      char *dash;

      for (guint j = 1; parts[j] != NULL; j++)
        {
          const char *param = g_strstrip (parts[j]);

          if (g_str_has_prefix (param, "q="))
            q = g_ascii_strtod (param + 2, NULL);
        }
      if ((dash = strchr (tag, '-')) != NULL)
        *dash = '\0';
      for (const char *p = tag; *p; p++)
        if (!g_ascii_islower (*p))
          tag[0] = '\0';
      if (tag[0] != '\0' && q > best_q && have_language (tag))
        {
          g_free (best);
          best = g_strdup (tag);
          best_q = q;
        }
    }
  return g_steal_pointer (&best);
}

/* The strings of @language as one JSON object, safe inside <script>. */
static char *
strings_json (const char *language)
{
  g_autoptr(GHashTable) catalogue = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GString *safe;

  if (strcmp (language, "en") != 0)
    {
      g_autofree char *mo = g_build_filename (locale_dir (), language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      catalogue = read_catalogue (mo);
    }

  json_builder_begin_object (builder);
  for (guint i = 0; page_strings[i] != NULL; i++)
    {
      const char *translated = catalogue ? g_hash_table_lookup (catalogue, page_strings[i]) : NULL;

      json_builder_set_member_name (builder, page_strings[i]);
      json_builder_add_string_value (builder, translated ? translated : page_strings[i]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  /* No "</script>" nor "<!--" can end the data block early. */
  safe = g_string_new (NULL);
  for (const char *p = json; *p; p++)
    if (*p == '<')
      g_string_append (safe, "\\u003c");
    else if (*p == '>')
      g_string_append (safe, "\\u003e");
    else if (*p == '&')
      g_string_append (safe, "\\u0026");
    else
      g_string_append_c (safe, *p);
  return g_string_free (safe, FALSE);
}

/* -- Serving ------------------------------------------------------------- */

/* The page with @LANG@, @STRINGS@ (the strings as JSON, for the
 * script), @ERROR@ (hidden unless @show_error) and each @string@ (as
 * HTML text) filled in. */
static GBytes *
translate_page (GBytes     *page,
                const char *accept_language,
                gboolean    show_error)
{
  g_autofree char *language = choose_language (accept_language);
  g_autofree char *strings = strings_json (language);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *table;

  g_string_replace (text, "@LANG@", language, 0);
  g_string_replace (text, "@ERROR@", show_error ? "" : "hidden", 0);
  if (json_parser_load_from_data (parser, strings, -1, NULL))
    {
      table = json_node_get_object (json_parser_get_root (parser));
      for (guint i = 0; page_strings[i] != NULL; i++)
        {
          g_autofree char *marker = g_strdup_printf ("@%s@", page_strings[i]);
          g_autofree char *escaped = g_markup_escape_text (json_object_get_string_member (table, page_strings[i]), -1);

          g_string_replace (text, marker, escaped, 0);
        }
    }
  g_string_replace (text, "@STRINGS@", strings, 0);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/**
 * journey_session_page_get:
 * @name: index.html, join.html, ended.html, page.js or page.css
 * @accept_language: (nullable): the request's Accept-Language
 * @show_error: for join.html: whether to say that the code was wrong
 * @content_type: (out): its MIME type
 *
 * Returns: (transfer full) (nullable): the resource, or %NULL when @name
 *   is none of the page's
 */
GBytes *
journey_session_page_get (const char  *name,
                          const char  *accept_language,
                          gboolean     show_error,
                          const char **content_type)
{
  static const struct { const char *name; const char *type; } files[] = {
    { "ended.html", "text/html; charset=utf-8" },
    { "index.html", "text/html; charset=utf-8" },
    { "join.html", "text/html; charset=utf-8" },
    { "page.js", "text/javascript; charset=utf-8" },
    { "page.css", "text/css; charset=utf-8" },
  };

  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      journey_session_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (strcmp (name, files[i].name) == 0)
      {
        g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
        g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

        if (bytes == NULL)
          return NULL;
        *content_type = files[i].type;
        if (g_str_has_suffix (name, ".html"))
          return translate_page (bytes, accept_language, show_error);
        return g_steal_pointer (&bytes);
      }
  return NULL;
}
