/* journey-edit-clipboard.c: touchpoints copied and pasted as .journey.
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

/**
 * journey_edit_copy:
 * @touchpoints: (array length=n): touchpoints of @map; others are left out
 * @length: (out) (optional): the length of the text
 *
 * The clipboard's text for @touchpoints: a .journey document that the file
 * reader accepts, with the format and version, the channels of @project
 * that the touchpoints use, the map's persona, and one map with @map's id,
 * title, scale, stages and lanes and only these touchpoints (in the map's
 * order, with everything they hold).  A reference that does not resolve is
 * mended so that the document stays valid: an unknown channel is left out,
 * an unknown lane becomes the first lane.
 *
 * Returns: (transfer full): the text, as journey_format_write_data() writes
 */
char *
journey_edit_copy (JourneyProject           *project,
                   JourneyMap               *map,
                   JourneyTouchpoint *const *touchpoints,
                   guint                     n,
                   gsize                    *length)
{
  g_autoptr(JourneyProject) clip = NULL;
  g_autoptr(JourneyMap) clip_map = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GHashTable) channels = NULL;
  JourneyPersona *persona;
  JourneyLane *first_lane;
  guint n_items;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);
  g_return_val_if_fail (touchpoints != NULL || n == 0, NULL);

  clip = journey_project_new ();
  clip_map = g_object_new (JOURNEY_TYPE_MAP,
                           "id", map->id,
                           "title", map->title,
                           "scale", map->scale,
                           NULL);

  persona = journey_project_find_persona (project, map->persona);
  if (persona != NULL)
    {
      journey_list_append (clip->personas, persona);
      g_object_set (clip_map, "persona", map->persona, NULL);
    }

  /* The stages and lanes are only read, to be written: they can be shared. */
  n_items = journey_list_get_length (map->stages);
  for (guint i = 0; i < n_items; i++)
    journey_list_append (clip_map->stages, journey_list_peek (map->stages, i));
  n_items = journey_list_get_length (map->lanes);
  for (guint i = 0; i < n_items; i++)
    journey_list_append (clip_map->lanes, journey_list_peek (map->lanes, i));
  first_lane = n_items > 0 ? journey_list_peek (map->lanes, 0) : NULL;

  channels = g_hash_table_new (NULL, NULL);
  positions = journey_edit_find_positions (map, touchpoints, n);
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = journey_edit_touchpoint_at (map, positions, i);
      g_autoptr(JourneyTouchpoint) copy = journey_edit_item_copy (JOURNEY_ITEM (tp));
      JourneyChannel *channel = NULL;

      if (tp->channel != NULL)
        {
          channel = journey_project_find_channel (project, tp->channel);
          if (channel != NULL)
            g_hash_table_add (channels, channel);
          else
            g_object_set (copy, "channel", NULL, NULL);
        }
      if (first_lane != NULL && journey_map_find_lane (map, tp->lane) == NULL)
        g_object_set (copy, "lane", first_lane->id, NULL);

      journey_list_append (clip_map->touchpoints, copy);
    }

  /* The channels used, in the project's order. */
  n_items = journey_list_get_length (project->channels);
  for (guint i = 0; i < n_items; i++)
    {
      JourneyChannel *channel = journey_list_peek (project->channels, i);

      if (g_hash_table_remove (channels, channel))
        journey_list_append (clip->channels, channel);
    }

  journey_list_append (clip->maps, clip_map);
  return journey_format_write_data (clip, length);
}

static gboolean
scales_equal (JourneyScale *a,
              JourneyScale *b)
{
  return a->min == b->min && a->max == b->max;
}

/* The lane of @map for a touchpoint of @from in the lane with @id. */
static JourneyLane *
match_lane (JourneyMap *map,
            JourneyMap *from,
            const char *id)
{
  JourneyLane *lane = journey_map_find_lane (map, id);
  JourneyLane *from_lane;
  guint n;

  if (lane != NULL)
    return lane;

  from_lane = journey_map_find_lane (from, id);
  n = journey_list_get_length (map->lanes);
  if (from_lane != NULL)
    for (guint i = 0; i < n; i++)
      {
        lane = journey_list_peek (map->lanes, i);
        if (lane->kind == from_lane->kind)
          return lane;
      }
  return journey_list_peek (map->lanes, 0);
}

static void
set_paste_error (GError      **error,
                 GPtrArray    *problems,
                 const GError *read_error)
{
  g_autofree char *detail = NULL;

  if (problems->len > 0)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, 0);

      detail = g_strdup_printf ("%s%s%s", problem->path, problem->path[0] ? ": " : "", problem->message);
    }
  else
    detail = g_strdup (read_error != NULL ? read_error->message : "");

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
               _("The clipboard holds no touchpoints that can be pasted: %s"), detail);
}

/**
 * journey_edit_paste:
 * @data: (array length=length): the text of a .journey document
 * @time: where the earliest pasted touchpoint goes, or NAN to keep the times
 * @lane: (nullable): the lane that all of them go into, or %NULL to match
 * @pasted: (nullable) (element-type JourneyTouchpoint) (transfer full):
 *   where to append the new touchpoints, each with a reference of its own
 *   (give an array that frees with g_object_unref())
 *
 * Pastes the touchpoints of the first map of a .journey document, as one
 * step "Paste" or "Paste N Touchpoints".  The document is read and checked
 * as a file is; when it is refused, nothing changes and @error says why.
 *
 * Each touchpoint gets a new id made from its own.  Its lane is the lane of
 * @map with its lane's id, else the first with its lane's kind, else the
 * first lane.  A channel that @project does not have is added to it in the
 * same step.  When the document's scale differs from @map's, satisfaction,
 * target and evidence are mapped onto @map's linearly.  Times that do not
 * fit the timeline are clamped to it.
 */
gboolean
journey_edit_paste (JourneyHistory  *history,
                    JourneyProject  *project,
                    JourneyMap      *map,
                    const char      *data,
                    gsize            length,
                    double           time,
                    JourneyLane     *lane,
                    GPtrArray       *pasted,
                    GError         **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(JourneyProject) source = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autofree char *label = NULL;
  JourneyMap *from;
  JourneyIdAllocator ids;
  double shift = 0.0;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (lane == NULL || JOURNEY_IS_LANE (lane), FALSE);

  if (!journey_edit_check_lane (map, lane, error))
    return FALSE;
  if (journey_list_get_length (map->lanes) == 0)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("The map “%s” has no lane to paste into"),
                   journey_map_get_display_name (map));
      return FALSE;
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  source = journey_format_read_data (data != NULL ? data : "", length, problems, &read_error);
  if (source == NULL || journey_list_get_length (source->maps) == 0)
    {
      set_paste_error (error, problems, read_error);
      return FALSE;
    }

  from = journey_list_peek (source->maps, 0);
  n = journey_list_get_length (from->touchpoints);
  if (n == 0)
    return TRUE;

  if (isfinite (time))
    {
      double earliest = INFINITY;

      for (guint i = 0; i < n; i++)
        earliest = MIN (earliest, ((JourneyTouchpoint *) journey_list_peek (from->touchpoints, i))->time);
      shift = time - earliest;
    }

  /* The document was made for this paste alone: its touchpoints and
   * channels are changed to fit and go into the project as they are. */
  touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
  channels = g_ptr_array_new_with_free_func (g_object_unref);
  journey_edit_id_allocator_init (&ids, map);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (from->touchpoints, i);
      JourneyLane *to_lane = lane != NULL ? lane : match_lane (map, from, tp->lane);
      g_autofree char *id = journey_edit_id_allocator_next (&ids, tp->id);

      if (tp->channel != NULL && journey_project_find_channel (project, tp->channel) == NULL)
        {
          JourneyChannel *channel = journey_project_find_channel (source, tp->channel);
          gboolean known = FALSE;

          for (guint j = 0; j < channels->len && !known; j++)
            known = g_strcmp0 (((JourneyChannel *) g_ptr_array_index (channels, j))->id, tp->channel) == 0;
          if (channel != NULL && !known)
            g_ptr_array_add (channels, g_object_ref (channel));
          else if (channel == NULL)
            g_object_set (tp, "channel", NULL, NULL);
        }

      if (!scales_equal (from->scale, map->scale))
        {
          if (!isnan (tp->satisfaction))
            g_object_set (tp, "satisfaction", journey_edit_map_linearly (from->scale, map->scale, tp->satisfaction), NULL);
          if (!isnan (tp->target))
            g_object_set (tp, "target", journey_edit_map_linearly (from->scale, map->scale, tp->target), NULL);
          if (tp->evidence != NULL)
            {
              g_autoptr(JourneyEvidence) evidence = journey_edit_evidence_on_scale (tp->evidence, from->scale, map->scale);
              g_object_set (tp, "evidence", evidence, NULL);
            }
        }

      g_object_set (tp,
                    "id", id,
                    "lane", to_lane->id,
                    "time", journey_map_clamp_to_timeline (map, tp->time + shift),
                    NULL);
      g_ptr_array_add (touchpoints, g_object_ref (tp));
    }
  journey_edit_id_allocator_clear (&ids);

  if (touchpoints->len == 1)
    label = g_strdup (_("Paste"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u Touchpoint", "Paste %u Touchpoints",
                                          touchpoints->len), touchpoints->len);

  journey_history_begin_group (history, label);
  for (guint i = 0; i < channels->len; i++)
    journey_history_insert (history, project->channels, journey_list_get_length (project->channels),
                            g_ptr_array_index (channels, i));
  for (guint i = 0; i < touchpoints->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (touchpoints, i);

      journey_history_insert (history, map->touchpoints, journey_list_get_length (map->touchpoints), tp);
      if (pasted != NULL)
        g_ptr_array_add (pasted, g_object_ref (tp));
    }
  journey_history_end_group (history);
  return TRUE;
}
