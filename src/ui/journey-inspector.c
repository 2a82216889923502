/* journey-inspector.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "journey-edit.h"
#include "journey-inspector.h"
#include "journey-preferences.h"

/* A run of typing ends after this long without a key. */
#define PAUSE_MS 1000

struct _JourneyInspector
{
  AdwBin          parent_instance;

  JourneyProject *project;
  JourneyMap     *map;
  JourneyHistory *history;
  GPtrArray      *selection;   /* of JourneyTouchpoint */

  guint           merge_key;   /* the run of typing under way */
  guint           pause_id;
  guint           updating;    /* > 0 while the panel shows the model */

  char           *lanes_key;   /* what the combo models were made from */
  char           *channels_key;
  char           *personas_key;
  char           *filter_key;
  char           *channel_filter; /* the channel shown in full on the map, or NULL */

  GtkTextView    *text_views[3];
  GPtrArray      *pain_rows;   /* of AdwEntryRow */
  GPtrArray      *opportunity_rows;
  GPtrArray      *action_rows; /* of AdwExpanderRow */
  GPtrArray      *comment_rows;
  GPtrArray      *label_rows;  /* of AdwEntryRow, one per step of the scale */
  GPtrArray      *structure_rows[4]; /* of AdwExpanderRow, by Kind */
  GPtrArray      *map_rows;    /* of AdwActionRow */
  char           *add_map_key; /* the channels the add-map menu was made for */

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *touchpoint_group;
  AdwEntryRow          *title_row;
  AdwComboRow          *lane_row;
  AdwComboRow          *channel_row;
  AdwComboRow          *weight_row;
  AdwEntryRow          *when_row;
  GtkWidget            *time_row;
  GtkSpinButton        *time_spin;
  GtkWidget            *satisfaction_group;
  AdwActionRow         *satisfaction_row;
  GtkScale             *satisfaction_scale;
  AdwExpanderRow       *target_row;
  AdwActionRow         *target_value_row;
  GtkScale             *target_scale;
  GtkWidget            *text_box;
  AdwPreferencesGroup  *pain_group;
  AdwPreferencesGroup  *opportunity_group;
  AdwPreferencesGroup  *action_group;
  AdwPreferencesGroup  *comment_group;
  GtkWidget            *votes_group;
  GtkLabel             *votes_label;
  GtkWidget            *vote_button;
  GtkWidget            *unvote_button;
  GtkWidget            *evidence_group;
  AdwActionRow         *evidence_source_row;
  AdwActionRow         *evidence_responses_row;
  AdwActionRow         *evidence_mean_row;
  AdwActionRow         *evidence_histogram_row;
  AdwEntryRow          *map_title_row;
  AdwComboRow          *persona_row;
  AdwComboRow          *filter_row;
  AdwEntryRow          *objective_row;
  AdwEntryRow          *scope_row;
  AdwPreferencesGroup  *scale_group;
  AdwComboRow          *preset_row;
  GtkSpinButton        *min_spin;
  GtkSpinButton        *max_spin;
  AdwPreferencesGroup  *labels_group;
  AdwPreferencesGroup  *stages_group;
  AdwPreferencesGroup  *lanes_group;
  AdwEntryRow          *project_title_row;
  AdwPreferencesGroup  *personas_group;
  AdwPreferencesGroup  *channels_group;
  AdwPreferencesGroup  *maps_group;
  GtkMenuButton        *add_map_button;
};

/* The lists of the map and the project. */
typedef enum
{
  KIND_STAGE,
  KIND_LANE,
  KIND_PERSONA,
  KIND_CHANNEL,
} Kind;

G_DEFINE_FINAL_TYPE (JourneyInspector, journey_inspector, ADW_TYPE_BIN)

enum {
  SHOW_MAP,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CHANNEL_FILTER,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];
static guint last_merge_key;

/* The free text of a touchpoint, in the order shown. */
static const struct {
  const char *property;
  const char *title;
} text_fields[3] = {
  { "description", N_("Description") },
  { "thoughts", N_("Thoughts") },
  { "feelings", N_("Feelings") },
};

static void refresh (JourneyInspector *self);
static void refresh_structure (JourneyInspector *self, guint kind);
static void on_structure_button (JourneyInspector *self, GtkWidget *button);
static void refresh_maps (JourneyInspector *self);

/* -- Helpers -------------------------------------------------------------- */

static JourneyTouchpoint *
get_touchpoint (JourneyInspector *self)
{
  if (self->map == NULL || self->selection->len != 1)
    return NULL;
  return g_ptr_array_index (self->selection, 0);
}

static const char *
touchpoint_name (JourneyTouchpoint *touchpoint)
{
  if (touchpoint->title != NULL && touchpoint->title[0] != '\0')
    return touchpoint->title;
  return touchpoint->id;
}

static void
new_run (JourneyInspector *self)
{
  self->merge_key = ++last_merge_key;
  g_clear_handle_id (&self->pause_id, g_source_remove);
}

static gboolean
on_pause (gpointer data)
{
  JourneyInspector *self = data;

  self->pause_id = 0;
  new_run (self);
  return G_SOURCE_REMOVE;
}

/* After an edit of @text: a word ended (the text ends with a space) or a
 * pause will end the run of typing. */
static void
typed (JourneyInspector *self,
       const char       *text)
{
  gsize len = text != NULL ? strlen (text) : 0;

  if (len > 0 && g_ascii_isspace (text[len - 1]))
    {
      new_run (self);
      return;
    }
  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (PAUSE_MS, on_pause, self);
}

static void
on_focus_leave (JourneyInspector *self)
{
  new_run (self);
}

/* Leaving @widget (or anything inside it) ends the run of typing. */
static void
watch_focus (JourneyInspector *self,
             GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  /* Keep the cursor where it was, as far as the new text allows. */
  {
    int position = gtk_editable_get_position (editable);

    gtk_editable_set_text (editable, text ? text : "");
    gtk_editable_set_position (editable, MIN (position, (int) g_utf8_strlen (text ? text : "", -1)));
  }
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
value_text (JourneyMap *map,
            double      value)
{
  const char *label = journey_scale_get_label (map->scale, (int) lround (value));

  if (label != NULL && label[0] != '\0')
    /* Translators: a satisfaction value and the scale's label for it */
    return g_strdup_printf (_("%.1f · %s"), value, label);
  return g_strdup_printf ("%.1f", value);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
set_position (gpointer object,
              guint    position)
{
  g_object_set_data (G_OBJECT (object), "position", GUINT_TO_POINTER (position));
}

static guint
get_position (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), "position"));
}

/* A combo row's model, made again only when @names changed. */
static void
update_combo_model (AdwComboRow  *row,
                    char        **key,
                    GPtrArray    *names)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GtkStringList) list = NULL;

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s\x1f", (char *) g_ptr_array_index (names, i));
  if (*key != NULL && strcmp (*key, joined->str) == 0)
    return;

  g_free (*key);
  *key = g_strdup (joined->str);
  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* -- Touchpoint fields ---------------------------------------------------- */

static void
on_title_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  /* Translators: an undo step; %s is a touchpoint's title before it */
  label = g_strdup_printf (_("Rename “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, "title", text, label, self->merge_key);
  typed (self, text);
}

static void
on_when_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set When of “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, "when", text[0] ? text : NULL, label, self->merge_key);
  typed (self, text);
}

static void
on_text_changed (JourneyInspector *self,
                 GtkTextBuffer    *buffer)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  guint index = get_position (buffer);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  text = buffer_text (buffer);
  if (index == 0)
    label = g_strdup_printf (_("Edit Description of “%s”"), touchpoint_name (touchpoint));
  else if (index == 1)
    label = g_strdup_printf (_("Edit Thoughts of “%s”"), touchpoint_name (touchpoint));
  else
    label = g_strdup_printf (_("Edit Feelings of “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_string (self->history, touchpoint, text_fields[index].property,
                           text[0] ? text : NULL, label, self->merge_key);
  typed (self, text);
}

/* Lane, channel and weight: what the selection shares, in one step. */
static void
set_shared (JourneyInspector *self,
            const char       *property,
            const GValue     *value,
            const char       *label)
{
  journey_edit_set_shared (self->history, (JourneyTouchpoint *const *) self->selection->pdata,
                           self->selection->len, property, value, label);
}

/* The name of the selection in an undo label: its title, or how many. */
#define SHARED_LABEL(self, one, several) \
  ((self)->selection->len == 1 \
   ? g_strdup_printf (one, touchpoint_name (g_ptr_array_index ((self)->selection, 0))) \
   : g_strdup_printf (several, (self)->selection->len))

static void
on_lane_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->lane_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  JourneyLane *lane;

  if (self->updating || self->selection->len == 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  lane = journey_list_peek (self->map->lanes, position);
  if (lane == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, lane->id);
  new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Lane of “%s”"),
                       ngettext ("Set Lane of %u Touchpoint", "Set Lane of %u Touchpoints", self->selection->len));
  set_shared (self, "lane", &value, label);
}

static void
on_channel_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->channel_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  JourneyChannel *channel = NULL;

  if (self->updating || self->selection->len == 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  if (position > 0)
    channel = journey_list_peek (self->project->channels, position - 1);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, channel != NULL ? channel->id : NULL);
  new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Channel of “%s”"),
                       ngettext ("Set Channel of %u Touchpoint", "Set Channel of %u Touchpoints", self->selection->len));
  set_shared (self, "channel", &value, label);
}

static void
on_weight_selected (JourneyInspector *self)
{
  guint position = adw_combo_row_get_selected (self->weight_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || self->selection->len == 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  g_value_init (&value, JOURNEY_TYPE_WEIGHT);
  g_value_set_enum (&value, position == 1 ? JOURNEY_WEIGHT_MAJOR : JOURNEY_WEIGHT_MINOR);
  new_run (self);
  /* Translators: undo steps; %s is a touchpoint's title, %u a number */
  label = SHARED_LABEL (self, _("Set Weight of “%s”"),
                       ngettext ("Set Weight of %u Touchpoint", "Set Weight of %u Touchpoints", self->selection->len));
  set_shared (self, "weight", &value, label);
}

static void
on_time_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  g_autoptr(GError) error = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  new_run (self);
  if (!journey_edit_set_time (self->history, self->map, touchpoint,
                              gtk_spin_button_get_value (self->time_spin), &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->time_row), error->message);
}

static void
on_satisfaction_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, journey_map_clamp_to_scale (self->map, gtk_range_get_value (GTK_RANGE (self->satisfaction_scale))));
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Satisfaction of “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_value (self->history, touchpoint, "satisfaction", &value, label, self->merge_key);
  typed (self, NULL);
}

static void
on_target_changed (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, journey_map_clamp_to_scale (self->map, gtk_range_get_value (GTK_RANGE (self->target_scale))));
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Target of “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_value (self->history, touchpoint, "target", &value, label, self->merge_key);
  typed (self, NULL);
}

static void
on_target_enabled (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  gboolean enabled = adw_expander_row_get_enable_expansion (self->target_row);

  if (self->updating || touchpoint == NULL || enabled == journey_touchpoint_has_target (touchpoint))
    return;

  new_run (self);
  journey_edit_set_target (self->history, self->map, touchpoint,
                           enabled ? journey_map_get_satisfaction (self->map, touchpoint) : NAN, NULL);
  adw_expander_row_set_expanded (self->target_row, enabled);
}

static void
on_vote (JourneyInspector *self,
         GtkButton        *button)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);

  if (touchpoint == NULL)
    return;
  new_run (self);
  journey_edit_vote (self->history, touchpoint, GTK_WIDGET (button) == self->vote_button ? 1 : -1);
}

/* -- Lists of strings: pain points, opportunities ------------------------- */

static const char *
strings_property (JourneyInspector    *self,
                  AdwPreferencesGroup *group)
{
  return group == self->pain_group ? "pain-points" : "opportunities";
}

static void
on_string_changed (JourneyInspector *self,
                   GParamSpec       *pspec,
                   GtkEditable      *row)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
  const char *text = gtk_editable_get_text (row);
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  if (group == self->pain_group)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit a Pain Point of “%s”"), touchpoint_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit an Opportunity of “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_string_at (self->history, touchpoint, strings_property (self, group),
                              get_position (row), text, label, self->merge_key);
  typed (self, text);
}

static void
on_string_button (JourneyInspector *self,
                  GtkWidget        *button)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  const char *property = strings_property (self, group);
  GPtrArray *rows = group == self->pain_group ? self->pain_rows : self->opportunity_rows;
  guint position = get_position (button);
  g_autofree char *label = NULL;
  gboolean pain = group == self->pain_group;

  if (touchpoint == NULL)
    return;

  new_run (self);
  if (g_str_equal (what, "add"))
    {
      label = g_strdup_printf (pain ? _("Add a Pain Point to “%s”") : _("Add an Opportunity to “%s”"),
                               touchpoint_name (touchpoint));
      position = rows->len;
      journey_edit_set_string_at (self->history, touchpoint, property, position, "", label, 0);
      if (position < rows->len)
        gtk_widget_grab_focus (g_ptr_array_index (rows, position));
    }
  else if (g_str_equal (what, "delete"))
    {
      label = g_strdup_printf (pain ? _("Delete a Pain Point of “%s”") : _("Delete an Opportunity of “%s”"),
                               touchpoint_name (touchpoint));
      journey_edit_set_string_at (self->history, touchpoint, property, position, NULL, label, 0);
    }
  else
    {
      guint to = g_str_equal (what, "up") ? position - 1 : position + 1;

      if ((g_str_equal (what, "up") && position == 0) || to >= rows->len)
        return;
      label = g_strdup_printf (pain ? _("Reorder the Pain Points of “%s”") : _("Reorder the Opportunities of “%s”"),
                               touchpoint_name (touchpoint));
      journey_edit_move_string (self->history, touchpoint, property, position, to, label);
      gtk_widget_grab_focus (g_ptr_array_index (rows, to));
    }
}

static GtkWidget *
list_button (JourneyInspector    *self,
             AdwPreferencesGroup *group,
             const char          *what,
             guint                position,
             GCallback            callback)
{
  static const struct { const char *what; const char *icon; const char *tooltip; } kinds[] = {
    { "add", "list-add-symbolic", N_("Add") },
    { "up", "go-up-symbolic", N_("Move Up") },
    { "down", "go-down-symbolic", N_("Move Down") },
    { "delete", "user-trash-symbolic", N_("Delete") },
  };
  GtkWidget *button = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].what, what))
      button = icon_button (kinds[i].icon, _(kinds[i].tooltip));
  g_assert (button != NULL);

  g_object_set_data (G_OBJECT (button), "group", group);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  set_position (button, position);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
refresh_strings (JourneyInspector    *self,
                 AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 char               **strv)
{
  guint n = g_strv_length (strv);

  if (rows->len != n)
    {
      clear_rows (group, rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_entry_row_new ();
          g_autofree char *title = NULL;

          if (group == self->pain_group)
            title = g_strdup_printf (_("Pain Point %u"), i + 1);
          else
            title = g_strdup_printf (_("Opportunity %u"), i + 1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          set_position (row, i);
          g_object_set_data (G_OBJECT (row), "group", group);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), list_button (self, group, "up", i, G_CALLBACK (on_string_button)));
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), list_button (self, group, "down", i, G_CALLBACK (on_string_button)));
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), list_button (self, group, "delete", i, G_CALLBACK (on_string_button)));
          g_signal_connect_object (row, "notify::text", G_CALLBACK (on_string_changed), self, G_CONNECT_SWAPPED);
          watch_focus (self, row);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }
  for (guint i = 0; i < n; i++)
    set_editable_text (g_ptr_array_index (rows, i), strv[i]);
}

/* -- Actions and comments ------------------------------------------------- */

static const char *
status_name (JourneyStatus status)
{
  switch (status)
    {
    case JOURNEY_STATUS_OPEN:
      return _("Open");
    case JOURNEY_STATUS_DOING:
      return _("Doing");
    case JOURNEY_STATUS_DONE:
      return _("Done");
    default:
      return "";
    }
}

/* The item of a row's list that @widget edits. */
static gpointer
row_item (JourneyInspector *self,
          GtkWidget        *widget,
          JourneyList     **list)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  gboolean is_comment = g_object_get_data (G_OBJECT (widget), "comment") != NULL;

  if (touchpoint == NULL)
    return NULL;
  *list = is_comment ? touchpoint->comments : touchpoint->actions;
  return journey_list_peek (*list, get_position (widget));
}

static void
on_item_text_changed (JourneyInspector *self,
                      GParamSpec       *pspec,
                      GtkEditable      *row)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  const char *text = gtk_editable_get_text (row);
  JourneyList *list;
  gpointer item = row_item (self, GTK_WIDGET (row), &list);
  g_autofree char *label = NULL;

  if (self->updating || item == NULL)
    return;

  if (JOURNEY_IS_ACTION (item))
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit an Action of “%s”"), touchpoint_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit a Comment on “%s”"), touchpoint_name (touchpoint));
  journey_edit_set_string (self->history, item, property,
                           text[0] || g_str_equal (property, "text") ? text : NULL, label, self->merge_key);
  typed (self, text);
}

static void
on_status_selected (JourneyInspector *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  JourneyList *list;
  gpointer item = row_item (self, GTK_WIDGET (row), &list);
  guint position = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || item == NULL || position > JOURNEY_STATUS_DONE)
    return;

  g_value_init (&value, JOURNEY_TYPE_STATUS);
  g_value_set_enum (&value, (int) position);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set the Status of an Action of “%s”"), touchpoint_name (touchpoint));
  new_run (self);
  journey_edit_set_value (self->history, item, "status", &value, label, 0);
}

static void
on_item_button (JourneyInspector *self,
                GtkWidget        *button)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  gboolean is_comment = g_object_get_data (G_OBJECT (button), "comment") != NULL;
  guint position = get_position (button);
  JourneyList *list;
  GPtrArray *rows = is_comment ? self->comment_rows : self->action_rows;
  g_autofree char *label = NULL;

  if (touchpoint == NULL)
    return;
  list = is_comment ? touchpoint->comments : touchpoint->actions;

  new_run (self);
  if (g_str_equal (what, "add"))
    {
      if (is_comment)
        journey_edit_add_comment (self->history, touchpoint, g_get_real_name (), "");
      else
        journey_edit_add_action (self->history, touchpoint, "");
      if (rows->len > 0)
        {
          AdwExpanderRow *row = g_ptr_array_index (rows, rows->len - 1);

          adw_expander_row_set_expanded (row, TRUE);
          gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "text"));
        }
    }
  else if (g_str_equal (what, "delete"))
    {
      label = g_strdup_printf (is_comment ? _("Delete a Comment on “%s”") : _("Delete an Action of “%s”"),
                               touchpoint_name (touchpoint));
      journey_edit_list_remove (self->history, list, position, label);
    }
  else
    {
      guint to = g_str_equal (what, "up") ? position - 1 : position + 1;

      if ((g_str_equal (what, "up") && position == 0) || to >= journey_list_get_length (list))
        return;
      label = g_strdup_printf (is_comment ? _("Reorder the Comments on “%s”") : _("Reorder the Actions of “%s”"),
                               touchpoint_name (touchpoint));
      journey_edit_list_move (self->history, list, position, to, label);
    }
}

static GtkWidget *
item_entry (JourneyInspector *self,
            const char       *title,
            const char       *property,
            guint             position,
            gboolean          is_comment)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  g_object_set_data (G_OBJECT (row), "comment", GINT_TO_POINTER (is_comment));
  set_position (row, position);
  g_signal_connect_object (row, "notify::text", G_CALLBACK (on_item_text_changed), self, G_CONNECT_SWAPPED);
  watch_focus (self, row);
  return row;
}

static GtkWidget *
item_buttons_row (JourneyInspector *self,
                  guint             position,
                  gboolean          is_comment)
{
  GtkWidget *row = adw_action_row_new ();
  const char *moves[] = { "up", "down", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *button = list_button (self, NULL, moves[i], position, G_CALLBACK (on_item_button));

      g_object_set_data (G_OBJECT (button), "comment", GINT_TO_POINTER (is_comment));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
refresh_items (JourneyInspector    *self,
               AdwPreferencesGroup *group,
               GPtrArray           *rows,
               JourneyList         *list,
               gboolean             is_comment)
{
  guint n = journey_list_get_length (list);

  if (rows->len != n)
    {
      clear_rows (group, rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_expander_row_new ();
          GtkWidget *text, *second, *third;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (is_comment)
            {
              text = item_entry (self, _("Comment"), "text", i, TRUE);
              second = item_entry (self, _("Author"), "author", i, TRUE);
              third = item_entry (self, _("Role"), "role", i, TRUE);
            }
          else
            {
              g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

              text = item_entry (self, _("Action"), "text", i, FALSE);
              second = item_entry (self, _("Owner"), "owner", i, FALSE);
              third = adw_combo_row_new ();
              for (int s = JOURNEY_STATUS_OPEN; s <= JOURNEY_STATUS_DONE; s++)
                gtk_string_list_append (statuses, status_name (s));
              adw_combo_row_set_model (ADW_COMBO_ROW (third), G_LIST_MODEL (statuses));
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (third), _("Status"));
              set_position (third, i);
              g_signal_connect_object (third, "notify::selected", G_CALLBACK (on_status_selected), self,
                                       G_CONNECT_SWAPPED);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), second);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), third);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_buttons_row (self, i, is_comment));
          g_object_set_data (G_OBJECT (row), "text", text);
          g_object_set_data (G_OBJECT (row), "second", second);
          g_object_set_data (G_OBJECT (row), "third", third);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = NULL;
      const char *text;

      if (is_comment)
        {
          JourneyComment *comment = journey_list_peek (list, i);

          text = comment->text;
          set_editable_text (g_object_get_data (row, "text"), comment->text);
          set_editable_text (g_object_get_data (row, "second"), comment->author);
          set_editable_text (g_object_get_data (row, "third"), comment->role);
          subtitle = g_strjoin (" · ",
                                comment->author && comment->author[0] ? comment->author : _("Anonymous"),
                                comment->created ? comment->created : "", NULL);
        }
      else
        {
          JourneyAction *action = journey_list_peek (list, i);

          text = action->text;
          set_editable_text (g_object_get_data (row, "text"), action->text);
          set_editable_text (g_object_get_data (row, "second"), action->owner);
          adw_combo_row_set_selected (g_object_get_data (row, "third"), action->status);
          subtitle = g_strjoin (" · ", status_name (action->status),
                                action->owner && action->owner[0] ? action->owner : _("No owner"), NULL);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     text && text[0] ? text : is_comment ? _("New comment") : _("New action"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
}

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
      typed (self, text);
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
  typed (self, text);
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
  new_run (self);
  journey_edit_set_string (self->history, self->map, "persona", persona ? persona->id : NULL,
                           _("Set the Map’s Persona"), 0);
}

static void
set_channel_filter (JourneyInspector *self,
                    const char       *channel)
{
  if (g_strcmp0 (self->channel_filter, channel) == 0)
    return;
  g_free (self->channel_filter);
  self->channel_filter = g_strdup (channel);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_FILTER]);
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
  set_channel_filter (self, channel != NULL ? channel->id : NULL);
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
  new_run (self);
  if (!journey_edit_set_scale (self->history, self->map, scale, &error))
    {
      adw_preferences_group_set_description (self->scale_group, error->message);
      refresh (self);
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
  guint position = get_position (row);

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
  typed (self, gtk_editable_get_text (row));
}

static void
refresh_map (JourneyInspector *self)
{
  JourneyScale *scale = self->map->scale;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_steps = journey_scale_get_n_steps (scale);
  guint persona = 0;
  guint preset = 0;
  const JourneyScalePreset *presets;
  guint n_presets;

  set_editable_text (GTK_EDITABLE (self->map_title_row), self->map->title);
  set_editable_text (GTK_EDITABLE (self->objective_row), self->map->objective);
  set_editable_text (GTK_EDITABLE (self->scope_row), self->map->scope);
  set_editable_text (GTK_EDITABLE (self->project_title_row), self->project->title);
  for (Kind kind = KIND_STAGE; kind <= KIND_CHANNEL; kind++)
    refresh_structure (self, kind);
  refresh_maps (self);

  g_ptr_array_add (names, _("None"));
  for (guint i = 0; i < journey_list_get_length (self->project->personas); i++)
    {
      JourneyPersona *p = journey_list_peek (self->project->personas, i);

      g_ptr_array_add (names, p->name && p->name[0] ? p->name : p->id);
      if (g_strcmp0 (p->id, self->map->persona) == 0)
        persona = i + 1;
    }
  update_combo_model (self->persona_row, &self->personas_key, names);
  adw_combo_row_set_selected (self->persona_row, persona);

  {
    g_autoptr(GPtrArray) channels = g_ptr_array_new ();
    guint filter = 0;

    g_ptr_array_add (channels, _("All channels"));
    for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
      {
        JourneyChannel *c = journey_list_peek (self->project->channels, i);

        g_ptr_array_add (channels, c->name && c->name[0] ? c->name : c->id);
        if (g_strcmp0 (c->id, self->channel_filter) == 0)
          filter = i + 1;
      }
    /* A channel that went away no longer filters. */
    if (filter == 0)
      set_channel_filter (self, NULL);
    update_combo_model (self->filter_row, &self->filter_key, channels);
    adw_combo_row_set_selected (self->filter_row, filter);
  }

  presets = journey_scale_get_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    if (presets[i].min == scale->min && presets[i].max == scale->max)
      preset = i + 1;
  adw_combo_row_set_selected (self->preset_row, preset);
  gtk_spin_button_set_value (self->min_spin, scale->min);
  gtk_spin_button_set_value (self->max_spin, scale->max);

  if (self->label_rows->len != n_steps)
    {
      clear_rows (self->labels_group, self->label_rows);
      for (guint i = 0; i < n_steps; i++)
        {
          GtkWidget *row = adw_entry_row_new ();
          g_autofree char *title = g_strdup_printf (_("Label of %d"), scale->min + (int) i);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          set_position (row, i);
          g_signal_connect_object (row, "notify::text", G_CALLBACK (on_step_label_changed), self, G_CONNECT_SWAPPED);
          watch_focus (self, row);
          adw_preferences_group_add (self->labels_group, row);
          g_ptr_array_add (self->label_rows, row);
        }
    }
  for (guint i = 0; i < n_steps; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (self->label_rows, i);
      g_autofree char *title = g_strdup_printf (_("Label of %d"), scale->min + (int) i);

      adw_preferences_row_set_title (row, title);
      set_editable_text (GTK_EDITABLE (row), journey_scale_get_label (scale, scale->min + (int) i));
    }
}


/* -- Stages, lanes, personas and channels --------------------------------- */

/* The GNOME palette (HIG), for stages and lanes. */
static const struct {
  const char *name;
  const char *color;
} palette[] = {
  { N_("Default"), NULL },
  { N_("White"), "#ffffff" },
  { N_("Blue"), "#3584e4" },
  { N_("Green"), "#33d17a" },
  { N_("Yellow"), "#f6d32d" },
  { N_("Orange"), "#ff7800" },
  { N_("Red"), "#e01b24" },
  { N_("Purple"), "#9141ac" },
  { N_("Brown"), "#986a44" },
  { N_("Light Grey"), "#deddda" },
  { N_("Dark Grey"), "#5e5c64" },
};

static const char *
lane_kind_name (JourneyLaneKind kind)
{
  switch (kind)
    {
    case JOURNEY_LANE_PHYSICAL:
      return _("Physical evidence");
    case JOURNEY_LANE_CUSTOMER:
      return _("Customer actions");
    case JOURNEY_LANE_ONSTAGE:
      return _("Onstage (seen by the customer)");
    case JOURNEY_LANE_OFFSTAGE:
      return _("Backstage (not seen)");
    case JOURNEY_LANE_SUPPORT:
      return _("Support processes");
    default:
      return "";
    }
}

static AdwPreferencesGroup *
structure_group (JourneyInspector *self,
                 Kind              kind)
{
  AdwPreferencesGroup *groups[] = { self->stages_group, self->lanes_group, self->personas_group, self->channels_group };

  return groups[kind];
}

static JourneyList *
structure_list (JourneyInspector *self,
                Kind              kind)
{
  switch (kind)
    {
    case KIND_STAGE:
      return self->map->stages;
    case KIND_LANE:
      return self->map->lanes;
    case KIND_PERSONA:
      return self->project->personas;
    case KIND_CHANNEL:
      return self->project->channels;
    default:
      g_assert_not_reached ();
    }
}

static Kind
get_kind (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "kind"));
}

static Kind
kind_of_group (JourneyInspector    *self,
               AdwPreferencesGroup *group)
{
  for (Kind kind = KIND_STAGE; kind <= KIND_CHANNEL; kind++)
    if (structure_group (self, kind) == group)
      return kind;
  g_assert_not_reached ();
  return KIND_STAGE;
}

static const char *
structure_name (gpointer item)
{
  const char *name = NULL;
  const char *id = journey_item_get_id (item);

  if (JOURNEY_IS_STAGE (item))
    name = JOURNEY_STAGE (item)->name;
  else if (JOURNEY_IS_LANE (item))
    name = JOURNEY_LANE (item)->name;
  else if (JOURNEY_IS_PERSONA (item))
    name = JOURNEY_PERSONA (item)->name;
  else if (JOURNEY_IS_CHANNEL (item))
    name = JOURNEY_CHANNEL (item)->name;
  return name != NULL && name[0] != '\0' ? name : id;
}

static gpointer
structure_item (JourneyInspector *self,
                gpointer          widget)
{
  if (self->map == NULL)
    return NULL;
  return journey_list_peek (structure_list (self, get_kind (widget)), get_position (widget));
}

static void
on_structure_text_changed (JourneyInspector *self,
                           GParamSpec       *pspec,
                           GtkEditable      *row)
{
  gpointer item = structure_item (self, row);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  const char *text = gtk_editable_get_text (row);
  g_autofree char *label = NULL;

  if (self->updating || item == NULL)
    return;

  switch (get_kind (row))
    {
    case KIND_STAGE:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Stage “%s”"), structure_name (item));
      break;
    case KIND_LANE:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Lane “%s”"), structure_name (item));
      break;
    case KIND_PERSONA:
      if (g_str_equal (property, "description"))
        /* Translators: an undo step; %s is the name */
        label = g_strdup_printf (_("Describe Persona “%s”"), structure_name (item));
      else
        /* Translators: an undo step; %s is the name */
        label = g_strdup_printf (_("Rename Persona “%s”"), structure_name (item));
      break;
    case KIND_CHANNEL:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Channel “%s”"), structure_name (item));
      break;
    default:
      g_assert_not_reached ();
    }
  journey_edit_set_string (self->history, item, property,
                           text[0] || g_str_equal (property, "name") ? text : NULL, label, self->merge_key);
  typed (self, text);
}

static void
on_structure_selected (JourneyInspector *self,
                       GParamSpec       *pspec,
                       AdwComboRow      *row)
{
  gpointer item = structure_item (self, row);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  new_run (self);
  if (g_str_equal (property, "kind"))
    {
      g_value_init (&value, JOURNEY_TYPE_LANE_KIND);
      g_value_set_enum (&value, (int) selected);
      /* Translators: an undo step; %s is a lane's name */
      label = g_strdup_printf (_("Set the Kind of Lane “%s”"), structure_name (item));
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, selected < G_N_ELEMENTS (palette) ? palette[selected].color : NULL);
      /* Translators: an undo step; %s is a stage's or lane's name */
      label = g_strdup_printf (_("Recolour “%s”"), structure_name (item));
    }
  journey_edit_set_value (self->history, item, property, &value, label, 0);
}

static void
on_stage_length_changed (JourneyInspector *self,
                         GtkSpinButton    *spin)
{
  gpointer item = structure_item (self, spin);

  if (self->updating || item == NULL)
    return;
  new_run (self);
  journey_edit_set_stage_length (self->history, self->map, item, gtk_spin_button_get_value (spin), NULL);
}

typedef struct
{
  JourneyInspector *self;
  Kind              kind;
  gpointer          item;      /* a reference */
  gpointer          neighbour; /* lanes: where the touchpoints go */
  gboolean          to_next;   /* stages */
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_clear_object (&deletion->item);
  g_clear_object (&deletion->neighbour);
  g_free (deletion);
}

/* Deletes the item as @response ("move", "delete") says. */
static void
delete_structure (JourneyInspector *self,
                  Deletion         *deletion,
                  const char       *response)
{
  JourneyList *list = structure_list (self, deletion->kind);
  gboolean keep = g_strcmp0 (response, "move") == 0;
  guint position;

  if (!journey_list_find (list, deletion->item, &position))
    return;

  new_run (self);
  switch (deletion->kind)
    {
    case KIND_STAGE:
      journey_edit_delete_stage (self->history, self->map, position, keep, deletion->to_next, NULL);
      break;
    case KIND_LANE:
      journey_edit_delete_lane (self->history, self->map, deletion->item,
                                keep ? deletion->neighbour : NULL, NULL);
      break;
    case KIND_PERSONA:
      journey_edit_delete_persona (self->history, self->project, position);
      break;
    case KIND_CHANNEL:
      journey_edit_delete_channel (self->history, self->project, position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
deletion_notify (gpointer  data,
                 GClosure *closure)
{
  deletion_free (data);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          data)
{
  Deletion *deletion = data;

  if (g_strcmp0 (response, "cancel") != 0 && deletion->self->map != NULL)
    delete_structure (deletion->self, deletion, response);
}

static void
ask_delete (JourneyInspector *self,
            Deletion         *deletion,
            const char       *heading,
            const char       *body,
            const char       *move_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete",
                                   move_label != NULL ? _("_Delete Them Too") : _("_Delete"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  if (move_label != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move", move_label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
    }
  else
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "journey-inspector-deletion", deletion);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), deletion,
                         deletion_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
request_delete (JourneyInspector *self,
                Kind              kind,
                guint             position)
{
  JourneyList *list = structure_list (self, kind);
  guint n = journey_list_get_length (list);
  gpointer item = journey_list_peek (list, position);
  Deletion *deletion;
  guint uses = 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *move_label = NULL;

  if (item == NULL)
    return;

  deletion = g_new0 (Deletion, 1);
  deletion->self = self;
  deletion->kind = kind;
  deletion->item = g_object_ref (item);

  switch (kind)
    {
    case KIND_STAGE:
    case KIND_LANE:
      if (n < 2)
        {
          /* The map needs one; the delete button is off, but be safe. */
          deletion_free (deletion);
          return;
        }
      if (kind == KIND_STAGE)
        {
          JourneyStage *neighbour;

          uses = journey_map_count_in_stage (self->map, position);
          deletion->to_next = position + 1 < n;
          neighbour = journey_list_peek (list, deletion->to_next ? position + 1 : position - 1);
          /* Translators: a button; %s is the stage the touchpoints go to */
          move_label = g_strdup_printf (_("_Move Them to “%s”"), structure_name (neighbour));
          /* Translators: %s is a stage's name */
          heading = g_strdup_printf (_("Delete Stage “%s”?"), structure_name (item));
        }
      else
        {
          deletion->neighbour = g_object_ref (journey_list_peek (list, position + 1 < n ? position + 1 : position - 1));
          uses = journey_map_count_in_lane (self->map, item);
          /* Translators: a button; %s is the lane the touchpoints go to */
          move_label = g_strdup_printf (_("_Move Them to “%s”"), structure_name (deletion->neighbour));
          /* Translators: %s is a lane's name */
          heading = g_strdup_printf (_("Delete Lane “%s”?"), structure_name (item));
        }
      body = g_strdup_printf (ngettext ("It holds %u touchpoint.", "It holds %u touchpoints.", uses), uses);
      break;
    case KIND_PERSONA:
      uses = journey_project_count_persona_uses (self->project, journey_item_get_id (item));
      /* Translators: %s is a persona's name */
      heading = g_strdup_printf (_("Delete Persona “%s”?"), structure_name (item));
      body = g_strdup_printf (ngettext ("%u map is for this persona; it will be for none.",
                                        "%u maps are for this persona; they will be for none.", uses), uses);
      break;
    case KIND_CHANNEL:
      uses = journey_project_count_channel_uses (self->project, journey_item_get_id (item));
      /* Translators: %s is a channel's name */
      heading = g_strdup_printf (_("Delete Channel “%s”?"), structure_name (item));
      body = g_strdup_printf (ngettext ("%u touchpoint uses this channel; it will have none.",
                                        "%u touchpoints use this channel; they will have none.", uses), uses);
      break;
    default:
      g_assert_not_reached ();
    }

  if (uses == 0)
    {
      delete_structure (self, deletion, "delete");
      deletion_free (deletion);
      return;
    }
  ask_delete (self, deletion, heading, body, (kind == KIND_STAGE || kind == KIND_LANE) ? move_label : NULL);
}

static void
on_structure_button (JourneyInspector *self,
                     GtkWidget        *button)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");
  Kind kind = group != NULL ? kind_of_group (self, group) : get_kind (button);
  guint position = get_position (button);
  JourneyList *list;
  GPtrArray *rows = self->structure_rows[kind];
  g_autofree char *label = NULL;

  if (self->map == NULL)
    return;
  list = structure_list (self, kind);

  new_run (self);
  if (g_str_equal (what, "add"))
    {
      switch (kind)
        {
        case KIND_STAGE:
          journey_edit_add_stage (self->history, self->map, _("New stage"));
          break;
        case KIND_LANE:
          journey_edit_add_lane (self->history, self->map, _("New lane"), JOURNEY_LANE_CUSTOMER);
          break;
        case KIND_PERSONA:
          journey_edit_add_persona (self->history, self->project, _("New persona"));
          break;
        case KIND_CHANNEL:
          journey_edit_add_channel (self->history, self->project, _("New channel"));
          break;
        default:
          g_assert_not_reached ();
        }
      if (rows->len > 0)
        {
          AdwExpanderRow *row = g_ptr_array_index (rows, rows->len - 1);
          GtkWidget *name = g_object_get_data (G_OBJECT (row), "name");

          adw_expander_row_set_expanded (row, TRUE);
          gtk_widget_grab_focus (name);
          gtk_editable_select_region (GTK_EDITABLE (name), 0, -1);
        }
    }
  else if (g_str_equal (what, "delete"))
    request_delete (self, kind, position);
  else
    {
      guint to = g_str_equal (what, "up") ? position - 1 : position + 1;
      gpointer item = journey_list_peek (list, position);

      if ((g_str_equal (what, "up") && position == 0) || to >= journey_list_get_length (list))
        return;
      if (kind == KIND_STAGE)
        journey_edit_move_stage (self->history, self->map, position, to);
      else
        {
          /* Translators: an undo step; %s is a name */
          label = g_strdup_printf (_("Move “%s”"), structure_name (item));
          journey_edit_list_move (self->history, list, position, to, label);
        }
      if (to < rows->len)
        {
          GtkWidget *target = g_object_get_data (g_ptr_array_index (rows, to), what);

          if (target != NULL && gtk_widget_get_sensitive (target))
            gtk_widget_grab_focus (target);
        }
    }
}

static GtkWidget *
structure_entry (JourneyInspector *self,
                 Kind              kind,
                 const char       *title,
                 const char       *property,
                 guint             position)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
  set_position (row, position);
  g_signal_connect_object (row, "notify::text", G_CALLBACK (on_structure_text_changed), self, G_CONNECT_SWAPPED);
  watch_focus (self, row);
  return row;
}

static GtkWidget *
structure_combo (JourneyInspector *self,
                 Kind              kind,
                 const char       *title,
                 const char       *property,
                 guint             position)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (g_str_equal (property, "kind"))
    for (int k = JOURNEY_LANE_PHYSICAL; k <= JOURNEY_LANE_SUPPORT; k++)
      gtk_string_list_append (names, lane_kind_name (k));
  else
    for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
      gtk_string_list_append (names, _(palette[i].name));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
  set_position (row, position);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_structure_selected), self, G_CONNECT_SWAPPED);
  return row;
}

static guint
palette_index (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (palette[i].color ? palette[i].color : "", color ? color : "") == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Drag and drop of a row onto another of the same list: the content is the
 * kind and position of the dragged row. */
static GdkContentProvider *
on_row_drag_prepare (GtkDragSource *source,
                     double         x,
                     double         y,
                     GtkWidget     *row)
{
  guint packed = (get_kind (row) << 16) | get_position (row);

  return gdk_content_provider_new_typed (G_TYPE_UINT, packed);
}

static gboolean
on_row_drop (JourneyInspector *self,
             const GValue     *value,
             double            x,
             double            y,
             GtkDropTarget    *target)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint packed = g_value_get_uint (value);
  Kind kind = packed >> 16;
  guint from = packed & 0xffff;
  guint to = get_position (row);
  JourneyList *list;
  gpointer item;
  g_autofree char *label = NULL;

  if (self->map == NULL || kind != get_kind (row) || from == to)
    return FALSE;

  list = structure_list (self, kind);
  item = journey_list_peek (list, from);
  if (item == NULL || to >= journey_list_get_length (list))
    return FALSE;

  new_run (self);
  if (kind == KIND_STAGE)
    return journey_edit_move_stage (self->history, self->map, from, to);

  /* Translators: an undo step; %s is a name */
  label = g_strdup_printf (_("Move “%s”"), structure_name (item));
  journey_edit_list_move (self->history, list, from, to, label);
  return TRUE;
}

static void
make_draggable (JourneyInspector *self,
                GtkWidget        *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_row_drag_prepare), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_row_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
refresh_structure (JourneyInspector *self,
                   guint             kind)
{
  AdwPreferencesGroup *group = structure_group (self, kind);
  GPtrArray *rows = self->structure_rows[kind];
  JourneyList *list = structure_list (self, kind);
  guint n = journey_list_get_length (list);

  if (rows->len != n)
    {
      clear_rows (group, rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_expander_row_new ();
          GtkWidget *name = structure_entry (self, kind, _("Name"), "name", i);
          GtkWidget *buttons = adw_action_row_new ();
          const char *moves[] = { "up", "down", "delete" };

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
          set_position (row, i);
          make_draggable (self, row);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
          g_object_set_data (G_OBJECT (row), "name", name);
          if (kind == KIND_STAGE)
            {
              GtkWidget *length_row = adw_action_row_new ();
              GtkWidget *spin = gtk_spin_button_new_with_range (0.1, 1000, 0.5);

              gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
              gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (length_row), _("Length"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Length"), -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (length_row), spin);
              g_object_set_data (G_OBJECT (spin), "kind", GUINT_TO_POINTER (kind));
              set_position (spin, i);
              g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_stage_length_changed), self,
                                       G_CONNECT_SWAPPED);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), length_row);
              g_object_set_data (G_OBJECT (row), "length", spin);
            }
          if (kind == KIND_LANE)
            {
              GtkWidget *kind_row = structure_combo (self, kind, _("Kind"), "kind", i);

              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);
              g_object_set_data (G_OBJECT (row), "lane-kind", kind_row);
            }
          if (kind == KIND_STAGE || kind == KIND_LANE)
            {
              GtkWidget *color_row = structure_combo (self, kind, _("Colour"), "color", i);

              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), color_row);
              g_object_set_data (G_OBJECT (row), "color", color_row);
            }
          if (kind == KIND_PERSONA)
            {
              GtkWidget *description = structure_entry (self, kind, _("Description"), "description", i);

              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);
              g_object_set_data (G_OBJECT (row), "description", description);
            }
          for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
            {
              GtkWidget *button = list_button (self, NULL, moves[m], i, G_CALLBACK (on_structure_button));

              g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));
              adw_action_row_add_suffix (ADW_ACTION_ROW (buttons), button);
              g_object_set_data (G_OBJECT (row), moves[m], button);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      gpointer item = journey_list_peek (list, i);
      g_autofree char *subtitle = NULL;
      const char *name = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), structure_name (item));
      gtk_widget_set_sensitive (g_object_get_data (row, "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (row, "down"), i + 1 < n);
      gtk_widget_set_sensitive (g_object_get_data (row, "delete"),
                                n > 1 || kind == KIND_PERSONA || kind == KIND_CHANNEL);
      switch (kind)
        {
        case KIND_STAGE:
          {
            JourneyStage *stage = item;

            name = stage->name;
            gtk_spin_button_set_value (g_object_get_data (row, "length"), stage->length);
            adw_combo_row_set_selected (g_object_get_data (row, "color"), palette_index (stage->color));
            subtitle = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", journey_map_count_in_stage (self->map, i)),
                                        journey_map_count_in_stage (self->map, i));
          }
          break;
        case KIND_LANE:
          {
            JourneyLane *lane = item;
            guint count = journey_map_count_in_lane (self->map, lane);

            name = lane->name;
            adw_combo_row_set_selected (g_object_get_data (row, "lane-kind"), lane->kind);
            adw_combo_row_set_selected (g_object_get_data (row, "color"), palette_index (lane->color));
            subtitle = g_strdup_printf (ngettext ("%s · %u touchpoint", "%s · %u touchpoints", count),
                                        lane_kind_name (lane->kind), count);
          }
          break;
        case KIND_PERSONA:
          name = JOURNEY_PERSONA (item)->name;
          set_editable_text (g_object_get_data (row, "description"), JOURNEY_PERSONA (item)->description);
          subtitle = g_strdup (JOURNEY_PERSONA (item)->description);
          break;
        case KIND_CHANNEL:
          {
            guint count = journey_project_count_channel_uses (self->project, JOURNEY_CHANNEL (item)->id);

            name = JOURNEY_CHANNEL (item)->name;
            subtitle = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", count), count);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      set_editable_text (g_object_get_data (row, "name"), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
    }
}


/* -- Maps ----------------------------------------------------------------- */

static void
add_map_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  JourneyMap *map = NULL;

  if (self->map == NULL)
    return;

  new_run (self);
  if (g_str_equal (what, "blank"))
    {
      /* On the scale the preferences choose for new maps: one step. */
      g_autoptr(JourneyScale) scale = journey_preferences_new_default_scale ();
      g_autoptr(GError) error = NULL;

      journey_history_begin_group (self->history, NULL);
      map = journey_edit_add_map (self->history, self->project, NULL, NULL, _("New map"));
      if (!journey_edit_set_scale (self->history, map, scale, &error))
        g_warning ("New map: %s", error->message);
      journey_history_end_group (self->history);
    }
  else if (g_str_equal (what, "copy"))
    {
      /* Translators: the title of a copied map; %s is the original's */
      title = g_strdup_printf (_("%s (copy)"), self->map->title ? self->map->title : self->map->id);
      map = journey_edit_add_map (self->history, self->project, self->map, NULL, title);
    }
  else if (g_str_has_prefix (what, "channel:"))
    {
      const char *id = what + strlen ("channel:");
      JourneyChannel *channel = journey_project_find_channel (self->project, id);

      if (channel == NULL)
        return;
      /* Translators: the title of a map for one channel: the original's title, the channel */
      title = g_strdup_printf (_("%s — %s"), self->map->title ? self->map->title : self->map->id,
                               channel->name && channel->name[0] ? channel->name : channel->id);
      map = journey_edit_add_map (self->history, self->project, self->map, id, title);
    }

  if (map != NULL)
    g_signal_emit (self, signals[SHOW_MAP], 0, map);
}

static void
on_map_row_activated (JourneyInspector *self,
                      AdwActionRow     *row)
{
  JourneyMap *map = journey_list_peek (self->project->maps, get_position (row));

  if (map != NULL && map != self->map)
    g_signal_emit (self, signals[SHOW_MAP], 0, map);
}

static void
on_map_button (JourneyInspector *self,
               GtkWidget        *button)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  guint position = get_position (button);
  JourneyList *maps = self->project->maps;
  JourneyMap *map = journey_list_peek (maps, position);
  g_autofree char *label = NULL;

  if (map == NULL)
    return;

  new_run (self);
  if (g_str_equal (what, "delete"))
    {
      JourneyMap *next = journey_list_peek (maps, position > 0 ? position - 1 : 1);

      /* Show a neighbour first when the shown map goes. */
      if (map == self->map && next != NULL)
        g_signal_emit (self, signals[SHOW_MAP], 0, next);
      journey_edit_delete_map (self->history, self->project, position, NULL);
    }
  else
    {
      guint to = g_str_equal (what, "up") ? position - 1 : position + 1;

      if ((g_str_equal (what, "up") && position == 0) || to >= journey_list_get_length (maps))
        return;
      /* Translators: an undo step; %s is a map's title */
      label = g_strdup_printf (_("Move Map “%s”"), map->title ? map->title : map->id);
      journey_edit_list_move (self->history, maps, position, to, label);
    }
}

static void
update_add_map_menu (JourneyInspector *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) channels = g_menu_new ();
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
    {
      JourneyChannel *channel = journey_list_peek (self->project->channels, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", channel->id, channel->name ? channel->name : "");
    }
  if (self->add_map_key != NULL && strcmp (self->add_map_key, key->str) == 0)
    return;
  g_free (self->add_map_key);
  self->add_map_key = g_strdup (key->str);

  g_menu_append (main_section, _("_Blank Map"), "inspector.add-map::blank");
  g_menu_append (main_section, _("_Copy of This Map"), "inspector.add-map::copy");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (main_section));
  for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
    {
      JourneyChannel *channel = journey_list_peek (self->project->channels, i);
      g_autofree char *label = NULL;
      g_autofree char *target = g_strconcat ("channel:", channel->id, NULL);
      g_autoptr(GMenuItem) item = NULL;

      /* Translators: a menu item; %s is a channel's name */
      label = g_strdup_printf (_("Copy for Channel “%s”"), channel->name && channel->name[0] ? channel->name : channel->id);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "inspector.add-map", g_variant_new_string (target));
      g_menu_append_item (channels, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (channels));
  gtk_menu_button_set_menu_model (self->add_map_button, G_MENU_MODEL (menu));
}

static void
refresh_maps (JourneyInspector *self)
{
  JourneyList *maps = self->project->maps;
  guint n = journey_list_get_length (maps);

  update_add_map_menu (self);

  if (self->map_rows->len != n)
    {
      clear_rows (self->maps_group, self->map_rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          const char *moves[] = { "up", "down", "delete" };

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          set_position (row, i);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_map_row_activated), self, G_CONNECT_SWAPPED);
          for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
            {
              GtkWidget *button = list_button (self, NULL, moves[m], i, G_CALLBACK (on_map_button));

              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
              g_object_set_data (G_OBJECT (row), moves[m], button);
            }
          adw_preferences_group_add (self->maps_group, row);
          g_ptr_array_add (self->map_rows, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (self->map_rows, i);
      JourneyMap *map = journey_list_peek (maps, i);
      guint count = journey_list_get_length (map->touchpoints);
      g_autofree char *subtitle = NULL;

      if (map == self->map)
        subtitle = g_strdup_printf (ngettext ("%u touchpoint · shown", "%u touchpoints · shown", count), count);
      else
        subtitle = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", count), count);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), map->title && map->title[0] ? map->title : map->id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_sensitive (g_object_get_data (row, "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (row, "down"), i + 1 < n);
      gtk_widget_set_sensitive (g_object_get_data (row, "delete"), n > 1);
    }
}

/* -- Showing the model ---------------------------------------------------- */

static void
setup_scale (GtkScale   *widget,
             JourneyMap *map)
{
  gtk_range_set_range (GTK_RANGE (widget), map->scale->min, map->scale->max);
  gtk_scale_clear_marks (widget);
  for (int step = map->scale->min; step <= map->scale->max; step++)
    gtk_scale_add_mark (widget, step, GTK_POS_BOTTOM, NULL);
}

static void
refresh_touchpoint (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = get_touchpoint (self);
  JourneyTouchpoint *first = g_ptr_array_index (self->selection, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean one = touchpoint != NULL;
  guint lane = GTK_INVALID_LIST_POSITION;
  guint channel = 0;
  gboolean same_lane = TRUE, same_channel = TRUE, same_weight = TRUE;

  for (guint i = 1; i < self->selection->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (self->selection, i);

      same_lane &= g_strcmp0 (tp->lane, first->lane) == 0;
      same_channel &= g_strcmp0 (tp->channel, first->channel) == 0;
      same_weight &= tp->weight == first->weight;
    }

  if (one)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->touchpoint_group), _("Touchpoint"));
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Touchpoint", "%u Touchpoints", self->selection->len),
                                                self->selection->len);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->touchpoint_group), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), one);
  gtk_widget_set_visible (GTK_WIDGET (self->when_row), one);
  gtk_widget_set_visible (self->time_row, one);
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

      g_ptr_array_add (names, l->name && l->name[0] ? l->name : l->id);
      if (same_lane && g_strcmp0 (l->id, first->lane) == 0)
        lane = i;
    }
  update_combo_model (self->lane_row, &self->lanes_key, names);
  adw_combo_row_set_selected (self->lane_row, lane);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (names, _("None"));
  for (guint i = 0; i < journey_list_get_length (self->project->channels); i++)
    {
      JourneyChannel *c = journey_list_peek (self->project->channels, i);

      g_ptr_array_add (names, c->name && c->name[0] ? c->name : c->id);
      if (g_strcmp0 (c->id, first->channel) == 0)
        channel = i + 1;
    }
  update_combo_model (self->channel_row, &self->channels_key, names);
  adw_combo_row_set_selected (self->channel_row, same_channel ? channel : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->weight_row, same_weight ? (first->weight == JOURNEY_WEIGHT_MAJOR) : GTK_INVALID_LIST_POSITION);

  if (!one)
    return;

  set_editable_text (GTK_EDITABLE (self->title_row), touchpoint->title);
  set_editable_text (GTK_EDITABLE (self->when_row), touchpoint->when);

  gtk_spin_button_set_range (self->time_spin, 0, journey_map_get_duration (self->map));
  gtk_spin_button_set_value (self->time_spin, touchpoint->time);
  {
    JourneyStage *stage = journey_map_get_touchpoint_stage (self->map, touchpoint);
    g_autofree char *subtitle = NULL;

    if (stage != NULL)
      subtitle = g_strdup_printf (_("In stage “%s”"), stage->name && stage->name[0] ? stage->name : stage->id);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->time_row), subtitle);
  }

  {
    double satisfaction = journey_map_get_satisfaction (self->map, touchpoint);
    gboolean has_target = journey_touchpoint_has_target (touchpoint);
    g_autofree char *text = value_text (self->map, satisfaction);

    setup_scale (self->satisfaction_scale, self->map);
    setup_scale (self->target_scale, self->map);
    gtk_range_set_value (GTK_RANGE (self->satisfaction_scale), satisfaction);
    adw_action_row_set_subtitle (self->satisfaction_row, text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->satisfaction_scale),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    adw_expander_row_set_enable_expansion (self->target_row, has_target);
    if (has_target)
      {
        g_autofree char *target = value_text (self->map, touchpoint->target);

        gtk_range_set_value (GTK_RANGE (self->target_scale), touchpoint->target);
        adw_action_row_set_subtitle (self->target_value_row, target);
        adw_expander_row_set_subtitle (self->target_row, target);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_scale),
                                        GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, target, -1);
      }
    else
      adw_expander_row_set_subtitle (self->target_row, _("None"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_views[i]);
      g_autofree char *old = buffer_text (buffer);
      g_autofree char *text = NULL;

      g_object_get (touchpoint, text_fields[i].property, &text, NULL);
      if (g_strcmp0 (old, text ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text ? text : "", -1);
    }

  refresh_strings (self, self->pain_group, self->pain_rows, touchpoint->pain_points);
  refresh_strings (self, self->opportunity_group, self->opportunity_rows, touchpoint->opportunities);
  refresh_items (self, self->action_group, self->action_rows, touchpoint->actions, FALSE);
  refresh_items (self, self->comment_group, self->comment_rows, touchpoint->comments, TRUE);

  {
    g_autofree char *votes = g_strdup_printf ("%d", touchpoint->votes);

    gtk_label_set_text (self->votes_label, votes);
    gtk_widget_set_sensitive (self->unvote_button, touchpoint->votes > 0);
  }

  if (touchpoint->evidence != NULL)
    {
      JourneyEvidence *evidence = touchpoint->evidence;
      g_autofree char *responses = g_strdup_printf ("%d", evidence->responses);
      g_autofree char *mean = value_text (self->map, evidence->mean);
      g_autoptr(GString) histogram = g_string_new (NULL);

      for (guint i = 0; i < evidence->histogram->len; i++)
        g_string_append_printf (histogram, "%s%d: %d", i ? " · " : "", self->map->scale->min + (int) i,
                                g_array_index (evidence->histogram, int, i));
      adw_action_row_set_subtitle (self->evidence_source_row, evidence->source ? evidence->source : "");
      adw_action_row_set_subtitle (self->evidence_responses_row, responses);
      adw_action_row_set_subtitle (self->evidence_mean_row, mean);
      adw_action_row_set_subtitle (self->evidence_histogram_row, histogram->str);
    }
}

static void
refresh (JourneyInspector *self)
{
  self->updating++;

  /* A touchpoint that left the map (deleted, undone) leaves the selection. */
  if (self->map != NULL)
    for (guint i = self->selection->len; i > 0; i--)
      if (!journey_list_find (self->map->touchpoints, g_ptr_array_index (self->selection, i - 1), NULL))
        g_ptr_array_remove_index (self->selection, i - 1);

  if (self->map == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (self->selection->len == 0)
    {
      refresh_map (self);
      gtk_stack_set_visible_child_name (self->stack, "map");
    }
  else
    {
      refresh_touchpoint (self);
      gtk_stack_set_visible_child_name (self->stack, "touchpoint");
    }

  self->updating--;
}

static void
on_history_changed (JourneyInspector *self)
{
  refresh (self);
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
  if (self->selection != NULL)
    g_ptr_array_set_size (self->selection, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_INSPECTOR);

  G_OBJECT_CLASS (journey_inspector_parent_class)->dispose (object);
}

static void
journey_inspector_finalize (GObject *object)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (object);

  g_clear_pointer (&self->selection, g_ptr_array_unref);
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
  g_free (self->channel_filter);

  G_OBJECT_CLASS (journey_inspector_parent_class)->finalize (object);
}

static void
journey_inspector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (object);

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
journey_inspector_class_init (JourneyInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_inspector_dispose;
  object_class->finalize = journey_inspector_finalize;
  object_class->get_property = journey_inspector_get_property;

  /**
   * JourneyInspector:channel-filter:
   *
   * The id of the channel whose touchpoints the map shows in full (the
   * others dimmed), or %NULL for all.  A view setting, not an edit.
   */
  properties[PROP_CHANNEL_FILTER] =
    g_param_spec_string ("channel-filter", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  BIND (evidence_source_row);
  BIND (evidence_responses_row);
  BIND (evidence_mean_row);
  BIND (evidence_histogram_row);
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

  gtk_widget_class_install_action (widget_class, "inspector.add-map", "s", add_map_action);
}

static GtkWidget *
header_add_button (JourneyInspector    *self,
                   AdwPreferencesGroup *group,
                   const char          *tooltip,
                   GCallback            callback,
                   gboolean             is_comment)
{
  GtkWidget *button = list_button (self, group, "add", 0, callback);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "comment", GINT_TO_POINTER (is_comment));
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

static void
journey_inspector_init (JourneyInspector *self)
{
  GtkEditable *map_rows[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->pain_rows = g_ptr_array_new ();
  self->opportunity_rows = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  self->comment_rows = g_ptr_array_new ();
  self->label_rows = g_ptr_array_new ();
  self->map_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->structure_rows); i++)
    self->structure_rows[i] = g_ptr_array_new ();
  new_run (self);

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
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(text_fields[i].title), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      set_position (buffer, i);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
      watch_focus (self, view);
      gtk_box_append (GTK_BOX (self->text_box), label);
      gtk_box_append (GTK_BOX (self->text_box), view);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }

  header_add_button (self, self->pain_group, _("Add a Pain Point"), G_CALLBACK (on_string_button), FALSE);
  header_add_button (self, self->opportunity_group, _("Add an Opportunity"), G_CALLBACK (on_string_button), FALSE);
  header_add_button (self, self->action_group, _("Add an Action"), G_CALLBACK (on_item_button), FALSE);
  header_add_button (self, self->comment_group, _("Add a Comment"), G_CALLBACK (on_item_button), TRUE);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->when_row, "changed", G_CALLBACK (on_when_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lane_row, "notify::selected", G_CALLBACK (on_lane_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_row, "notify::selected", G_CALLBACK (on_channel_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weight_row, "notify::selected", G_CALLBACK (on_weight_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_spin, "value-changed", G_CALLBACK (on_time_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->satisfaction_scale, "value-changed", G_CALLBACK (on_satisfaction_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_scale, "value-changed", G_CALLBACK (on_target_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::enable-expansion", G_CALLBACK (on_target_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vote_button, "clicked", G_CALLBACK (on_vote), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unvote_button, "clicked", G_CALLBACK (on_vote), self, G_CONNECT_SWAPPED);
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
  header_add_button (self, self->stages_group, _("Add a Stage"), G_CALLBACK (on_structure_button), FALSE);
  header_add_button (self, self->lanes_group, _("Add a Lane"), G_CALLBACK (on_structure_button), FALSE);
  header_add_button (self, self->personas_group, _("Add a Persona"), G_CALLBACK (on_structure_button), FALSE);
  header_add_button (self, self->channels_group, _("Add a Channel"), G_CALLBACK (on_structure_button), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (map_rows); i++)
    {
      g_signal_connect_object (map_rows[i], "notify::text", G_CALLBACK (on_map_text_changed), self, G_CONNECT_SWAPPED);
      watch_focus (self, GTK_WIDGET (map_rows[i]));
    }

  watch_focus (self, GTK_WIDGET (self->title_row));
  watch_focus (self, GTK_WIDGET (self->when_row));
  watch_focus (self, GTK_WIDGET (self->satisfaction_scale));
  watch_focus (self, GTK_WIDGET (self->target_scale));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->evidence_source_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->satisfaction_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Satisfaction, as is"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target satisfaction, to be"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time on the timeline"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lowest value of the scale"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highest value of the scale"), -1);
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
  g_ptr_array_set_size (self->selection, 0);
  adw_preferences_group_set_description (self->scale_group, NULL);
  new_run (self);
  refresh (self);
}

void
journey_inspector_set_selection (JourneyInspector *self,
                                 GPtrArray        *touchpoints)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  new_run (self);
  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; touchpoints != NULL && i < touchpoints->len; i++)
    g_ptr_array_add (self->selection, g_object_ref (g_ptr_array_index (touchpoints, i)));
  refresh (self);
}

void
journey_inspector_focus_title (JourneyInspector *self)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  if (get_touchpoint (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
journey_inspector_end_typing (JourneyInspector *self)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  new_run (self);
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

  return self->channel_filter;
}

void
journey_inspector_show_channel_filter (JourneyInspector *self,
                                       gboolean          show)
{
  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->filter_row), show);
  if (!show)
    set_channel_filter (self, NULL);
}
