/* journey-validate.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of SPEC §3 that go beyond the shape of the JSON: references
 * resolve, ids are unique, numbers lie in their ranges and on the map's
 * scale.  They are checked on the model, so a project in memory is checked
 * by the same code as a file being read. */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-format-private.h"
#include "journey-problem.h"

typedef struct
{
  JourneyProject *project;
  GPtrArray      *problems;
  GHashTable     *channels;  /* ids of the project's channels */
  GHashTable     *lanes;     /* ids of the lanes of the map being checked */
} Checker;

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

static GHashTable *
ids_of (JourneyList *list)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = journey_list_get_length (list);

  for (guint i = 0; i < n; i++)
    {
      const char *id = journey_item_get_id (journey_list_peek (list, i));

      if (id != NULL)
        g_hash_table_add (ids, (gpointer) id);
    }
  return ids;
}

/* What the field table alone says of an item's own values. */
static void
check_fields (Checker           *checker,
              JourneyItem       *item,
              const JourneyPath *path)
{
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      JourneyPath field_path = JOURNEY_PATH_KEY (path, field->key);
      gpointer ptr = journey_item_field_ptr (item, field);

      switch (field->kind)
        {
        case JOURNEY_FIELD_STRING:
          {
            const char *s = *(char **) ptr;

            if (s == NULL && (field->flags & JOURNEY_FIELD_REQUIRED))
              journey_problems_add (checker->problems, &field_path, _("is required"));
            else if (s != NULL && s[0] == '\0' && (field->flags & JOURNEY_FIELD_NON_EMPTY))
              journey_problems_add (checker->problems, &field_path, _("must not be empty"));
            else if ((field->flags & JOURNEY_FIELD_TIMESTAMP) && !journey_timestamp_is_valid (s))
              journey_problems_add (checker->problems, &field_path,
                                    _("must be a date and time in ISO 8601 form, such as “2026-11-20T10:00:00Z”"));
          }
          break;

        case JOURNEY_FIELD_COLOR:
          if (*(char **) ptr != NULL && !journey_color_is_valid (*(char **) ptr))
            journey_problems_add (checker->problems, &field_path,
                                  _("must be a colour written as “#rrggbb”, not “%s”"), *(char **) ptr);
          break;

        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
          {
            double d = *(double *) ptr;

            if (field->kind == JOURNEY_FIELD_OPTIONAL && isnan (d))
              break;
            if (!isfinite (d))
              journey_problems_add (checker->problems, &field_path, _("must be a finite number"));
          }
          break;

        case JOURNEY_FIELD_INT:
          if (*(int *) ptr < 0 && !(field->flags & JOURNEY_FIELD_SIGNED))
            journey_problems_add (checker->problems, &field_path, _("must not be negative"));
          break;

        case JOURNEY_FIELD_INTV:
          {
            GArray *ints = *(GArray **) ptr;

            for (guint j = 0; j < ints->len; j++)
              if (g_array_index (ints, int, j) < 0)
                {
                  JourneyPath element_path = JOURNEY_PATH_INDEX (&field_path, j);
                  journey_problems_add (checker->problems, &element_path, _("must not be negative"));
                }
          }
          break;

        case JOURNEY_FIELD_ENUM:
        case JOURNEY_FIELD_BOOLEAN:
        case JOURNEY_FIELD_STRV:
        case JOURNEY_FIELD_OBJECT:
        case JOURNEY_FIELD_LIST:
        default:
          break;
        }
    }
}

/* Checks each item's own fields, and that no two items share an id. */
static void
check_list (Checker           *checker,
            JourneyList       *list,
            const JourneyPath *path,
            gboolean           with_ids)
{
  g_autoptr(GHashTable) seen = with_ids ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
  guint n = journey_list_get_length (list);

  for (guint i = 0; i < n; i++)
    {
      JourneyItem *item = journey_list_peek (list, i);
      JourneyPath item_path = JOURNEY_PATH_INDEX (path, i);
      const char *id;
      gpointer first;

      check_fields (checker, item, &item_path);

      if (!with_ids || (id = journey_item_get_id (item)) == NULL || id[0] == '\0')
        continue;

      if (g_hash_table_lookup_extended (seen, id, NULL, &first))
        {
          JourneyPath id_path = JOURNEY_PATH_KEY (&item_path, "id");
          JourneyPath first_path = JOURNEY_PATH_INDEX (path, GPOINTER_TO_UINT (first));
          g_autofree char *other = journey_path_to_string (&first_path);

          journey_problems_add (checker->problems, &id_path, _("“%s” is the id of %s already"), id, other);
        }
      else
        g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (i));
    }
}

static void
check_on_scale (Checker           *checker,
                JourneyScale      *scale,
                double             value,
                const JourneyPath *path)
{
  if (isfinite (value) && !journey_scale_contains (scale, value))
    journey_problems_add (checker->problems, path,
                          _("must be between %d and %d, the map’s scale, not %g"),
                          scale->min, scale->max, value);
}

static gboolean
check_scale (Checker           *checker,
             JourneyScale      *scale,
             const JourneyPath *path)
{
  JourneyPath min_path = JOURNEY_PATH_KEY (path, "min");
  JourneyPath labels_path = JOURNEY_PATH_KEY (path, "labels");
  guint n_labels = g_strv_length (scale->labels);
  gint64 steps = (gint64) scale->max - scale->min + 1;

  check_fields (checker, JOURNEY_ITEM (scale), path);

  if (scale->min >= scale->max)
    {
      journey_problems_add (checker->problems, &min_path, _("must be less than max"));
      return FALSE;
    }
  if (steps > JOURNEY_SCALE_MAX_STEPS)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, steps);

      /* Translators: %s is a number of steps, %d the most a scale has */
      journey_problems_add (checker->problems, path, _("has %s steps; a scale has at most %d"),
                            number, JOURNEY_SCALE_MAX_STEPS);
      return FALSE;
    }
  /* Within JOURNEY_SCALE_MAX_STEPS from here. */
  if (n_labels != 0 && n_labels != steps)
    journey_problems_add (checker->problems, &labels_path,
                          _("must have one label for each of the %d steps from %d to %d, not %u"),
                          (int) steps, scale->min, scale->max, n_labels);
  return TRUE;
}

/* The evidence and the room's rating of a touchpoint: an aggregate with a
 * mean on the scale and one count per step. */
static void
check_aggregate (Checker           *checker,
                 JourneyMap        *map,
                 JourneyItem       *item,
                 double             mean,
                 GArray            *histogram,
                 gboolean           scale_ok,
                 const JourneyPath *path)
{
  JourneyPath mean_path = JOURNEY_PATH_KEY (path, "mean");
  JourneyPath histogram_path = JOURNEY_PATH_KEY (path, "histogram");
  guint steps;

  check_fields (checker, item, path);
  if (!scale_ok)
    return;

  steps = journey_scale_get_n_steps (map->scale);
  check_on_scale (checker, map->scale, mean, &mean_path);
  if (histogram->len != 0 && histogram->len != steps)
    journey_problems_add (checker->problems, &histogram_path,
                          _("must have one count for each of the %u steps of the scale, not %u"),
                          steps, histogram->len);
}

static void
check_touchpoint (Checker           *checker,
                  JourneyMap        *map,
                  gboolean           scale_ok,
                  double             duration,
                  JourneyTouchpoint *tp,
                  const JourneyPath *path)
{
  JourneyPath lane_path = JOURNEY_PATH_KEY (path, "lane");
  JourneyPath channel_path = JOURNEY_PATH_KEY (path, "channel");
  JourneyPath time_path = JOURNEY_PATH_KEY (path, "time");
  JourneyPath satisfaction_path = JOURNEY_PATH_KEY (path, "satisfaction");
  JourneyPath target_path = JOURNEY_PATH_KEY (path, "target");
  JourneyPath actions_path = JOURNEY_PATH_KEY (path, "actions");
  JourneyPath comments_path = JOURNEY_PATH_KEY (path, "comments");
  JourneyPath evidence_path = JOURNEY_PATH_KEY (path, "evidence");
  JourneyPath room_path = JOURNEY_PATH_KEY (path, "room");

  if (tp->lane != NULL && tp->lane[0] != '\0' && !g_hash_table_contains (checker->lanes, tp->lane))
    journey_problems_add (checker->problems, &lane_path, _("no lane of this map has the id “%s”"), tp->lane);

  if (tp->channel != NULL && tp->channel[0] != '\0' && !g_hash_table_contains (checker->channels, tp->channel))
    journey_problems_add (checker->problems, &channel_path, _("no channel has the id “%s”"), tp->channel);

  if (isfinite (tp->time) && duration > 0 && (tp->time < 0 || tp->time > duration))
    journey_problems_add (checker->problems, &time_path,
                          _("must be a number between 0 and %g, the end of the last stage, not %g"),
                          duration, tp->time);

  if (scale_ok)
    {
      if (!isnan (tp->satisfaction))
        check_on_scale (checker, map->scale, tp->satisfaction, &satisfaction_path);
      if (!isnan (tp->target))
        check_on_scale (checker, map->scale, tp->target, &target_path);
    }

  check_list (checker, tp->actions, &actions_path, FALSE);
  check_list (checker, tp->comments, &comments_path, FALSE);

  if (tp->evidence != NULL)
    check_aggregate (checker, map, JOURNEY_ITEM (tp->evidence), tp->evidence->mean, tp->evidence->histogram,
                     scale_ok, &evidence_path);
  if (tp->room != NULL)
    check_aggregate (checker, map, JOURNEY_ITEM (tp->room), tp->room->mean, tp->room->histogram,
                     scale_ok, &room_path);
}

static void
check_map (Checker           *checker,
           JourneyMap        *map,
           const JourneyPath *path)
{
  JourneyPath persona_path = JOURNEY_PATH_KEY (path, "persona");
  JourneyPath scale_path = JOURNEY_PATH_KEY (path, "scale");
  JourneyPath stages_path = JOURNEY_PATH_KEY (path, "stages");
  JourneyPath lanes_path = JOURNEY_PATH_KEY (path, "lanes");
  JourneyPath touchpoints_path = JOURNEY_PATH_KEY (path, "touchpoints");
  gboolean scale_ok;
  double duration;
  guint n;

  if (map->persona != NULL && map->persona[0] != '\0' &&
      journey_project_find_persona (checker->project, map->persona) == NULL)
    journey_problems_add (checker->problems, &persona_path, _("no persona has the id “%s”"), map->persona);

  scale_ok = check_scale (checker, map->scale, &scale_path);

  if (journey_list_get_length (map->stages) == 0)
    journey_problems_add (checker->problems, &stages_path, _("must hold at least one stage"));
  check_list (checker, map->stages, &stages_path, TRUE);

  n = journey_list_get_length (map->stages);
  for (guint i = 0; i < n; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);
      JourneyPath stage_path = JOURNEY_PATH_INDEX (&stages_path, i);
      JourneyPath length_path = JOURNEY_PATH_KEY (&stage_path, "length");

      if (isfinite (stage->length) && stage->length <= 0)
        journey_problems_add (checker->problems, &length_path, _("must be greater than 0, not %g"), stage->length);
    }

  if (journey_list_get_length (map->lanes) == 0)
    journey_problems_add (checker->problems, &lanes_path, _("must hold at least one lane"));
  check_list (checker, map->lanes, &lanes_path, TRUE);

  check_list (checker, map->touchpoints, &touchpoints_path, TRUE);
  duration = journey_map_get_duration (map);
  if (!isfinite (duration))
    duration = 0;

  checker->lanes = ids_of (map->lanes);
  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath tp_path = JOURNEY_PATH_INDEX (&touchpoints_path, i);

      check_touchpoint (checker, map, scale_ok, duration, journey_list_peek (map->touchpoints, i), &tp_path);
    }
  g_clear_pointer (&checker->lanes, g_hash_table_unref);
}

/**
 * journey_project_check:
 * @problems: (element-type JourneyProblem): where to add the problems found
 *
 * Checks @project against every rule of file format v1.
 *
 * Returns: %TRUE if there is no problem
 */
gboolean
journey_project_check (JourneyProject *project,
                       GPtrArray      *problems)
{
  JourneyPath format_path = JOURNEY_PATH_KEY (NULL, "format");
  JourneyPath version_path = JOURNEY_PATH_KEY (NULL, "version");
  JourneyPath personas_path = JOURNEY_PATH_KEY (NULL, "personas");
  JourneyPath channels_path = JOURNEY_PATH_KEY (NULL, "channels");
  JourneyPath maps_path = JOURNEY_PATH_KEY (NULL, "maps");
  Checker checker = { project, problems, NULL, NULL };
  guint first;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  first = problems->len;

  check_fields (&checker, JOURNEY_ITEM (project), NULL);
  if (project->format != NULL && g_strcmp0 (project->format, "journeys") != 0)
    journey_problems_add (problems, &format_path, _("must be “journeys”, not “%s”"), project->format);
  if (project->version < 1 || project->version > JOURNEY_FORMAT_VERSION)
    journey_problems_add (problems, &version_path, _("must be %d"), JOURNEY_FORMAT_VERSION);

  check_list (&checker, project->personas, &personas_path, TRUE);
  check_list (&checker, project->channels, &channels_path, TRUE);
  checker.channels = ids_of (project->channels);

  if (journey_list_get_length (project->maps) == 0)
    journey_problems_add (problems, &maps_path, _("must hold at least one map"));
  check_list (&checker, project->maps, &maps_path, TRUE);

  n = journey_list_get_length (project->maps);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath map_path = JOURNEY_PATH_INDEX (&maps_path, i);

      check_map (&checker, journey_list_peek (project->maps, i), &map_path);
    }

  g_hash_table_unref (checker.channels);
  return problems->len == first;
}
