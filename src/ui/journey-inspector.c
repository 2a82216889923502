/* journey-inspector.c: the class, the runs of typing, and the panel that
 * follows the model.  Its pages and lists are in journey-inspector-*.c.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "journey-inspector-private.h"

/* A slider's run of changes ends after this long without one. */
#define PAUSE_MS 1000

G_DEFINE_FINAL_TYPE (JourneyInspector, journey_inspector, ADW_TYPE_BIN)

enum {
  SHOW_MAP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static guint last_merge_key;

/* -- Runs of typing ------------------------------------------------------- */

/* The selected touchpoints in map order (transfer none). */
GPtrArray *
journey_inspector_get_selected (JourneyInspector *self)
{
  return journey_selection_get_touchpoints (self->selection);
}

JourneyTouchpoint *
journey_inspector_get_touchpoint (JourneyInspector *self)
{
  GPtrArray *selected = journey_inspector_get_selected (self);

  if (self->map == NULL || selected->len != 1)
    return NULL;
  return g_ptr_array_index (selected, 0);
}

void
journey_inspector_new_run (JourneyInspector *self)
{
  self->merge_key = ++last_merge_key;
  g_clear_handle_id (&self->pause_id, g_source_remove);
}

static gboolean
on_pause (gpointer data)
{
  JourneyInspector *self = data;

  self->pause_id = 0;
  journey_inspector_new_run (self);
  return G_SOURCE_REMOVE;
}

/* After a slider changed a value: a pause ends its run of changes, as
 * leaving it does. */
void
journey_inspector_adjusted (JourneyInspector *self)
{
  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (PAUSE_MS, on_pause, self);
}

static void
on_focus_leave (JourneyInspector *self)
{
  journey_inspector_new_run (self);
}

/* Leaving @widget (or anything inside it), or Enter in an entry row, ends
 * the run of typing: all that was typed in one field is one undo step.
 * An undo while typing undoes the run so far (the field shows what it
 * held before); what is typed after it is a new step. */
void
journey_inspector_watch_focus (JourneyInspector *self,
                               GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect_object (widget, "entry-activated", G_CALLBACK (journey_inspector_new_run), self,
                             G_CONNECT_SWAPPED);
}

/* -- Showing the model ---------------------------------------------------- */

/* Shows the page of the selection.  The map page counts the touchpoints
 * of every stage, lane and channel: it is made again only when the model
 * changed since it was shown, not each time the selection empties. */
static void
show_selection (JourneyInspector *self)
{
  guint n_selected = journey_selection_get_n_selected (self->selection);

  self->updating++;
  if (self->map == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_selected == 0)
    {
      if (self->map_page_stale)
        journey_inspector_refresh_map (self);
      self->map_page_stale = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "map");
    }
  else
    {
      journey_inspector_refresh_touchpoint (self);
      gtk_stack_set_visible_child_name (self->stack, "touchpoint");
    }
  self->updating--;
}

void
journey_inspector_refresh (JourneyInspector *self)
{
  self->map_page_stale = TRUE;
  show_selection (self);
}

static void
on_history_changed (JourneyInspector *self)
{
  journey_inspector_refresh (self);
}

/* Only a real change of the selection comes here: a new run of typing,
 * and the page of what is selected now. */
static void
on_selection_changed (JourneyInspector *self)
{
  if (self->setting_map)
    return;
  journey_inspector_new_run (self);
  show_selection (self);
}

static void
on_channel_filter_changed (JourneyInspector *self)
{
  if (self->map != NULL && self->project != NULL)
    journey_inspector_sync_channel_filter (self);
}

static void
disconnect_selection (JourneyInspector *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
}

void
journey_inspector_emit_show_map (JourneyInspector *self,
                                 JourneyMap       *map)
{
  g_signal_emit (self, signals[SHOW_MAP], 0, map);
}

/* -- Class ---------------------------------------------------------------- */

static void
journey_inspector_dispose (GObject *object)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (object);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->project);
  journey_inspector_evidence_dispose (self);
  /* The rows of the lists go with the template. */
  for (guint i = 0; i < G_N_ELEMENTS (self->structure_rows); i++)
    if (self->structure_rows[i] != NULL)
      g_ptr_array_set_size (self->structure_rows[i], 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_INSPECTOR);
  /* Kept until finalize, for whatever asks after dispose. */
  disconnect_selection (self);

  G_OBJECT_CLASS (journey_inspector_parent_class)->dispose (object);
}

static void
journey_inspector_finalize (GObject *object)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (object);

  g_clear_object (&self->selection);
  journey_inspector_evidence_finalize (self);
  g_clear_pointer (&self->pain_rows, g_ptr_array_unref);
  g_clear_pointer (&self->opportunity_rows, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);
  g_clear_pointer (&self->comment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->label_rows, g_ptr_array_unref);
  g_clear_pointer (&self->map_rows, g_ptr_array_unref);
  g_free (self->add_map_key);
  for (guint i = 0; i < G_N_ELEMENTS (self->structure_rows); i++)
    g_clear_pointer (&self->structure_rows[i], g_ptr_array_unref);
  g_free (self->lanes_key);
  g_free (self->channels_key);
  g_free (self->personas_key);
  g_free (self->filter_key);

  G_OBJECT_CLASS (journey_inspector_parent_class)->finalize (object);
}

static void
journey_inspector_class_init (JourneyInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_inspector_dispose;
  object_class->finalize = journey_inspector_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-inspector.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, JourneyInspector, name)
  BIND (stack);
  BIND (touchpoint_group);
  BIND (title_row);
  BIND (lane_row);
  BIND (channel_row);
  BIND (weight_row);
  BIND (when_row);
  BIND (time_row);
  BIND (time_spin);
  BIND (satisfaction_group);
  BIND (satisfaction_row);
  BIND (satisfaction_scale);
  BIND (target_row);
  BIND (target_value_row);
  BIND (target_scale);
  BIND (text_box);
  BIND (pain_group);
  BIND (opportunity_group);
  BIND (action_group);
  BIND (comment_group);
  BIND (votes_group);
  BIND (votes_label);
  BIND (vote_button);
  BIND (unvote_button);
  BIND (evidence_group);
  BIND (map_group);
  BIND (map_title_row);
  BIND (persona_row);
  BIND (filter_row);
  BIND (objective_row);
  BIND (scope_row);
  BIND (scale_group);
  BIND (preset_row);
  BIND (min_spin);
  BIND (max_spin);
  BIND (labels_group);
  BIND (sources_group);
  BIND (stages_group);
  BIND (lanes_group);
  BIND (project_title_row);
  BIND (personas_group);
  BIND (channels_group);
  BIND (maps_group);
  BIND (add_map_button);
#undef BIND

  gtk_widget_class_set_css_name (widget_class, "journeyinspector");

  /**
   * JourneyInspector::show-map:
   *
   * The person asked to see another map (or one just added).
   */
  signals[SHOW_MAP] = g_signal_new ("show-map", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, JOURNEY_TYPE_MAP);

  gtk_widget_class_install_action (widget_class, "inspector.add-map", "s", journey_inspector_add_map_action);
}

static void
journey_inspector_init (JourneyInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(JourneySelection) selection = journey_selection_new ();

    journey_inspector_set_selection_model (self, selection);
  }
  self->pain_rows = g_ptr_array_new ();
  self->opportunity_rows = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  self->comment_rows = g_ptr_array_new ();
  self->label_rows = g_ptr_array_new ();
  self->map_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->structure_rows); i++)
    self->structure_rows[i] = g_ptr_array_new_with_free_func (g_free);
  journey_inspector_new_run (self);

  journey_inspector_touchpoint_init (self);
  journey_inspector_room_init (self);
  journey_inspector_notes_init (self);
  journey_inspector_map_init (self);
  journey_inspector_structure_init (self);
  journey_inspector_evidence_init (self);
  journey_inspector_sources_init (self);

  {
    /* The rows whose titles are short words of ours. */
    GtkWidget *rows[] = {
      GTK_WIDGET (self->persona_row), GTK_WIDGET (self->filter_row), GTK_WIDGET (self->preset_row),
      gtk_widget_get_ancestor (GTK_WIDGET (self->min_spin), ADW_TYPE_ACTION_ROW),
      gtk_widget_get_ancestor (GTK_WIDGET (self->max_spin), ADW_TYPE_ACTION_ROW),
      GTK_WIDGET (self->lane_row), GTK_WIDGET (self->channel_row), GTK_WIDGET (self->weight_row),
      GTK_WIDGET (self->time_row), GTK_WIDGET (self->satisfaction_row), GTK_WIDGET (self->target_row),
      gtk_widget_get_ancestor (GTK_WIDGET (self->votes_label), ADW_TYPE_ACTION_ROW),
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      journey_inspector_single_line (rows[i]);
  }

  {
    /* Names for screen readers where libadwaita 1.2 gives none. */
    AdwComboRow *combos[] = {
      self->lane_row, self->channel_row, self->weight_row,
      self->persona_row, self->filter_row, self->preset_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      journey_inspector_name_combo (combos[i]);
    journey_inspector_name_expander (self->target_row);
    journey_inspector_name_group_list (ADW_PREFERENCES_GROUP (self->votes_group), _("Dot Votes"));
  }
}

/* -- Public API ----------------------------------------------------------- */

GtkWidget *
journey_inspector_new (void)
{
  return g_object_new (JOURNEY_TYPE_INSPECTOR, NULL);
}

void
journey_inspector_set_map (JourneyInspector *self,
                           JourneyProject   *project,
                           JourneyMap       *map,
                           JourneyHistory   *history)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));
  g_return_if_fail (project == NULL || JOURNEY_IS_PROJECT (project));
  g_return_if_fail (map == NULL || JOURNEY_IS_MAP (map));
  g_return_if_fail (history == NULL || JOURNEY_IS_HISTORY (history));

  if (self->history != history)
    {
      if (self->history != NULL)
        g_signal_handlers_disconnect_by_data (self->history, self);
      g_set_object (&self->history, history);
      if (history != NULL)
        g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->project, project);
  g_set_object (&self->map, map);
  self->setting_map = TRUE;
  journey_selection_set_map (self->selection, map);
  self->setting_map = FALSE;
  adw_preferences_group_set_description (self->scale_group, NULL);
  journey_inspector_new_run (self);
  journey_inspector_refresh (self);
}

void
journey_inspector_set_selection (JourneyInspector *self,
                                 GPtrArray        *touchpoints)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  if (touchpoints == NULL)
    journey_selection_unselect_all (self->selection);
  else
    journey_selection_set_touchpoints (self->selection, (JourneyTouchpoint *const *) touchpoints->pdata,
                                       touchpoints->len);
}

/**
 * journey_inspector_set_selection_model:
 *
 * Shows and edits what @selection holds: in a window, the canvas's, so
 * that both show one selection and one channel filter.
 */
void
journey_inspector_set_selection_model (JourneyInspector *self,
                                       JourneySelection *selection)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));
  g_return_if_fail (JOURNEY_IS_SELECTION (selection));

  if (self->selection == selection)
    return;
  disconnect_selection (self);
  g_clear_object (&self->selection);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::channel-filter", G_CALLBACK (on_channel_filter_changed), self,
                           G_CONNECT_SWAPPED);
  journey_inspector_refresh (self);
}

JourneySelection *
journey_inspector_get_selection_model (JourneyInspector *self)
{
  g_return_val_if_fail (JOURNEY_IS_INSPECTOR (self), NULL);
  return self->selection;
}

void
journey_inspector_focus_title (JourneyInspector *self)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  if (journey_inspector_get_touchpoint (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
journey_inspector_end_typing (JourneyInspector *self)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  journey_inspector_new_run (self);
}

/**
 * journey_inspector_get_channel_filter:
 *
 * Returns: (nullable): the id of the channel the map should show in full
 */
const char *
journey_inspector_get_channel_filter (JourneyInspector *self)
{
  g_return_val_if_fail (JOURNEY_IS_INSPECTOR (self), NULL);

  return journey_selection_get_channel_filter (self->selection);
}

void
journey_inspector_show_channel_filter (JourneyInspector *self,
                                       gboolean          show)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->filter_row), show);
  if (!show)
    journey_selection_set_channel_filter (self->selection, NULL);
}
