/* journey-map.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "journey-edit-private.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS
#define NE   JOURNEY_FIELD_NON_EMPTY

/* The order of this table is the order of the keys in a saved file (SPEC §3). */
static const JourneyField map_fields[] = {
  JOURNEY_FIELD (JourneyMap, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyMap, title, "title", STRING, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyMap, persona, "persona", STRING, NE, 0, NULL),
  JOURNEY_FIELD (JourneyMap, objective, "objective", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyMap, scale, "scale", OBJECT, ALW, 0, journey_scale_get_type),
  JOURNEY_FIELD (JourneyMap, scope, "scope", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyMap, show_notes, "show_notes", BOOLEAN, 0, 1, NULL),
  JOURNEY_FIELD (JourneyMap, stages, "stages", LIST, REQ, 0, journey_stage_get_type),
  JOURNEY_FIELD (JourneyMap, lanes, "lanes", LIST, REQ, 0, journey_lane_get_type),
  JOURNEY_FIELD (JourneyMap, touchpoints, "touchpoints", LIST, REQ, 0, journey_touchpoint_get_type),
  JOURNEY_FIELD (JourneyMap, evidence_sources, "evidence_sources", LIST, 0, 0, journey_evidence_source_get_type),
};

G_DEFINE_FINAL_TYPE (JourneyMap, journey_map, JOURNEY_TYPE_ITEM)

static void
journey_map_class_init (JourneyMapClass *klass)
{
  journey_item_class_install_fields (JOURNEY_ITEM_CLASS (klass), map_fields, G_N_ELEMENTS (map_fields));
}

static void
journey_map_init (JourneyMap *self)
{
  /* Every map has a scale: 1–5 unless the file says otherwise. */
  self->scale = journey_scale_new (1, 5, NULL);
}

/**
 * journey_map_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its title, or its id when
 * the title is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_map_get_display_name (JourneyMap *self)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), "");

  return journey_item_name_or_id (self->title, self->id);
}

/**
 * journey_map_get_duration:
 *
 * Returns: the length of the timeline: the sum of the stages' spans
 */
double
journey_map_get_duration (JourneyMap *self)
{
  double total = 0.0;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), 0.0);

  n = journey_list_get_length (self->stages);
  for (guint i = 0; i < n; i++)
    total += journey_stage_get_span (journey_list_peek (self->stages, i));
  return total;
}

/**
 * journey_map_get_stage_start:
 *
 * Returns: the time at which stage number @stage starts (stages are laid
 *   end to end from time 0)
 */
double
journey_map_get_stage_start (JourneyMap *self,
                             guint       stage)
{
  double start = 0.0;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), 0.0);

  n = MIN (stage, journey_list_get_length (self->stages));
  for (guint i = 0; i < n; i++)
    start += journey_stage_get_span (journey_list_peek (self->stages, i));
  return start;
}

/**
 * journey_map_get_stage_at:
 *
 * A stage's span holds the times from its start up to, not including, its
 * end; the end of the timeline belongs to the last stage.
 *
 * Returns: the index of the stage whose span holds @time, or -1 when the
 *   map has no stages
 */
int
journey_map_get_stage_at (JourneyMap *self,
                          double      time)
{
  double end = 0.0;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), -1);

  n = journey_list_get_length (self->stages);
  if (n == 0)
    return -1;

  for (guint i = 0; i < n; i++)
    {
      end += journey_stage_get_span (journey_list_peek (self->stages, i));
      if (time < end)
        return (int) i;
    }
  return (int) n - 1;
}

/**
 * journey_map_get_touchpoint_stage:
 *
 * Returns: (transfer none) (nullable): the stage that @touchpoint's time falls in
 */
JourneyStage *
journey_map_get_touchpoint_stage (JourneyMap        *self,
                                  JourneyTouchpoint *touchpoint)
{
  int index;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  index = journey_map_get_stage_at (self, touchpoint->time);
  return index < 0 ? NULL : journey_list_peek (self->stages, (guint) index);
}

/**
 * journey_map_find_lane:
 *
 * Returns: (transfer none) (nullable): the lane with @id
 */
JourneyLane *
journey_map_find_lane (JourneyMap *self,
                       const char *id)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);

  return journey_item_list_find (self->lanes, id, NULL);
}

int
journey_map_find_lane_index (JourneyMap *self,
                             const char *id)
{
  guint position;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), -1);

  if (journey_item_list_find (self->lanes, id, &position) == NULL)
    return -1;
  return (int) position;
}

/**
 * journey_map_find_touchpoint:
 *
 * Returns: (transfer none) (nullable): the touchpoint with @id
 */
JourneyTouchpoint *
journey_map_find_touchpoint (JourneyMap *self,
                             const char *id)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);

  return journey_item_list_find (self->touchpoints, id, NULL);
}

/**
 * journey_map_get_satisfaction:
 *
 * Returns: @touchpoint's satisfaction, or the middle of the map's scale
 *   when it has none
 */
double
journey_map_get_satisfaction (JourneyMap        *self,
                              JourneyTouchpoint *touchpoint)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), 0.0);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), 0.0);

  if (isnan (touchpoint->satisfaction))
    return journey_scale_get_middle (self->scale);
  return touchpoint->satisfaction;
}

gboolean
journey_lane_kind_is_on_curve (JourneyLaneKind kind)
{
  return kind == JOURNEY_LANE_CUSTOMER || kind == JOURNEY_LANE_ONSTAGE;
}

typedef struct
{
  guint  index;
  double time;
} CurveEntry;

static int
compare_curve_entries (gconstpointer a,
                       gconstpointer b)
{
  const CurveEntry *ea = a, *eb = b;

  if (ea->time < eb->time)
    return -1;
  if (ea->time > eb->time)
    return 1;
  return (ea->index > eb->index) - (ea->index < eb->index);
}

/* Lane id → whether its touchpoints are on the curve, the first lane of
 * an id winning as in journey_map_find_lane(). */
static GHashTable *
curve_lanes_new (JourneyMap *self)
{
  GHashTable *lanes = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = journey_list_get_length (self->lanes);

  for (guint i = 0; i < n; i++)
    {
      JourneyLane *lane = journey_list_peek (self->lanes, i);

      if (lane->id != NULL && !g_hash_table_contains (lanes, lane->id))
        g_hash_table_insert (lanes, lane->id, GINT_TO_POINTER (journey_lane_kind_is_on_curve (lane->kind)));
    }
  return lanes;
}

/* Without @lanes, every touchpoint counts. */
static gboolean
is_on_curve (GHashTable        *lanes,
             JourneyTouchpoint *tp)
{
  if (lanes == NULL)
    return TRUE;
  return tp->lane != NULL && GPOINTER_TO_INT (g_hash_table_lookup (lanes, tp->lane));
}

/* The touchpoints that @lanes puts on the curve (all without), in time
 * order. */
static GArray *
get_indices (JourneyMap *self,
             GHashTable *lanes)
{
  g_autoptr(GArray) entries = NULL;
  GArray *result;
  guint n;

  n = journey_list_get_length (self->touchpoints);
  entries = g_array_sized_new (FALSE, FALSE, sizeof (CurveEntry), n);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->touchpoints, i);

      if (is_on_curve (lanes, tp))
        {
          CurveEntry entry = { i, tp->time };
          g_array_append_val (entries, entry);
        }
    }

  /* The index breaks ties, so the order does not depend on the sort. */
  g_array_sort (entries, compare_curve_entries);

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (result, g_array_index (entries, CurveEntry, i).index);
  return result;
}

/**
 * journey_map_get_curve_indices:
 *
 * The touchpoints on the emotion curve: those whose lane (the first lane
 * with their lane id) is a customer or onstage lane, in time order;
 * touchpoints at the same time keep the map's order.
 *
 * Returns: (transfer full) (element-type guint): a new array of indices in
 *   the map's touchpoints
 */
GArray *
journey_map_get_curve_indices (JourneyMap *self)
{
  g_autoptr(GHashTable) lanes = NULL;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);

  lanes = curve_lanes_new (self);
  return get_indices (self, lanes);
}

/* journey_map_update_curve_indices(), for the touchpoints that @lanes
 * puts on the curve (all without). */
static GArray *
update_indices (JourneyMap               *self,
                GArray                   *indices,
                JourneyTouchpoint *const *changed,
                guint                     n_changed,
                GHashTable               *lanes)
{
  g_autoptr(GHashTable) dirty = NULL;
  g_autoptr(GArray) moved = NULL;
  GArray *result;
  guint n, k = 0;

  dirty = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_changed; i++)
    g_hash_table_add (dirty, changed[i]);

  /* The changed touchpoints on the curve now, in its order. */
  moved = g_array_new (FALSE, FALSE, sizeof (CurveEntry));
  n = journey_list_get_length (self->touchpoints);
  for (guint i = 0; i < n && moved->len < g_hash_table_size (dirty); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->touchpoints, i);

      if (g_hash_table_contains (dirty, tp) && is_on_curve (lanes, tp))
        {
          CurveEntry entry = { i, tp->time };
          g_array_append_val (moved, entry);
        }
    }
  g_array_sort (moved, compare_curve_entries);

  /* Merged with the others, which keep their order. */
  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), indices->len + moved->len);
  for (guint j = 0; j <= indices->len; j++)
    {
      CurveEntry entry = { 0, 0 };

      if (j < indices->len)
        {
          JourneyTouchpoint *tp;

          entry.index = g_array_index (indices, guint, j);
          tp = journey_list_peek (self->touchpoints, entry.index);
          if (g_hash_table_contains (dirty, tp))
            continue;
          entry.time = tp->time;
        }
      while (k < moved->len
             && (j == indices->len || compare_curve_entries (&g_array_index (moved, CurveEntry, k), &entry) < 0))
        g_array_append_val (result, g_array_index (moved, CurveEntry, k++).index);
      if (j < indices->len)
        g_array_append_val (result, entry.index);
    }
  return result;
}

/**
 * journey_map_update_curve_indices:
 * @indices: (element-type guint): journey_map_get_curve_indices() of the
 *   map before the touchpoints in @changed changed their time or lane
 * @changed: (array length=n_changed): touchpoints of the map
 * @n_changed: their number
 *
 * What journey_map_get_curve_indices() gives now, in time linear in the
 * map when few touchpoints changed: the others keep their order, the
 * changed ones are taken out and merged in again where they belong.  The
 * map's touchpoints must be the same, in the same order, as for @indices.
 *
 * Returns: (transfer full) (element-type guint): a new array of indices
 */
GArray *
journey_map_update_curve_indices (JourneyMap               *self,
                                  GArray                   *indices,
                                  JourneyTouchpoint *const *changed,
                                  guint                     n_changed)
{
  g_autoptr(GHashTable) lanes = NULL;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);
  g_return_val_if_fail (indices != NULL, NULL);

  lanes = curve_lanes_new (self);
  return update_indices (self, indices, changed, n_changed, lanes);
}

/**
 * journey_map_get_time_order:
 *
 * Every touchpoint of the map in time order, touchpoints at the same time
 * in the map's order.  This decides the touchpoints' numbers (SPEC §9): a
 * touchpoint's number is its place in this order, counted from 1, and the
 * card, its notes and every export show that number.
 *
 * Returns: (transfer full) (element-type guint): a new array of indices in
 *   the map's touchpoints
 */
GArray *
journey_map_get_time_order (JourneyMap *self)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);

  return get_indices (self, NULL);
}

/**
 * journey_map_update_time_order:
 * @order: (element-type guint): journey_map_get_time_order() of the map
 *   before the touchpoints in @changed changed their time
 * @changed: (array length=n_changed): touchpoints of the map
 * @n_changed: their number
 *
 * What journey_map_get_time_order() gives now, in time linear in the map
 * when few touchpoints changed (as journey_map_update_curve_indices()).
 *
 * Returns: (transfer full) (element-type guint): a new array of indices
 */
GArray *
journey_map_update_time_order (JourneyMap               *self,
                               GArray                   *order,
                               JourneyTouchpoint *const *changed,
                               guint                     n_changed)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);
  g_return_val_if_fail (order != NULL, NULL);

  return update_indices (self, order, changed, n_changed, NULL);
}

/**
 * journey_map_get_curve_touchpoints:
 *
 * The touchpoints of journey_map_get_curve_indices().
 *
 * Returns: (transfer container) (element-type JourneyTouchpoint): a new array
 */
GPtrArray *
journey_map_get_curve_touchpoints (JourneyMap *self)
{
  g_autoptr(GArray) indices = NULL;
  GPtrArray *result;

  g_return_val_if_fail (JOURNEY_IS_MAP (self), NULL);

  indices = journey_map_get_curve_indices (self);
  result = g_ptr_array_sized_new (indices->len);
  for (guint i = 0; i < indices->len; i++)
    g_ptr_array_add (result, journey_list_peek (self->touchpoints, g_array_index (indices, guint, i)));
  return result;
}

/* -- Times, values and ids on a map --------------------------------------- */

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

/**
 * journey_map_check_time:
 *
 * Whether @time may be a touchpoint's time on @map: a finite number from 0
 * to the length of the timeline.  If not, @error says why, for the person
 * who typed it.
 */
gboolean
journey_map_check_time (JourneyMap  *map,
                        double       time,
                        GError     **error)
{
  double duration;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  duration = journey_map_get_duration (map);
  if (!isfinite (time) || time < 0 || time > duration)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE,
                   _("%g is not on the timeline, from 0 to %g"), time, duration);
      return FALSE;
    }
  return TRUE;
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
  JourneyIdAllocator ids;
  char *id;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  journey_edit_id_allocator_init (&ids, map);
  id = journey_edit_id_allocator_next (&ids, base);
  journey_edit_id_allocator_clear (&ids);
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

/**
 * journey_map_foreach_use:
 * @kind: %JOURNEY_TYPE_PERSONA, %JOURNEY_TYPE_CHANNEL or %JOURNEY_TYPE_LANE
 * @id: the id that the uses name
 * @func: (nullable) (scope call): called for each use, with the item and
 *   the property that names @id
 *
 * The one place that says what names what by its id, in one map: the map
 * names its persona, a touchpoint its channel and its lane.  Counting,
 * clearing and renaming the uses all go through here.
 *
 * Returns: how many uses @map has
 */
guint
journey_map_foreach_use (JourneyMap     *map,
                         GType           kind,
                         const char     *id,
                         JourneyUseFunc  func,
                         gpointer        user_data)
{
  const char *property;
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), 0);

  if (id == NULL)
    return 0;
  if (kind == JOURNEY_TYPE_PERSONA)
    {
      if (g_strcmp0 (map->persona, id) != 0)
        return 0;
      if (func != NULL)
        func (map, "persona", user_data);
      return 1;
    }

  g_return_val_if_fail (kind == JOURNEY_TYPE_CHANNEL || kind == JOURNEY_TYPE_LANE, 0);
  property = kind == JOURNEY_TYPE_CHANNEL ? "channel" : "lane";
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (g_strcmp0 (kind == JOURNEY_TYPE_CHANNEL ? tp->channel : tp->lane, id) != 0)
        continue;
      if (func != NULL)
        func (tp, property, user_data);
      count++;
    }
  return count;
}

guint
journey_map_count_in_lane (JourneyMap  *map,
                           JourneyLane *lane)
{
  g_return_val_if_fail (JOURNEY_IS_LANE (lane), 0);

  return journey_map_foreach_use (map, JOURNEY_TYPE_LANE, lane->id, NULL, NULL);
}
