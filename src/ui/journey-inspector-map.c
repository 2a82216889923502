/* journey-inspector-map.c: the map's fields and its scale.
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

/* -- The map and its scale ------------------------------------------------ */

static void
on_map_text_changed (JourneyInspector *self,
                     GParamSpec       *pspec,
                     GtkEditable      *row)
{
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  const char *text = gtk_editable_get_text (row);
  g_autofree char *label = NULL;

  if (self->updating || self->map == NULL)
    return;

  if (GTK_WIDGET (row) == GTK_WIDGET (self->project_title_row))
    {
      journey_edit_set_string (self->history, self->project, "title", text[0] ? text : NULL,
                               _("Rename the Project"), self->merge_key);
      return;
    }
  if (g_str_equal (property, "title"))
    label = g_strdup (_("Rename the Map"));
  else if (g_str_equal (property, "objective"))
    label = g_strdup (_("Edit the Map’s Objective"));
  else
    label = g_strdup (_("Edit the Map’s Scope"));
  journey_edit_set_string (self->history, self->map, property,
                           text[0] || g_str_equal (property, "title") ? text : NULL, label, self->merge_key);
}

/* The map's notes shown or hidden: one step. */
static void
on_notes_switched (JourneyInspector *self)
{
  gboolean shown = gtk_switch_get_active (self->notes_switch);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->map == NULL || shown == self->map->show_notes)
    return;
  journey_inspector_new_run (self);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, shown);
  journey_edit_set_value (self->history, self->map, "show-notes", &value,
                          shown ? _("Show the Notes on the Map") : _("Hide the Notes on the Map"), 0);
}

static void
on_persona_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->persona_row);
  JourneyPersona *persona = NULL;

  if (self->updating || self->map == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  if (position > 0)
    persona = journey_list_peek (self->project->personas, position - 1);
  journey_inspector_new_run (self);
  journey_edit_set_string (self->history, self->map, "persona", persona ? persona->id : NULL,
                           _("Set the Map’s Persona"), 0);
}

static void
on_filter_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->filter_row);
  JourneyChannel *channel = NULL;

  if (self->updating || self->project == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  if (position > 0)
    channel = journey_list_peek (self->project->channels, position - 1);
  journey_selection_set_channel_filter (self->selection, channel != NULL ? channel->id : NULL);
}

static void
apply_scale (JourneyInspector *self,
             int               min,
             int               max,
             const char *const *labels)
{
  g_autoptr(JourneyScale) scale = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int old_min = self->map->scale->min;
  int old_max = self->map->scale->max;

  scale = journey_scale_new (min, max, labels);
  journey_inspector_new_run (self);
  if (!journey_edit_set_scale (self->history, self->map, scale, &error))
    {
      adw_preferences_group_set_description (self->scale_group, error->message);
      journey_inspector_refresh (self);
      return;
    }
  if (old_min != min || old_max != max)
    message = g_strdup_printf (_("Every satisfaction, target and measured mean was mapped from %d–%d onto %d–%d."),
                               old_min, old_max, min, max);
  adw_preferences_group_set_description (self->scale_group, message);
}

static void
on_preset_selected (JourneyInspector *self)
{
  /* The first row is "Custom", then the presets. */
  guint position = adw_combo_row_get_selected (self->preset_row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  const JourneyScalePreset *presets;
  guint n_presets;

  presets = journey_scale_get_presets (&n_presets);
  if (self->updating || self->map == NULL || position == 0 || position > n_presets)
    return;

  for (guint i = 0; presets[position - 1].labels[i] != NULL; i++)
    g_strv_builder_add (builder, _(presets[position - 1].labels[i]));
  labels = g_strv_builder_end (builder);
  apply_scale (self, presets[position - 1].min, presets[position - 1].max, (const char *const *) labels);
}

static void
on_bounds_changed (JourneyInspector *self)
{
  int min = gtk_spin_button_get_value_as_int (self->min_spin);
  int max = gtk_spin_button_get_value_as_int (self->max_spin);

  if (self->updating || self->map == NULL ||
      (min == self->map->scale->min && max == self->map->scale->max))
    return;
  /* Labels of the old steps no longer fit: the new scale starts without. */
  apply_scale (self, min, max, NULL);
}

static void
on_step_label_changed (JourneyInspector *self,
                       GParamSpec       *pspec,
                       GtkEditable      *row)
{
  JourneyScale *scale;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint position = journey_inspector_get_position (row);

  if (self->updating || self->map == NULL)
    return;

  scale = self->map->scale;
  for (int step = scale->min; step <= scale->max; step++)
    {
      const char *label = journey_scale_get_label (scale, step);

      if ((guint) (step - scale->min) == position)
        label = gtk_editable_get_text (row);
      g_strv_builder_add (builder, label ? label : "");
    }
  labels = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, labels);
  journey_edit_set_value (self->history, scale, "labels", &value, _("Rename a Step of the Scale"), self->merge_key);
}

/* The channel filter's choice shows the selection model's. */
void
journey_inspector_sync_channel_filter (JourneyInspector *self)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  const char *shown = journey_selection_get_channel_filter (self->selection);
  guint filter = 0;

  g_ptr_array_add (channels, _("All channels"));
  for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
    {
      JourneyChannel *c = journey_list_peek (self->project->channels, i);

      g_ptr_array_add (channels, (gpointer) journey_channel_get_display_name (c));
      if (g_strcmp0 (c->id, shown) == 0)
        filter = i + 1;
    }
  self->updating++;
  journey_inspector_update_combo_model (self->filter_row, &self->filter_key, channels);
  adw_combo_row_set_selected (self->filter_row, filter);
  self->updating--;
  /* A channel that went away no longer filters. */
  if (filter == 0)
    journey_selection_set_channel_filter (self->selection, NULL);
}

void
journey_inspector_refresh_map (JourneyInspector *self)
{
  JourneyScale *scale = self->map->scale;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_steps = journey_scale_get_n_steps (scale);
  guint persona = 0;
  guint preset = 0;
  const JourneyScalePreset *presets;
  guint n_presets;

  journey_inspector_set_editable_text (GTK_EDITABLE (self->map_title_row), self->map->title);
  journey_inspector_set_editable_text (GTK_EDITABLE (self->objective_row), self->map->objective);
  journey_inspector_set_editable_text (GTK_EDITABLE (self->scope_row), self->map->scope);
  gtk_switch_set_active (self->notes_switch, self->map->show_notes);
  journey_inspector_show_id (self, GTK_WIDGET (self->map_id_row), self->map);
  journey_inspector_set_editable_text (GTK_EDITABLE (self->project_title_row), self->project->title);
  for (Kind kind = KIND_STAGE; kind <= KIND_CHANNEL; kind++)
    journey_inspector_refresh_structure (self, kind);
  journey_inspector_refresh_maps (self);
  journey_inspector_refresh_sources (self);

  g_ptr_array_add (names, _("None"));
  for (guint i = 0; i < journey_list_get_length (self->project->personas); i++)
    {
      JourneyPersona *p = journey_list_peek (self->project->personas, i);

      g_ptr_array_add (names, (gpointer) journey_persona_get_display_name (p));
      if (g_strcmp0 (p->id, self->map->persona) == 0)
        persona = i + 1;
    }
  journey_inspector_update_combo_model (self->persona_row, &self->personas_key, names);
  adw_combo_row_set_selected (self->persona_row, persona);

  journey_inspector_sync_channel_filter (self);

  presets = journey_scale_get_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    if (presets[i].min == scale->min && presets[i].max == scale->max)
      preset = i + 1;
  adw_combo_row_set_selected (self->preset_row, preset);
  gtk_spin_button_set_value (self->min_spin, scale->min);
  gtk_spin_button_set_value (self->max_spin, scale->max);

  if (self->label_rows->len != n_steps)
    {
      journey_inspector_clear_rows (self->labels_group, self->label_rows);
      for (guint i = 0; i < n_steps; i++)
        {
          g_autofree char *title = g_strdup_printf (_("Label of %d"), scale->min + (int) i);
          GtkWidget *row = journey_inspector_entry_row (self, title, NULL, i, G_CALLBACK (on_step_label_changed));

          adw_preferences_group_add (self->labels_group, row);
          g_ptr_array_add (self->label_rows, row);
        }
    }
  for (guint i = 0; i < n_steps; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (self->label_rows, i);
      g_autofree char *title = g_strdup_printf (_("Label of %d"), scale->min + (int) i);

      adw_preferences_row_set_title (row, title);
      journey_inspector_set_editable_text (GTK_EDITABLE (row), journey_scale_get_label (scale, scale->min + (int) i));
    }
}

static gpointer
shown_map (JourneyInspector *self,
           GtkWidget        *row)
{
  return self->map;
}

void
journey_inspector_map_init (JourneyInspector *self)
{
  GtkEditable *map_rows[4];
  GtkLabel *id_error;

  self->map_id_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->map_id_row), _("Id"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_id_row),
                               _("How the file and the command line name this map; taken on Enter or on leaving the field"));
  adw_preferences_group_add (self->map_group, GTK_WIDGET (self->map_id_row));
  adw_preferences_group_add (self->map_group, journey_inspector_error_row (&id_error));
  journey_inspector_watch_id (self, GTK_WIDGET (self->map_id_row), id_error, shown_map);

  /* Pain points, opportunities and actions in lanes of notes on the map;
   * saved in the file, and what exports and printing do unless told. */
  self->notes_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("Show _Notes on the Map"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->notes_row), TRUE);
  adw_action_row_set_subtitle (self->notes_row, _("Pain points, opportunities and actions in lanes under the map"));
  self->notes_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->notes_switch), GTK_ALIGN_CENTER);
  /* Named by its row, which it activates. */
  adw_action_row_add_suffix (self->notes_row, GTK_WIDGET (self->notes_switch));
  adw_action_row_set_activatable_widget (self->notes_row, GTK_WIDGET (self->notes_switch));
  adw_preferences_group_add (self->map_group, GTK_WIDGET (self->notes_row));
  g_signal_connect_object (self->notes_switch, "notify::active", G_CALLBACK (on_notes_switched), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->persona_row, "notify::selected", G_CALLBACK (on_persona_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_row, "notify::selected", G_CALLBACK (on_filter_selected), self, G_CONNECT_SWAPPED);
  {
    GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->preset_row));
    guint n_presets;
    const JourneyScalePreset *presets = journey_scale_get_presets (&n_presets);

    for (guint i = 0; i < n_presets; i++)
      gtk_string_list_append (names, _(presets[i].name));
  }
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (on_preset_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->min_spin, "value-changed", G_CALLBACK (on_bounds_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->max_spin, "value-changed", G_CALLBACK (on_bounds_changed), self, G_CONNECT_SWAPPED);

  map_rows[0] = GTK_EDITABLE (self->map_title_row);
  map_rows[1] = GTK_EDITABLE (self->objective_row);
  map_rows[2] = GTK_EDITABLE (self->scope_row);
  map_rows[3] = GTK_EDITABLE (self->project_title_row);
  g_object_set_data (G_OBJECT (self->map_title_row), "property", (gpointer) "title");
  g_object_set_data (G_OBJECT (self->objective_row), "property", (gpointer) "objective");
  g_object_set_data (G_OBJECT (self->scope_row), "property", (gpointer) "scope");
  g_object_set_data (G_OBJECT (self->project_title_row), "property", (gpointer) "title");
  for (guint i = 0; i < G_N_ELEMENTS (map_rows); i++)
    {
      g_signal_connect_object (map_rows[i], "notify::text", G_CALLBACK (on_map_text_changed), self, G_CONNECT_SWAPPED);
      journey_inspector_watch_focus (self, GTK_WIDGET (map_rows[i]));
    }

  journey_inspector_pass_scroll (GTK_WIDGET (self->min_spin));
  journey_inspector_pass_scroll (GTK_WIDGET (self->max_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lowest value of the scale"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highest value of the scale"), -1);
}
