/* journey-format-read.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "journey-format-private.h"

G_DEFINE_QUARK (journey-format-error-quark, journey_format_error)

/* The longest integer literal that surely fits an int64. */
#define MAX_INTEGER_DIGITS 18

typedef struct
{
  GPtrArray *problems;
} Reader;

void
journey_problem_free (JourneyProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static void
append_path (GString           *string,
             const JourneyPath *path)
{
  if (path == NULL)
    return;

  append_path (string, path->parent);
  if (path->key != NULL)
    {
      if (string->len > 0)
        g_string_append_c (string, '.');
      g_string_append (string, path->key);
    }
  else
    g_string_append_printf (string, "[%u]", path->index);
}

/**
 * journey_path_to_string:
 *
 * Returns: (transfer full): @path as in "maps[0].touchpoints[3].time"
 */
char *
journey_path_to_string (const JourneyPath *path)
{
  GString *string = g_string_new (NULL);

  append_path (string, path);
  return g_string_free (string, FALSE);
}

static void
add_problem_at (GPtrArray  *problems,
                char       *path,
                char       *message)
{
  JourneyProblem *problem = g_new0 (JourneyProblem, 1);

  problem->path = path;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

void
journey_problems_add (GPtrArray         *problems,
                      const JourneyPath *path,
                      const char        *format,
                      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem_at (problems, journey_path_to_string (path), message);
}

gboolean
journey_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

gboolean
journey_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) date = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  date = g_date_time_new_from_iso8601 (text, NULL);
  return date != NULL;
}

static char *
position_to_string (const char *data,
                    const char *at)
{
  guint line = 1;
  guint column = 1;

  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  /* TRANSLATORS: a place in a file */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* One linear pass over the text before json-glib sees it: it refuses what
 * the parser would not survive or would read wrong (nesting deep enough to
 * exhaust the stack, integers too large for 64 bits, which json-glib wraps
 * around silently). */
static gboolean
prescan (const char *data,
         gsize       length,
         GPtrArray  *problems)
{
  const char *end = data + length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (in_string)
        {
          if (c == '\\')
            p++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > JOURNEY_FORMAT_MAX_DEPTH)
            {
              add_problem_at (problems, position_to_string (data, p),
                              g_strdup_printf (_("nested deeper than %d levels"), JOURNEY_FORMAT_MAX_DEPTH));
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            const char *start = p;
            gboolean integer = TRUE;
            guint digits = 0;

            while (p < end && (g_ascii_isdigit (*p) || strchr ("+-.eE", *p) != NULL))
              {
                if (g_ascii_isdigit (*p))
                  digits++;
                else if (*p != '-' || p != start)
                  integer = FALSE;
                p++;
              }
            if (integer && digits > MAX_INTEGER_DIGITS)
              {
                add_problem_at (problems, position_to_string (data, start),
                                g_strdup_printf (_("the number %.*s is too large"),
                                                 (int) MIN (p - start, 40), start));
                return FALSE;
              }
            p--;
          }
          break;

        default:
          break;
        }
    }
  return TRUE;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
wrong_type (Reader            *reader,
            const JourneyPath *path,
            const char        *expected,
            JsonNode          *node)
{
  /* TRANSLATORS: "must be a string, not an array" */
  journey_problems_add (reader->problems, path, _("must be %s, not %s"), expected, json_type_name (node));
}

static JourneyItem *read_item (Reader            *reader,
                               JsonObject        *object,
                               GType              type,
                               const JourneyPath *path);

static gboolean
read_int (Reader             *reader,
          JsonNode           *node,
          const JourneyPath  *path,
          gboolean            is_signed,
          int                *out)
{
  double d;

  if (!node_is_number (node))
    {
      wrong_type (reader, path, _("a whole number"), node);
      return FALSE;
    }

  d = json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    d = (double) json_node_get_int (node);

  if (!isfinite (d) || d != floor (d))
    {
      journey_problems_add (reader->problems, path, _("must be a whole number"));
      return FALSE;
    }
  if (d < (is_signed ? (double) G_MININT : 0.0) || d > (double) G_MAXINT)
    {
      if (d < 0 && !is_signed)
        journey_problems_add (reader->problems, path, _("must not be negative"));
      else
        journey_problems_add (reader->problems, path, _("is too large"));
      return FALSE;
    }

  *out = (int) d;
  return TRUE;
}

static void
read_field (Reader             *reader,
            JourneyItem        *item,
            const JourneyField *field,
            JsonNode           *node,
            const JourneyPath  *path)
{
  gpointer ptr = journey_item_field_ptr (item, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      if (!node_is_string (node))
        wrong_type (reader, path, _("a string"), node);
      else
        {
          const char *s = json_node_get_string (node);

          if ((field->flags & JOURNEY_FIELD_NON_EMPTY) && s[0] == '\0')
            journey_problems_add (reader->problems, path, _("must not be empty"));
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (s);
        }
      break;

    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      if (!node_is_number (node))
        wrong_type (reader, path, _("a number"), node);
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        *(double *) ptr = (double) json_node_get_int (node);
      else
        *(double *) ptr = json_node_get_double (node);
      break;

    case JOURNEY_FIELD_INT:
      read_int (reader, node, path, (field->flags & JOURNEY_FIELD_SIGNED) != 0, ptr);
      break;

    case JOURNEY_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->type_func ());
        GEnumValue *value = NULL;

        if (!node_is_string (node))
          wrong_type (reader, path, _("a string"), node);
        else if ((value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node))) == NULL)
          {
            g_autoptr(GString) names = g_string_new (NULL);

            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (names, "%s“%s”", i ? ", " : "", enum_class->values[i].value_nick);
            journey_problems_add (reader->problems, path, _("must be one of %s, not “%s”"),
                                  names->str, json_node_get_string (node));
          }
        else
          *(int *) ptr = value->value;
      }
      break;

    case JOURNEY_FIELD_STRV:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        wrong_type (reader, path, _("an array of strings"), node);
      else
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);
          GPtrArray *strings = g_ptr_array_new_full (n + 1, g_free);

          for (guint i = 0; i < n; i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);

              if (node_is_string (element))
                g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
              else
                wrong_type (reader, &element_path, _("a string"), element);
            }
          g_ptr_array_add (strings, NULL);
          g_strfreev (*(char ***) ptr);
          *(char ***) ptr = (char **) g_ptr_array_free (strings, FALSE);
        }
      break;

    case JOURNEY_FIELD_INTV:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        wrong_type (reader, path, _("an array of whole numbers"), node);
      else
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);
          GArray *ints = *(GArray **) ptr;

          g_array_set_size (ints, 0);
          for (guint i = 0; i < n; i++)
            {
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              int value;

              /* A bad count stays in place as 0, so the length is still right. */
              if (!read_int (reader, json_array_get_element (array, i), &element_path, FALSE, &value))
                value = 0;
              g_array_append_val (ints, value);
            }
        }
      break;

    case JOURNEY_FIELD_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        wrong_type (reader, path, _("an object"), node);
      else
        {
          JourneyItem *child = read_item (reader, json_node_get_object (node), field->type_func (), path);

          g_clear_object ((GObject **) ptr);
          *(JourneyItem **) ptr = child;
        }
      break;

    case JOURNEY_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        wrong_type (reader, path, _("an array"), node);
      else
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);
          JourneyList *list = *(JourneyList **) ptr;
          GType type = field->type_func ();

          for (guint i = 0; i < n; i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              g_autoptr(JourneyItem) child = NULL;

              if (!JSON_NODE_HOLDS_OBJECT (element))
                {
                  wrong_type (reader, &element_path, _("an object"), element);
                  continue;
                }
              child = read_item (reader, json_node_get_object (element), type, &element_path);
              journey_list_append (list, child);
            }
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  JourneyItemClass *klass;
  JsonObject       *extra;
} ExtraData;

static void
collect_unknown (JsonObject  *object,
                 const char  *name,
                 JsonNode    *node,
                 gpointer     user_data)
{
  ExtraData *data = user_data;

  if (journey_item_class_lookup_field (data->klass, name, NULL) != NULL)
    return;

  if (data->extra == NULL)
    data->extra = json_object_new ();
  json_object_set_member (data->extra, name, json_node_copy (node));
}

static JourneyItem *
read_item (Reader            *reader,
           JsonObject        *object,
           GType              type,
           const JourneyPath *path)
{
  JourneyItem *item = g_object_new (type, NULL);
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  ExtraData extra = { klass, NULL };

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      JsonNode *node = json_object_get_member (object, field->key);
      JourneyPath field_path = JOURNEY_PATH_KEY (path, field->key);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (field->flags & JOURNEY_FIELD_REQUIRED)
            journey_problems_add (reader->problems, &field_path, _("is required"));
          continue;
        }

      read_field (reader, item, field, node, &field_path);
    }

  json_object_foreach_member (object, collect_unknown, &extra);
  if (extra.extra != NULL)
    {
      journey_item_set_extra (item, extra.extra);
      json_object_unref (extra.extra);
    }

  /* A touchpoint without a satisfaction sits in the middle of the scale. */
  if (JOURNEY_IS_MAP (item))
    {
      JourneyMap *map = JOURNEY_MAP (item);
      double middle = journey_scale_get_middle (map->scale);
      guint n = journey_list_get_length (map->touchpoints);

      for (guint i = 0; i < n; i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

          if (isnan (tp->satisfaction))
            tp->satisfaction = middle;
        }
    }

  return item;
}

static void
set_invalid_error (GPtrArray  *problems,
                   guint       first,
                   GError    **error)
{
  JourneyProblem *problem = g_ptr_array_index (problems, first);
  guint n = problems->len - first;

  if (n == 1)
    g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID, "%s%s%s",
                 problem->path, problem->path[0] ? ": " : "", problem->message);
  else
    g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
}

static void
report_too_large (GPtrArray  *problems,
                  GError    **error)
{
  if (problems != NULL)
    add_problem_at (problems, g_strdup (""),
                    g_strdup_printf (_("the file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_TOO_LARGE,
               _("The file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20);
}

/* The version is read first: a file from a newer program is refused as a
 * whole, never half-read. */
static gboolean
check_version (JsonObject  *root,
               GPtrArray   *problems,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");
  gint64 version;

  if (node == NULL || !node_is_number (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return TRUE; /* reported with the other problems */

  version = json_node_get_int (node);
  if (version <= JOURNEY_FORMAT_VERSION)
    return TRUE;

  add_problem_at (problems, g_strdup ("version"),
                  g_strdup_printf (_("the file is in format version %" G_GINT64_FORMAT
                                     ", written by a newer Journeys; this version reads format %d and older"),
                                   version, JOURNEY_FORMAT_VERSION));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_VERSION,
               _("The file was written by a newer version of Journeys (format version %" G_GINT64_FORMAT
                 "); update Journeys to open it"), version);
  return FALSE;
}

/**
 * journey_format_read_data:
 * @data: (array length=length): the file's bytes
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 *
 * Reads a project from the text of a .journey file, and checks it.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL if the file
 *   has any problem
 */
JourneyProject *
journey_format_read_data (const char  *data,
                          gsize        length,
                          GPtrArray   *problems,
                          GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JourneyItem) item = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GHashTable) reported = NULL;
  const char *invalid = NULL;
  JsonNode *root;
  Reader reader;
  guint first;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  first = problems->len;

  if (length > JOURNEY_FORMAT_MAX_SIZE)
    {
      report_too_large (problems, error);
      return NULL;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      add_problem_at (problems, position_to_string (data, invalid),
                      g_strdup (_("the text is not valid UTF-8")));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (!prescan (data, length, problems))
    {
      set_invalid_error (problems, first, error);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      const char *message = parse_error->message;
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      if (g_str_has_prefix (message, "<data>:") &&
          sscanf (message + 7, "%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        {
          const char *rest = message + 7 + consumed;

          if (g_str_has_prefix (rest, "Parse error: "))
            rest += strlen ("Parse error: ");
          add_problem_at (problems, g_strdup_printf (_("line %u, column %u"), line, column), g_strdup (rest));
        }
      else
        add_problem_at (problems, g_strdup (""), g_strdup (message));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      add_problem_at (problems, g_strdup (""), g_strdup (_("the file is empty")));
      set_invalid_error (problems, first, error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem_at (problems, g_strdup (""),
                      g_strdup_printf (_("the file must hold a JSON object, not %s"), json_type_name (root)));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (!check_version (json_node_get_object (root), problems, error))
    return NULL;

  reader.problems = problems;
  item = read_item (&reader, json_node_get_object (root), JOURNEY_TYPE_PROJECT, NULL);

  /* The checker sees what the reader could read; a place the reader has
   * already reported is not reported twice. */
  reported = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = first; i < problems->len; i++)
    g_hash_table_add (reported, ((JourneyProblem *) g_ptr_array_index (problems, i))->path);

  checked = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  journey_project_check (JOURNEY_PROJECT (item), checked);
  for (guint i = 0; i < checked->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (checked, i);

      if (!g_hash_table_contains (reported, problem->path))
        g_ptr_array_add (problems, g_steal_pointer (&checked->pdata[i]));
    }

  if (problems->len > first)
    {
      set_invalid_error (problems, first, error);
      return NULL;
    }

  return JOURNEY_PROJECT (g_steal_pointer (&item));
}

/**
 * journey_format_read_file:
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 *
 * Returns: (transfer full) (nullable): the project read from @file
 */
JourneyProject *
journey_format_read_file (GFile      *file,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > JOURNEY_FORMAT_MAX_SIZE)
    {
      report_too_large (problems, error);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;

  return journey_format_read_data (data, length, problems, error);
}
