/* journey-csv.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <csv.h>

#include "journey-csv.h"
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

void
journey_csv_append_cell (GString    *out,
                         const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *neutral = NULL;
  const char *cell;
  gsize len, need;

  g_return_if_fail (out != NULL);

  /* Valid UTF-8 without control characters; line breaks are kept (the
   * quoting keeps them inside the cell). */
  clean = journey_text_sanitize (text ? text : "", TRUE);
  cell = clean;
  if (needs_neutralising (cell))
    cell = neutral = g_strconcat ("'", clean, NULL);

  len = strlen (cell);
  /* Worst case: every byte a quote, doubled, and the two enclosing quotes. */
  need = 2 * len + 2;
  {
    gsize old = out->len;
    gsize written;

    g_string_set_size (out, old + need);
    written = csv_write (out->str + old, need, cell, len);
    g_assert (written <= need);
    g_string_set_size (out, old + written);
  }
}

static const char *
status_name (JourneyStatus status)
{
  switch (status)
    {
    case JOURNEY_STATUS_OPEN:  return "open";
    case JOURNEY_STATUS_DOING: return "doing";
    case JOURNEY_STATUS_DONE:  return "done";
    default:                   return "";
    }
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
  const char *map_name = map->title && *map->title ? map->title : map->id;
  guint n = journey_list_get_length (map->touchpoints);

  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      JourneyStage *stage = journey_map_get_touchpoint_stage (map, tp);
      const char *stage_name = stage ? (stage->name ? stage->name : stage->id) : "";
      const char *tp_name = tp->title && *tp->title ? tp->title : tp->id;
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

char *
journey_csv_write (JourneyProject *project,
                   JourneyMap     *map,
                   gsize          *length)
{
  GString *out;

  g_return_val_if_fail (project != NULL || map != NULL, NULL);

  out = g_string_new (NULL);
  append_row (out, "map", "stage", "touchpoint", "kind", "text", "owner", "status", "votes");

  if (map != NULL)
    append_map (out, map);
  else
    for (guint i = 0; i < journey_list_get_length (project->maps); i++)
      append_map (out, journey_list_peek (project->maps, i));

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}
