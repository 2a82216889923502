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
#include <string.h>

#include "journey-format-private.h"
#include "journey-problem.h"
#include "journey-json.h"

G_DEFINE_QUARK (journey-format-error-quark, journey_format_error)

typedef struct
{
  JourneyJson *json;
  GPtrArray   *problems;
} Reader;

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

static const char *
json_type_name (JourneyJson    *json,
                JourneyJsonRef  value)
{
  switch (journey_json_get_type (json, value))
    {
    case JOURNEY_JSON_OBJECT:
      return _("an object");
    case JOURNEY_JSON_ARRAY:
      return _("an array");
    case JOURNEY_JSON_NULL:
      return "null";
    case JOURNEY_JSON_STRING:
      return _("a string");
    case JOURNEY_JSON_TRUE:
    case JOURNEY_JSON_FALSE:
      return _("true or false");
    case JOURNEY_JSON_INTEGER:
    case JOURNEY_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static void
wrong_type (Reader            *reader,
            const JourneyPath *path,
            const char        *expected,
            JourneyJsonRef     value)
{
  /* TRANSLATORS: "must be a string, not an array" */
  journey_problems_add (reader->problems, path, _("must be %s, not %s"), expected,
                        json_type_name (reader->json, value));
}

/* Enum classes are static: one reference, kept for good, saves a
 * reference count per value read. */
static GEnumClass *
enum_class_get (GType type)
{
  GEnumClass *enum_class = g_type_class_peek (type);

  if (enum_class == NULL)
    enum_class = g_type_class_ref (type);
  return enum_class;
}

static JourneyItem *read_item (Reader            *reader,
                               JourneyJsonRef     object,
                               GType              type,
                               const JourneyPath *path);

static gboolean
read_int (Reader             *reader,
          JourneyJsonRef      value,
          const JourneyPath  *path,
          gboolean            is_signed,
          int                *out)
{
  double d;

  if (!journey_json_is_number (reader->json, value))
    {
      wrong_type (reader, path, _("a whole number"), value);
      return FALSE;
    }

  d = journey_json_get_double (reader->json, value);
  if (!isfinite (d))
    {
      journey_problems_add (reader->problems, path, _("is too large"));
      return FALSE;
    }
  if (d != floor (d))
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
            JourneyJsonRef      value,
            const JourneyPath  *path)
{
  JourneyJson *json = reader->json;
  JourneyJsonType type = journey_json_get_type (json, value);
  gpointer ptr = journey_item_field_ptr (item, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      if (type != JOURNEY_JSON_STRING)
        wrong_type (reader, path, _("a string"), value);
      else
        {
          const char *s = journey_json_get_string (json, value);

          if ((field->flags & JOURNEY_FIELD_NON_EMPTY) && s[0] == '\0')
            journey_problems_add (reader->problems, path, _("must not be empty"));
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (s);
        }
      break;

    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      if (!journey_json_is_number (json, value))
        wrong_type (reader, path, _("a number"), value);
      else
        *(double *) ptr = journey_json_get_double (json, value);
      break;

    case JOURNEY_FIELD_INT:
      read_int (reader, value, path, (field->flags & JOURNEY_FIELD_SIGNED) != 0, ptr);
      break;

    case JOURNEY_FIELD_ENUM:
      {
        GEnumClass *enum_class = enum_class_get (field->type_func ());
        GEnumValue *enum_value = NULL;

        if (type != JOURNEY_JSON_STRING)
          wrong_type (reader, path, _("a string"), value);
        else if ((enum_value = g_enum_get_value_by_nick (enum_class, journey_json_get_string (json, value))) == NULL)
          {
            g_autoptr(GString) names = g_string_new (NULL);

            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (names, "%s“%s”", i ? ", " : "", enum_class->values[i].value_nick);
            journey_problems_add (reader->problems, path, _("must be one of %s, not “%s”"),
                                  names->str, journey_json_get_string (json, value));
          }
        else
          *(int *) ptr = enum_value->value;
      }
      break;

    case JOURNEY_FIELD_BOOLEAN:
      if (type != JOURNEY_JSON_TRUE && type != JOURNEY_JSON_FALSE)
        wrong_type (reader, path, _("true or false"), value);
      else
        *(gboolean *) ptr = type == JOURNEY_JSON_TRUE;
      break;

    case JOURNEY_FIELD_STRV:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array of strings"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          char **strv = g_new0 (char *, n + 1);
          guint count = 0;

          for (guint i = 0; i < n; i++)
            {
              JourneyJsonRef element = journey_json_get_element (json, value, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);

              if (journey_json_get_type (json, element) == JOURNEY_JSON_STRING)
                strv[count++] = g_strdup (journey_json_get_string (json, element));
              else
                wrong_type (reader, &element_path, _("a string"), element);
            }
          g_strfreev (*(char ***) ptr);
          *(char ***) ptr = strv;
        }
      break;

    case JOURNEY_FIELD_INTV:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array of whole numbers"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          GArray *ints = *(GArray **) ptr;

          g_array_set_size (ints, 0);
          for (guint i = 0; i < n; i++)
            {
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              int count;

              /* A bad count stays in place as 0, so the length is still right. */
              if (!read_int (reader, journey_json_get_element (json, value, i), &element_path, FALSE, &count))
                count = 0;
              g_array_append_val (ints, count);
            }
        }
      break;

    case JOURNEY_FIELD_OBJECT:
      if (type != JOURNEY_JSON_OBJECT)
        wrong_type (reader, path, _("an object"), value);
      else
        {
          JourneyItem *child = read_item (reader, value, field->type_func (), path);

          g_clear_object ((GObject **) ptr);
          *(JourneyItem **) ptr = child;
        }
      break;

    case JOURNEY_FIELD_LIST:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          JourneyList *list = *(JourneyList **) ptr;
          GType item_type = field->type_func ();

          for (guint i = 0; i < n; i++)
            {
              JourneyJsonRef element = journey_json_get_element (json, value, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              g_autoptr(JourneyItem) child = NULL;

              if (journey_json_get_type (json, element) != JOURNEY_JSON_OBJECT)
                {
                  wrong_type (reader, &element_path, _("an object"), element);
                  continue;
                }
              child = read_item (reader, element, item_type, &element_path);
              journey_list_append (list, child);
            }
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* One pass over the members of an object: a known key is read into its
 * field, an unknown one is kept for writing back. */
static JourneyItem *
read_item (Reader            *reader,
           JourneyJsonRef     object,
           GType              type,
           const JourneyPath *path)
{
  JourneyJson *json = reader->json;
  JourneyItem *item = g_object_new (type, NULL);
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  JsonObject *extra = NULL;
  guint n = journey_json_get_length (json, object);
  guint32 seen = 0;
  guint32 missing;

  for (guint i = 0; i < n; i++)
    {
      const char *name = journey_json_get_member_name (json, object, i);
      JourneyJsonRef value = journey_json_get_member_value (json, object, i);
      JourneyPath field_path = JOURNEY_PATH_KEY (path, name);
      const JourneyField *field;
      guint index;

      field = journey_item_class_lookup_field (klass, name, &index);
      if (field == NULL)
        {
          if (extra == NULL)
            extra = json_object_new ();
          else if (json_object_has_member (extra, name))
            journey_problems_add (reader->problems, &field_path, _("is given twice"));
          json_object_set_member (extra, name, journey_json_to_node (json, value));
          continue;
        }

      if (seen & (1u << index))
        {
          journey_problems_add (reader->problems, &field_path, _("is given twice"));
          continue;
        }

      if (journey_json_get_type (json, value) == JOURNEY_JSON_NULL)
        continue; /* null stands for "not given" */

      seen |= 1u << index;
      read_field (reader, item, field, value, &field_path);
    }

  missing = klass->required & ~seen;
  for (guint i = 0; missing != 0; i++, missing >>= 1)
    if (missing & 1)
      {
        JourneyPath field_path = JOURNEY_PATH_KEY (path, klass->fields[i].key);
        journey_problems_add (reader->problems, &field_path, _("is required"));
      }

  if (extra != NULL)
    {
      journey_item_set_extra (item, extra);
      json_object_unref (extra);
    }

  /* A touchpoint without a satisfaction sits in the middle of the scale. */
  if (JOURNEY_IS_MAP (item))
    {
      JourneyMap *map = JOURNEY_MAP (item);
      double middle = journey_scale_get_middle (map->scale);
      guint n_touchpoints = journey_list_get_length (map->touchpoints);

      for (guint i = 0; i < n_touchpoints; i++)
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

/* The file is over JOURNEY_FORMAT_MAX_SIZE: one problem and @error. */
void
journey_format_report_too_large (GPtrArray  *problems,
                                 GError    **error)
{
  if (problems != NULL)
    journey_problems_take (problems, g_strdup (""),
                    g_strdup_printf (_("the file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_TOO_LARGE,
               _("The file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20);
}

/* The version is read first: a file from a newer program is refused as a
 * whole, never half-read. */
static gboolean
check_version (JourneyJson     *json,
               JourneyJsonRef   root,
               GPtrArray       *problems,
               GError         **error)
{
  g_autofree char *number = NULL;
  JourneyJsonRef value;
  gint64 version;

  if (!journey_json_find_member (json, root, "version", &value) ||
      journey_json_get_type (json, value) != JOURNEY_JSON_INTEGER)
    return TRUE; /* reported with the other problems */

  version = journey_json_get_integer (json, value);
  if (version <= JOURNEY_FORMAT_VERSION)
    return TRUE;

  number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  journey_problems_take (problems, g_strdup ("version"),
                  g_strdup_printf (_("the file is in format version %s, written by a newer Journeys; "
                                     "this version reads format %d and older"),
                                   number, JOURNEY_FORMAT_VERSION));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_VERSION,
               _("The file was written by a newer version of Journeys (format version %s); "
                 "update Journeys to open it"), number);
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;
  return TRUE;
}

/* Reads, and unless @lenient checks: see journey_format_read_data() and
 * journey_format_read_data_leniently(). */
static JourneyProject *
read_data (const char  *data,
           gsize        length,
           gboolean     lenient,
           GPtrArray   *problems,
           GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(JourneyJson) json = NULL;
  g_autoptr(JourneyItem) item = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autofree char *parse_error = NULL;
  const char *invalid = NULL;
  gsize error_offset = 0;
  JourneyJsonRef root;
  Reader reader;
  guint first;

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  first = problems->len;

  if (length > JOURNEY_FORMAT_MAX_SIZE)
    {
      journey_format_report_too_large (problems, error);
      return NULL;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      journey_problems_take (problems, position_to_string (data, invalid),
                      g_strdup (_("the text is not valid UTF-8")));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (is_blank (data, length))
    {
      journey_problems_take (problems, g_strdup (""), g_strdup (_("the file is empty")));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  json = journey_json_parse (data, length, JOURNEY_FORMAT_MAX_DEPTH, &error_offset, &parse_error);
  if (json == NULL)
    {
      journey_problems_take (problems, position_to_string (data, data + error_offset), g_steal_pointer (&parse_error));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  root = journey_json_root (json);
  if (journey_json_get_type (json, root) != JOURNEY_JSON_OBJECT)
    {
      journey_problems_take (problems, g_strdup (""),
                      g_strdup_printf (_("the file must hold a JSON object, not %s"), json_type_name (json, root)));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (!check_version (json, root, problems, error))
    return NULL;

  reader.json = json;
  reader.problems = problems;
  item = read_item (&reader, root, JOURNEY_TYPE_PROJECT, NULL);
  g_clear_pointer (&json, journey_json_free);

  if (lenient)
    return JOURNEY_PROJECT (g_steal_pointer (&item));

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
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data, length, FALSE, problems, error);
}

JourneyProject *
journey_format_read_data_leniently (const char  *data,
                                    gsize        length,
                                    GPtrArray   *problems,
                                    GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data, length, TRUE, problems, error);
}
