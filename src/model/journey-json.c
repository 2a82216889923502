/* journey-json.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "journey-json.h"

/* The longest integer that surely fits an int64. */
#define MAX_INTEGER_DIGITS 18

typedef struct
{
  guint32 type;
  guint32 a;     /* STRING: offset in strings; ARRAY, OBJECT: first slot in children */
  guint32 b;     /* STRING: length; ARRAY, OBJECT: number of elements or members */
  union {
    double d;
    gint64 i;
  };
} Value;

struct _JourneyJson
{
  GArray  *values;    /* of Value */
  GArray  *children;  /* of guint32: element refs; for objects, name offset then value ref */
  GString *strings;   /* every string, unescaped, each followed by a NUL */
  JourneyJsonRef root;
};

typedef struct
{
  JourneyJson *doc;
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  guint        max_depth;
  GArray      *stack;  /* children of the containers being read */
  char        *error;
  const char  *error_at;
} Parser;

static gboolean parse_value (Parser *parser, JourneyJsonRef *ref);

static gboolean
fail (Parser     *parser,
      const char *at,
      char       *message)
{
  if (parser->error == NULL)
    {
      parser->error = message;
      parser->error_at = at;
    }
  else
    g_free (message);
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

static JourneyJsonRef
add_value (Parser *parser,
           Value  *value)
{
  g_array_append_vals (parser->doc->values, value, 1);
  return parser->doc->values->len - 1;
}

static char *
describe_here (Parser *parser)
{
  gunichar c;
  char buffer[8] = { 0 };

  if (parser->p >= parser->end)
    return g_strdup (_("the end of the text"));
  c = g_utf8_get_char (parser->p);
  if (c < 0x20)
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, buffer);
  return g_strdup_printf ("“%s”", buffer);
}

static gboolean
expected (Parser     *parser,
          const char *what)
{
  g_autofree char *here = describe_here (parser);

  /* TRANSLATORS: "expected “,” or “}”, not “]”" */
  return fail (parser, parser->p, g_strdup_printf (_("expected %s, not %s"), what, here));
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *parser,
           gunichar *out)
{
  gunichar value = 0;

  if (parser->end - parser->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (parser->p[i]);
      if (h < 0)
        return FALSE;
      value = value * 16 + (gunichar) h;
    }
  parser->p += 4;
  *out = value;
  return TRUE;
}

/* Reads a string whose opening quote is at parser->p into the strings
 * buffer; returns its offset there. */
static gboolean
parse_string (Parser  *parser,
              guint32 *offset,
              guint32 *length)
{
  GString *strings = parser->doc->strings;
  const char *open = parser->p;
  gsize begin = strings->len;

  parser->p++;
  for (;;)
    {
      const char *run = parser->p;

      while (parser->p < parser->end && *parser->p != '"' && *parser->p != '\\' && (guchar) *parser->p >= 0x20)
        parser->p++;
      g_string_append_len (strings, run, parser->p - run);

      if (parser->p >= parser->end)
        return fail (parser, open, g_strdup (_("a string is not closed")));

      if (*parser->p == '"')
        {
          parser->p++;
          break;
        }

      if (*parser->p != '\\')
        return fail (parser, parser->p, g_strdup (_("a control character must be written as an escape in a string")));

      parser->p++;
      if (parser->p >= parser->end)
        return fail (parser, open, g_strdup (_("a string is not closed")));

      switch (*parser->p++)
        {
        case '"':  g_string_append_c (strings, '"'); break;
        case '\\': g_string_append_c (strings, '\\'); break;
        case '/':  g_string_append_c (strings, '/'); break;
        case 'b':  g_string_append_c (strings, '\b'); break;
        case 'f':  g_string_append_c (strings, '\f'); break;
        case 'n':  g_string_append_c (strings, '\n'); break;
        case 'r':  g_string_append_c (strings, '\r'); break;
        case 't':  g_string_append_c (strings, '\t'); break;
        case 'u':
          {
            const char *escape = parser->p - 2;
            gunichar c, low;

            if (!read_hex4 (parser, &c))
              return fail (parser, escape, g_strdup (_("\\u must be followed by four hexadecimal digits")));

            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (parser->end - parser->p < 6 || parser->p[0] != '\\' || parser->p[1] != 'u')
                  return fail (parser, escape, g_strdup (_("a \\u escape of a high surrogate must be followed by a low one")));
                parser->p += 2;
                if (!read_hex4 (parser, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (parser, escape, g_strdup (_("a \\u escape of a high surrogate must be followed by a low one")));
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              return fail (parser, escape, g_strdup (_("a \\u escape of a low surrogate stands alone")));
            else if (c == 0)
              return fail (parser, escape, g_strdup (_("text must not contain the character U+0000")));

            {
              char buffer[6];
              int n = g_unichar_to_utf8 (c, buffer);
              g_string_append_len (strings, buffer, n);
            }
          }
          break;
        default:
          return fail (parser, parser->p - 2, g_strdup (_("unknown escape in a string")));
        }
    }

  if (strings->len - begin > G_MAXUINT32)
    return fail (parser, open, g_strdup (_("a string is too long")));

  *offset = (guint32) begin;
  *length = (guint32) (strings->len - begin);
  g_string_append_c (strings, '\0');
  return TRUE;
}

static gboolean
parse_number (Parser         *parser,
              JourneyJsonRef *ref)
{
  const char *start = parser->p;
  const char *p = start;
  gboolean integer = TRUE;
  guint digits = 0;
  Value value = { 0 };

  if (p < parser->end && *p == '-')
    p++;
  if (p >= parser->end || !g_ascii_isdigit (*p))
    return fail (parser, start, g_strdup (_("a number must have a digit after its sign")));
  if (*p == '0' && p + 1 < parser->end && g_ascii_isdigit (p[1]))
    return fail (parser, start, g_strdup (_("a number must not start with 0")));
  while (p < parser->end && g_ascii_isdigit (*p))
    p++, digits++;

  if (p < parser->end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        return fail (parser, start, g_strdup (_("a number must have a digit after its decimal point")));
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        return fail (parser, start, g_strdup (_("a number must have a digit in its exponent")));
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  if (integer && digits <= MAX_INTEGER_DIGITS)
    {
      gint64 n = 0;

      for (const char *q = (*start == '-') ? start + 1 : start; q < p; q++)
        n = n * 10 + (*q - '0');
      value.type = JOURNEY_JSON_INTEGER;
      value.i = (*start == '-') ? -n : n;
    }
  else
    {
      char buffer[64];
      g_autofree char *copy = NULL;
      gsize n = (gsize) (p - start);
      const char *text;

      if (n < sizeof buffer)
        {
          memcpy (buffer, start, n);
          buffer[n] = '\0';
          text = buffer;
        }
      else
        text = copy = g_strndup (start, n);

      value.type = JOURNEY_JSON_DOUBLE;
      value.d = g_ascii_strtod (text, NULL); /* ±HUGE_VAL when too large */
    }

  parser->p = p;
  *ref = add_value (parser, &value);
  return TRUE;
}

static gboolean
parse_literal (Parser         *parser,
               const char     *word,
               JourneyJsonType type,
               JourneyJsonRef *ref)
{
  gsize n = strlen (word);
  Value value = { .type = type };

  if ((gsize) (parser->end - parser->p) < n || memcmp (parser->p, word, n) != 0)
    return expected (parser, _("a value"));
  parser->p += n;
  *ref = add_value (parser, &value);
  return TRUE;
}

/* Steps into the array or object that opens at the parser's place: *@empty
 * when @close ends it at once (and is passed). */
static gboolean
enter (Parser   *parser,
       char      close,
       gboolean *empty)
{
  if (++parser->depth > parser->max_depth)
    return fail (parser, parser->p, g_strdup_printf (_("nested deeper than %u levels"), parser->max_depth));
  parser->p++;
  skip_space (parser);
  *empty = parser->p < parser->end && *parser->p == close;
  if (*empty)
    parser->p++;
  return TRUE;
}

/* Moves the children gathered on the stack since @mark into the document. */
static JourneyJsonRef
close_container (Parser         *parser,
                 JourneyJsonType type,
                 guint           mark,
                 guint           count)
{
  JourneyJson *doc = parser->doc;
  Value value = { .type = type, .a = doc->children->len, .b = count };

  /* An empty container adds no children: its stack may still have no
   * storage at all, and NULL + 0 is undefined behaviour. */
  if (parser->stack->len > mark)
    {
      g_array_append_vals (doc->children, &g_array_index (parser->stack, guint32, mark), parser->stack->len - mark);
      g_array_set_size (parser->stack, mark);
    }
  parser->depth--;
  return add_value (parser, &value);
}

/* After an element or a member: a comma goes on (1), @close ends (0),
 * anything else is an error (-1). */
static int
next_or_close (Parser     *parser,
               char        close,
               const char *what)
{
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ',')
    {
      parser->p++;
      return 1;
    }
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return 0;
    }
  expected (parser, what);
  return -1;
}

/* A member's name and its colon. */
static gboolean
parse_name (Parser  *parser,
            guint32 *name)
{
  guint32 length;

  skip_space (parser);
  if (parser->p >= parser->end || *parser->p != '"')
    return expected (parser, _("a member name in double quotes"));
  if (!parse_string (parser, name, &length))
    return FALSE;
  skip_space (parser);
  if (parser->p >= parser->end || *parser->p != ':')
    return expected (parser, "“:”");
  parser->p++;
  return TRUE;
}

/* An array, or with @object an object: its elements, or its members'
 * names and values, gather on the stack until it closes. */
static gboolean
parse_container (Parser         *parser,
                 gboolean        object,
                 JourneyJsonRef *ref)
{
  char close = object ? '}' : ']';
  guint mark = parser->stack->len;
  guint count = 0;
  gboolean empty;
  int next;

  if (!enter (parser, close, &empty))
    return FALSE;
  for (next = !empty; next > 0; next = next_or_close (parser, close, object ? _("“,” or “}”") : _("“,” or “]”")))
    {
      JourneyJsonRef value;
      guint32 name;

      if (object)
        {
          if (!parse_name (parser, &name))
            return FALSE;
          g_array_append_val (parser->stack, name);
        }
      if (!parse_value (parser, &value))
        return FALSE;
      g_array_append_val (parser->stack, value);
      count++;
    }
  if (next < 0)
    return FALSE;

  *ref = close_container (parser, object ? JOURNEY_JSON_OBJECT : JOURNEY_JSON_ARRAY, mark, count);
  return TRUE;
}

static gboolean
parse_value (Parser         *parser,
             JourneyJsonRef *ref)
{
  skip_space (parser);
  if (parser->p >= parser->end)
    return expected (parser, _("a value"));

  switch (*parser->p)
    {
    case '{':
      return parse_container (parser, TRUE, ref);
    case '[':
      return parse_container (parser, FALSE, ref);
    case '"':
      {
        Value value = { .type = JOURNEY_JSON_STRING };

        if (!parse_string (parser, &value.a, &value.b))
          return FALSE;
        *ref = add_value (parser, &value);
        return TRUE;
      }
    case 't':
      return parse_literal (parser, "true", JOURNEY_JSON_TRUE, ref);
    case 'f':
      return parse_literal (parser, "false", JOURNEY_JSON_FALSE, ref);
    case 'n':
      return parse_literal (parser, "null", JOURNEY_JSON_NULL, ref);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (parser, ref);
    default:
      return expected (parser, _("a value"));
    }
}

/**
 * journey_json_parse:
 * @data: (array length=length): UTF-8 text, already validated
 * @error_offset: (out): where the problem is, in bytes from @data
 * @error_message: (out) (transfer full): what the problem is
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
JourneyJson *
journey_json_parse (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    gsize       *error_offset,
                    char       **error_message)
{
  g_autoptr(JourneyJson) doc = g_new0 (JourneyJson, 1);
  Parser parser = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Sizes for a typical file: about one value per 12 bytes. */
  doc->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), MAX (16, length / 12));
  doc->children = g_array_sized_new (FALSE, FALSE, sizeof (guint32), MAX (16, length / 12));
  doc->strings = g_string_sized_new (MAX (64, length / 2));

  parser.doc = doc;
  parser.start = parser.p = data;
  parser.end = data + length;
  parser.max_depth = max_depth;
  parser.stack = g_array_new (FALSE, FALSE, sizeof (guint32));

  ok = parse_value (&parser, &doc->root);
  if (ok)
    {
      skip_space (&parser);
      if (parser.p < parser.end)
        ok = expected (&parser, _("the end of the text"));
    }
  g_array_unref (parser.stack);

  if (!ok)
    {
      *error_offset = (gsize) (parser.error_at - data);
      *error_message = parser.error;
      return NULL;
    }

  return g_steal_pointer (&doc);
}

void
journey_json_free (JourneyJson *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->children, g_array_unref);
  if (self->strings)
    g_string_free (self->strings, TRUE);
  g_free (self);
}

static inline Value *
get_value (JourneyJson    *self,
           JourneyJsonRef  ref)
{
  g_assert (ref < self->values->len);
  return &g_array_index (self->values, Value, ref);
}

JourneyJsonRef
journey_json_root (JourneyJson *self)
{
  return self->root;
}

JourneyJsonType
journey_json_get_type (JourneyJson    *self,
                       JourneyJsonRef  value)
{
  return get_value (self, value)->type;
}

gboolean
journey_json_is_number (JourneyJson    *self,
                        JourneyJsonRef  value)
{
  JourneyJsonType type = get_value (self, value)->type;

  return type == JOURNEY_JSON_INTEGER || type == JOURNEY_JSON_DOUBLE;
}

double
journey_json_get_double (JourneyJson    *self,
                         JourneyJsonRef  value)
{
  Value *v = get_value (self, value);

  return v->type == JOURNEY_JSON_INTEGER ? (double) v->i : v->d;
}

gint64
journey_json_get_integer (JourneyJson    *self,
                          JourneyJsonRef  value)
{
  Value *v = get_value (self, value);

  g_assert (v->type == JOURNEY_JSON_INTEGER);
  return v->i;
}

const char *
journey_json_get_string (JourneyJson    *self,
                         JourneyJsonRef  value)
{
  Value *v = get_value (self, value);

  g_assert (v->type == JOURNEY_JSON_STRING);
  return self->strings->str + v->a;
}

guint
journey_json_get_length (JourneyJson    *self,
                         JourneyJsonRef  value)
{
  Value *v = get_value (self, value);

  g_assert (v->type == JOURNEY_JSON_ARRAY || v->type == JOURNEY_JSON_OBJECT);
  return v->b;
}

JourneyJsonRef
journey_json_get_element (JourneyJson    *self,
                          JourneyJsonRef  array,
                          guint           index)
{
  Value *v = get_value (self, array);

  g_assert (v->type == JOURNEY_JSON_ARRAY && index < v->b);
  return g_array_index (self->children, guint32, v->a + index);
}

const char *
journey_json_get_member_name (JourneyJson    *self,
                              JourneyJsonRef  object,
                              guint           index)
{
  Value *v = get_value (self, object);

  g_assert (v->type == JOURNEY_JSON_OBJECT && index < v->b);
  return self->strings->str + g_array_index (self->children, guint32, v->a + 2 * index);
}

JourneyJsonRef
journey_json_get_member_value (JourneyJson    *self,
                               JourneyJsonRef  object,
                               guint           index)
{
  Value *v = get_value (self, object);

  g_assert (v->type == JOURNEY_JSON_OBJECT && index < v->b);
  return g_array_index (self->children, guint32, v->a + 2 * index + 1);
}

/* The value of the first member named @name. */
gboolean
journey_json_find_member (JourneyJson    *self,
                          JourneyJsonRef  object,
                          const char     *name,
                          JourneyJsonRef *value)
{
  guint n = journey_json_get_length (self, object);

  for (guint i = 0; i < n; i++)
    if (strcmp (journey_json_get_member_name (self, object, i), name) == 0)
      {
        *value = journey_json_get_member_value (self, object, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * journey_json_to_node:
 *
 * Returns: (transfer full): @value and all it holds as a json-glib tree
 */
JsonNode *
journey_json_to_node (JourneyJson    *self,
                      JourneyJsonRef  value)
{
  JsonNode *node;

  switch (journey_json_get_type (self, value))
    {
    case JOURNEY_JSON_NULL:
      return json_node_init_null (json_node_alloc ());
    case JOURNEY_JSON_FALSE:
    case JOURNEY_JSON_TRUE:
      return json_node_init_boolean (json_node_alloc (), journey_json_get_type (self, value) == JOURNEY_JSON_TRUE);
    case JOURNEY_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), journey_json_get_integer (self, value));
    case JOURNEY_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), journey_json_get_double (self, value));
    case JOURNEY_JSON_STRING:
      return json_node_init_string (json_node_alloc (), journey_json_get_string (self, value));
    case JOURNEY_JSON_ARRAY:
      {
        JsonArray *array = json_array_new ();
        guint n = journey_json_get_length (self, value);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, journey_json_to_node (self, journey_json_get_element (self, value, i)));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case JOURNEY_JSON_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();
        guint n = journey_json_get_length (self, value);

        for (guint i = 0; i < n; i++)
          json_object_set_member (object, journey_json_get_member_name (self, value, i),
                                  journey_json_to_node (self, journey_json_get_member_value (self, value, i)));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}
