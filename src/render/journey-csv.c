/* journey-csv.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <csv.h>

#include "journey-csv.h"
#include "journey-enums.h"
#include "journey-text.h"

static gboolean
needs_neutralising (const char *text)
{
  /* A spreadsheet runs a cell that starts with one of these as a formula
   * (OWASP "CSV injection"), even after leading spaces in some. */
  while (*text == ' ')
    text++;
  return strchr ("=+-@\t\r", *text) != NULL && *text != '\0';
}

/* Appends @cell in double quotes, with its quotes doubled (libcsv quotes
 * every cell, whatever it holds). */
static void
append_quoted (GString    *out,
               const char *cell)
{
  gsize len = strlen (cell);
  /* Worst case: every byte a quote, doubled, and the two enclosing quotes. */
  gsize need = 2 * len + 2;
  gsize old = out->len;
  gsize written;

  g_string_set_size (out, old + need);
  written = csv_write (out->str + old, need, cell, len);
  g_assert (written <= need);
  g_string_set_size (out, old + written);
}

void
journey_csv_append_cell (GString    *out,
                         const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *neutral = NULL;
  const char *cell;

  g_return_if_fail (out != NULL);

  /* Valid UTF-8 without control characters; line breaks are kept (the
   * quoting keeps them inside the cell). */
  clean = journey_text_sanitize (text ? text : "", TRUE);
  cell = clean;
  if (needs_neutralising (cell))
    cell = neutral = g_strconcat ("'", clean, NULL);

  append_quoted (out, cell);
}

/* A cell for an importer: quoted, never changed beyond valid UTF-8 without
 * control characters. */
static void
append_verbatim_cell (GString    *out,
                      const char *text)
{
  g_autofree char *clean = journey_text_sanitize (text ? text : "", TRUE);

  append_quoted (out, clean);
}

/* The file format's name of @status: its enum nick. */
static const char *
status_name (JourneyStatus status)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (JOURNEY_TYPE_STATUS));
  value = g_enum_get_value (klass, (int) status);
  return value ? value->value_nick : "";
}

static void
append_row (GString    *out,
            const char *map,
            const char *stage,
            const char *touchpoint,
            const char *kind,
            const char *text,
            const char *owner,
            const char *status,
            const char *votes)
{
  journey_csv_append_cell (out, map);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, stage);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, touchpoint);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, kind);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, text);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, owner);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, status);
  g_string_append_c (out, ',');
  journey_csv_append_cell (out, votes);
  g_string_append (out, "\r\n");
}

static void
append_map (GString    *out,
            JourneyMap *map)
{
  const char *map_name = journey_map_get_display_name (map);
  guint n = journey_list_get_length (map->touchpoints);

  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      JourneyStage *stage = journey_map_get_touchpoint_stage (map, tp);
      const char *stage_name = stage ? journey_stage_get_display_name (stage) : "";
      const char *tp_name = journey_touchpoint_get_display_name (tp);
      char votes[16];

      g_snprintf (votes, sizeof votes, "%d", MAX (tp->votes, 0));

      for (guint k = 0; tp->pain_points && tp->pain_points[k]; k++)
        append_row (out, map_name, stage_name, tp_name, "pain point",
                    tp->pain_points[k], "", "", votes);

      for (guint k = 0; tp->opportunities && tp->opportunities[k]; k++)
        append_row (out, map_name, stage_name, tp_name, "opportunity",
                    tp->opportunities[k], "", "", votes);

      for (guint k = 0; tp->actions && k < journey_list_get_length (tp->actions); k++)
        {
          JourneyAction *action = journey_list_peek (tp->actions, k);
          append_row (out, map_name, stage_name, tp_name, "action",
                      action->text, action->owner, status_name (action->status), votes);
        }
    }
}

/* -- Tracker flavours ------------------------------------------------------ */

/* Jira's default priorities, from the dot votes a touchpoint got in the
 * workshop: none is Low, the most voted (5 or more) Highest.  Lowest is
 * left for the team to set. */
static const char *
jira_priority (int votes)
{
  if (votes >= 5)
    return "Highest";
  if (votes >= 3)
    return "High";
  if (votes >= 1)
    return "Medium";
  return "Low";
}

static const char *
tracker_status (JourneyCsvFlavour flavour,
                JourneyStatus     status)
{
  gboolean jira = flavour == JOURNEY_CSV_JIRA;

  switch (status)
    {
    case JOURNEY_STATUS_DOING:
      return jira ? "In Progress" : "In-Progress";
    case JOURNEY_STATUS_DONE:
      return jira ? "Done" : "Completed";
    case JOURNEY_STATUS_OPEN:
    default:
      return jira ? "To Do" : "Defined";
    }
}

/* A label (Jira) or tag (Rally) from a name: runs of spaces, commas and
 * line breaks become one "-", since neither tracker takes a space in a
 * label and Rally splits its Tags cell at commas.  At most @max characters
 * (Rally's tags hold 32). */
static char *
make_label (const char *name,
            guint       max)
{
  g_autofree char *clean = journey_text_sanitize (name ? name : "", FALSE);
  GString *label = g_string_new (NULL);
  gboolean gap = FALSE;
  guint n = 0;

  for (const char *p = clean; *p && n < max; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',' || c == ';')
        {
          gap = label->len > 0;
          continue;
        }
      if (gap)
        {
          if (n + 1 >= max)
            break;
          g_string_append_c (label, '-');
          n++;
          gap = FALSE;
        }
      g_string_append_unichar (label, c);
      n++;
    }
  return g_string_free (label, FALSE);
}

/* One line, at most 255 characters: both trackers refuse a longer or a
 * multi-line summary (Jira) or name (Rally).  The whole text is in the
 * Description. */
static char *
make_summary (const char *text)
{
  g_autofree char *line = journey_text_sanitize (text ? text : "", FALSE);
  const guint max = 255;

  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > max)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max - 1);
      return g_strconcat (g_strchomp (cut), "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
make_description (JourneyProject    *project,
                  JourneyMap        *map,
                  const char        *map_name,
                  const char        *stage_name,
                  JourneyTouchpoint *tp,
                  const char        *tp_name,
                  JourneyAction     *action,
                  const char        *summary)
{
  GString *text = g_string_new (NULL);
  JourneyPersona *persona = NULL;

  if (project != NULL && map->persona != NULL)
    persona = journey_project_find_persona (project, map->persona);

  /* The action's whole text, when the summary had to shorten it or put it
   * on one line. */
  if (action->text != NULL && !g_str_equal (action->text, summary))
    {
      g_string_append (text, action->text);
      g_string_append (text, "\n\n");
    }

  /* TRANSLATORS: lines of the Description of an issue exported for Jira
   * or Rally; the value follows the colon */
  g_string_append_printf (text, _("Touchpoint: %s"), tp_name);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Stage: %s"), stage_name);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Map: %s"), map_name);
  g_string_append_c (text, '\n');
  if (map->persona != NULL)
    {
      g_string_append_printf (text, _("Persona: %s"),
                              persona ? journey_persona_get_display_name (persona) : map->persona);
      g_string_append_c (text, '\n');
    }
  if (action->owner != NULL && *action->owner)
    {
      g_string_append_printf (text, _("Owner: %s"), action->owner);
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, _("Votes: %d"), MAX (tp->votes, 0));
  if (tp->pain_points && tp->pain_points[0])
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Pain points:"));
      for (guint k = 0; tp->pain_points[k]; k++)
        {
          g_string_append (text, "\n- ");
          g_string_append (text, tp->pain_points[k]);
        }
    }
  return g_string_free (text, FALSE);
}

static void
append_tracker_header (GString           *out,
                       JourneyCsvFlavour  flavour)
{
  /* Never translated: the importers map these names. */
  if (flavour == JOURNEY_CSV_JIRA)
    g_string_append (out, "\"Summary\",\"Description\",\"Issue Type\",\"Status\","
                          "\"Labels\",\"Labels\",\"Priority\"\r\n");
  else
    g_string_append (out, "\"Name\",\"Description\",\"Schedule State\",\"Tags\"\r\n");
}

static void
append_tracker_map (GString           *out,
                    JourneyProject    *project,
                    JourneyMap        *map,
                    JourneyCsvFlavour  flavour)
{
  const char *map_name = journey_map_get_display_name (map);
  guint label_max = flavour == JOURNEY_CSV_RALLY ? 32 : 255;
  g_autofree char *map_label = make_label (map_name, label_max);
  guint n = journey_list_get_length (map->touchpoints);

  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      JourneyStage *stage = journey_map_get_touchpoint_stage (map, tp);
      const char *stage_name = stage ? journey_stage_get_display_name (stage) : "";
      const char *tp_name = journey_touchpoint_get_display_name (tp);
      g_autofree char *stage_label = make_label (stage_name, label_max);

      for (guint k = 0; tp->actions && k < journey_list_get_length (tp->actions); k++)
        {
          JourneyAction *action = journey_list_peek (tp->actions, k);
          g_autofree char *summary = make_summary (action->text && *action->text ? action->text : tp_name);
          g_autofree char *description = make_description (project, map, map_name, stage_name,
                                                           tp, tp_name, action, summary);

          append_verbatim_cell (out, summary);
          g_string_append_c (out, ',');
          append_verbatim_cell (out, description);
          g_string_append_c (out, ',');
          if (flavour == JOURNEY_CSV_JIRA)
            {
              append_verbatim_cell (out, "Task");
              g_string_append_c (out, ',');
              append_verbatim_cell (out, tracker_status (flavour, action->status));
              g_string_append_c (out, ',');
              append_verbatim_cell (out, map_label);
              g_string_append_c (out, ',');
              append_verbatim_cell (out, stage_label);
              g_string_append_c (out, ',');
              append_verbatim_cell (out, jira_priority (tp->votes));
            }
          else
            {
              g_autofree char *tags = NULL;

              append_verbatim_cell (out, tracker_status (flavour, action->status));
              g_string_append_c (out, ',');
              if (*map_label && *stage_label)
                tags = g_strconcat (map_label, ",", stage_label, NULL);
              else
                tags = g_strconcat (map_label, stage_label, NULL);
              append_verbatim_cell (out, tags);
            }
          g_string_append (out, "\r\n");
        }
    }
}

gboolean
journey_csv_flavour_from_name (const char        *name,
                               JourneyCsvFlavour *flavour)
{
  g_return_val_if_fail (flavour != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_str_equal (name, "plain"))
    *flavour = JOURNEY_CSV_PLAIN;
  else if (g_str_equal (name, "jira"))
    *flavour = JOURNEY_CSV_JIRA;
  else if (g_str_equal (name, "rally"))
    *flavour = JOURNEY_CSV_RALLY;
  else
    return FALSE;
  return TRUE;
}

const char *
journey_csv_flavour_get_name (JourneyCsvFlavour flavour)
{
  switch (flavour)
    {
    case JOURNEY_CSV_JIRA:
      return "jira";
    case JOURNEY_CSV_RALLY:
      return "rally";
    case JOURNEY_CSV_PLAIN:
    default:
      return "plain";
    }
}

char *
journey_csv_write_flavour (JourneyProject    *project,
                           JourneyMap        *map,
                           JourneyCsvFlavour  flavour,
                           gsize             *length)
{
  GString *out;
  guint n_maps;

  g_return_val_if_fail (project != NULL || map != NULL, NULL);

  out = g_string_new (NULL);
  n_maps = map != NULL ? 1 : journey_list_get_length (project->maps);

  if (flavour == JOURNEY_CSV_PLAIN)
    append_row (out, "map", "stage", "touchpoint", "kind", "text", "owner", "status", "votes");
  else
    append_tracker_header (out, flavour);

  for (guint i = 0; i < n_maps; i++)
    {
      JourneyMap *m = map != NULL ? map : journey_list_peek (project->maps, i);

      if (flavour == JOURNEY_CSV_PLAIN)
        append_map (out, m);
      else
        append_tracker_map (out, project, m, flavour);
    }

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
journey_csv_write (JourneyProject *project,
                   JourneyMap     *map,
                   gsize          *length)
{
  return journey_csv_write_flavour (project, map, JOURNEY_CSV_PLAIN, length);
}
