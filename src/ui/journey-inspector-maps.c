/* journey-inspector-maps.c: the project's maps: switch, add, reorder, delete.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-inspector-private.h"
#include "journey-preferences.h"

void
journey_inspector_add_map_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  JourneyMap *map = NULL;

  if (self->map == NULL)
    return;

  journey_inspector_new_run (self);
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
      title = g_strdup_printf (_("%s (copy)"), journey_map_get_display_name (self->map));
      map = journey_edit_add_map (self->history, self->project, self->map, NULL, title);
    }
  else if (g_str_has_prefix (what, "channel:"))
    {
      const char *id = what + strlen ("channel:");
      JourneyChannel *channel = journey_project_find_channel (self->project, id);

      if (channel == NULL)
        return;
      /* Translators: the title of a map for one channel: the original's title, the channel */
      title = g_strdup_printf (_("%s — %s"), journey_map_get_display_name (self->map),
                               journey_channel_get_display_name (channel));
      map = journey_edit_add_map (self->history, self->project, self->map, id, title);
    }

  if (map != NULL)
    journey_inspector_emit_show_map (self, map);
}

static void
on_map_row_activated (JourneyInspector *self,
                      AdwActionRow     *row)
{
  JourneyMap *map = journey_list_peek (self->project->maps, journey_inspector_get_position (row));

  if (map != NULL && map != self->map)
    journey_inspector_emit_show_map (self, map);
}

/* The answer to "Delete Map?": @data is the map. */
static void
delete_map (JourneyInspector *self,
            const char       *response,
            gpointer          data)
{
  JourneyMap *map = data;
  JourneyList *maps = self->project->maps;
  JourneyMap *next;
  guint position;

  if (!journey_list_find (maps, map, &position) || journey_list_get_length (maps) < 2)
    return;

  journey_inspector_new_run (self);
  /* Show a neighbour first when the shown map goes. */
  next = journey_list_peek (maps, position > 0 ? position - 1 : 1);
  if (map == self->map)
    journey_inspector_emit_show_map (self, next);
  if (journey_list_find (self->project->maps, map, &position))
    journey_edit_delete_map (self->history, self->project, position, NULL);
}

static void
on_map_button (JourneyInspector *self,
               GtkWidget        *button)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  guint position = journey_inspector_get_position (button);
  JourneyList *maps = self->project->maps;
  JourneyMap *map = journey_list_peek (maps, position);
  g_autofree char *label = NULL;

  if (map == NULL)
    return;

  journey_inspector_new_run (self);
  if (g_str_equal (what, "delete"))
    {
      const char *title = journey_map_get_display_name (map);
      guint count = journey_list_get_length (map->touchpoints);
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (journey_list_get_length (maps) < 2)
        return;
      /* Translators: %s is a map's title */
      heading = g_strdup_printf (_("Delete Map “%s”?"), title);
      body = g_strdup_printf (ngettext ("Its stages, lanes and %u touchpoint go with it. Undo brings them back.",
                                        "Its stages, lanes and %u touchpoints go with it. Undo brings them back.",
                                        count), count);
      journey_inspector_ask_delete (self, heading, body, _("_Delete"), NULL,
                                    delete_map, g_object_ref (map), g_object_unref);
    }
  else
    {
      guint to;

      if (!journey_inspector_move_target (what, position, journey_list_get_length (maps), &to))
        return;
      /* Translators: an undo step; %s is a map's title */
      label = g_strdup_printf (_("Move Map “%s”"), journey_map_get_display_name (map));
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
      label = g_strdup_printf (_("Copy for Channel “%s”"), journey_channel_get_display_name (channel));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "inspector.add-map", g_variant_new_string (target));
      g_menu_append_item (channels, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (channels));
  gtk_menu_button_set_menu_model (self->add_map_button, G_MENU_MODEL (menu));
}

void
journey_inspector_refresh_maps (JourneyInspector *self)
{
  JourneyList *maps = self->project->maps;
  guint n = journey_list_get_length (maps);

  update_add_map_menu (self);

  if (self->map_rows->len != n)
    {
      journey_inspector_clear_rows (self->maps_group, self->map_rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          journey_inspector_single_line (row);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          journey_inspector_set_position (row, i);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_map_row_activated), self, G_CONNECT_SWAPPED);
          journey_inspector_add_row_buttons (self, row, NULL, i, G_CALLBACK (on_map_button), NULL, NULL);
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
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), journey_map_get_display_name (map));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      journey_inspector_sync_row_buttons (row, i, n, n > 1);
    }
}
