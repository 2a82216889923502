/* journey-validate.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of SPEC §3 that go beyond the shape of the JSON: references
 * resolve, ids are unique, numbers lie in their ranges and on the map's
 * scale.  They are checked on the model, so a project in memory is checked
 * by the same code as a file being read.
 *
 * Each rule is written once, with its mend beside it: one walk over the
 * project either reports what breaks a rule (journey_project_check()) or
 * mends it and reports the change ("Open a Repaired Copy",
 * journey_project_repair()).  A mend is the least surprising one: values
 * out of their range are clamped into it, a touchpoint on a lane the map
 * does not have goes to a lane of the map, other references that do not
 * resolve are left out, two items with the same id get different ids.
 * What has no sensible mend (a scale whose ends are the wrong way round,
 * a map without stages or lanes, a file that is not a journey) is left
 * for the check after the repair to find, and the copy is not offered. */

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
  GPtrArray      *found;     /* checking: the problems; mending: the changes */
  gboolean        mend;
  GHashTable     *channels;  /* ids of the project's channels */
  GHashTable     *lanes;     /* ids of the lanes of the map being walked */
} Walk;

/* The ids of a list, while its ids are mended: every id in the list, so
 * that a new one takes none of them, and for each stem the number it has
 * counted to, so that a list of thousands of ids given twice is mended in
 * linear time. */
typedef struct
{
  GHashTable *all;
  GHashTable *next;
} NewIds;

/* A colour: "#rrggbb". */
static gboolean
color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* A time stamp: ISO 8601, or empty. */
static gboolean
timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) date = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  date = g_date_time_new_from_iso8601 (text, NULL);
  return date != NULL;
}

/* A rule broken at @path.  Checking, reports @problem, what the rule
 * says, and returns FALSE.  Mending, reports @change, what the mend does,
 * and returns TRUE so that the caller mends; a rule without a sure mend
 * gives no @change, reports nothing and returns FALSE.  Takes both. */
static gboolean
broken (Walk              *walk,
        const JourneyPath *path,
        char              *problem,
        char              *change)
{
  char *message = walk->mend ? change : problem;

  g_free (walk->mend ? problem : change);
  if (message == NULL)
    return FALSE;
  journey_problems_take (walk->found, journey_path_to_string (path), message);
  return walk->mend;
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

static void
walk_string (Walk               *walk,
             const JourneyField *field,
             char              **s,
             const JourneyPath  *path)
{
  if (*s == NULL && (field->flags & JOURNEY_FIELD_REQUIRED))
    {
      if (broken (walk, path, g_strdup (_("is required")), g_strdup (_("was missing; now empty"))))
        *s = g_strdup ("");
    }
  else if (*s != NULL && (*s)[0] == '\0' && (field->flags & JOURNEY_FIELD_NON_EMPTY))
    {
      if (broken (walk, path, g_strdup (_("must not be empty")), g_strdup (_("was empty; left out"))))
        g_clear_pointer (s, g_free);
    }
  else if ((field->flags & JOURNEY_FIELD_TIMESTAMP) && !timestamp_is_valid (*s))
    {
      if (broken (walk, path,
                  g_strdup (_("must be a date and time in ISO 8601 form, such as “2026-11-20T10:00:00Z”")),
                  g_strdup_printf (_("“%s” is not a date and time in ISO 8601 form; left out"), *s)))
        g_clear_pointer (s, g_free);
    }
}

static void
walk_not_negative (Walk              *walk,
                   int               *value,
                   const JourneyPath *path)
{
  if (*value < 0 &&
      broken (walk, path, g_strdup (_("must not be negative")), g_strdup_printf (_("was %d; now 0"), *value)))
    *value = 0;
}

/* What the field table alone says of an item's own values. */
static void
walk_fields (Walk              *walk,
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
          /* Ids are the lists' business (walk_id()), a touchpoint's lane
           * its own (walk_lane()). */
          if (!g_str_equal (field->key, "id") && !g_str_equal (field->key, "lane"))
            walk_string (walk, field, ptr, &field_path);
          break;

        case JOURNEY_FIELD_COLOR:
          {
            char **s = ptr;

            if (*s != NULL && !color_is_valid (*s) &&
                broken (walk, &field_path,
                        g_strdup_printf (_("must be a colour written as “#rrggbb”, not “%s”"), *s),
                        g_strdup_printf (_("“%s” is not a colour written as “#rrggbb”; left out"), *s)))
              g_clear_pointer (s, g_free);
          }
          break;

        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
          {
            double *d = ptr;

            if (field->kind == JOURNEY_FIELD_OPTIONAL && isnan (*d))
              break;
            if (!isfinite (*d) &&
                broken (walk, &field_path, g_strdup (_("must be a finite number")),
                        g_strdup (_("was not a finite number; left out"))))
              *d = field->kind == JOURNEY_FIELD_OPTIONAL ? NAN : field->default_value;
          }
          break;

        case JOURNEY_FIELD_INT:
          if (!(field->flags & JOURNEY_FIELD_SIGNED))
            walk_not_negative (walk, ptr, &field_path);
          break;

        case JOURNEY_FIELD_INTV:
          {
            GArray *ints = *(GArray **) ptr;

            for (guint j = 0; j < ints->len; j++)
              {
                JourneyPath element_path = JOURNEY_PATH_INDEX (&field_path, j);

                walk_not_negative (walk, &g_array_index (ints, int, j), &element_path);
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

/* A new id for an item of @list: "c-2" for the second "c", "lane-1" for
 * a lane without an id (@stem is then the list's base id). */
static char *
new_id (NewIds      *ids,
        JourneyList *list,
        const char  *stem,
        gboolean     is_base)
{
  char *id = NULL;
  guint k;

  if (ids->all == NULL)
    {
      guint n = journey_list_get_length (list);

      ids->all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ids->next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          const char *each = journey_item_get_id (journey_list_peek (list, i));

          if (each != NULL && each[0] != '\0')
            g_hash_table_add (ids->all, g_strdup (each));
        }
    }

  k = GPOINTER_TO_UINT (g_hash_table_lookup (ids->next, stem));
  if (k == 0)
    k = is_base ? 1 : 2;
  for (; id == NULL || g_hash_table_contains (ids->all, id); k++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem, k);
    }
  g_hash_table_insert (ids->next, g_strdup (stem), GUINT_TO_POINTER (k));
  g_hash_table_add (ids->all, g_strdup (id));
  return id;
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

/* The id of the item at @i of @list: given, and not the id of an item
 * before it (@seen holds those, with their positions).  Mending, the item
 * gets a new one made of the old, or of @base_id. */
static void
walk_id (Walk              *walk,
         JourneyList       *list,
         guint              i,
         const JourneyPath *list_path,
         GHashTable        *seen,
         NewIds            *ids,
         const char        *base_id)
{
  JourneyItem *item = journey_list_peek (list, i);
  JourneyPath item_path = JOURNEY_PATH_INDEX (list_path, i);
  JourneyPath id_path = JOURNEY_PATH_KEY (&item_path, "id");
  const char *id = journey_item_get_id (item);
  gboolean given = id != NULL && id[0] != '\0';
  g_autofree char *mended = NULL;
  char *problem;
  char *change = NULL;
  gpointer first = NULL;

  if (given && !g_hash_table_lookup_extended (seen, id, NULL, &first))
    {
      g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (i));
      return;
    }

  if (walk->mend)
    mended = new_id (ids, list, given ? id : base_id, !given);

  if (given)
    {
      JourneyPath first_path = JOURNEY_PATH_INDEX (list_path, GPOINTER_TO_UINT (first));
      g_autofree char *other = journey_path_to_string (&first_path);

      problem = g_strdup_printf (_("“%s” is the id of %s already"), id, other);
      if (walk->mend)
        /* Translators: "“c” is the id of maps[0].lanes[0] already; now “c-2”" */
        change = g_strdup_printf (_("“%s” is the id of %s already; now “%s”"), id, other, mended);
    }
  else
    {
      problem = g_strdup (id == NULL ? _("is required") : _("must not be empty"));
      if (walk->mend)
        change = g_strdup_printf (_("had no id; now “%s”"), mended);
    }

  if (broken (walk, &id_path, problem, change))
    {
      set_id (item, mended);
      g_hash_table_insert (seen, (gpointer) journey_item_get_id (item), GUINT_TO_POINTER (i));
    }
}

/* Walks each item's own fields and, when @base_id is given, the ids. */
static void
walk_list (Walk              *walk,
           JourneyList       *list,
           const JourneyPath *path,
           const char        *base_id)
{
  g_autoptr(GHashTable) seen = base_id != NULL ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
  NewIds ids = { NULL, NULL };
  guint n = journey_list_get_length (list);

  for (guint i = 0; i < n; i++)
    {
      JourneyPath item_path = JOURNEY_PATH_INDEX (path, i);

      walk_fields (walk, journey_list_peek (list, i), &item_path);
      if (base_id != NULL)
        walk_id (walk, list, i, path, seen, &ids, base_id);
    }
  g_clear_pointer (&ids.all, g_hash_table_unref);
  g_clear_pointer (&ids.next, g_hash_table_unref);
}

/* A value on the map's scale; mending, clamped into it. */
static void
walk_on_scale (Walk              *walk,
               JourneyScale      *scale,
               double            *value,
               const JourneyPath *path)
{
  double clamped;

  if (!isfinite (*value) || journey_scale_contains (scale, *value))
    return;

  clamped = CLAMP (*value, scale->min, scale->max);
  if (broken (walk, path,
              g_strdup_printf (_("must be between %d and %d, the map’s scale, not %g"),
                               scale->min, scale->max, *value),
              /* Translators: "was 5.5, outside the map’s scale from 1 to 5; now 5" */
              g_strdup_printf (_("was %g, outside the map’s scale from %d to %d; now %g"),
                               *value, scale->min, scale->max, clamped)))
    *value = clamped;
}

/* Whether the scale can hold values: its ends the right way round and
 * not too far apart.  Its labels, if they do not fit, are left out. */
static gboolean
walk_scale (Walk              *walk,
            JourneyScale      *scale,
            const JourneyPath *path)
{
  JourneyPath min_path = JOURNEY_PATH_KEY (path, "min");
  JourneyPath labels_path = JOURNEY_PATH_KEY (path, "labels");
  guint n_labels = g_strv_length (scale->labels);
  gint64 steps = (gint64) scale->max - scale->min + 1;

  walk_fields (walk, JOURNEY_ITEM (scale), path);

  if (scale->min >= scale->max)
    {
      broken (walk, &min_path, g_strdup (_("must be less than max")), NULL);
      return FALSE;
    }
  if (steps > JOURNEY_SCALE_MAX_STEPS)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, steps);

      /* Translators: %s is a number of steps, %d the most a scale has */
      broken (walk, path, g_strdup_printf (_("has %s steps; a scale has at most %d"), number, JOURNEY_SCALE_MAX_STEPS),
              NULL);
      return FALSE;
    }
  /* Within JOURNEY_SCALE_MAX_STEPS from here. */
  if (n_labels != 0 && n_labels != steps &&
      broken (walk, &labels_path,
              g_strdup_printf (_("must have one label for each of the %d steps from %d to %d, not %u"),
                               (int) steps, scale->min, scale->max, n_labels),
              g_strdup_printf (_("had %u labels for the %d steps of the scale; left out"), n_labels, (int) steps)))
    {
      g_strfreev (scale->labels);
      scale->labels = g_new0 (char *, 1);
    }
  return TRUE;
}

/* The evidence and the room's rating of a touchpoint: an aggregate with a
 * mean on the scale and one count per step. */
static void
walk_aggregate (Walk              *walk,
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

  walk_fields (walk, item, path);
  if (!scale_ok)
    return;

  steps = journey_scale_get_n_steps (map->scale);
  walk_on_scale (walk, map->scale, mean, &mean_path);
  if (histogram->len != 0 && histogram->len != steps &&
      broken (walk, &histogram_path,
              g_strdup_printf (_("must have one count for each of the %u steps of the scale, not %u"),
                               steps, histogram->len),
              g_strdup_printf (_("had %u counts for the %u steps of the scale; left out"), histogram->len, steps)))
    g_array_set_size (histogram, 0);
}

/* The lane for a touchpoint whose lane the map does not have: the first
 * lane of the kind that @id names ("customer", "onstage-2"), if there is
 * one, else the first lane; NULL in a map without lanes. */
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

  return found != NULL || n == 0 ? found : journey_list_peek (map->lanes, 0);
}

/* A touchpoint's lane: given, and a lane of its map. */
static void
walk_lane (Walk              *walk,
           JourneyMap        *map,
           JourneyTouchpoint *tp,
           const JourneyPath *path)
{
  gboolean given = tp->lane != NULL && tp->lane[0] != '\0';
  JourneyLane *lane;
  char *problem;
  char *change = NULL;

  if (given && g_hash_table_contains (walk->lanes, tp->lane))
    return;

  if (given)
    problem = g_strdup_printf (_("no lane of this map has the id “%s”"), tp->lane);
  else
    problem = g_strdup (tp->lane == NULL ? _("is required") : _("must not be empty"));

  lane = walk->mend ? replacement_lane (map, tp->lane) : NULL;
  if (lane != NULL && given)
    /* Translators: "no lane of this map has the id “staff”; now on the lane “Customer”" */
    change = g_strdup_printf (_("no lane of this map has the id “%s”; now on the lane “%s”"),
                              tp->lane, journey_lane_get_display_name (lane));
  else if (lane != NULL)
    change = g_strdup_printf (_("had no lane; now on the lane “%s”"), journey_lane_get_display_name (lane));

  if (broken (walk, path, problem, change))
    {
      g_free (tp->lane);
      tp->lane = g_strdup (lane->id);
    }
}

static void
walk_touchpoint (Walk              *walk,
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

  walk_lane (walk, map, tp, &lane_path);

  if (tp->channel != NULL && tp->channel[0] != '\0' && !g_hash_table_contains (walk->channels, tp->channel) &&
      broken (walk, &channel_path,
              g_strdup_printf (_("no channel has the id “%s”"), tp->channel),
              g_strdup_printf (_("no channel has the id “%s”; left out"), tp->channel)))
    g_clear_pointer (&tp->channel, g_free);

  if (isfinite (tp->time) && duration > 0 && (tp->time < 0 || tp->time > duration))
    {
      double clamped = CLAMP (tp->time, 0, duration);

      if (broken (walk, &time_path,
                  g_strdup_printf (_("must be a number between 0 and %g, the end of the last stage, not %g"),
                                   duration, tp->time),
                  /* Translators: "was 3.5, after the end of the last stage at 3; now 3" */
                  g_strdup_printf (tp->time < 0 ? _("was %g, before the start of the first stage at %g; now %g")
                                                : _("was %g, after the end of the last stage at %g; now %g"),
                                   tp->time, tp->time < 0 ? 0.0 : duration, clamped)))
        tp->time = clamped;
    }

  if (scale_ok)
    {
      walk_on_scale (walk, map->scale, &tp->satisfaction, &satisfaction_path);
      walk_on_scale (walk, map->scale, &tp->target, &target_path);
    }

  walk_list (walk, tp->actions, &actions_path, NULL);
  walk_list (walk, tp->comments, &comments_path, NULL);

  if (tp->evidence != NULL)
    walk_aggregate (walk, map, JOURNEY_ITEM (tp->evidence), &tp->evidence->mean, tp->evidence->histogram,
                    scale_ok, &evidence_path);
  if (tp->room != NULL)
    walk_aggregate (walk, map, JOURNEY_ITEM (tp->room), &tp->room->mean, tp->room->histogram,
                    scale_ok, &room_path);
}

static void
walk_map (Walk              *walk,
          JourneyMap        *map,
          const JourneyPath *path)
{
  JourneyPath persona_path = JOURNEY_PATH_KEY (path, "persona");
  JourneyPath scale_path = JOURNEY_PATH_KEY (path, "scale");
  JourneyPath stages_path = JOURNEY_PATH_KEY (path, "stages");
  JourneyPath lanes_path = JOURNEY_PATH_KEY (path, "lanes");
  JourneyPath touchpoints_path = JOURNEY_PATH_KEY (path, "touchpoints");
  gboolean timeline_known = TRUE;
  gboolean scale_ok;
  double duration;
  guint n;

  if (map->persona != NULL && map->persona[0] != '\0' &&
      journey_project_find_persona (walk->project, map->persona) == NULL &&
      broken (walk, &persona_path,
              g_strdup_printf (_("no persona has the id “%s”"), map->persona),
              g_strdup_printf (_("no persona has the id “%s”; left out"), map->persona)))
    g_clear_pointer (&map->persona, g_free);

  scale_ok = walk_scale (walk, map->scale, &scale_path);

  if (journey_list_get_length (map->stages) == 0)
    broken (walk, &stages_path, g_strdup (_("must hold at least one stage")), NULL);
  walk_list (walk, map->stages, &stages_path, "stage");

  n = journey_list_get_length (map->stages);
  for (guint i = 0; i < n; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);
      JourneyPath stage_path = JOURNEY_PATH_INDEX (&stages_path, i);
      JourneyPath length_path = JOURNEY_PATH_KEY (&stage_path, "length");

      if (!isfinite (stage->length))
        timeline_known = FALSE;
      else if (stage->length <= 0)
        {
          if (broken (walk, &length_path,
                      g_strdup_printf (_("must be greater than 0, not %g"), stage->length),
                      g_strdup_printf (_("was %g; now %g"), stage->length, 1.0)))
            stage->length = 1;
          else
            timeline_known = FALSE;
        }
    }

  if (journey_list_get_length (map->lanes) == 0)
    broken (walk, &lanes_path, g_strdup (_("must hold at least one lane")), NULL);
  walk_list (walk, map->lanes, &lanes_path, "lane");

  walk_list (walk, map->touchpoints, &touchpoints_path, "touchpoint");
  /* Where a stage has no length the timeline is not known, and times
   * are not checked against it: the stage is the problem. */
  duration = timeline_known ? journey_map_get_duration (map) : 0;
  if (!isfinite (duration))
    duration = 0;

  walk->lanes = ids_of (map->lanes);
  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath tp_path = JOURNEY_PATH_INDEX (&touchpoints_path, i);

      walk_touchpoint (walk, map, scale_ok, duration, journey_list_peek (map->touchpoints, i), &tp_path);
    }
  g_clear_pointer (&walk->lanes, g_hash_table_unref);
}

static void
walk_project (Walk *walk)
{
  JourneyProject *project = walk->project;
  JourneyPath format_path = JOURNEY_PATH_KEY (NULL, "format");
  JourneyPath version_path = JOURNEY_PATH_KEY (NULL, "version");
  JourneyPath personas_path = JOURNEY_PATH_KEY (NULL, "personas");
  JourneyPath channels_path = JOURNEY_PATH_KEY (NULL, "channels");
  JourneyPath maps_path = JOURNEY_PATH_KEY (NULL, "maps");
  guint n;

  walk_fields (walk, JOURNEY_ITEM (project), NULL);
  /* A file that is not a journey is not one after a repair. */
  if (project->format != NULL && g_strcmp0 (project->format, "journeys") != 0)
    broken (walk, &format_path, g_strdup_printf (_("must be “journeys”, not “%s”"), project->format), NULL);
  if (project->version < 1 || project->version > JOURNEY_FORMAT_VERSION)
    broken (walk, &version_path, g_strdup_printf (_("must be %d"), JOURNEY_FORMAT_VERSION), NULL);

  walk_list (walk, project->personas, &personas_path, "persona");
  walk_list (walk, project->channels, &channels_path, "channel");
  walk->channels = ids_of (project->channels);

  if (journey_list_get_length (project->maps) == 0)
    broken (walk, &maps_path, g_strdup (_("must hold at least one map")), NULL);
  walk_list (walk, project->maps, &maps_path, "map");

  n = journey_list_get_length (project->maps);
  for (guint i = 0; i < n; i++)
    {
      JourneyPath map_path = JOURNEY_PATH_INDEX (&maps_path, i);

      walk_map (walk, journey_list_peek (project->maps, i), &map_path);
    }
  g_clear_pointer (&walk->channels, g_hash_table_unref);
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
  Walk walk = { project, problems, FALSE, NULL, NULL };
  guint first;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  first = problems->len;
  walk_project (&walk);
  return problems->len == first;
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
  g_autoptr(GPtrArray) left = NULL;
  Walk walk = { project, changes, TRUE, NULL, NULL };

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  walk_project (&walk);

  left = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  return journey_project_check (project, left);
}

/**
 * journey_scale_check:
 * @problems: (nullable) (element-type JourneyProblem): where to add the
 *   problems found, at places within the scale ("min", "labels")
 *
 * Checks @scale by the rules a map's scale follows in file format v1:
 * its minimum below its maximum, at most %JOURNEY_SCALE_MAX_STEPS steps,
 * and no labels or one for each step.
 *
 * Returns: %TRUE if there is no problem
 */
gboolean
journey_scale_check (JourneyScale *scale,
                     GPtrArray    *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  Walk walk = { NULL, problems != NULL ? problems : found, FALSE, NULL, NULL };
  guint first;

  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), FALSE);

  first = walk.found->len;
  walk_scale (&walk, scale, NULL);
  return walk.found->len == first;
}
