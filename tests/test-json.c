/* test-json.c: the strict JSON reader under the file format.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "journey-json.h"

static JourneyJson *
parse_ok (const char *text)
{
  g_autofree char *message = NULL;
  gsize offset = 0;
  JourneyJson *json = journey_json_parse (text, strlen (text), 64, &offset, &message);

  if (json == NULL)
    g_error ("“%s” does not parse: %s at %" G_GSIZE_FORMAT, text, message, offset);
  return json;
}

static void
assert_refused (const char *text,
                gsize       expected_offset,
                const char *fragment)
{
  g_autofree char *message = NULL;
  gsize offset = 0;
  JourneyJson *json = journey_json_parse (text, strlen (text), 64, &offset, &message);

  g_assert_null (json);
  g_assert_nonnull (message);
  g_test_message ("%s → %" G_GSIZE_FORMAT ": %s", text, offset, message);
  g_assert_cmpuint (offset, ==, expected_offset);
  if (strstr (message, fragment) == NULL)
    g_error ("“%s”: expected “%s” in “%s”", text, fragment, message);
}

static void
test_strings (void)
{
  g_autoptr(JourneyJson) json = parse_ok ("[ \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\", \"\\u00e9\\u20AC\", \"\\ud83d\\ude00\", \"\" ]");
  JourneyJsonRef root = journey_json_root (json);

  g_assert_cmpint (journey_json_get_type (json, root), ==, JOURNEY_JSON_ARRAY);
  g_assert_cmpuint (journey_json_get_length (json, root), ==, 4);
  g_assert_cmpstr (journey_json_get_string (json, journey_json_get_element (json, root, 0)), ==, "a\"b\\c/d\be\ff\ng\rh\ti");
  g_assert_cmpstr (journey_json_get_string (json, journey_json_get_element (json, root, 1)), ==, "é€");
  g_assert_cmpstr (journey_json_get_string (json, journey_json_get_element (json, root, 2)), ==, "😀");
  g_assert_cmpstr (journey_json_get_string (json, journey_json_get_element (json, root, 3)), ==, "");
}

static void
test_numbers (void)
{
  g_autoptr(JourneyJson) json = parse_ok ("[0, -0, 12, -7, 1.5, -2.25e2, 1E-2, 4e+1, 123456789012345678, 1234567890123456789, 1e999]");
  JourneyJsonRef root = journey_json_root (json);
  JourneyJsonRef v;

  v = journey_json_get_element (json, root, 2);
  g_assert_cmpint (journey_json_get_type (json, v), ==, JOURNEY_JSON_INTEGER);
  g_assert_cmpint (journey_json_get_integer (json, v), ==, 12);
  g_assert_cmpint (journey_json_get_integer (json, journey_json_get_element (json, root, 3)), ==, -7);
  g_assert_cmpfloat (journey_json_get_double (json, journey_json_get_element (json, root, 4)), ==, 1.5);
  g_assert_cmpfloat (journey_json_get_double (json, journey_json_get_element (json, root, 5)), ==, -225.0);
  g_assert_cmpfloat (journey_json_get_double (json, journey_json_get_element (json, root, 6)), ==, 0.01);
  g_assert_cmpfloat (journey_json_get_double (json, journey_json_get_element (json, root, 7)), ==, 40.0);
  g_assert_cmpint (journey_json_get_integer (json, journey_json_get_element (json, root, 8)), ==, 123456789012345678);
  /* Nineteen digits may not fit 64 bits: read as a double, never wrapped. */
  v = journey_json_get_element (json, root, 9);
  g_assert_cmpint (journey_json_get_type (json, v), ==, JOURNEY_JSON_DOUBLE);
  g_assert_cmpfloat (journey_json_get_double (json, v), ==, 1234567890123456789.0);
  g_assert_true (isinf (journey_json_get_double (json, journey_json_get_element (json, root, 10))));
  g_assert_true (journey_json_is_number (json, journey_json_get_element (json, root, 0)));
}

static void
test_objects_and_literals (void)
{
  g_autoptr(JourneyJson) json = parse_ok (" {\"a\": true, \"b\": false, \"c\": null, \"d\": {}, \"e\": [], \"a\": 1}\n");
  JourneyJsonRef root = journey_json_root (json);
  JourneyJsonRef v;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_assert_cmpuint (journey_json_get_length (json, root), ==, 6);
  g_assert_cmpstr (journey_json_get_member_name (json, root, 3), ==, "d");
  g_assert_cmpint (journey_json_get_type (json, journey_json_get_member_value (json, root, 1)), ==, JOURNEY_JSON_FALSE);
  /* The first of two members with one name is found; the reader above
   * reports the second. */
  g_assert_true (journey_json_find_member (json, root, "a", &v));
  g_assert_cmpint (journey_json_get_type (json, v), ==, JOURNEY_JSON_TRUE);
  g_assert_false (journey_json_find_member (json, root, "z", &v));

  node = journey_json_to_node (json, root);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (text, ==, "{\"a\":1,\"b\":false,\"c\":null,\"d\":{},\"e\":[]}");
}

static void
test_refused (void)
{
  assert_refused ("", 0, "expected a value");
  assert_refused ("[1 2]", 3, "expected “,” or “]”");
  assert_refused ("{\"a\" 1}", 5, "expected “:”");
  assert_refused ("{\"a\": 1 \"b\": 2}", 8, "expected “,” or “}”");
  assert_refused ("{1: 2}", 1, "member name in double quotes");
  assert_refused ("[\"abc", 1, "not closed");
  assert_refused ("[\"abc\\", 1, "not closed");
  assert_refused ("[\"a\tb\"]", 3, "control character");
  assert_refused ("[\"\\x41\"]", 2, "unknown escape");
  assert_refused ("[\"\\u12G4\"]", 2, "four hexadecimal digits");
  assert_refused ("[\"\\u12\"]", 2, "four hexadecimal digits");
  assert_refused ("[\"\\ud83d\"]", 2, "high surrogate");
  assert_refused ("[\"\\ud83d\\u0041\"]", 2, "high surrogate");
  assert_refused ("[\"\\ude00\"]", 2, "low surrogate");
  assert_refused ("[\"\\u0000\"]", 2, "U+0000");
  assert_refused ("[-]", 1, "digit after its sign");
  assert_refused ("[01]", 1, "start with 0");
  assert_refused ("[1.]", 1, "decimal point");
  assert_refused ("[1e]", 1, "exponent");
  assert_refused ("[1e+]", 1, "exponent");
  assert_refused ("[.5]", 1, "expected a value");
  assert_refused ("[tru]", 1, "expected a value");
  assert_refused ("[nul", 1, "expected a value");
  assert_refused ("['a']", 1, "expected a value, not “'”");
  assert_refused ("[1] [2]", 4, "end of the text");
  assert_refused ("[\x01]", 1, "U+0001");
}

static void
test_depth (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JourneyJson) ok = NULL;

  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, ']');
  ok = parse_ok (text->str);

  g_string_prepend_c (text, '[');
  g_string_append_c (text, ']');
  assert_refused (text->str, 64, "nested deeper than 64");
}

static void
test_long_number (void)
{
  g_autoptr(GString) text = g_string_new ("[0.");
  g_autoptr(JourneyJson) json = NULL;

  /* Longer than the stack buffer the reader uses for most numbers. */
  for (guint i = 0; i < 200; i++)
    g_string_append_c (text, '5');
  g_string_append_c (text, ']');
  json = parse_ok (text->str);
  g_assert_cmpfloat_with_epsilon (journey_json_get_double (json, journey_json_get_element (json, journey_json_root (json), 0)),
                                  0.5555555555555556, 1e-15);
}

/* Empty containers, first to close or nested: no children, and (under
 * UBSan) no arithmetic on the empty stack's missing storage. */
static void
test_empty_containers (void)
{
  const char *texts[] = { "{}", "[]", " { } ", "[[]]", "[{}]", "{\"a\":{}}", "{\"maps\":[]}", "[[],{},[[]],1]" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JourneyJson) json = parse_ok (texts[i]);
      JourneyJsonRef root = journey_json_root (json);
      JourneyJsonType type = journey_json_get_type (json, root);

      g_assert_true (type == JOURNEY_JSON_OBJECT || type == JOURNEY_JSON_ARRAY);
    }

  {
    g_autoptr(JourneyJson) json = parse_ok ("{}");
    g_assert_cmpint (journey_json_get_type (json, journey_json_root (json)), ==, JOURNEY_JSON_OBJECT);
    g_assert_cmpuint (journey_json_get_length (json, journey_json_root (json)), ==, 0);
  }
  {
    g_autoptr(JourneyJson) json = parse_ok ("[[],{},[[]],1]");
    JourneyJsonRef root = journey_json_root (json);

    g_assert_cmpuint (journey_json_get_length (json, root), ==, 4);
    g_assert_cmpuint (journey_json_get_length (json, journey_json_get_element (json, root, 0)), ==, 0);
    g_assert_cmpint (journey_json_get_type (json, journey_json_get_element (json, root, 1)), ==, JOURNEY_JSON_OBJECT);
    g_assert_cmpuint (journey_json_get_length (json, journey_json_get_element (json, root, 1)), ==, 0);
    g_assert_cmpuint (journey_json_get_length (json, journey_json_get_element (json, root, 2)), ==, 1);
    g_assert_cmpint (journey_json_get_integer (json, journey_json_get_element (json, root, 3)), ==, 1);
  }
  {
    g_autoptr(JourneyJson) json = parse_ok ("{\"maps\":[]}");
    JourneyJsonRef maps;

    g_assert_true (journey_json_find_member (json, journey_json_root (json), "maps", &maps));
    g_assert_cmpint (journey_json_get_type (json, maps), ==, JOURNEY_JSON_ARRAY);
    g_assert_cmpuint (journey_json_get_length (json, maps), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/strings", test_strings);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/objects-and-literals", test_objects_and_literals);
  g_test_add_func ("/json/refused", test_refused);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/long-number", test_long_number);
  g_test_add_func ("/json/empty-containers", test_empty_containers);

  return g_test_run ();
}
