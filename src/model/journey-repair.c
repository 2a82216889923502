/* journey-repair.c: a project that breaks a rule of SPEC §3, mended
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Open a Repaired Copy": a file with a bad value is still refused, but
 * the user may open a copy of it with each problem mended the least
 * surprising way, every change listed with its place.  Values out of
 * their range are clamped into it, a touchpoint on a lane the map does
 * not have goes to a lane of the map, other references that do not
 * resolve are left out, two items with the same id get different ids.
 * What has no sensible mend (a scale whose ends are the wrong way round,
 * a map without stages or lanes, a file that is not a journey) is not
 * mended, and the copy is not offered. */

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
  GPtrArray      *changes;
} Repair;

/* What the field table alone says of an item's own values, mended. */
static void
repair_fields (Repair            *repair,
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
            char **s = ptr;

            /* Ids are the lists' business (repair_ids()), references
             * the map's and the touchpoints'. */
            if (g_str_equal (field->key, "id") || g_str_equal (field->key, "lane"))
              break;
            if (*s == NULL && (field->flags & JOURNEY_FIELD_REQUIRED))
              {
                *s = g_strdup ("");
                journey_problems_add (repair->changes, &field_path, _("was missing; now empty"));
              }
            else if (*s != NULL && (*s)[0] == '\0' && (field->flags & JOURNEY_FIELD_NON_EMPTY))
              {
                g_clear_pointer (s, g_free);
                journey_problems_add (repair->changes, &field_path, _("was empty; left out"));
              }
            else if ((field->flags & JOURNEY_FIELD_TIMESTAMP) && !journey_timestamp_is_valid (*s))
              {
                journey_problems_add (repair->changes, &field_path,
                                      _("“%s” is not a date and time in ISO 8601 form; left out"), *s);
                g_clear_pointer (s, g_free);
              }
          }
          break;

        case JOURNEY_FIELD_COLOR:
          {
            char **s = ptr;

            if (*s != NULL && !journey_color_is_valid (*s))
              {
                journey_problems_add (repair->changes, &field_path,
                                      _("“%s” is not a colour written as “#rrggbb”; left out"), *s);
                g_clear_pointer (s, g_free);
              }
          }
          break;

        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
          {
            double *d = ptr;

            if (field->kind == JOURNEY_FIELD_OPTIONAL && isnan (*d))
              break;
            if (!isfinite (*d))
              {
                *d = field->kind == JOURNEY_FIELD_OPTIONAL ? NAN : field->default_value;
                journey_problems_add (repair->changes, &field_path, _("was not a finite number; left out"));
              }
          }
          break;

        case JOURNEY_FIELD_INT:
          if (*(int *) ptr < 0 && !(field->flags & JOURNEY_FIELD_SIGNED))
            {
              journey_problems_add (repair->changes, &field_path, _("was %d; now 0"), *(int *) ptr);
              *(int *) ptr = 0;
            }
          break;

        case JOURNEY_FIELD_INTV:
          {
            GArray *ints = *(GArray **) ptr;

            for (guint j = 0; j < ints->len; j++)
              if (g_array_index (ints, int, j) < 0)
                {
                  JourneyPath element_path = JOURNEY_PATH_INDEX (&field_path, j);

                  journey_problems_add (repair->changes, &element_path, _("was %d; now 0"),
                                        g_array_index (ints, int, j));
                  g_array_index (ints, int, j) = 0;
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

static void
set_id (JourneyItem *item,
        const char  *id)
{
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  const JourneyField *field = journey_item_class_lookup_field (klass, "id", NULL);
  char **ptr = journey_item_field_ptr (item, field);

  g_free (*ptr);
  *ptr = g_strdup (id);
}

/* Mends each item's own fields and, when @base_id is given, the ids:
 * an item without one, or with the id of an item before it, gets a new
 * one made of the old (or of @base_id) and a number. */
static void
repair_list (Repair            *repair,
             JourneyList       *list,
             const JourneyPath *path,
             const char        *base_id)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) next = NULL;
  guint n = journey_list_get_length (list);

  for (guint i = 0; i < n; i++)
    {
      JourneyPath item_path = JOURNEY_PATH_INDEX (path, i);

      repair_fields (repair, journey_list_peek (list, i), &item_path);
    }

  if (base_id == NULL)
    return;

  /* Every id in the list, so that a new one takes none of them. */
  all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *id = journey_item_get_id (journey_list_peek (list, i));

      if (id != NULL && id[0] != '\0')
        g_hash_table_add (all, g_strdup (id));
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      JourneyItem *item = journey_list_peek (list, i);
      JourneyPath item_path = JOURNEY_PATH_INDEX (path, i);
      JourneyPath id_path = JOURNEY_PATH_KEY (&item_path, "id");
      const char *id = journey_item_get_id (item);
      g_autofree char *new_id = NULL;
      gpointer first = NULL;

      if (id != NULL && id[0] != '\0' && !g_hash_table_lookup_extended (seen, id, NULL, &first))
        {
          g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (i));
          continue;
        }

      /* The second "c" becomes "c-2"; an item without an id "lane-1".
       * Each stem counts on from where it stopped, so that a list of
       * thousands of ids given twice is mended in linear time. */
      {
        const char *stem = id != NULL && id[0] != '\0' ? id : base_id;
        guint k = GPOINTER_TO_UINT (g_hash_table_lookup (next, stem));

        if (k == 0)
          k = stem == base_id ? 1 : 2;
        for (; new_id == NULL || g_hash_table_contains (all, new_id); k++)
          {
            g_free (new_id);
            new_id = g_strdup_printf ("%s-%u", stem, k);
          }
        g_hash_table_insert (next, g_strdup (stem), GUINT_TO_POINTER (k));
      }

      if (id != NULL && id[0] != '\0')
        {
          JourneyPath first_path = JOURNEY_PATH_INDEX (path, GPOINTER_TO_UINT (first));
          g_autofree char *other = journey_path_to_string (&first_path);

          /* Translators: "“c” is the id of maps[0].lanes[0] already; now “c-2”" */
          journey_problems_add (repair->changes, &id_path, _("“%s” is the id of %s already; now “%s”"),
                                id, other, new_id);
        }
      else
        journey_problems_add (repair->changes, &id_path, _("had no id; now “%s”"), new_id);

      set_id (item, new_id);
      g_hash_table_add (all, g_strdup (new_id));
      g_hash_table_insert (seen, g_strdup (new_id), GUINT_TO_POINTER (i));
    }
}

/* Clamps @value into the scale. */
static void
clamp_to_scale (Repair            *repair,
                JourneyScale      *scale,
                double            *value,
                const JourneyPath *path)
{
  double clamped;

  if (!isfinite (*value) || journey_scale_contains (scale, *value))
    return;

  clamped = CLAMP (*value, scale->min, scale->max);
  /* Translators: "was 5.5, outside the map’s scale from 1 to 5; now 5" */
  journey_problems_add (repair->changes, path, _("was %g, outside the map’s scale from %d to %d; now %g"),
                        *value, scale->min, scale->max, clamped);
  *value = clamped;
}

/* Whether the scale can hold values: its ends the right way round and
 * not too far apart.  Its labels, if they do not fit, are left out. */
static gboolean
repair_scale (Repair            *repair,
              JourneyScale      *scale,
              const JourneyPath *path)
{
  JourneyPath labels_path = JOURNEY_PATH_KEY (path, "labels");
  guint n_labels = g_strv_length (scale->labels);
  gint64 steps = (gint64) scale->max - scale->min + 1;

  repair_fields (repair, JOURNEY_ITEM (scale), path);
  if (scale->min >= scale->max || steps > JOURNEY_SCALE_MAX_STEPS)
    return FALSE;

  if (n_labels != 0 && n_labels != steps)
    {
      journey_problems_add (repair->changes, &labels_path,
                            _("had %u labels for the %d steps of the scale; left out"), n_labels, (int) steps);
      g_strfreev (scale->labels);
      scale->labels = g_new0 (char *, 1);
    }
  return TRUE;
}

/* The lane for a touchpoint whose lane the map does not have: the first
 * lane of the kind that @id names ("customer", "onstage-2"), if there is
 * one, else the first lane. */
static JourneyLane *
replacement_lane (JourneyMap *map,
                  const char *id)
{
  GEnumClass *kinds = g_type_class_ref (JOURNEY_TYPE_LANE_KIND);
  guint n = journey_list_get_length (map->lanes);
  JourneyLane *found = NULL;

  for (guint k = 0; id != NULL && found == NULL && k < kinds->n_values; k++)
    {
      const char *nick = kinds->values[k].value_nick;

      if (g_ascii_strncasecmp (id, nick, strlen (nick)) != 0)
        continue;
      for (guint i = 0; i < n && found == NULL; i++)
        {
          JourneyLane *lane = journey_list_peek (map->lanes, i);

          if ((int) lane->kind == kinds->values[k].value)
            found = lane;
        }
    }
  g_type_class_unref (kinds);

  return found != NULL ? found : journey_list_peek (map->lanes, 0);
}

/* The evidence and the room's rating of a touchpoint: an aggregate with a
 * mean on the scale and one count per step. */
static void
repair_aggregate (Repair            *repair,
                  JourneyMap        *map,
                  JourneyItem       *item,
                  double            *mean,
                  GArray            *histogram,
                  gboolean           scale_ok,
                  const JourneyPath *path)
{
  JourneyPath mean_path = JOURNEY_PATH_KEY (path, "mean");
  JourneyPath histogram_path = JOURNEY_PATH_KEY (path, "histogram");
  guint steps;

  repair_fields (repair, item, path);
  if (!scale_ok)
    return;

  steps = journey_scale_get_n_steps (map->scale);
  clamp_to_scale (repair, map->scale, mean, &mean_path);
  if (histogram->len != 0 && histogram->len != steps)
    {
      journey_problems_add (repair->changes, &histogram_path,
                            _("had %u counts for the %u steps of the scale; left out"),
                            histogram->len, steps);
      g_array_set_size (histogram, 0);
    }
}

static void
repair_touchpoint (Repair            *repair,
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

  if (tp->lane == NULL || journey_map_find_lane (map, tp->lane) == NULL)
    {
      JourneyLane *lane = replacement_lane (map, tp->lane);
      const char *name = lane->name != NULL && lane->name[0] != '\0' ? lane->name : lane->id;

      if (tp->lane != NULL && tp->lane[0] != '\0')
        /* Translators: "no lane of this map has the id “staff”; now on the lane “Customer”" */
        journey_problems_add (repair->changes, &lane_path,
                              _("no lane of this map has the id “%s”; now on the lane “%s”"), tp->lane, name);
      else
        journey_problems_add (repair->changes, &lane_path, _("had no lane; now on the lane “%s”"), name);
      g_free (tp->lane);
      tp->lane = g_strdup (lane->id);
    }

  if (tp->channel != NULL && journey_project_find_channel (repair->project, tp->channel) == NULL)
    {
      journey_problems_add (repair->changes, &channel_path, _("no channel has the id “%s”; left out"), tp->channel);
      g_clear_pointer (&tp->channel, g_free);
    }

  if (isfinite (tp->time) && (tp->time < 0 || tp->time > duration))
    {
      double clamped = CLAMP (tp->time, 0, duration);

      /* Translators: "was 3.5, after the end of the last stage at 3; now 3" */
      journey_problems_add (repair->changes, &time_path,
                            tp->time < 0 ? _("was %g, before the start of the first stage at %g; now %g")
                                         : _("was %g, after the end of the last stage at %g; now %g"),
                            tp->time, tp->time < 0 ? 0.0 : duration, clamped);
      tp->time = clamped;
    }

  if (scale_ok)
    {
      clamp_to_scale (repair, map->scale, &tp->satisfaction, &satisfaction_path);
      if (!isnan (tp->target))
        clamp_to_scale (repair, map->scale, &tp->target, &target_path);
    }

  repair_list (repair, tp->actions, &actions_path, NULL);
  repair_list (repair, tp->comments, &comments_path, NULL);

  if (tp->evidence != NULL)
    repair_aggregate (repair, map, JOURNEY_ITEM (tp->evidence), &tp->evidence->mean, tp->evidence->histogram,
                      scale_ok, &evidence_path);
  if (tp->room != NULL)
    repair_aggregate (repair, map, JOURNEY_ITEM (tp->room), &tp->room->mean, tp->room->histogram,
                      scale_ok, &room_path);
}

static void
repair_map (Repair            *repair,
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

  if (map->persona != NULL && journey_project_find_persona (repair->project, map->persona) == NULL)
    {
      journey_problems_add (repair->changes, &persona_path, _("no persona has the id “%s”; left out"), map->persona);
      g_clear_pointer (&map->persona, g_free);
    }

  scale_ok = repair_scale (repair, map->scale, &scale_path);

  repair_list (repair, map->stages, &stages_path, "stage");
  n = journey_list_get_length (map->stages);
  for (guint i = 0; i < n; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);
      JourneyPath stage_path = JOURNEY_PATH_INDEX (&stages_path, i);
      JourneyPath length_path = JOURNEY_PATH_KEY (&stage_path, "length");

      if (stage->length <= 0)
        {
          journey_problems_add (repair->changes, &length_path, _("was %g; now %g"), stage->length, 1.0);
          stage->length = 1;
        }
    }

  repair_list (repair, map->lanes, &lanes_path, "lane");
  repair_list (repair, map->touchpoints, &touchpoints_path, "touchpoint");

  /* Without stages or lanes there is nowhere to put the touchpoints. */
  if (journey_list_get_length (map->stages) == 0 || journey_list_get_length (map->lanes) == 0)
    return;

  duration = journey_map_get_duration (map);
  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath tp_path = JOURNEY_PATH_INDEX (&touchpoints_path, i);

      repair_touchpoint (repair, map, scale_ok, duration, journey_list_peek (map->touchpoints, i), &tp_path);
    }
}

/**
 * journey_project_repair:
 * @changes: (element-type JourneyProblem): where to add each change made,
 *   at its place, with what it was and what it is now
 *
 * Mends what breaks the rules of file format v1 in @project, where a
 * mend does not guess: values out of range are clamped, a touchpoint on
 * a lane that the map does not have goes to the first lane of the kind
 * that the missing lane's id names, else to the first lane, other
 * references that do not resolve are left out, ids given twice or not
 * at all get new ones, and bad colours, dates, label lists and
 * histograms are left out.
 *
 * Returns: %TRUE if @project has no problem left
 */
gboolean
journey_project_repair (JourneyProject *project,
                        GPtrArray      *changes)
{
  JourneyPath personas_path = JOURNEY_PATH_KEY (NULL, "personas");
  JourneyPath channels_path = JOURNEY_PATH_KEY (NULL, "channels");
  JourneyPath maps_path = JOURNEY_PATH_KEY (NULL, "maps");
  g_autoptr(GPtrArray) left = NULL;
  Repair repair = { project, changes };
  guint n;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  /* The file's format and version are not mended: a file that is not a
   * journey is not one after a repair. */
  repair_list (&repair, project->personas, &personas_path, "persona");
  repair_list (&repair, project->channels, &channels_path, "channel");
  repair_list (&repair, project->maps, &maps_path, "map");

  n = journey_list_get_length (project->maps);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath map_path = JOURNEY_PATH_INDEX (&maps_path, i);

      repair_map (&repair, journey_list_peek (project->maps, i), &map_path);
    }

  left = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  return journey_project_check (project, left);
}

/**
 * journey_format_repair_data:
 * @data: (array length=length): the file's bytes
 * @changes: (element-type JourneyProblem): where to add the changes made
 *
 * Reads @data leniently and mends its problems (see
 * journey_project_repair()).  A file without problems comes back as it
 * is, with no change.
 *
 * Returns: (transfer full) (nullable): the repaired project, or %NULL if
 *   the file cannot be read as JSON of a version this program knows, or
 *   has a problem without a sure mend
 */
JourneyProject *
journey_format_repair_data (const char  *data,
                            gsize        length,
                            GPtrArray   *changes,
                            GError     **error)
{
  g_autoptr(GPtrArray) unread = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GPtrArray) mended = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GHashTable) mended_paths = NULL;
  g_autoptr(JourneyProject) project = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = journey_format_read_data_leniently (data, length, unread, error);
  if (project == NULL)
    return NULL;

  if (!journey_project_repair (project, mended))
    {
      g_set_error_literal (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID,
                           _("The file has problems that cannot be repaired"));
      return NULL;
    }

  /* What the reader could not read is left out: a change too, unless
   * the repair says what it put in its place. */
  mended_paths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < mended->len; i++)
    g_hash_table_add (mended_paths, ((JourneyProblem *) g_ptr_array_index (mended, i))->path);
  for (guint i = 0; i < unread->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (unread, i);

      if (g_hash_table_contains (mended_paths, problem->path))
        continue;
      if (g_str_equal (problem->message, _("is required")))
        journey_problems_take (changes, g_strdup (problem->path), g_strdup (_("was missing; the default is used")));
      else
        /* Translators: a value that could not be read; %s says why
         * ("must be a number, not a string") */
        journey_problems_take (changes, g_strdup (problem->path),
                               g_strdup_printf (_("%s; left out"), problem->message));
    }
  g_ptr_array_extend_and_steal (changes, g_steal_pointer (&mended));
  return g_steal_pointer (&project);
}
