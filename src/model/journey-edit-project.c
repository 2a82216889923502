/* journey-edit-project.c: the inspector's edits of stages, lanes,
 * personas, channels and maps.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-edit-private.h"
#include "journey-format.h"

/* -- Stages, lanes, personas, channels ----------------------------------- */

JourneyStage *
journey_edit_add_stage (JourneyHistory *history,
                        JourneyMap     *map,
                        const char     *name)
{
  g_autoptr(JourneyStage) stage = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  id = journey_list_new_id (map->stages, "stage");
  stage = g_object_new (JOURNEY_TYPE_STAGE, "id", id, "name", name, "length", 1.0, NULL);
  journey_edit_append (history, map->stages, stage, _("Add a Stage"));
  return stage;
}

JourneyLane *
journey_edit_add_lane (JourneyHistory  *history,
                       JourneyMap      *map,
                       const char      *name,
                       JourneyLaneKind  kind)
{
  g_autoptr(JourneyLane) lane = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  id = journey_list_new_id (map->lanes, "lane");
  lane = g_object_new (JOURNEY_TYPE_LANE, "id", id, "name", name, "kind", kind, NULL);
  journey_edit_append (history, map->lanes, lane, _("Add a Lane"));
  return lane;
}

gboolean
journey_edit_delete_stage (JourneyHistory  *history,
                           JourneyMap      *map,
                           guint            position,
                           gboolean         keep_touchpoints,
                           gboolean         to_next,
                           GError         **error)
{
  guint n_stages;
  JourneyStage *stage;
  double start, length, n_start = 0, n_length = 0;
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  n_stages = journey_list_get_length (map->stages);
  if (position >= n_stages || n_stages < 2)
    {
      g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                           _("A map needs at least one stage"));
      return FALSE;
    }
  if (position == n_stages - 1)
    to_next = FALSE;
  if (position == 0)
    to_next = TRUE;

  stage = journey_list_peek (map->stages, position);
  start = journey_map_get_stage_start (map, position);
  length = journey_stage_get_span (stage);
  if (to_next)
    {
      /* After the deletion the next stage starts where this one did. */
      n_start = start;
      n_length = journey_stage_get_span (journey_list_peek (map->stages, position + 1));
    }
  else
    {
      n_start = journey_map_get_stage_start (map, position - 1);
      n_length = journey_stage_get_span (journey_list_peek (map->stages, position - 1));
    }

  /* Translators: an undo step; %s is a stage's name */
  label = g_strdup_printf (_("Delete Stage “%s”"), journey_stage_get_display_name (stage));
  journey_history_begin_group (history, label);
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      int at = journey_map_get_stage_at (map, tp->time);

      if (at == (int) position)
        {
          if (keep_touchpoints)
            {
              double fraction = CLAMP ((tp->time - start) / length, 0.0, 1.0);

              journey_history_set (history, tp, "time", n_start + fraction * n_length, NULL);
            }
          else
            g_ptr_array_add (doomed, tp);
        }
      else if (at > (int) position)
        journey_history_set (history, tp, "time", MAX (0.0, tp->time - length), NULL);
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      guint at;

      if (journey_list_find (map->touchpoints, g_ptr_array_index (doomed, i), &at))
        journey_history_remove (history, map->touchpoints, at);
    }
  journey_history_remove (history, map->stages, position);
  journey_history_end_group (history);
  return TRUE;
}

gboolean
journey_edit_move_stage (JourneyHistory *history,
                         JourneyMap     *map,
                         guint           from,
                         guint           to)
{
  guint n_stages, n;
  JourneyStage *stage;
  g_autofree int *stage_of = NULL;
  g_autofree double *offset = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  n_stages = journey_list_get_length (map->stages);
  if (from >= n_stages || to >= n_stages || from == to)
    return FALSE;

  n = journey_list_get_length (map->touchpoints);
  stage_of = g_new (int, n);
  offset = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      stage_of[i] = journey_map_get_stage_at (map, tp->time);
      offset[i] = tp->time - journey_map_get_stage_start (map, (guint) stage_of[i]);
    }

  stage = journey_list_peek (map->stages, from);
  /* Translators: an undo step; %s is a stage's name */
  label = g_strdup_printf (_("Move Stage “%s”"), journey_stage_get_display_name (stage));
  journey_history_begin_group (history, label);
  /* The stages first, so that their new starts can be read. */
  {
    g_autoptr(GPtrArray) old = g_ptr_array_new ();

    for (guint i = 0; i < n_stages; i++)
      g_ptr_array_add (old, journey_list_peek (map->stages, i));
    journey_history_move (history, map->stages, from, to);
    for (guint i = 0; i < n; i++)
      {
        JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
        JourneyStage *own = g_ptr_array_index (old, stage_of[i]);
        guint now;
        double span = journey_stage_get_span (own);
        double off = offset[i];

        journey_list_find (map->stages, own, &now);
        /* The end of a stage is the start of the next, but for the last. */
        if (off >= span && now + 1 < n_stages)
          off = span * 0.99;
        journey_history_set (history, tp, "time", journey_map_get_stage_start (map, now) + off, NULL);
      }
  }
  journey_history_end_group (history);
  return TRUE;
}

static void
add_use (gpointer    item,
         const char *property,
         gpointer    uses)
{
  g_ptr_array_add (uses, item);
}

gboolean
journey_edit_delete_lane (JourneyHistory  *history,
                          JourneyMap      *map,
                          JourneyLane     *lane,
                          JourneyLane     *move_to,
                          GError         **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) in_lane = g_ptr_array_new ();
  guint position;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_LANE (lane), FALSE);
  g_return_val_if_fail (move_to != lane, FALSE);

  if (!journey_list_find (map->lanes, lane, &position) || journey_list_get_length (map->lanes) < 2)
    {
      g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                           _("A map needs at least one lane"));
      return FALSE;
    }

  /* Translators: an undo step; %s is a lane's name */
  label = g_strdup_printf (_("Delete Lane “%s”"), journey_lane_get_display_name (lane));
  journey_map_foreach_use (map, JOURNEY_TYPE_LANE, lane->id, add_use, in_lane);
  journey_history_begin_group (history, label);
  for (guint i = 0; i < in_lane->len; i++)
    {
      guint at;

      if (move_to != NULL)
        journey_history_set (history, g_ptr_array_index (in_lane, i), "lane", move_to->id, NULL);
      else if (journey_list_find (map->touchpoints, g_ptr_array_index (in_lane, i), &at))
        journey_history_remove (history, map->touchpoints, at);
    }
  journey_history_remove (history, map->lanes, position);
  journey_history_end_group (history);
  return TRUE;
}

/* A new item of @type named @name, with a fresh id, at the end of @list,
 * in one step named @label. */
static gpointer
add_shared (JourneyHistory *history,
            JourneyList    *list,
            GType           type,
            const char     *id_prefix,
            const char     *name,
            const char     *label)
{
  g_autofree char *id = journey_list_new_id (list, id_prefix);
  g_autoptr(GObject) item = g_object_new (type, "id", id, "name", name, NULL);

  journey_edit_append (history, list, item, label);
  /* The list holds it now. */
  return item;
}

JourneyPersona *
journey_edit_add_persona (JourneyHistory *history,
                          JourneyProject *project,
                          const char     *name)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);

  return add_shared (history, project->personas, JOURNEY_TYPE_PERSONA, "persona", name, _("Add a Persona"));
}

JourneyChannel *
journey_edit_add_channel (JourneyHistory *history,
                          JourneyProject *project,
                          const char     *name)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);

  return add_shared (history, project->channels, JOURNEY_TYPE_CHANNEL, "channel", name, _("Add a Channel"));
}

/* Takes a persona's or a channel's id out of a use of it. */
static void
clear_use (gpointer    item,
           const char *property,
           gpointer    history)
{
  journey_history_set (history, item, property, NULL, NULL);
}

/* Removes the persona or channel at @position of @list, one of the
 * project's lists that the maps refer to, in one step: first its id is
 * taken out of whatever named it. */
static void
delete_shared (JourneyHistory *history,
               JourneyProject *project,
               JourneyList    *list,
               guint           position)
{
  JourneyItem *item = journey_list_peek (list, position);
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  if (item == NULL)
    return;

  id = g_strdup (journey_item_get_id (item));
  if (JOURNEY_IS_PERSONA (item))
    /* Translators: an undo step; %s is a persona's name */
    label = g_strdup_printf (_("Delete Persona “%s”"), journey_item_get_display_name (item));
  else
    /* Translators: an undo step; %s is a channel's name */
    label = g_strdup_printf (_("Delete Channel “%s”"), journey_item_get_display_name (item));

  journey_history_begin_group (history, label);
  journey_project_foreach_use (project, G_OBJECT_TYPE (item), id, clear_use, history);
  journey_history_remove (history, list, position);
  journey_history_end_group (history);
}

void
journey_edit_delete_persona (JourneyHistory *history,
                             JourneyProject *project,
                             guint           position)
{
  g_return_if_fail (JOURNEY_IS_PROJECT (project));

  delete_shared (history, project, project->personas, position);
}

void
journey_edit_delete_channel (JourneyHistory *history,
                             JourneyProject *project,
                             guint           position)
{
  g_return_if_fail (JOURNEY_IS_PROJECT (project));

  delete_shared (history, project, project->channels, position);
}

/* -- Maps ---------------------------------------------------------------- */

/* A deep copy of @map, through the file format: the copy is exactly what a
 * save and a load would give. */
static JourneyMap *
copy_map (JourneyProject *project,
          JourneyMap     *map)
{
  g_autoptr(JourneyProject) scratch = journey_project_new ();
  g_autoptr(JourneyProject) copy = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < journey_list_get_length (project->personas); i++)
    journey_list_append (scratch->personas, journey_list_peek (project->personas, i));
  for (guint i = 0; i < journey_list_get_length (project->channels); i++)
    journey_list_append (scratch->channels, journey_list_peek (project->channels, i));
  journey_list_append (scratch->maps, map);

  data = journey_format_write_data (scratch, &length);
  copy = journey_format_read_data (data, length, problems, NULL);
  if (copy == NULL)
    return NULL;
  return journey_list_steal (copy->maps, 0);
}

JourneyMap *
journey_edit_add_map (JourneyHistory *history,
                      JourneyProject *project,
                      JourneyMap     *source,
                      const char     *channel,
                      const char     *title)
{
  g_autoptr(JourneyMap) map = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (source == NULL || JOURNEY_IS_MAP (source), NULL);

  id = journey_list_new_id (project->maps, "map");
  if (source != NULL)
    {
      map = copy_map (project, source);
      g_return_val_if_fail (map != NULL, NULL);
      if (channel != NULL)
        for (guint i = journey_list_get_length (map->touchpoints); i > 0; i--)
          {
            JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i - 1);

            if (g_strcmp0 (tp->channel, channel) != 0)
              g_object_unref (journey_list_steal (map->touchpoints, i - 1));
          }
      g_object_set (map, "id", id, "title", title, NULL);
    }
  else
    {
      g_autoptr(JourneyStage) stage = g_object_new (JOURNEY_TYPE_STAGE, "id", "stage", "name", _("Stage 1"),
                                                    "length", 1.0, NULL);
      g_autoptr(JourneyLane) lane = g_object_new (JOURNEY_TYPE_LANE, "id", "customer", "name", _("Customer"),
                                                  "kind", JOURNEY_LANE_CUSTOMER, NULL);

      map = g_object_new (JOURNEY_TYPE_MAP, "id", id, "title", title, NULL);
      journey_list_append (map->stages, stage);
      journey_list_append (map->lanes, lane);
    }

  /* Translators: an undo step; %s is a map's title */
  label = g_strdup_printf (_("Add Map “%s”"), journey_map_get_display_name (map));
  journey_edit_append (history, project->maps, map, label);
  return map;
}

gboolean
journey_edit_delete_map (JourneyHistory  *history,
                         JourneyProject  *project,
                         guint            position,
                         GError         **error)
{
  JourneyMap *map;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);

  map = journey_list_peek (project->maps, position);
  if (map == NULL || journey_list_get_length (project->maps) < 2)
    {
      g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                           _("A project needs at least one map"));
      return FALSE;
    }

  /* Translators: an undo step; %s is a map's title */
  label = g_strdup_printf (_("Delete Map “%s”"), journey_map_get_display_name (map));
  journey_history_begin_group (history, label);
  journey_history_remove (history, project->maps, position);
  journey_history_end_group (history);
  return TRUE;
}
