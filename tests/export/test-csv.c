/* test-csv.c: the CSV flavours of SPEC §5 (plain, jira, rally), parsed back
 * with libcsv.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "export-test-utils.h"
#include "journey-csv.h"

/* Two maps; actions in every status, with hostile text; votes 0, 1, 3 and 5;
 * a stage name with spaces and a comma; a map title longer than Rally's 32
 * characters for a tag. */
#define CSV_TEST_PROJECT \
  "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Hotel\",\n" \
  "  \"personas\": [ { \"id\": \"p\", \"name\": \"Leisure traveller\" } ],\n" \
  "  \"maps\": [\n" \
  "   { \"id\": \"m\", \"title\": \"Weekend stay\", \"persona\": \"p\",\n" \
  "    \"stages\": [ { \"id\": \"s1\", \"name\": \"Book  online, fast\", \"length\": 2 },\n" \
  "                { \"id\": \"s2\", \"name\": \"Stay\", \"length\": 3 } ],\n" \
  "    \"lanes\": [ { \"id\": \"cust\", \"name\": \"Guest\", \"kind\": \"customer\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"a\", \"title\": \"Visits the website\", \"lane\": \"cust\", \"time\": 0.5, \"votes\": 5,\n" \
  "        \"pain_points\": [ \"Prices without taxes\", \"Slow \\\"search\\\"\" ],\n" \
  "        \"opportunities\": [ \"Total price\" ],\n" \
  "        \"actions\": [ { \"text\": \"Show taxes\", \"owner\": \"Web team\", \"status\": \"open\" },\n" \
  "                     { \"text\": \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\", \"status\": \"doing\" },\n" \
  "                     { \"text\": \"Say \\\"hello\\\", twice\\nthen, on a new line\", \"status\": \"done\" } ] },\n" \
  "      { \"id\": \"b\", \"title\": \"Checks in\", \"lane\": \"cust\", \"time\": 3.5, \"votes\": 3,\n" \
  "        \"actions\": [ { \"text\": \"+1 desk clerk\", \"status\": \"open\" },\n" \
  "                     { \"text\": \"-2 queues\", \"status\": \"doing\" } ] },\n" \
  "      { \"id\": \"c\", \"title\": \"Pays\", \"lane\": \"cust\", \"time\": 4, \"votes\": 1,\n" \
  "        \"actions\": [ { \"text\": \"@desk: print the invoice\", \"status\": \"done\" } ] },\n" \
  "      { \"id\": \"d\", \"title\": \"Leaves\", \"lane\": \"cust\", \"time\": 4.5,\n" \
  "        \"pain_points\": [ \"No taxi\" ] }\n" \
  "    ] },\n" \
  "   { \"id\": \"n\", \"title\": \"A business trip with a very long title indeed\",\n" \
  "    \"stages\": [ { \"id\": \"t\", \"name\": \"Travel\" } ],\n" \
  "    \"lanes\": [ { \"id\": \"l\", \"name\": \"Guest\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"x\", \"title\": \"Takes the train\", \"lane\": \"l\", \"time\": 0.5,\n" \
  "        \"actions\": [ { \"text\": \"Offer a rail ticket\" } ] }\n" \
  "    ] } ] }\n"

/* Actions in file order: text, status, touchpoint, votes. */
static const struct
{
  const char *text;
  const char *jira_status;
  const char *rally_status;
  const char *touchpoint;
  const char *priority;
} actions[] = {
  { "Show taxes", "To Do", "Defined", "Visits the website", "Highest" },
  { "=HYPERLINK(\"http://x\",\"y\")", "In Progress", "In-Progress", "Visits the website", "Highest" },
  { "Say \"hello\", twice\nthen, on a new line", "Done", "Completed", "Visits the website", "Highest" },
  { "+1 desk clerk", "To Do", "Defined", "Checks in", "High" },
  { "-2 queues", "In Progress", "In-Progress", "Checks in", "High" },
  { "@desk: print the invoice", "Done", "Completed", "Pays", "Medium" },
  { "Offer a rail ticket", "To Do", "Defined", "Takes the train", "Low" },
};

/* -- parsing back (parse_csv() is in export-test-utils.h) ------------------ */

/* Every cell of @data is in double quotes: a field starts right after the
 * start, a comma or a line end, and always with a quote. */
static void
assert_all_quoted (const char *data)
{
  gboolean in_quotes = FALSE;
  gboolean field_start = TRUE;

  for (const char *p = data; *p; p++)
    {
      if (field_start)
        {
          g_assert_cmpint (*p, ==, '"');
          field_start = FALSE;
          in_quotes = TRUE;
          continue;
        }
      if (in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            p++;
          else if (*p == '"')
            in_quotes = FALSE;
          continue;
        }
      if (*p == ',')
        field_start = TRUE;
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          field_start = p[1] != '\0';
        }
      else
        g_assert_not_reached ();
    }
  g_assert_false (in_quotes);
}

static char *
write_flavour (JourneyProject    *project,
               JourneyMap        *map,
               JourneyCsvFlavour  flavour,
               GPtrArray        **rows)
{
  gsize length = 0;
  char *data = journey_csv_write_flavour (project, map, flavour, &length);

  g_assert_nonnull (data);
  g_assert_cmpuint (strlen (data), ==, length);
  g_assert_true (g_utf8_validate (data, length, NULL));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  *rows = parse_csv (data, length);
  return data;
}

/* -- tests ----------------------------------------------------------------- */

static void
test_flavour_names (void)
{
  JourneyCsvFlavour flavour = JOURNEY_CSV_RALLY;

  g_assert_true (journey_csv_flavour_from_name ("plain", &flavour));
  g_assert_cmpint (flavour, ==, JOURNEY_CSV_PLAIN);
  g_assert_true (journey_csv_flavour_from_name ("jira", &flavour));
  g_assert_cmpint (flavour, ==, JOURNEY_CSV_JIRA);
  g_assert_true (journey_csv_flavour_from_name ("rally", &flavour));
  g_assert_cmpint (flavour, ==, JOURNEY_CSV_RALLY);
  g_assert_false (journey_csv_flavour_from_name ("Jira", &flavour));
  g_assert_false (journey_csv_flavour_from_name ("excel", &flavour));
  g_assert_false (journey_csv_flavour_from_name (NULL, &flavour));
  g_assert_cmpint (flavour, ==, JOURNEY_CSV_RALLY);

  for (JourneyCsvFlavour f = JOURNEY_CSV_PLAIN; f <= JOURNEY_CSV_RALLY; f++)
    {
      JourneyCsvFlavour back;

      g_assert_true (journey_csv_flavour_from_name (journey_csv_flavour_get_name (f), &back));
      g_assert_cmpint (back, ==, f);
    }
}

static void
test_jira (void)
{
  g_autoptr(JourneyProject) project = test_load_string (CSV_TEST_PROJECT);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = write_flavour (project, NULL, JOURNEY_CSV_JIRA, &rows);
  const char *header[] = { "Summary", "Description", "Issue Type", "Status", "Labels", "Labels", "Priority" };

  assert_all_quoted (data);

  /* The header, then one row per action, of every map. */
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (actions));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (ROW (rows, r)->len, ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (CELL (rows, 0, c), ==, header[c]);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      guint r = i + 1;
      const char *description = CELL (rows, r, 1);
      g_autofree char *touchpoint = g_strdup_printf ("Touchpoint: %s\n", actions[i].touchpoint);

      g_test_message ("row %u: %s", r, CELL (rows, r, 0));
      g_assert_cmpstr (CELL (rows, r, 2), ==, "Task");
      g_assert_cmpstr (CELL (rows, r, 3), ==, actions[i].jira_status);
      g_assert_cmpstr (CELL (rows, r, 6), ==, actions[i].priority);
      g_assert_nonnull (strstr (description, touchpoint));
      /* No label has a space. */
      g_assert_null (strchr (CELL (rows, r, 4), ' '));
      g_assert_null (strchr (CELL (rows, r, 5), ' '));

      /* Hostile text verbatim: formulas keep their first character. */
      if (strchr (actions[i].text, '\n') == NULL)
        g_assert_cmpstr (CELL (rows, r, 0), ==, actions[i].text);
    }

  /* The first map's context. */
  g_assert_cmpstr (CELL (rows, 1, 4), ==, "Weekend-stay");
  g_assert_cmpstr (CELL (rows, 1, 5), ==, "Book-online-fast");
  g_assert_cmpstr (CELL (rows, 4, 5), ==, "Stay");
  g_assert_cmpstr (CELL (rows, 1, 1), ==,
                   "Touchpoint: Visits the website\n"
                   "Stage: Book  online, fast\n"
                   "Map: Weekend stay\n"
                   "Persona: Leisure traveller\n"
                   "Owner: Web team\n"
                   "Votes: 5\n"
                   "Pain points:\n"
                   "- Prices without taxes\n"
                   "- Slow \"search\"");
  /* A summary is one line; the whole text leads the Description. */
  g_assert_cmpstr (CELL (rows, 3, 0), ==, "Say \"hello\", twice then, on a new line");
  g_assert_true (g_str_has_prefix (CELL (rows, 3, 1), "Say \"hello\", twice\nthen, on a new line\n\nTouchpoint: "));
  /* No persona, no owner: no such lines. */
  g_assert_null (strstr (CELL (rows, 7, 1), "Persona:"));
  g_assert_null (strstr (CELL (rows, 7, 1), "Owner:"));
  g_assert_nonnull (strstr (CELL (rows, 7, 1), "Map: A business trip with a very long title indeed\n"));
  g_assert_cmpstr (CELL (rows, 7, 4), ==, "A-business-trip-with-a-very-long-title-indeed");

  /* One map only. */
  {
    g_autoptr(GPtrArray) one = NULL;
    g_autofree char *one_data = write_flavour (project, journey_project_find_map (project, "n"),
                                               JOURNEY_CSV_JIRA, &one);

    g_assert_cmpuint (one->len, ==, 2);
    g_assert_cmpstr (CELL (one, 1, 0), ==, "Offer a rail ticket");
  }
}

static void
test_rally (void)
{
  g_autoptr(JourneyProject) project = test_load_string (CSV_TEST_PROJECT);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = write_flavour (project, NULL, JOURNEY_CSV_RALLY, &rows);
  const char *header[] = { "Name", "Description", "Schedule State", "Tags" };

  assert_all_quoted (data);

  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (actions));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (ROW (rows, r)->len, ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (CELL (rows, 0, c), ==, header[c]);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      guint r = i + 1;
      g_autofree char *touchpoint = g_strdup_printf ("Touchpoint: %s\n", actions[i].touchpoint);
      g_auto(GStrv) tags = g_strsplit (CELL (rows, r, 3), ",", -1);

      g_assert_cmpstr (CELL (rows, r, 2), ==, actions[i].rally_status);
      g_assert_nonnull (strstr (CELL (rows, r, 1), touchpoint));
      if (strchr (actions[i].text, '\n') == NULL)
        g_assert_cmpstr (CELL (rows, r, 0), ==, actions[i].text);

      /* Two tags, map and stage, each without spaces and at most 32
       * characters. */
      g_assert_cmpuint (g_strv_length (tags), ==, 2);
      for (guint t = 0; tags[t]; t++)
        {
          g_assert_cmpuint (strlen (tags[t]), >, 0);
          g_assert_cmpuint (g_utf8_strlen (tags[t], -1), <=, 32);
          g_assert_null (strchr (tags[t], ' '));
        }
    }

  g_assert_cmpstr (CELL (rows, 1, 3), ==, "Weekend-stay,Book-online-fast");
  g_assert_cmpstr (CELL (rows, 7, 3), ==, "A-business-trip-with-a-very-long,Travel");
  g_assert_nonnull (strstr (CELL (rows, 1, 1), "\nMap: Weekend stay\nPersona: Leisure traveller\n"));
  g_assert_nonnull (strstr (CELL (rows, 1, 1), "Pain points:\n- Prices without taxes\n- Slow \"search\""));
  g_assert_true (g_str_has_prefix (CELL (rows, 3, 1), "Say \"hello\", twice\nthen, on a new line\n\n"));
}

/* plain neutralises formulas; the tracker flavours keep the text and
 * quote it. */
static void
test_formulas (void)
{
  g_autoptr(JourneyProject) project = test_load_string (CSV_TEST_PROJECT);
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) jira = NULL;
  g_autoptr(GPtrArray) rally = NULL;
  g_autofree char *plain_data = write_flavour (project, NULL, JOURNEY_CSV_PLAIN, &plain);
  g_autofree char *jira_data = write_flavour (project, NULL, JOURNEY_CSV_JIRA, &jira);
  g_autofree char *rally_data = write_flavour (project, NULL, JOURNEY_CSV_RALLY, &rally);
  g_autofree char *old = journey_csv_write (project, NULL, NULL);
  guint formulas = 0;

  /* plain is the CSV that journey_csv_write has always written. */
  g_assert_cmpstr (plain_data, ==, old);
  g_assert_cmpstr (CELL (plain, 0, 0), ==, "map");

  for (guint r = 1; r < plain->len; r++)
    {
      const char *text = CELL (plain, r, 4);

      /* Nothing in plain starts as a formula... */
      g_assert_true (text[0] == '\0' || strchr ("=+-@", text[0]) == NULL);
      /* ...since those cells start with an apostrophe. */
      if (g_str_equal (CELL (plain, r, 3), "action") && text[0] == '\'')
        formulas++;
    }
  /* =HYPERLINK, +1, -2, @desk */
  g_assert_cmpuint (formulas, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (strchr ("=+-@", actions[i].text[0]) != NULL)
      {
        g_assert_cmpstr (CELL (jira, i + 1, 0), ==, actions[i].text);
        g_assert_cmpstr (CELL (rally, i + 1, 0), ==, actions[i].text);
        /* ...and in the file, inside quotes. */
        {
          g_autofree char *quoted_start = g_strconcat ("\r\n\"", (char[]) { actions[i].text[0], '\0' }, NULL);
          g_assert_nonnull (strstr (jira_data, quoted_start));
          g_assert_nonnull (strstr (rally_data, quoted_start));
        }
      }
}

/* A summary longer than the trackers take is cut to 255 characters on a
 * character boundary; the Description keeps it whole. */
static void
test_long_summary (void)
{
  g_autoptr(JourneyProject) project = test_load_string (CSV_TEST_PROJECT);
  JourneyMap *map = journey_project_find_map (project, "n");
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "x");
  JourneyAction *action = journey_list_peek (tp->actions, 0);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "é€x");
  g_object_set (action, "text", text->str, NULL);

  data = write_flavour (project, map, JOURNEY_CSV_JIRA, &rows);
  g_assert_cmpuint (g_utf8_strlen (CELL (rows, 1, 0), -1), ==, 255);
  g_assert_true (g_str_has_suffix (CELL (rows, 1, 0), "…"));
  g_assert_true (g_str_has_prefix (CELL (rows, 1, 1), text->str));
}

/* A map, stage or touchpoint whose title or name is empty is called by its
 * id, as everywhere else. */
static void
test_empty_names (void)
{
  g_autoptr(JourneyProject) project = test_load_string (CSV_TEST_PROJECT);
  JourneyMap *map = journey_project_find_map (project, "n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;

  g_object_set (map, "title", "", NULL);
  g_object_set (journey_list_peek (map->stages, 0), "name", "", NULL);
  g_object_set (journey_map_find_touchpoint (map, "x"), "title", "", NULL);

  data = write_flavour (project, map, JOURNEY_CSV_PLAIN, &rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (CELL (rows, 1, 0), ==, "n");
  g_assert_cmpstr (CELL (rows, 1, 1), ==, "t");
  g_assert_cmpstr (CELL (rows, 1, 2), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/flavour-names", test_flavour_names);
  g_test_add_func ("/csv/jira", test_jira);
  g_test_add_func ("/csv/rally", test_rally);
  g_test_add_func ("/csv/formulas", test_formulas);
  g_test_add_func ("/csv/long-summary", test_long_summary);
  g_test_add_func ("/csv/empty-names", test_empty_names);

  return g_test_run ();
}
