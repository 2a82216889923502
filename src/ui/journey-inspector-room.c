/* journey-inspector-room.c: the room's rating of the touchpoint shown (SPEC
 * §10), under its satisfaction, and the button that adopts it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-inspector-private.h"

static void
on_adopt_clicked (JourneyInspector *self)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);

  if (touchpoint == NULL || self->history == NULL)
    return;
  journey_edit_adopt_room (self->history, self->map, &touchpoint, 1);
}

/* The row shows what the room said of @touchpoint, when it rated it. */
void
journey_inspector_refresh_room (JourneyInspector  *self,
                                JourneyTouchpoint *touchpoint)
{
  JourneyRoom *room = touchpoint ? touchpoint->room : NULL;
  g_autofree char *mean = NULL;
  g_autofree char *ratings = NULL;
  g_autofree char *subtitle = NULL;
  double spread;

  gtk_widget_set_visible (GTK_WIDGET (self->room_row), touchpoint != NULL && journey_touchpoint_has_room (touchpoint));
  if (!gtk_widget_get_visible (GTK_WIDGET (self->room_row)))
    return;

  mean = journey_scale_format_value (self->map->scale, room->mean);
  spread = journey_room_get_spread (room, self->map->scale);
  ratings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d rating", "%d ratings", room->responses),
                             room->responses);
  if (journey_room_disagrees (room, self->map->scale))
    /* TRANSLATORS: the room's mean ("3.4 · Neutral"), its spread and "N ratings" */
    subtitle = g_strdup_printf (_("%s, ± %.1f, from %s: the room disagrees"), mean, spread, ratings);
  else
    /* TRANSLATORS: the room's mean ("3.4 · Neutral"), its spread and "N ratings" */
    subtitle = g_strdup_printf (_("%s, ± %.1f, from %s"), mean, spread, ratings);
  adw_action_row_set_subtitle (self->room_row, subtitle);
  /* Already the satisfaction: nothing to adopt. */
  gtk_widget_set_sensitive (self->room_adopt_button,
                            journey_map_clamp_to_scale (self->map, room->mean)
                              != journey_map_get_satisfaction (self->map, touchpoint));
}

void
journey_inspector_room_init (JourneyInspector *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Adopt"));

  self->room_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->room_row), _("The Room’s Rating"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->room_row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Adopt the room’s rating as the satisfaction"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Adopt the Room’s Rating"), -1);
  adw_action_row_add_suffix (self->room_row, button);
  self->room_adopt_button = button;
  gtk_widget_set_visible (GTK_WIDGET (self->room_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->satisfaction_group), GTK_WIDGET (self->room_row));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_adopt_clicked), self, G_CONNECT_SWAPPED);
}
