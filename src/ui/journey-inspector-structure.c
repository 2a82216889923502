/* journey-inspector-structure.c: the lists of stages, lanes, personas and channels.
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

/* An item's row in the list of its kind, and the fields it reveals, made
 * when it is first expanded (NULL before).  The inspector owns them, in
 * structure_rows[kind] by position. */
typedef struct
{
  Kind       kind;
  guint      position;
  GtkWidget *row;         /* AdwExpanderRow */
  GtkWidget *name;        /* AdwEntryRow */
  GtkWidget *id;          /* AdwEntryRow */
  GtkWidget *length;      /* stages: GtkSpinButton */
  GtkWidget *lane_kind;   /* lanes: AdwComboRow */
  GtkWidget *color;       /* stages and lanes: AdwComboRow */
  GtkWidget *description; /* personas: AdwEntryRow */
  GtkWidget *buttons;     /* AdwActionRow: move up, down, delete */
} StructureRow;

/* The row that @widget is, or is in; NULL for none of the lists'. */
static StructureRow *
row_of (JourneyInspector *self,
        gpointer          widget)
{
  for (Kind kind = KIND_STAGE; kind <= KIND_CHANNEL; kind++)
    for (guint i = 0; i < self->structure_rows[kind]->len; i++)
      {
        StructureRow *srow = g_ptr_array_index (self->structure_rows[kind], i);

        if (widget == srow->row || gtk_widget_is_ancestor (widget, srow->row))
          return srow;
      }
  return NULL;
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
item_name (gpointer item)
{
  if (JOURNEY_IS_STAGE (item))
    return JOURNEY_STAGE (item)->name;
  if (JOURNEY_IS_LANE (item))
    return JOURNEY_LANE (item)->name;
  if (JOURNEY_IS_PERSONA (item))
    return JOURNEY_PERSONA (item)->name;
  if (JOURNEY_IS_CHANNEL (item))
    return JOURNEY_CHANNEL (item)->name;
  return NULL;
}

static gpointer
structure_item (JourneyInspector *self,
                gpointer          widget)
{
  StructureRow *srow = row_of (self, widget);

  if (self->map == NULL || srow == NULL)
    return NULL;
  return journey_list_peek (structure_list (self, srow->kind), srow->position);
}

static gpointer
structure_item_of (JourneyInspector *self,
                   GtkWidget        *row)
{
  return structure_item (self, row);
}

static void
on_structure_text_changed (JourneyInspector *self,
                           GParamSpec       *pspec,
                           GtkEditable      *row)
{
  StructureRow *srow = row_of (self, row);
  gpointer item = structure_item (self, row);
  const char *property;
  const char *text = gtk_editable_get_text (row);
  g_autofree char *label = NULL;

  if (self->updating || item == NULL)
    return;
  property = GTK_WIDGET (row) == srow->description ? "description" : "name";

  switch (srow->kind)
    {
    case KIND_STAGE:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Stage “%s”"), journey_item_get_display_name (item));
      break;
    case KIND_LANE:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Lane “%s”"), journey_item_get_display_name (item));
      break;
    case KIND_PERSONA:
      if (g_str_equal (property, "description"))
        /* Translators: an undo step; %s is the name */
        label = g_strdup_printf (_("Describe Persona “%s”"), journey_item_get_display_name (item));
      else
        /* Translators: an undo step; %s is the name */
        label = g_strdup_printf (_("Rename Persona “%s”"), journey_item_get_display_name (item));
      break;
    case KIND_CHANNEL:
      /* Translators: an undo step; %s is the name */
      label = g_strdup_printf (_("Rename Channel “%s”"), journey_item_get_display_name (item));
      break;
    default:
      g_assert_not_reached ();
    }
  journey_edit_set_string (self->history, item, property,
                           text[0] || g_str_equal (property, "name") ? text : NULL, label, self->merge_key);
}

static void
on_structure_selected (JourneyInspector *self,
                       GParamSpec       *pspec,
                       AdwComboRow      *row)
{
  StructureRow *srow = row_of (self, row);
  gpointer item = structure_item (self, row);
  const char *property;
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  property = GTK_WIDGET (row) == srow->lane_kind ? "kind" : "color";

  journey_inspector_new_run (self);
  if (g_str_equal (property, "kind"))
    {
      g_value_init (&value, JOURNEY_TYPE_LANE_KIND);
      g_value_set_enum (&value, (int) selected);
      /* Translators: an undo step; %s is a lane's name */
      label = g_strdup_printf (_("Set the Kind of Lane “%s”"), journey_item_get_display_name (item));
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, selected < G_N_ELEMENTS (palette) ? palette[selected].color : NULL);
      /* Translators: an undo step; %s is a stage's or lane's name */
      label = g_strdup_printf (_("Recolour “%s”"), journey_item_get_display_name (item));
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
  journey_inspector_new_run (self);
  journey_edit_set_stage_length (self->history, self->map, item, gtk_spin_button_get_value (spin), NULL);
}

typedef struct
{
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
                  const char       *response,
                  gpointer          data)
{
  Deletion *deletion = data;
  JourneyList *list = structure_list (self, deletion->kind);
  gboolean keep = g_strcmp0 (response, "move") == 0;
  guint position;

  if (!journey_list_find (list, deletion->item, &position))
    return;

  journey_inspector_new_run (self);
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
          move_label = g_strdup_printf (_("_Move Them to “%s”"), journey_item_get_display_name (neighbour));
          /* Translators: %s is a stage's name */
          heading = g_strdup_printf (_("Delete Stage “%s”?"), journey_item_get_display_name (item));
        }
      else
        {
          deletion->neighbour = g_object_ref (journey_list_peek (list, position + 1 < n ? position + 1 : position - 1));
          uses = journey_map_count_in_lane (self->map, item);
          /* Translators: a button; %s is the lane the touchpoints go to */
          move_label = g_strdup_printf (_("_Move Them to “%s”"), journey_item_get_display_name (deletion->neighbour));
          /* Translators: %s is a lane's name */
          heading = g_strdup_printf (_("Delete Lane “%s”?"), journey_item_get_display_name (item));
        }
      body = g_strdup_printf (ngettext ("It holds %u touchpoint.", "It holds %u touchpoints.", uses), uses);
      break;
    case KIND_PERSONA:
      uses = journey_project_count_persona_uses (self->project, journey_item_get_id (item));
      /* Translators: %s is a persona's name */
      heading = g_strdup_printf (_("Delete Persona “%s”?"), journey_item_get_display_name (item));
      body = g_strdup_printf (ngettext ("%u map is for this persona; it will be for none.",
                                        "%u maps are for this persona; they will be for none.", uses), uses);
      break;
    case KIND_CHANNEL:
      uses = journey_project_count_channel_uses (self->project, journey_item_get_id (item));
      /* Translators: %s is a channel's name */
      heading = g_strdup_printf (_("Delete Channel “%s”?"), journey_item_get_display_name (item));
      body = g_strdup_printf (ngettext ("%u touchpoint uses this channel; it will have none.",
                                        "%u touchpoints use this channel; they will have none.", uses), uses);
      break;
    default:
      g_assert_not_reached ();
    }

  if (uses == 0)
    {
      delete_structure (self, "delete", deletion);
      deletion_free (deletion);
      return;
    }
  if (kind == KIND_STAGE || kind == KIND_LANE)
    journey_inspector_ask_delete (self, heading, body, _("_Delete Them Too"), move_label,
                                  delete_structure, deletion, deletion_free);
  else
    journey_inspector_ask_delete (self, heading, body, _("_Delete"), NULL,
                                  delete_structure, deletion, deletion_free);
}

static void
on_structure_button (JourneyInspector *self,
                     GtkWidget        *button)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");
  StructureRow *srow = group != NULL ? NULL : row_of (self, button);
  Kind kind;
  guint position = srow != NULL ? srow->position : 0;
  JourneyList *list;
  GPtrArray *rows;
  g_autofree char *label = NULL;

  if (self->map == NULL || (srow == NULL && group == NULL))
    return;
  kind = srow != NULL ? srow->kind : kind_of_group (self, group);
  rows = self->structure_rows[kind];
  list = structure_list (self, kind);

  journey_inspector_new_run (self);
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
          StructureRow *added = g_ptr_array_index (rows, rows->len - 1);

          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (added->row), TRUE);
          gtk_widget_grab_focus (added->name);
          gtk_editable_select_region (GTK_EDITABLE (added->name), 0, -1);
        }
    }
  else if (g_str_equal (what, "delete"))
    request_delete (self, kind, position);
  else
    {
      gpointer item = journey_list_peek (list, position);
      guint to;

      if (!journey_inspector_move_target (what, position, journey_list_get_length (list), &to))
        return;
      if (kind == KIND_STAGE)
        journey_edit_move_stage (self->history, self->map, position, to);
      else
        {
          /* Translators: an undo step; %s is a name */
          label = g_strdup_printf (_("Move “%s”"), journey_item_get_display_name (item));
          journey_edit_list_move (self->history, list, position, to, label);
        }
      if (to < rows->len && position < rows->len)
        {
          StructureRow *from_row = g_ptr_array_index (rows, position);
          StructureRow *to_row = g_ptr_array_index (rows, to);
          GtkWidget *target;

          /* The item stays open where it went, and the focus with it. */
          if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (from_row->row)))
            {
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (from_row->row), FALSE);
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (to_row->row), TRUE);
            }
          target = to_row->buttons != NULL ? g_object_get_data (G_OBJECT (to_row->buttons), what) : NULL;
          if (target != NULL && gtk_widget_get_sensitive (target))
            gtk_widget_grab_focus (target);
        }
    }
}

static GtkWidget *
structure_entry (JourneyInspector *self,
                 StructureRow     *srow,
                 const char       *title,
                 const char       *property)
{
  return journey_inspector_entry_row (self, title, property, srow->position,
                                      G_CALLBACK (on_structure_text_changed));
}

static GtkWidget *
structure_combo (JourneyInspector *self,
                 const char       *title,
                 gboolean          lane_kind)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (lane_kind)
    for (int k = JOURNEY_LANE_PHYSICAL; k <= JOURNEY_LANE_SUPPORT; k++)
      gtk_string_list_append (names, lane_kind_name (k));
  else
    for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
      gtk_string_list_append (names, _(palette[i].name));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  journey_inspector_name_combo (ADW_COMBO_ROW (row));
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
on_row_drag_prepare (JourneyInspector *self,
                     double            x,
                     double            y,
                     GtkDragSource    *source)
{
  StructureRow *srow = row_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (srow == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, (srow->kind << 16) | srow->position);
}

static gboolean
on_row_drop (JourneyInspector *self,
             const GValue     *value,
             double            x,
             double            y,
             GtkDropTarget    *target)
{
  StructureRow *srow = row_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  guint packed = g_value_get_uint (value);
  Kind kind = packed >> 16;
  guint from = packed & 0xffff;
  guint to = srow != NULL ? srow->position : 0;
  JourneyList *list;
  gpointer item;
  g_autofree char *label = NULL;

  if (self->map == NULL || srow == NULL || kind != srow->kind || from == to)
    return FALSE;

  list = structure_list (self, kind);
  item = journey_list_peek (list, from);
  if (item == NULL || to >= journey_list_get_length (list))
    return FALSE;

  journey_inspector_new_run (self);
  if (kind == KIND_STAGE)
    return journey_edit_move_stage (self->history, self->map, from, to);

  /* Translators: an undo step; %s is a name */
  label = g_strdup_printf (_("Move “%s”"), journey_item_get_display_name (item));
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
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_row_drag_prepare), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_row_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* The fields inside a row are made when it is first expanded: a map with
 * many stages and lanes would otherwise build hundreds of hidden widgets,
 * most of its start-up time. */
static void
fill_row (JourneyInspector *self,
          StructureRow     *srow)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (srow->row);
  Kind kind = srow->kind;
  GtkLabel *id_error;

  srow->name = structure_entry (self, srow, _("Name"), "name");
  adw_expander_row_add_row (row, srow->name);

  srow->id = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (srow->id), _("Id"));
  adw_expander_row_add_row (row, srow->id);
  adw_expander_row_add_row (row, journey_inspector_error_row (&id_error));
  journey_inspector_watch_id (self, srow->id, id_error, structure_item_of);

  if (kind == KIND_STAGE)
    {
      GtkWidget *length_row = adw_action_row_new ();

      srow->length = gtk_spin_button_new_with_range (0.1, 1000, 0.5);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (srow->length), 2);
      journey_inspector_pass_scroll (srow->length);
      gtk_widget_set_valign (srow->length, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (length_row), _("Length"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (srow->length), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Length"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (length_row), srow->length);
      g_signal_connect_object (srow->length, "value-changed", G_CALLBACK (on_stage_length_changed), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (row, length_row);
    }
  if (kind == KIND_LANE)
    {
      srow->lane_kind = structure_combo (self, _("Kind"), TRUE);
      adw_expander_row_add_row (row, srow->lane_kind);
    }
  if (kind == KIND_STAGE || kind == KIND_LANE)
    {
      srow->color = structure_combo (self, _("Colour"), FALSE);
      adw_expander_row_add_row (row, srow->color);
    }
  if (kind == KIND_PERSONA)
    {
      srow->description = structure_entry (self, srow, _("Description"), "description");
      adw_expander_row_add_row (row, srow->description);
    }
  srow->buttons = adw_action_row_new ();
  journey_inspector_add_row_buttons (self, srow->buttons, NULL, srow->position, G_CALLBACK (on_structure_button),
                                     NULL, NULL);
  adw_expander_row_add_row (row, srow->buttons);
}

/* Shows the item in the fields of @srow, once they are made. */
static void
sync_row (JourneyInspector *self,
          StructureRow     *srow)
{
  Kind kind = srow->kind;
  JourneyList *list = structure_list (self, kind);
  guint i = srow->position;
  guint n = journey_list_get_length (list);
  gpointer item = journey_list_peek (list, i);

  if (item == NULL || srow->buttons == NULL)
    return;

  self->updating++;
  journey_inspector_sync_row_buttons (srow->buttons, i, n, n > 1 || kind == KIND_PERSONA || kind == KIND_CHANNEL);
  if (kind == KIND_STAGE)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (srow->length), JOURNEY_STAGE (item)->length);
      adw_combo_row_set_selected (ADW_COMBO_ROW (srow->color), palette_index (JOURNEY_STAGE (item)->color));
    }
  else if (kind == KIND_LANE)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (srow->lane_kind), JOURNEY_LANE (item)->kind);
      adw_combo_row_set_selected (ADW_COMBO_ROW (srow->color), palette_index (JOURNEY_LANE (item)->color));
    }
  else if (kind == KIND_PERSONA)
    journey_inspector_set_editable_text (GTK_EDITABLE (srow->description), JOURNEY_PERSONA (item)->description);
  journey_inspector_set_editable_text (GTK_EDITABLE (srow->name), item_name (item));
  journey_inspector_show_id (self, srow->id, item);
  self->updating--;
}

static void
on_row_expanded (JourneyInspector *self,
                 GParamSpec       *pspec,
                 AdwExpanderRow   *row)
{
  StructureRow *srow = row_of (self, row);

  if (srow == NULL || !adw_expander_row_get_expanded (row) || srow->buttons != NULL)
    return;
  fill_row (self, srow);
  sync_row (self, srow);
}

void
journey_inspector_refresh_structure (JourneyInspector *self,
                                     Kind              kind)
{
  AdwPreferencesGroup *group = structure_group (self, kind);
  GPtrArray *rows = self->structure_rows[kind];
  JourneyList *list = structure_list (self, kind);
  guint n = journey_list_get_length (list);

  if (rows->len != n)
    {
      for (guint i = 0; i < rows->len; i++)
        adw_preferences_group_remove (group, ((StructureRow *) g_ptr_array_index (rows, i))->row);
      g_ptr_array_set_size (rows, 0);
      for (guint i = 0; i < n; i++)
        {
          StructureRow *srow = g_new0 (StructureRow, 1);

          srow->kind = kind;
          srow->position = i;
          srow->row = journey_inspector_expander_row ();
          g_ptr_array_add (rows, srow);
          make_draggable (self, srow->row);
          g_signal_connect_object (srow->row, "notify::expanded", G_CALLBACK (on_row_expanded), self,
                                   G_CONNECT_SWAPPED);
          adw_preferences_group_add (group, srow->row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      StructureRow *srow = g_ptr_array_index (rows, i);
      GObject *row = G_OBJECT (srow->row);
      gpointer item = journey_list_peek (list, i);
      g_autofree char *subtitle = NULL;
      guint count;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), journey_item_get_display_name (item));
      switch (kind)
        {
        case KIND_STAGE:
          count = journey_map_count_in_stage (self->map, i);
          subtitle = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", count), count);
          break;
        case KIND_LANE:
          count = journey_map_count_in_lane (self->map, item);
          /* The count first: a long kind is ellipsized at the end. */
          subtitle = g_strdup_printf (ngettext ("%u touchpoint · %s", "%u touchpoints · %s", count),
                                      count, lane_kind_name (JOURNEY_LANE (item)->kind));
          break;
        case KIND_PERSONA:
          subtitle = g_strdup (JOURNEY_PERSONA (item)->description);
          break;
        case KIND_CHANNEL:
          count = journey_project_count_channel_uses (self->project, JOURNEY_CHANNEL (item)->id);
          subtitle = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", count), count);
          break;
        default:
          g_assert_not_reached ();
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
      sync_row (self, srow);
    }
}

void
journey_inspector_structure_init (JourneyInspector *self)
{
  journey_inspector_header_add_button (self, self->stages_group, _("Add a Stage"),
                                       G_CALLBACK (on_structure_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->lanes_group, _("Add a Lane"),
                                       G_CALLBACK (on_structure_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->personas_group, _("Add a Persona"),
                                       G_CALLBACK (on_structure_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->channels_group, _("Add a Channel"),
                                       G_CALLBACK (on_structure_button), NULL, NULL);
}
