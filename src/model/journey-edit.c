/* journey-edit.c
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

#include "journey-edit.h"
#include "journey-format.h"

G_DEFINE_QUARK (journey-edit-error-quark, journey_edit_error)

/* What an undo label calls a touchpoint: its title, or its id without one. */
static const char *
touchpoint_name (JourneyTouchpoint *touchpoint)
{
  if (touchpoint->title != NULL && touchpoint->title[0] != '\0')
    return touchpoint->title;
  return touchpoint->id != NULL ? touchpoint->id : "";
}

double
journey_map_clamp_to_scale (JourneyMap *map,
                            double      value)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), value);

  if (isnan (value))
    return journey_scale_get_middle (map->scale);
  return CLAMP (value, (double) map->scale->min, (double) map->scale->max);
}

double
journey_map_clamp_to_timeline (JourneyMap *map,
                               double      time)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), time);

  if (isnan (time))
    return 0.0;
  return CLAMP (time, 0.0, journey_map_get_duration (map));
}

static gboolean
check_on_scale (JourneyMap  *map,
                double       value,
                GError     **error)
{
  if (journey_scale_contains (map->scale, value))
    return TRUE;

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_SCALE,
               _("%g is not on the map’s scale, from %d to %d"), value, map->scale->min, map->scale->max);
  return FALSE;
}

/* One undo step that sets a double property. */
static gboolean
set_double (JourneyHistory *history,
            gpointer        object,
            const char     *property,
            double          value,
            const char     *label)
{
  journey_history_begin_group (history, label);
  journey_history_set (history, object, property, value, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* The satisfaction and the target: a value on the map's scale, one step;
 * the target may also be NAN, for none. */
static gboolean
set_on_scale (JourneyHistory     *history,
              JourneyMap         *map,
              JourneyTouchpoint  *touchpoint,
              const char         *property,
              double              value,
              gboolean            none_allowed,
              const char         *label,
              GError            **error)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  if (!(none_allowed && isnan (value)) && !check_on_scale (map, value, error))
    return FALSE;

  return set_double (history, touchpoint, property, value, label);
}

/**
 * journey_edit_set_satisfaction:
 *
 * Sets how satisfied the customer is at @touchpoint, which must lie on the
 * map's scale.
 */
gboolean
journey_edit_set_satisfaction (JourneyHistory     *history,
                               JourneyMap         *map,
                               JourneyTouchpoint  *touchpoint,
                               double              value,
                               GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Satisfaction of “%s”"), touchpoint_name (touchpoint));
  return set_on_scale (history, map, touchpoint, "satisfaction", value, FALSE, label, error);
}

/**
 * journey_edit_set_target:
 * @value: the to-be satisfaction on the map's scale, or NAN for none
 */
gboolean
journey_edit_set_target (JourneyHistory     *history,
                         JourneyMap         *map,
                         JourneyTouchpoint  *touchpoint,
                         double              value,
                         GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Target of “%s”"), touchpoint_name (touchpoint));
  return set_on_scale (history, map, touchpoint, "target", value, TRUE, label, error);
}

/**
 * journey_edit_set_time:
 *
 * Moves @touchpoint along the timeline; its stage follows from its time.
 */
gboolean
journey_edit_set_time (JourneyHistory     *history,
                       JourneyMap         *map,
                       JourneyTouchpoint  *touchpoint,
                       double              time,
                       GError            **error)
{
  g_autofree char *label = NULL;
  double duration;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  duration = journey_map_get_duration (map);
  if (!isfinite (time) || time < 0 || time > duration)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE,
                   _("%g is not on the timeline, from 0 to %g"), time, duration);
      return FALSE;
    }

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Move “%s”"), touchpoint_name (touchpoint));
  return set_double (history, touchpoint, "time", time, label);
}

static double
map_linearly (JourneyScale *from,
              JourneyScale *to,
              double        value)
{
  double f = journey_scale_fraction (from, value);

  return to->min + f * (to->max - to->min);
}

/* A new evidence like @evidence, its mean mapped from @from onto @to. */
static JourneyEvidence *
evidence_on_scale (JourneyEvidence *evidence,
                   JourneyScale    *from,
                   JourneyScale    *to)
{
  JourneyEvidence *copy = g_object_new (JOURNEY_TYPE_EVIDENCE,
                                        "source", evidence->source,
                                        "responses", evidence->responses,
                                        "mean", map_linearly (from, to, evidence->mean),
                                        "updated", evidence->updated,
                                        NULL);

  /* A histogram counts the old scale's steps; it no longer fits. */
  if (journey_scale_get_n_steps (from) == journey_scale_get_n_steps (to))
    g_object_set (copy, "histogram", evidence->histogram, NULL);
  journey_item_set_extra (JOURNEY_ITEM (copy), journey_item_get_extra (JOURNEY_ITEM (evidence)));
  return copy;
}

/**
 * journey_edit_set_scale:
 * @scale: the new scale; the map keeps a reference
 *
 * Changes the map's satisfaction scale, and maps every satisfaction, target
 * and evidence mean onto it linearly (SPEC §2), as one step.
 */
gboolean
journey_edit_set_scale (JourneyHistory  *history,
                        JourneyMap      *map,
                        JourneyScale    *scale,
                        GError         **error)
{
  JourneyScale *old;
  guint n_labels;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), FALSE);

  n_labels = g_strv_length (scale->labels);
  if (scale->min >= scale->max ||
      (gint64) scale->max - scale->min + 1 > JOURNEY_SCALE_MAX_STEPS ||
      (n_labels != 0 && n_labels != journey_scale_get_n_steps (scale)))
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("A scale needs a minimum below its maximum, at most %d steps and one label per step"),
                   JOURNEY_SCALE_MAX_STEPS);
      return FALSE;
    }

  old = g_object_ref (map->scale);

  journey_history_begin_group (history, _("Change Scale"));
  journey_history_set (history, map, "scale", scale, NULL);

  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (!isnan (tp->satisfaction))
        journey_history_set (history, tp, "satisfaction", map_linearly (old, scale, tp->satisfaction), NULL);
      if (!isnan (tp->target))
        journey_history_set (history, tp, "target", map_linearly (old, scale, tp->target), NULL);

      if (tp->evidence != NULL)
        {
          g_autoptr(JourneyEvidence) evidence = evidence_on_scale (tp->evidence, old, scale);

          journey_history_set (history, tp, "evidence", evidence, NULL);
        }
    }

  journey_history_end_group (history);
  g_object_unref (old);
  return TRUE;
}

/* -- The canvas's edits ---------------------------------------------------- */

/* A deep copy of @item: its fields, the items it holds, its unknown keys. */
static gpointer
item_copy (JourneyItem *item)
{
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  JourneyItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      gpointer from = journey_item_field_ptr (item, field);
      gpointer to = journey_item_field_ptr (copy, field);

      switch (field->kind)
        {
        case JOURNEY_FIELD_STRING:
        case JOURNEY_FIELD_COLOR:
          g_free (*(char **) to);
          *(char **) to = g_strdup (*(char **) from);
          break;
        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
          *(double *) to = *(double *) from;
          break;
        case JOURNEY_FIELD_INT:
        case JOURNEY_FIELD_ENUM:
          *(int *) to = *(int *) from;
          break;
        case JOURNEY_FIELD_STRV:
          g_strfreev (*(char ***) to);
          *(char ***) to = g_strdupv (*(char ***) from);
          break;
        case JOURNEY_FIELD_INTV:
          g_array_unref (*(GArray **) to);
          *(GArray **) to = g_array_copy (*(GArray **) from);
          break;
        case JOURNEY_FIELD_OBJECT:
          g_clear_object ((GObject **) to);
          if (*(JourneyItem **) from != NULL)
            *(JourneyItem **) to = item_copy (*(JourneyItem **) from);
          break;
        case JOURNEY_FIELD_LIST:
          {
            JourneyList *list = *(JourneyList **) from;
            guint n = journey_list_get_length (list);

            for (guint j = 0; j < n; j++)
              {
                g_autoptr(JourneyItem) element = item_copy (journey_list_peek (list, j));
                journey_list_append (*(JourneyList **) to, element);
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  journey_item_set_extra (copy, journey_item_get_extra (item));
  return copy;
}

/* The positions in @map of those of @touchpoints that it holds, each once,
 * in the map's order. */
static GArray *
find_positions (JourneyMap               *map,
                JourneyTouchpoint *const *touchpoints,
                guint                     n)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) wanted = NULL;
  guint length;

  if (n == 0)
    return positions;

  if (n == 1)
    {
      guint position;

      if (journey_list_find (map->touchpoints, touchpoints[0], &position))
        g_array_append_val (positions, position);
      return positions;
    }

  wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (wanted, touchpoints[i]);

  length = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < length && positions->len < g_hash_table_size (wanted); i++)
    if (g_hash_table_contains (wanted, journey_list_peek (map->touchpoints, i)))
      g_array_append_val (positions, i);
  return positions;
}

static JourneyTouchpoint *
touchpoint_at (JourneyMap *map,
               GArray     *positions,
               guint       i)
{
  return journey_list_peek (map->touchpoints, g_array_index (positions, guint, i));
}

/* Ids are made as "base-N".  The numbers in use come from splitting each id
 * into its base and number ("site-2" is "site" and 2, "site" is "site" and
 * 1); a new id takes the next number after the largest in use for its base,
 * so it cannot equal an id in use. */
#define ID_MAX_NUMBER (G_MAXUINT / 2)

typedef struct
{
  GHashTable *largest; /* base → the largest number in use */
} IdAllocator;

static char *
split_id (const char *id,
          guint      *number)
{
  const char *dash = strrchr (id, '-');
  const char *digits = dash != NULL ? dash + 1 : NULL;
  guint64 value;

  *number = 1;
  if (dash == NULL || dash == id || digits[0] == '\0' || (digits[0] == '0' && digits[1] != '\0'))
    return g_strdup (id);
  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      return g_strdup (id);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, ID_MAX_NUMBER, &value, NULL))
    return g_strdup (id);

  *number = (guint) value;
  return g_strndup (id, dash - id);
}

static void
id_allocator_use (IdAllocator *ids,
                  const char  *id)
{
  guint number;
  char *base;

  if (id == NULL || id[0] == '\0')
    return;

  base = split_id (id, &number);
  if (number > GPOINTER_TO_UINT (g_hash_table_lookup (ids->largest, base)))
    g_hash_table_insert (ids->largest, base, GUINT_TO_POINTER (number));
  else
    g_free (base);
}

static void
id_allocator_init (IdAllocator *ids,
                   JourneyMap  *map)
{
  guint n = journey_list_get_length (map->touchpoints);

  ids->largest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    id_allocator_use (ids, ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id);
}

static void
id_allocator_clear (IdAllocator *ids)
{
  g_clear_pointer (&ids->largest, g_hash_table_unref);
}

static char *
id_allocator_next (IdAllocator *ids,
                   const char  *base_id)
{
  g_autofree char *base = NULL;
  guint number;
  char *id;

  base = split_id (base_id != NULL && base_id[0] != '\0' ? base_id : "touchpoint", &number);
  number = GPOINTER_TO_UINT (g_hash_table_lookup (ids->largest, base)) + 1;
  id = g_strdup_printf ("%s-%u", base, number);
  id_allocator_use (ids, id);
  return id;
}

/**
 * journey_map_new_touchpoint_id:
 * @base: (nullable): what the id starts with; "touchpoint" when NULL
 *
 * Returns: (transfer full): an id no touchpoint of @map has: @base (without
 *   a number it ends with) and the next number after those in use
 */
char *
journey_map_new_touchpoint_id (JourneyMap *map,
                               const char *base)
{
  IdAllocator ids;
  char *id;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  id_allocator_init (&ids, map);
  id = id_allocator_next (&ids, base);
  id_allocator_clear (&ids);
  return id;
}

/**
 * journey_map_snap_time:
 * @step: the grid, in units of the timeline; 0 or less for none
 *
 * Returns: @time rounded to the nearest multiple of @step, on the timeline
 */
double
journey_map_snap_time (JourneyMap *map,
                       double      time,
                       double      step)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), time);

  if (step > 0 && isfinite (step) && isfinite (time))
    {
      double steps = round (time / step);
      double per_unit = round (1.0 / step);

      /* A step of 0.1 gives 2.9, not 29 × 0.1 = 2.9000000000000004: when
       * the step divides 1, dividing by a whole number rounds once. */
      if (per_unit >= 1 && fabs (per_unit * step - 1.0) < 1e-12)
        time = steps / per_unit;
      else
        time = steps * step;
    }
  return journey_map_clamp_to_timeline (map, time);
}

static gboolean
check_time (double   time,
            GError **error)
{
  if (!isnan (time))
    return TRUE;

  g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                       _("A time must be a number"));
  return FALSE;
}

/**
 * journey_edit_move:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 * @dt: how far to move them in time
 * @dlane: how many lanes to move them down (up when negative)
 *
 * Moves touchpoints together, as one step "Move “title”" or "Move N
 * Touchpoints".  Each stops at the ends of the timeline and at the first
 * and last lane on its own; their stages follow their times.
 */
gboolean
journey_edit_move (JourneyHistory           *history,
                   JourneyMap               *map,
                   JourneyTouchpoint *const *touchpoints,
                   guint                     n,
                   double                    dt,
                   int                       dlane,
                   GError                  **error)
{
  g_autoptr(GArray) positions = NULL;
  g_autofree char *label = NULL;
  gint64 last_lane;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  if (!check_time (dt, error))
    return FALSE;

  positions = find_positions (map, touchpoints, n);
  if (positions->len == 0)
    return TRUE;

  if (positions->len == 1)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Move “%s”"), touchpoint_name (touchpoint_at (map, positions, 0)));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Touchpoint", "Move %u Touchpoints",
                                          positions->len), positions->len);

  last_lane = (gint64) journey_list_get_length (map->lanes) - 1;

  journey_history_begin_group (history, label);
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = touchpoint_at (map, positions, i);
      int lane = journey_map_find_lane_index (map, tp->lane);

      journey_history_set (history, tp, "time", journey_map_clamp_to_timeline (map, tp->time + dt), NULL);
      if (dlane != 0 && lane >= 0)
        {
          gint64 to = CLAMP ((gint64) lane + dlane, 0, last_lane);
          JourneyLane *to_lane = journey_list_peek (map->lanes, (guint) to);

          journey_history_set (history, tp, "lane", to_lane->id, NULL);
        }
    }
  journey_history_end_group (history);
  return TRUE;
}

static gboolean
check_lane (JourneyMap   *map,
            JourneyLane  *lane,
            GError      **error)
{
  if (lane == NULL || journey_list_find (map->lanes, lane, NULL))
    return TRUE;

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
               _("The lane “%s” is not in the map “%s”"), lane->name ? lane->name : lane->id, map->title);
  return FALSE;
}

/**
 * journey_edit_place:
 * @lane: (nullable): a lane of @map, or %NULL to keep the touchpoint's lane
 *
 * Puts @touchpoint at @time (clamped to the timeline) in @lane, as one
 * step "Move “title”".
 */
gboolean
journey_edit_place (JourneyHistory     *history,
                    JourneyMap         *map,
                    JourneyTouchpoint  *touchpoint,
                    double              time,
                    JourneyLane        *lane,
                    GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (lane == NULL || JOURNEY_IS_LANE (lane), FALSE);

  if (!check_time (time, error) || !check_lane (map, lane, error))
    return FALSE;

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Move “%s”"), touchpoint_name (touchpoint));

  journey_history_begin_group (history, label);
  journey_history_set (history, touchpoint, "time", journey_map_clamp_to_timeline (map, time), NULL);
  if (lane != NULL)
    journey_history_set (history, touchpoint, "lane", lane->id, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* The stage whose span holds @time, from the stages' starts (@starts has
 * @n + 1 entries, the last the end): as journey_map_get_stage_at(). */
static guint
stage_at (const double *starts,
          guint         n,
          double        time)
{
  for (guint i = 0; i < n; i++)
    if (time < starts[i + 1])
      return i;
  return n - 1;
}

/**
 * journey_edit_set_stage_length:
 * @length: a finite number greater than 0
 *
 * Changes how long @stage is, as one step "Resize “name”".  A touchpoint in
 * the stage keeps its place relative to it (the stage stretches or shrinks
 * under it); one in a later stage keeps its place in that stage, which
 * moves; one in an earlier stage stays.  So every touchpoint keeps its stage.
 */
gboolean
journey_edit_set_stage_length (JourneyHistory  *history,
                               JourneyMap      *map,
                               JourneyStage    *stage,
                               double           length,
                               GError         **error)
{
  g_autofree double *old_starts = NULL;
  g_autofree double *new_starts = NULL;
  g_autofree char *label = NULL;
  double old_length;
  guint index;
  guint n_stages;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_STAGE (stage), FALSE);

  if (!isfinite (length) || length <= 0)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("A stage’s length must be a number greater than 0, not %g"), length);
      return FALSE;
    }
  if (!journey_list_find (map->stages, stage, &index))
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("The stage “%s” is not in the map “%s”"), stage->name ? stage->name : stage->id, map->title);
      return FALSE;
    }

  /* Where each stage starts, before and after, summed as the map sums them
   * so that a touchpoint's stage comes out the same. */
  n_stages = journey_list_get_length (map->stages);
  old_starts = g_new (double, n_stages + 1);
  new_starts = g_new (double, n_stages + 1);
  old_starts[0] = new_starts[0] = 0.0;
  for (guint i = 0; i < n_stages; i++)
    {
      double span = journey_stage_get_span (journey_list_peek (map->stages, i));

      old_starts[i + 1] = old_starts[i] + span;
      new_starts[i + 1] = new_starts[i] + (i == index ? length : span);
    }
  old_length = journey_stage_get_span (stage);

  /* Translators: an undo step; %s is the name of a stage of the timeline */
  label = g_strdup_printf (_("Resize “%s”"), stage->name && stage->name[0] ? stage->name : stage->id);

  journey_history_begin_group (history, label);
  journey_history_set (history, stage, "length", length, NULL);

  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      guint j;
      double offset;
      double time;

      if (isnan (tp->time))
        continue;
      j = stage_at (old_starts, n_stages, tp->time);
      if (j < index)
        continue;

      offset = tp->time - old_starts[j];
      if (j == index)
        offset = offset * length / old_length;
      time = new_starts[j] + offset;

      /* Rounding must not carry it out of its stage. */
      if (j + 1 < n_stages)
        time = MIN (time, nextafter (new_starts[j + 1], -INFINITY));
      else
        time = MIN (time, new_starts[n_stages]);
      time = MAX (time, new_starts[j]);

      journey_history_set (history, tp, "time", time, NULL);
    }
  journey_history_end_group (history);
  return TRUE;
}

/**
 * journey_edit_add_touchpoint:
 * @lane: (nullable): a lane of @map; %NULL for the first lane
 * @title: (nullable): its title; %NULL for "New touchpoint"
 *
 * Adds a touchpoint at @time (clamped to the timeline), at the end of the
 * map's list, with a new id ("touchpoint-N"), satisfaction the middle of
 * the scale and weight minor, as one step "Add Touchpoint".
 *
 * Returns: (transfer none) (nullable): the new touchpoint, owned by @map;
 *   %NULL when @map has no lane
 */
JourneyTouchpoint *
journey_edit_add_touchpoint (JourneyHistory *history,
                             JourneyMap     *map,
                             JourneyLane    *lane,
                             double          time,
                             const char     *title)
{
  g_autoptr(JourneyTouchpoint) touchpoint = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);
  g_return_val_if_fail (lane == NULL || journey_list_find (map->lanes, lane, NULL), NULL);

  if (lane == NULL)
    {
      if (journey_list_get_length (map->lanes) == 0)
        return NULL;
      lane = journey_list_peek (map->lanes, 0);
    }

  id = journey_map_new_touchpoint_id (map, "touchpoint");
  touchpoint = g_object_new (JOURNEY_TYPE_TOUCHPOINT,
                             "id", id,
                             "title", title != NULL ? title : _("New touchpoint"),
                             "lane", lane->id,
                             "time", journey_map_clamp_to_timeline (map, time),
                             "satisfaction", journey_scale_get_middle (map->scale),
                             "weight", JOURNEY_WEIGHT_MINOR,
                             NULL);

  journey_history_begin_group (history, _("Add Touchpoint"));
  journey_history_insert (history, map->touchpoints, journey_list_get_length (map->touchpoints), touchpoint);
  journey_history_end_group (history);

  /* The map holds it now. */
  return touchpoint;
}

/**
 * journey_edit_delete:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 *
 * Deletes touchpoints, as one step "Delete “title”" or "Delete N
 * Touchpoints"; undo puts them back where they were in the map's list.
 *
 * Returns: %TRUE when a touchpoint was deleted
 */
gboolean
journey_edit_delete (JourneyHistory           *history,
                     JourneyMap               *map,
                     JourneyTouchpoint *const *touchpoints,
                     guint                     n)
{
  g_autoptr(GArray) positions = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  positions = find_positions (map, touchpoints, n);
  if (positions->len == 0)
    return FALSE;

  if (positions->len == 1)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Delete “%s”"), touchpoint_name (touchpoint_at (map, positions, 0)));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Touchpoint", "Delete %u Touchpoints",
                                          positions->len), positions->len);

  /* From the last, so that the positions before stay true. */
  journey_history_begin_group (history, label);
  for (guint i = positions->len; i > 0; i--)
    journey_history_remove (history, map->touchpoints, g_array_index (positions, guint, i - 1));
  journey_history_end_group (history);
  return TRUE;
}

/**
 * journey_edit_duplicate:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 * @copies: (nullable) (element-type JourneyTouchpoint) (transfer full): where
 *   to append the copies, each with a reference of its own (give an array
 *   that frees with g_object_unref())
 *
 * Copies touchpoints with everything they hold, each with a new id made
 * from its own ("site" gives "site-2"), in the same lane at the same time,
 * at the end of the map's list, as one step "Duplicate “title”" or
 * "Duplicate N Touchpoints".
 *
 * Returns: %TRUE when a touchpoint was copied
 */
gboolean
journey_edit_duplicate (JourneyHistory           *history,
                        JourneyMap               *map,
                        JourneyTouchpoint *const *touchpoints,
                        guint                     n,
                        GPtrArray                *copies)
{
  g_autoptr(GArray) positions = NULL;
  g_autofree char *label = NULL;
  IdAllocator ids;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  positions = find_positions (map, touchpoints, n);
  if (positions->len == 0)
    return FALSE;

  if (positions->len == 1)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Duplicate “%s”"), touchpoint_name (touchpoint_at (map, positions, 0)));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Duplicate %u Touchpoint", "Duplicate %u Touchpoints",
                                          positions->len), positions->len);

  id_allocator_init (&ids, map);
  journey_history_begin_group (history, label);
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = touchpoint_at (map, positions, i);
      g_autoptr(JourneyTouchpoint) copy = item_copy (JOURNEY_ITEM (tp));
      g_autofree char *id = id_allocator_next (&ids, tp->id);

      g_object_set (copy, "id", id, NULL);
      journey_history_insert (history, map->touchpoints, journey_list_get_length (map->touchpoints), copy);
      if (copies != NULL)
        g_ptr_array_add (copies, g_object_ref (copy));
    }
  journey_history_end_group (history);
  id_allocator_clear (&ids);
  return TRUE;
}

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
  positions = find_positions (map, touchpoints, n);
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = touchpoint_at (map, positions, i);
      g_autoptr(JourneyTouchpoint) copy = item_copy (JOURNEY_ITEM (tp));
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
set_paste_error (GError     **error,
                 GPtrArray   *problems,
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
  IdAllocator ids;
  double shift = 0.0;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (lane == NULL || JOURNEY_IS_LANE (lane), FALSE);

  if (!check_lane (map, lane, error))
    return FALSE;
  if (journey_list_get_length (map->lanes) == 0)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("The map “%s” has no lane to paste into"), map->title);
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
  id_allocator_init (&ids, map);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (from->touchpoints, i);
      JourneyLane *to_lane = lane != NULL ? lane : match_lane (map, from, tp->lane);
      g_autofree char *id = id_allocator_next (&ids, tp->id);

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
            g_object_set (tp, "satisfaction", map_linearly (from->scale, map->scale, tp->satisfaction), NULL);
          if (!isnan (tp->target))
            g_object_set (tp, "target", map_linearly (from->scale, map->scale, tp->target), NULL);
          if (tp->evidence != NULL)
            {
              g_autoptr(JourneyEvidence) evidence = evidence_on_scale (tp->evidence, from->scale, map->scale);
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
  id_allocator_clear (&ids);

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

/* -- The inspector's edits ---------------------------------------------- */

gboolean
journey_edit_set_value (JourneyHistory *history,
                        gpointer        item,
                        const char     *property,
                        const GValue   *value,
                        const char     *label,
                        guint           merge_key)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return journey_history_set_merging (history, item, property, value, label, merge_key);
}

gboolean
journey_edit_set_string (JourneyHistory *history,
                         gpointer        item,
                         const char     *property,
                         const char     *text,
                         const char     *label,
                         guint           merge_key)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return journey_edit_set_value (history, item, property, &value, label, merge_key);
}

gboolean
journey_edit_set_shared (JourneyHistory           *history,
                         JourneyTouchpoint *const *touchpoints,
                         guint                     n,
                         const char               *property,
                         const GValue             *value,
                         const char               *label)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (n == 0 || touchpoints != NULL, FALSE);

  journey_history_begin_group (history, label);
  for (guint i = 0; i < n; i++)
    changed |= journey_history_set_value (history, touchpoints[i], property, value);
  journey_history_end_group (history);
  return changed;
}

static gboolean
set_strv (JourneyHistory *history,
          gpointer        item,
          const char     *property,
          GStrv           strv,
          const char     *label,
          guint           merge_key)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  return journey_edit_set_value (history, item, property, &value, label, merge_key);
}

gboolean
journey_edit_set_string_at (JourneyHistory    *history,
                            JourneyTouchpoint *touchpoint,
                            const char        *property,
                            guint              position,
                            const char        *text,
                            const char        *label,
                            guint              merge_key)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  g_object_get (touchpoint, property, &old, NULL);
  n = old != NULL ? g_strv_length (old) : 0;
  g_return_val_if_fail (position <= n, FALSE);

  for (guint i = 0; i < n; i++)
    {
      if (i != position)
        g_strv_builder_add (builder, old[i]);
      else if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  if (position == n && text != NULL)
    g_strv_builder_add (builder, text);
  strv = g_strv_builder_end (builder);
  return set_strv (history, touchpoint, property, strv, label, merge_key);
}

gboolean
journey_edit_move_string (JourneyHistory    *history,
                          JourneyTouchpoint *touchpoint,
                          const char        *property,
                          guint              from,
                          guint              to,
                          const char        *label)
{
  g_auto(GStrv) strv = NULL;
  char *moved;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  g_object_get (touchpoint, property, &strv, NULL);
  n = strv != NULL ? g_strv_length (strv) : 0;
  if (from >= n || to >= n || from == to)
    return FALSE;

  moved = strv[from];
  if (from < to)
    memmove (&strv[from], &strv[from + 1], (to - from) * sizeof (char *));
  else
    memmove (&strv[to + 1], &strv[to], (from - to) * sizeof (char *));
  strv[to] = moved;
  return set_strv (history, touchpoint, property, strv, label, 0);
}

JourneyAction *
journey_edit_add_action (JourneyHistory    *history,
                         JourneyTouchpoint *touchpoint,
                         const char        *text)
{
  g_autoptr(JourneyAction) action = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  action = g_object_new (JOURNEY_TYPE_ACTION, "text", text ? text : "", NULL);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Add an Action to “%s”"), touchpoint_name (touchpoint));
  journey_history_begin_group (history, label);
  journey_history_insert (history, touchpoint->actions, journey_list_get_length (touchpoint->actions), action);
  journey_history_end_group (history);
  return action;
}

JourneyComment *
journey_edit_add_comment (JourneyHistory    *history,
                          JourneyTouchpoint *touchpoint,
                          const char        *author,
                          const char        *text)
{
  g_autoptr(JourneyComment) comment = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  comment = g_object_new (JOURNEY_TYPE_COMMENT,
                          "author", author,
                          "text", text ? text : "",
                          "created", created,
                          NULL);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Add a Comment to “%s”"), touchpoint_name (touchpoint));
  journey_history_begin_group (history, label);
  journey_history_insert (history, touchpoint->comments, journey_list_get_length (touchpoint->comments), comment);
  journey_history_end_group (history);
  return comment;
}

void
journey_edit_list_remove (JourneyHistory *history,
                          JourneyList    *list,
                          guint           position,
                          const char     *label)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_LIST (list));

  if (position >= journey_list_get_length (list))
    return;
  journey_history_begin_group (history, label);
  journey_history_remove (history, list, position);
  journey_history_end_group (history);
}

void
journey_edit_list_move (JourneyHistory *history,
                        JourneyList    *list,
                        guint           from,
                        guint           to,
                        const char     *label)
{
  guint n;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_LIST (list));

  n = journey_list_get_length (list);
  if (from >= n || to >= n || from == to)
    return;
  journey_history_begin_group (history, label);
  journey_history_move (history, list, from, to);
  journey_history_end_group (history);
}

gboolean
journey_edit_vote (JourneyHistory    *history,
                   JourneyTouchpoint *touchpoint,
                   int                delta)
{
  g_autofree char *label = NULL;
  int votes;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  votes = MAX (0, touchpoint->votes + delta);
  if (votes == touchpoint->votes)
    return FALSE;
  if (delta > 0)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Vote for “%s”"), touchpoint_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Take Back a Vote for “%s”"), touchpoint_name (touchpoint));
  journey_history_begin_group (history, label);
  journey_history_set (history, touchpoint, "votes", votes, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* -- Stages, lanes, personas, channels ----------------------------------- */

char *
journey_list_new_id (JourneyList *list,
                     const char  *base)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (list), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (journey_item_list_find (list, id, NULL) == NULL)
        return g_steal_pointer (&id);
    }
}

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
  journey_history_begin_group (history, _("Add a Stage"));
  journey_history_insert (history, map->stages, journey_list_get_length (map->stages), stage);
  journey_history_end_group (history);
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
  journey_history_begin_group (history, _("Add a Lane"));
  journey_history_insert (history, map->lanes, journey_list_get_length (map->lanes), lane);
  journey_history_end_group (history);
  return lane;
}

guint
journey_map_count_in_stage (JourneyMap *map,
                            guint       position)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), 0);

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (journey_map_get_stage_at (map, tp->time) == (int) position)
        count++;
    }
  return count;
}

guint
journey_map_count_in_lane (JourneyMap  *map,
                           JourneyLane *lane)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), 0);
  g_return_val_if_fail (JOURNEY_IS_LANE (lane), 0);

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (g_strcmp0 (tp->lane, lane->id) == 0)
        count++;
    }
  return count;
}

static const char *
item_name (const char *name,
           const char *id)
{
  return name != NULL && name[0] != '\0' ? name : id;
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
  label = g_strdup_printf (_("Delete Stage “%s”"), item_name (stage->name, stage->id));
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
  label = g_strdup_printf (_("Move Stage “%s”"), item_name (stage->name, stage->id));
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

gboolean
journey_edit_delete_lane (JourneyHistory  *history,
                          JourneyMap      *map,
                          JourneyLane     *lane,
                          JourneyLane     *move_to,
                          GError         **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
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
  label = g_strdup_printf (_("Delete Lane “%s”"), item_name (lane->name, lane->id));
  journey_history_begin_group (history, label);
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (g_strcmp0 (tp->lane, lane->id) != 0)
        continue;
      if (move_to != NULL)
        journey_history_set (history, tp, "lane", move_to->id, NULL);
      else
        g_ptr_array_add (doomed, tp);
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      guint at;

      if (journey_list_find (map->touchpoints, g_ptr_array_index (doomed, i), &at))
        journey_history_remove (history, map->touchpoints, at);
    }
  journey_history_remove (history, map->lanes, position);
  journey_history_end_group (history);
  return TRUE;
}

JourneyPersona *
journey_edit_add_persona (JourneyHistory *history,
                          JourneyProject *project,
                          const char     *name)
{
  g_autoptr(JourneyPersona) persona = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);

  id = journey_list_new_id (project->personas, "persona");
  persona = g_object_new (JOURNEY_TYPE_PERSONA, "id", id, "name", name, NULL);
  journey_history_begin_group (history, _("Add a Persona"));
  journey_history_insert (history, project->personas, journey_list_get_length (project->personas), persona);
  journey_history_end_group (history);
  return persona;
}

JourneyChannel *
journey_edit_add_channel (JourneyHistory *history,
                          JourneyProject *project,
                          const char     *name)
{
  g_autoptr(JourneyChannel) channel = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);

  id = journey_list_new_id (project->channels, "channel");
  channel = g_object_new (JOURNEY_TYPE_CHANNEL, "id", id, "name", name, NULL);
  journey_history_begin_group (history, _("Add a Channel"));
  journey_history_insert (history, project->channels, journey_list_get_length (project->channels), channel);
  journey_history_end_group (history);
  return channel;
}

guint
journey_project_count_persona_uses (JourneyProject *project,
                                    const char     *id)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), 0);

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    count += g_strcmp0 (((JourneyMap *) journey_list_peek (project->maps, m))->persona, id) == 0;
  return count;
}

guint
journey_project_count_channel_uses (JourneyProject *project,
                                    const char     *id)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), 0);

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
        count += g_strcmp0 (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->channel, id) == 0;
    }
  return count;
}

void
journey_edit_delete_persona (JourneyHistory *history,
                             JourneyProject *project,
                             guint           position)
{
  JourneyPersona *persona;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_PROJECT (project));

  persona = journey_list_peek (project->personas, position);
  if (persona == NULL)
    return;

  id = g_strdup (persona->id);
  /* Translators: an undo step; %s is a persona's name */
  label = g_strdup_printf (_("Delete Persona “%s”"), item_name (persona->name, persona->id));
  journey_history_begin_group (history, label);
  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      if (g_strcmp0 (map->persona, id) == 0)
        journey_history_set (history, map, "persona", NULL, NULL);
    }
  journey_history_remove (history, project->personas, position);
  journey_history_end_group (history);
}

void
journey_edit_delete_channel (JourneyHistory *history,
                             JourneyProject *project,
                             guint           position)
{
  JourneyChannel *channel;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_PROJECT (project));

  channel = journey_list_peek (project->channels, position);
  if (channel == NULL)
    return;

  id = g_strdup (channel->id);
  /* Translators: an undo step; %s is a channel's name */
  label = g_strdup_printf (_("Delete Channel “%s”"), item_name (channel->name, channel->id));
  journey_history_begin_group (history, label);
  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

          if (g_strcmp0 (tp->channel, id) == 0)
            journey_history_set (history, tp, "channel", NULL, NULL);
        }
    }
  journey_history_remove (history, project->channels, position);
  journey_history_end_group (history);
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
  label = g_strdup_printf (_("Add Map “%s”"), title ? title : id);
  journey_history_begin_group (history, label);
  journey_history_insert (history, project->maps, journey_list_get_length (project->maps), map);
  journey_history_end_group (history);
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
  label = g_strdup_printf (_("Delete Map “%s”"), item_name (map->title, map->id));
  journey_history_begin_group (history, label);
  journey_history_remove (history, project->maps, position);
  journey_history_end_group (history);
  return TRUE;
}
