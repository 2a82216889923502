/* journey-format-write.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing is our own, not json-glib's generator: keys come in a fixed order
 * (the order of each class's field table, then the unknown keys as they were
 * read), numbers in their shortest exact form, two spaces of indent and one
 * trailing newline, so that saving twice gives the same bytes and a small
 * edit makes a small diff. */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "journey-format.h"

static void write_node (GString     *out,
                        JsonNode    *node,
                        guint        indent);
static void write_item (GString     *out,
                        JourneyItem *item,
                        guint        indent);

static void
write_indent (GString *out,
              guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *s)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) (s ? s : ""); *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[*p >> 4]);
              g_string_append_c (out, hex[*p & 0xF]);
            }
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal text that reads back as exactly @d. */
static void
write_double (GString *out,
              double   d)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }

  if (d == floor (d) && fabs (d) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, d);
      if (g_ascii_strtod (buffer, NULL) == d)
        break;
    }
  g_string_append (out, buffer);
}

/* Writes the @index-th element of @array at @indent. */
typedef void (*WriteElementFunc) (GString  *out,
                                  gpointer  array,
                                  guint     index,
                                  guint     indent);

/* One element a line, one level deeper than the brackets; "[]" when empty.
 * JSON arrays, string lists and item lists are all written this way. */
static void
write_array (GString          *out,
             guint             n,
             WriteElementFunc  write_element,
             gpointer          array,
             guint             indent)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i ? ",\n" : "\n");
      write_indent (out, indent + 1);
      write_element (out, array, i, indent + 1);
    }
  if (n > 0)
    {
      g_string_append_c (out, '\n');
      write_indent (out, indent);
    }
  g_string_append_c (out, ']');
}

static void
write_json_element (GString  *out,
                    gpointer  array,
                    guint     index,
                    guint     indent)
{
  write_node (out, json_array_get_element (array, index), indent);
}

static void
write_strv_element (GString  *out,
                    gpointer  array,
                    guint     index,
                    guint     indent)
{
  write_string (out, ((char **) array)[index]);
}

static void
write_list_element (GString  *out,
                    gpointer  array,
                    guint     index,
                    guint     indent)
{
  write_item (out, journey_list_peek (array, index), indent);
}

static void
write_key (GString    *out,
           gboolean   *first,
           guint       indent,
           const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  write_indent (out, indent);
  write_string (out, key);
  g_string_append (out, ": ");
}

static void
write_object_members (GString    *out,
                      JsonObject *object,
                      gboolean   *first,
                      guint       indent)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      write_key (out, first, indent, l->data);
      write_node (out, json_object_get_member (object, l->data), indent);
    }
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     indent)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        write_object_members (out, json_node_get_object (node), &first, indent + 1);
        if (!first)
          {
            g_string_append_c (out, '\n');
            write_indent (out, indent);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        write_array (out, json_array_get_length (array), write_json_element, array, indent);
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          write_double (out, json_node_get_double (node));
          break;
        }
      break;
    }
}

static void
write_field (GString            *out,
             JourneyItem        *item,
             const JourneyField *field,
             guint               indent)
{
  gpointer ptr = journey_item_field_ptr (item, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      write_string (out, *(char **) ptr);
      break;

    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      write_double (out, *(double *) ptr);
      break;

    case JOURNEY_FIELD_INT:
      g_string_append_printf (out, "%d", *(int *) ptr);
      break;

    case JOURNEY_FIELD_ENUM:
      {
        GEnumClass *enum_class = g_type_class_ref (field->type_func ());
        GEnumValue *value = g_enum_get_value (enum_class, *(int *) ptr);

        write_string (out, value ? value->value_nick : "");
        g_type_class_unref (enum_class);
      }
      break;

    case JOURNEY_FIELD_BOOLEAN:
      g_string_append (out, *(gboolean *) ptr ? "true" : "false");
      break;

    case JOURNEY_FIELD_STRV:
      {
        char **strv = *(char ***) ptr;

        write_array (out, g_strv_length (strv), write_strv_element, strv, indent);
      }
      break;

    case JOURNEY_FIELD_INTV:
      {
        GArray *ints = *(GArray **) ptr;

        /* Counts stay on one line: a histogram reads best that way. */
        g_string_append_c (out, '[');
        for (guint i = 0; i < ints->len; i++)
          g_string_append_printf (out, "%s%d", i ? ", " : " ", g_array_index (ints, int, i));
        g_string_append (out, ints->len ? " ]" : "]");
      }
      break;

    case JOURNEY_FIELD_OBJECT:
      write_item (out, *(JourneyItem **) ptr, indent);
      break;

    case JOURNEY_FIELD_LIST:
      {
        JourneyList *list = *(JourneyList **) ptr;

        write_array (out, journey_list_get_length (list), write_list_element, list, indent);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_item (GString     *out,
            JourneyItem *item,
            guint        indent)
{
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  JsonObject *extra = journey_item_get_extra (item);
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      gboolean always = (field->flags & (JOURNEY_FIELD_REQUIRED | JOURNEY_FIELD_ALWAYS)) != 0;

      if (field->kind == JOURNEY_FIELD_OPTIONAL && isnan (*(double *) journey_item_field_ptr (item, field)))
        continue;
      if (field->kind == JOURNEY_FIELD_OBJECT && *(gpointer *) journey_item_field_ptr (item, field) == NULL)
        continue;
      if (!always && journey_item_field_is_default (item, field))
        continue;
      /* A required string that is missing is written empty, never as null. */

      write_key (out, &first, indent + 1, field->key);
      write_field (out, item, field, indent + 1);
    }

  if (extra != NULL)
    write_object_members (out, extra, &first, indent + 1);

  if (!first)
    {
      g_string_append_c (out, '\n');
      write_indent (out, indent);
    }
  g_string_append_c (out, '}');
}

/**
 * journey_format_write_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): @project as the text of a .journey file
 */
char *
journey_format_write_data (JourneyProject *project,
                           gsize          *length)
{
  GString *out;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);

  out = g_string_sized_new (4096);
  write_item (out, JOURNEY_ITEM (project), 0);
  g_string_append_c (out, '\n');

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * journey_format_write_file:
 *
 * Saves @project to @file (a local file) safely: see
 * journey_file_replace().
 */
gboolean
journey_format_write_file (JourneyProject    *project,
                           GFile             *file,
                           JourneySaveFlags   flags,
                           GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Journeys can only save to local files"));
      return FALSE;
    }

  data = journey_format_write_data (project, &length);
  return journey_write_file_atomically (path, data, length, (flags & JOURNEY_SAVE_BACKUP) != 0, error);
}
