/* journey-inspector-touchpoint.c: the fields of one touchpoint, or what
 * several selected touchpoints share.
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

/* The free text of a touchpoint, in the order shown. */
static const struct {
  const char *property;
  const char *title;
} text_fields[3] = {
  { "description", N_("Description") },
  { "thoughts", N_("Thoughts") },
  { "feelings", N_("Feelings") },
};

/* -- Touchpoint fields ---------------------------------------------------- */

static void
on_title_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  /* Translators: an undo step; %s is a touchpoint's title before it */
  label = g_strdup_printf (_("Rename “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, "title", text, label, self->merge_key);
}

static void
on_when_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set When of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, "when", text[0] ? text : NULL, label, self->merge_key);
}

static void
on_text_changed (JourneyInspector *self,
                 GtkTextBuffer    *buffer)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  guint index = journey_inspector_get_position (buffer);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  text = journey_inspector_buffer_text (buffer);
  if (index == 0)
    label = g_strdup_printf (_("Edit Description of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  else if (index == 1)
    label = g_strdup_printf (_("Edit Thoughts of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  else
    label = g_strdup_printf (_("Edit Feelings of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, text_fields[index].property,
                           text[0] ? text : NULL, label, self->merge_key);
}

/* Lane, channel and weight: what the selection shares, in one step. */
static void
set_shared (JourneyInspector *self,
            const char       *property,
            const GValue     *value,
            const char       *label)
{
  GPtrArray *selected = journey_inspector_get_selected (self);

  journey_edit_set_shared (self->history, (JourneyTouchpoint *const *) selected->pdata, selected->len,
                           property, value, label);
}

/* The name of the selection in an undo label: its title, or how many. */
#define SHARED_LABEL(self, one, several) \
  (journey_inspector_get_selected (self)->len == 1 \
   ? g_strdup_printf (one, journey_touchpoint_get_display_name (g_ptr_array_index (journey_inspector_get_selected (self), 0))) \
   : g_strdup_printf (several, journey_inspector_get_selected (self)->len))

static void
on_lane_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->lane_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  JourneyLane *lane;

  if (self->updating || journey_selection_get_n_selected (self->selection) == 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  lane = journey_list_peek (self->map->lanes, position);
  if (lane == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, lane->id);
  journey_inspector_new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Lane of “%s”"),
                       ngettext ("Set Lane of %u Touchpoint", "Set Lane of %u Touchpoints",
                                         journey_selection_get_n_selected (self->selection)));
  set_shared (self, "lane", &value, label);
}

static void
on_channel_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->channel_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  JourneyChannel *channel = NULL;

  if (self->updating || journey_selection_get_n_selected (self->selection) == 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  if (position > 0)
    channel = journey_list_peek (self->project->channels, position - 1);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, channel != NULL ? channel->id : NULL);
  journey_inspector_new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Channel of “%s”"),
                       ngettext ("Set Channel of %u Touchpoint", "Set Channel of %u Touchpoints",
                                         journey_selection_get_n_selected (self->selection)));
  set_shared (self, "channel", &value, label);
}

static void
on_weight_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->weight_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || journey_selection_get_n_selected (self->selection) == 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  g_value_init (&value, JOURNEY_TYPE_WEIGHT);
  g_value_set_enum (&value, position == 1 ? JOURNEY_WEIGHT_MAJOR : JOURNEY_WEIGHT_MINOR);
  journey_inspector_new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Weight of “%s”"),
                       ngettext ("Set Weight of %u Touchpoint", "Set Weight of %u Touchpoints",
                                         journey_selection_get_n_selected (self->selection)));
  set_shared (self, "weight", &value, label);
}

static void
show_time_error (JourneyInspector  *self,
                 JourneyTouchpoint *touchpoint,
                 const char        *message)
{
  self->time_error_for = message != NULL ? touchpoint : NULL;
  journey_inspector_show_field_error (GTK_WIDGET (self->time_spin), self->time_error, message);
}

/* The time as typed: the model says whether it is on the timeline.  A
 * refused one leaves the time as it was (the spin button's update policy),
 * and the reason shows under the field. */
static int
on_time_input (JourneyInspector *self,
               double           *value,
               GtkSpinButton    *spin)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double time;

  if (touchpoint == NULL)
    return FALSE;

  time = g_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      /* Translators: an error under a field; %s is what was typed */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), text);

      show_time_error (self, touchpoint, message);
      return GTK_INPUT_ERROR;
    }
  if (!journey_map_check_time (self->map, time, &error))
    show_time_error (self, touchpoint, error->message);
  else
    show_time_error (self, touchpoint, NULL);
  *value = time;
  return TRUE;
}

static void
on_time_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  double time = gtk_spin_button_get_value (self->time_spin);
  g_autoptr(GError) error = NULL;

  /* A refused value puts the old one back: that is no edit. */
  if (self->updating || touchpoint == NULL || time == touchpoint->time)
    return;

  journey_inspector_new_run (self);
  if (!journey_edit_set_time (self->history, self->map, touchpoint, time, &error))
    show_time_error (self, touchpoint, error->message);
  else
    show_time_error (self, touchpoint, NULL);
}

/* Sets the touchpoint's satisfaction (or @target) to its slider's value,
 * clamped to the map's scale; a slide is one step. */
static void
set_from_scale (JourneyInspector *self,
                gboolean          target)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  GtkScale *scale = target ? self->target_scale : self->satisfaction_scale;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, journey_map_clamp_to_scale (self->map, gtk_range_get_value (GTK_RANGE (scale))));
  label = journey_edit_label_set_on_scale (touchpoint, target);
  journey_edit_set_value (self->history, touchpoint, target ? "target" : "satisfaction", &value, label,
                          self->merge_key);
  journey_inspector_adjusted (self);
}

static void
on_satisfaction_changed (JourneyInspector *self)
{
  set_from_scale (self, FALSE);
}

static void
on_target_changed (JourneyInspector *self)
{
  set_from_scale (self, TRUE);
}

static void
on_target_enabled (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  gboolean enabled = adw_expander_row_get_enable_expansion (self->target_row);

  if (self->updating || touchpoint == NULL || enabled == journey_touchpoint_has_target (touchpoint))
    return;

  journey_inspector_new_run (self);
  journey_edit_set_target (self->history, self->map, touchpoint,
                           enabled ? journey_map_get_satisfaction (self->map, touchpoint) : NAN, NULL);
  adw_expander_row_set_expanded (self->target_row, enabled);
}

static void
on_vote (JourneyInspector *self,
         GtkButton        *button)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);

  if (touchpoint == NULL)
    return;
  journey_inspector_new_run (self);
  journey_edit_vote (self->history, touchpoint, GTK_WIDGET (button) == self->vote_button ? 1 : -1);
}

/* -- Showing the touchpoint ------------------------------------------------- */

static void
setup_scale (GtkScale   *widget,
             JourneyMap *map)
{
  gtk_range_set_range (GTK_RANGE (widget), map->scale->min, map->scale->max);
  gtk_scale_clear_marks (widget);
  for (int step = map->scale->min; step <= map->scale->max; step++)
    gtk_scale_add_mark (widget, step, GTK_POS_BOTTOM, NULL);
}

void
journey_inspector_refresh_touchpoint (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  GPtrArray *selected = journey_inspector_get_selected (self);
  JourneyTouchpoint *first = g_ptr_array_index (selected, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean one = touchpoint != NULL;
  guint lane = GTK_INVALID_LIST_POSITION;
  guint channel = 0;
  gboolean same_lane = TRUE, same_channel = TRUE, same_weight = TRUE;

  for (guint i = 1; i < selected->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (selected, i);

      same_lane &= g_strcmp0 (tp->lane, first->lane) == 0;
      same_channel &= g_strcmp0 (tp->channel, first->channel) == 0;
      same_weight &= tp->weight == first->weight;
    }

  if (one)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->touchpoint_group), _("Touchpoint"));
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Touchpoint", "%u Touchpoints", selected->len),
                                                selected->len);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->touchpoint_group), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), one);
  gtk_widget_set_visible (GTK_WIDGET (self->when_row), one);
  gtk_widget_set_visible (self->time_row, one);
  gtk_widget_set_visible (GTK_WIDGET (self->id_row), one);
  gtk_widget_set_visible (self->satisfaction_group, one);
  gtk_widget_set_visible (self->text_box, one);
  gtk_widget_set_visible (GTK_WIDGET (self->pain_group), one);
  gtk_widget_set_visible (GTK_WIDGET (self->opportunity_group), one);
  gtk_widget_set_visible (GTK_WIDGET (self->action_group), one);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_group), one);
  gtk_widget_set_visible (self->votes_group, one);
  gtk_widget_set_visible (self->evidence_group, one && touchpoint->evidence != NULL);

  for (guint i = 0; i < journey_list_get_length (self->map->lanes); i++)
    {
      JourneyLane *l = journey_list_peek (self->map->lanes, i);

      g_ptr_array_add (names, (gpointer) journey_lane_get_display_name (l));
      if (same_lane && g_strcmp0 (l->id, first->lane) == 0)
        lane = i;
    }
  journey_inspector_update_combo_model (self->lane_row, &self->lanes_key, names);
  adw_combo_row_set_selected (self->lane_row, lane);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (names, _("None"));
  for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
    {
      JourneyChannel *c = journey_list_peek (self->project->channels, i);

      g_ptr_array_add (names, (gpointer) journey_channel_get_display_name (c));
      if (g_strcmp0 (c->id, first->channel) == 0)
        channel = i + 1;
    }
  journey_inspector_update_combo_model (self->channel_row, &self->channels_key, names);
  adw_combo_row_set_selected (self->channel_row, same_channel ? channel : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->weight_row, same_weight ? (first->weight == JOURNEY_WEIGHT_MAJOR) : GTK_INVALID_LIST_POSITION);

  if (!one)
    return;

  journey_inspector_set_editable_text (GTK_EDITABLE (self->title_row), touchpoint->title);
  journey_inspector_set_editable_text (GTK_EDITABLE (self->when_row), touchpoint->when);
  journey_inspector_show_id (self, GTK_WIDGET (self->id_row), touchpoint);

  /* The reason a time was refused stays until the next time typed, or
   * until another touchpoint shows. */
  if (self->time_error_for != touchpoint)
    show_time_error (self, touchpoint, NULL);
  gtk_spin_button_set_range (self->time_spin, 0, journey_map_get_duration (self->map));
  gtk_spin_button_set_value (self->time_spin, touchpoint->time);
  {
    JourneyStage *stage = journey_map_get_touchpoint_stage (self->map, touchpoint);
    g_autofree char *subtitle = NULL;

    if (stage != NULL)
      subtitle = g_strdup_printf (_("In stage “%s”"), journey_stage_get_display_name (stage));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->time_row), subtitle);
  }

  {
    double satisfaction = journey_map_get_satisfaction (self->map, touchpoint);
    gboolean has_target = journey_touchpoint_has_target (touchpoint);
    g_autofree char *text = journey_scale_format_value (self->map->scale, satisfaction);

    setup_scale (self->satisfaction_scale, self->map);
    setup_scale (self->target_scale, self->map);
    gtk_range_set_value (GTK_RANGE (self->satisfaction_scale), satisfaction);
    adw_action_row_set_subtitle (self->satisfaction_row, text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->satisfaction_scale),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    adw_expander_row_set_enable_expansion (self->target_row, has_target);
    if (has_target)
      {
        g_autofree char *target = journey_scale_format_value (self->map->scale, touchpoint->target);

        gtk_range_set_value (GTK_RANGE (self->target_scale), touchpoint->target);
        adw_action_row_set_subtitle (self->target_value_row, target);
        adw_expander_row_set_subtitle (self->target_row, target);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_scale),
                                        GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, target, -1);
      }
    else
      adw_expander_row_set_subtitle (self->target_row, _("None"));
  }
  journey_inspector_refresh_room (self, touchpoint);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_views[i]);
      g_autofree char *old = journey_inspector_buffer_text (buffer);
      g_autofree char *text = NULL;

      g_object_get (touchpoint, text_fields[i].property, &text, NULL);
      if (g_strcmp0 (old, text ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text ? text : "", -1);
    }

  journey_inspector_refresh_notes (self, touchpoint);

  {
    g_autofree char *votes = g_strdup_printf ("%d", touchpoint->votes);

    gtk_label_set_text (self->votes_label, votes);
    gtk_widget_set_sensitive (self->unvote_button, touchpoint->votes > 0);
  }

  journey_inspector_refresh_evidence (self, touchpoint);
}

static gpointer
selected_touchpoint (JourneyInspector *self,
                     GtkWidget        *row)
{
  return journey_inspector_get_touchpoint (self);
}

void
journey_inspector_touchpoint_init (JourneyInspector *self)
{
  GtkLabel *id_error;

  /* Under the time, the reason a time was refused; then the id. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->touchpoint_group),
                             journey_inspector_error_row (&self->time_error));
  self->id_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row), _("Id"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_row),
                               _("How the file names this touchpoint; taken on Enter or on leaving the field"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->touchpoint_group), GTK_WIDGET (self->id_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->touchpoint_group), journey_inspector_error_row (&id_error));
  journey_inspector_watch_id (self, GTK_WIDGET (self->id_row), id_error, selected_touchpoint);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *label = gtk_label_new (_(text_fields[i].title));
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      if (i > 0)
        gtk_widget_set_margin_top (label, 12);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 60);
      gtk_widget_add_css_class (view, "card");
      gtk_widget_add_css_class (view, "journey-inspector-text");
      /* Named by its heading only: a label as well would be read twice. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      journey_inspector_set_position (buffer, i);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
      journey_inspector_watch_focus (self, view);
      gtk_box_append (GTK_BOX (self->text_box), label);
      gtk_box_append (GTK_BOX (self->text_box), view);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->when_row, "changed", G_CALLBACK (on_when_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lane_row, "notify::selected", G_CALLBACK (on_lane_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_row, "notify::selected", G_CALLBACK (on_channel_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weight_row, "notify::selected", G_CALLBACK (on_weight_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_spin, "input", G_CALLBACK (on_time_input), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_spin, "value-changed", G_CALLBACK (on_time_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->satisfaction_scale, "value-changed", G_CALLBACK (on_satisfaction_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_scale, "value-changed", G_CALLBACK (on_target_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::enable-expansion", G_CALLBACK (on_target_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vote_button, "clicked", G_CALLBACK (on_vote), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unvote_button, "clicked", G_CALLBACK (on_vote), self, G_CONNECT_SWAPPED);

  journey_inspector_pass_scroll (GTK_WIDGET (self->time_spin));
  journey_inspector_pass_scroll (GTK_WIDGET (self->satisfaction_scale));
  journey_inspector_pass_scroll (GTK_WIDGET (self->target_scale));
  journey_inspector_watch_focus (self, GTK_WIDGET (self->title_row));
  journey_inspector_watch_focus (self, GTK_WIDGET (self->when_row));
  journey_inspector_watch_focus (self, GTK_WIDGET (self->satisfaction_scale));
  journey_inspector_watch_focus (self, GTK_WIDGET (self->target_scale));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->satisfaction_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Satisfaction, as is"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target satisfaction, to be"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time on the timeline"), -1);
}
