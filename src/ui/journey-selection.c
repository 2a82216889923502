/* journey-selection.c: the selected touchpoints of a map and the channel
 * shown in full, kept once for the canvas, the inspector and the window.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-selection"

#include "config.h"

#include "journey-selection.h"

struct _JourneySelection
{
  GObject     parent_instance;

  JourneyMap *map;
  GHashTable *set;      /* JourneyTouchpoint (a reference) → itself */
  GPtrArray  *ordered;  /* the set in map order, made when asked for */
  gboolean    ordered_valid;
  char       *channel_filter;
};

G_DEFINE_FINAL_TYPE (JourneySelection, journey_selection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHANNEL_FILTER,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* -- helpers -------------------------------------------------------------- */

static GPtrArray *
changes_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* Tells the observers which touchpoints went in or out, if any did. */
static gboolean
emit_changed (JourneySelection *self,
              GPtrArray        *changed)
{
  if (changed->len == 0)
    return FALSE;
  self->ordered_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0, changed);
  return TRUE;
}

static void
add_to (JourneySelection  *self,
        JourneyTouchpoint *touchpoint,
        GPtrArray         *changed)
{
  if (g_hash_table_contains (self->set, touchpoint))
    return;
  g_hash_table_add (self->set, g_object_ref (touchpoint));
  g_ptr_array_add (changed, g_object_ref (touchpoint));
}

/* Removes every touchpoint that @keep does not hold (a set; NULL: none). */
static void
remove_all_but (JourneySelection *self,
                GHashTable       *keep,
                GPtrArray        *changed)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (keep == NULL || !g_hash_table_contains (keep, key))
      {
        g_ptr_array_add (changed, g_object_ref (key));
        g_hash_table_iter_remove (&iter);
      }
}

/* Touchpoints left the map, or moved in its list: the selection keeps
 * only those still in it. */
static void
on_touchpoints_changed (JourneySelection *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *touchpoints)
{
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  guint n;

  self->ordered_valid = FALSE;
  if (removed <= added || g_hash_table_size (self->set) == 0)
    return;

  present = g_hash_table_new (NULL, NULL);
  n = g_list_model_get_n_items (touchpoints);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (present, journey_list_peek (JOURNEY_LIST (touchpoints), i));
  changed = changes_new ();
  remove_all_but (self, present, changed);
  emit_changed (self, changed);
}

/* -- GObject -------------------------------------------------------------- */

static void
journey_selection_dispose (GObject *object)
{
  JourneySelection *self = JOURNEY_SELECTION (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map->touchpoints, self);
  g_clear_object (&self->map);
  if (self->set != NULL)
    g_hash_table_remove_all (self->set);
  if (self->ordered != NULL)
    g_ptr_array_set_size (self->ordered, 0);

  G_OBJECT_CLASS (journey_selection_parent_class)->dispose (object);
}

static void
journey_selection_finalize (GObject *object)
{
  JourneySelection *self = JOURNEY_SELECTION (object);

  g_clear_pointer (&self->set, g_hash_table_unref);
  g_clear_pointer (&self->ordered, g_ptr_array_unref);
  g_clear_pointer (&self->channel_filter, g_free);

  G_OBJECT_CLASS (journey_selection_parent_class)->finalize (object);
}

static void
journey_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JourneySelection *self = JOURNEY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_FILTER:
      g_value_set_string (value, self->channel_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_selection_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JourneySelection *self = JOURNEY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_FILTER:
      journey_selection_set_channel_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_selection_class_init (JourneySelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = journey_selection_dispose;
  object_class->finalize = journey_selection_finalize;
  object_class->get_property = journey_selection_get_property;
  object_class->set_property = journey_selection_set_property;

  /**
   * JourneySelection:channel-filter:
   *
   * The id of the channel whose touchpoints the map shows in full (the
   * others veiled), or %NULL for all.
   */
  properties[PROP_CHANNEL_FILTER] =
    g_param_spec_string ("channel-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JourneySelection::changed:
   * @changed: (element-type JourneyTouchpoint): the touchpoints that went
   *   in or out of the selection, never empty
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
journey_selection_init (JourneySelection *self)
{
  self->set = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->ordered = g_ptr_array_new ();
}

/* -- public API ----------------------------------------------------------- */

JourneySelection *
journey_selection_new (void)
{
  return g_object_new (JOURNEY_TYPE_SELECTION, NULL);
}

/**
 * journey_selection_set_map:
 * @map: (nullable): the map whose touchpoints are selected
 *
 * Empties the selection (the channel shown stays: channels belong to the
 * project) and follows @map's touchpoints.
 */
void
journey_selection_set_map (JourneySelection *self,
                           JourneyMap       *map)
{
  g_autoptr(GPtrArray) changed = changes_new ();

  g_return_if_fail (JOURNEY_IS_SELECTION (self));
  g_return_if_fail (map == NULL || JOURNEY_IS_MAP (map));

  if (self->map != map)
    {
      if (self->map != NULL)
        g_signal_handlers_disconnect_by_data (self->map->touchpoints, self);
      g_set_object (&self->map, map);
      if (map != NULL)
        g_signal_connect_object (map->touchpoints, "items-changed", G_CALLBACK (on_touchpoints_changed), self,
                                 G_CONNECT_SWAPPED);
    }
  self->ordered_valid = FALSE;
  remove_all_but (self, NULL, changed);
  emit_changed (self, changed);
}

JourneyMap *
journey_selection_get_map (JourneySelection *self)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), NULL);
  return self->map;
}

gboolean
journey_selection_contains (JourneySelection  *self,
                            JourneyTouchpoint *touchpoint)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), FALSE);
  return touchpoint != NULL && g_hash_table_contains (self->set, touchpoint);
}

guint
journey_selection_get_n_selected (JourneySelection *self)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), 0);
  return g_hash_table_size (self->set);
}

/**
 * journey_selection_get_touchpoints:
 *
 * Returns: (transfer none) (element-type JourneyTouchpoint): the selected
 *   touchpoints in map order, valid until the selection or the map's list
 *   of touchpoints changes
 */
GPtrArray *
journey_selection_get_touchpoints (JourneySelection *self)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), NULL);

  if (!self->ordered_valid)
    {
      g_ptr_array_set_size (self->ordered, 0);
      if (self->map != NULL && g_hash_table_size (self->set) > 0)
        for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
          {
            JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);

            if (g_hash_table_contains (self->set, tp))
              g_ptr_array_add (self->ordered, tp);
          }
      self->ordered_valid = TRUE;
    }
  return self->ordered;
}

/**
 * journey_selection_get_set:
 *
 * Returns: (transfer none): the selected touchpoints as a set, to look up
 *   (the scene's state reads it); never to be changed
 */
GHashTable *
journey_selection_get_set (JourneySelection *self)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), NULL);
  return self->set;
}

/**
 * journey_selection_select:
 * @touchpoint: (nullable): the touchpoint to select
 * @add: add it to the selection; else the selection is only @touchpoint
 *
 * Returns: whether the selection changed
 */
gboolean
journey_selection_select (JourneySelection  *self,
                          JourneyTouchpoint *touchpoint,
                          gboolean           add)
{
  g_autoptr(GPtrArray) changed = changes_new ();

  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (touchpoint == NULL || JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  if (!add)
    {
      g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);

      if (touchpoint != NULL)
        g_hash_table_add (keep, touchpoint);
      remove_all_but (self, keep, changed);
    }
  if (touchpoint != NULL)
    add_to (self, touchpoint, changed);
  return emit_changed (self, changed);
}

/* Returns: whether the selection changed */
gboolean
journey_selection_unselect (JourneySelection  *self,
                            JourneyTouchpoint *touchpoint)
{
  g_autoptr(GPtrArray) changed = changes_new ();

  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), FALSE);

  if (touchpoint == NULL || !g_hash_table_contains (self->set, touchpoint))
    return FALSE;
  g_ptr_array_add (changed, g_object_ref (touchpoint));
  g_hash_table_remove (self->set, touchpoint);
  return emit_changed (self, changed);
}

/* Returns: whether the selection changed */
gboolean
journey_selection_unselect_all (JourneySelection *self)
{
  return journey_selection_select (self, NULL, FALSE);
}

/**
 * journey_selection_set_touchpoints:
 * @touchpoints: (array length=n_touchpoints): what is to be selected
 *
 * Selects exactly @touchpoints, telling the observers only if that is
 * not what was selected already.
 *
 * Returns: whether the selection changed
 */
gboolean
journey_selection_set_touchpoints (JourneySelection         *self,
                                   JourneyTouchpoint *const *touchpoints,
                                   guint                     n_touchpoints)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) changed = changes_new ();

  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n_touchpoints == 0, FALSE);

  for (guint i = 0; i < n_touchpoints; i++)
    g_hash_table_add (wanted, touchpoints[i]);
  remove_all_but (self, wanted, changed);
  for (guint i = 0; i < n_touchpoints; i++)
    add_to (self, touchpoints[i], changed);
  return emit_changed (self, changed);
}

/**
 * journey_selection_get_channel_filter:
 *
 * Returns: (nullable): the id of the channel the map shows in full
 */
const char *
journey_selection_get_channel_filter (JourneySelection *self)
{
  g_return_val_if_fail (JOURNEY_IS_SELECTION (self), NULL);
  return self->channel_filter;
}

/**
 * journey_selection_set_channel_filter:
 * @channel: (nullable): the id of a channel, or %NULL for all
 */
void
journey_selection_set_channel_filter (JourneySelection *self,
                                      const char       *channel)
{
  g_return_if_fail (JOURNEY_IS_SELECTION (self));

  if (g_strcmp0 (self->channel_filter, channel) == 0)
    return;
  g_free (self->channel_filter);
  self->channel_filter = g_strdup (channel);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_FILTER]);
}
