/* journey-canvas-commands.c: the canvas's keys and actions (SPEC §9).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-canvas-private.h"
#include "journey-edit.h"
#include "journey-mermaid-read.h"
#include "journey-theme.h"

/* -- keyboard ------------------------------------------------------------- */

/* Touchpoints on the canvas in time order (their cards'), for Tab. */
static GPtrArray *
cards_in_time_order (JourneyCanvas *self)
{
  GPtrArray *order = g_ptr_array_new ();
  JourneyLayout *layout = journey_canvas_get_layout (self);

  if (layout == NULL)
    return order;
  for (guint c = 0; c < layout->n_cards; c++)
    g_ptr_array_add (order, &layout->cards[c]);
  return order;
}

static int
compare_cards_by_time (gconstpointer a,
                       gconstpointer b)
{
  const JourneyLayoutCard *ca = *(JourneyLayoutCard * const *) a, *cb = *(JourneyLayoutCard * const *) b;
  double ta = ca->touchpoint->time, tb = cb->touchpoint->time;

  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (ca->lane != cb->lane)
    return ca->lane < cb->lane ? -1 : 1;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

void
journey_canvas_focus_and_select (JourneyCanvas     *self,
                                 JourneyTouchpoint *tp)
{
  journey_canvas_set_focus_touchpoint (self, tp);
  journey_canvas_select (self, tp, FALSE);
}

static gboolean
focus_step (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  int step = g_variant_get_int32 (args);
  g_autoptr(GPtrArray) order = cards_in_time_order (self);
  int at = -1, next;

  if (order->len == 0)
    return FALSE;
  g_ptr_array_sort (order, compare_cards_by_time);
  for (guint i = 0; i < order->len; i++)
    if (((JourneyLayoutCard *) g_ptr_array_index (order, i))->touchpoint == self->state.focused)
      at = (int) i;

  next = at < 0 ? (step > 0 ? 0 : (int) order->len - 1) : at + step;
  /* Past either end, Tab leaves the canvas. */
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  journey_canvas_focus_and_select (self, ((JourneyLayoutCard *) g_ptr_array_index (order, next))->touchpoint);
  return TRUE;
}

/* Arrows: to the nearest card in that direction. */
static gboolean
focus_direction (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyLayout *layout = journey_canvas_get_layout (self);
  GtkDirectionType direction = g_variant_get_int32 (args);
  int from = self->state.focused ? journey_canvas_card_of (self, self->state.focused) : -1;
  double fx, fy, best = G_MAXDOUBLE;
  int found = -1;

  if (layout == NULL || layout->n_cards == 0)
    return FALSE;
  if (from < 0)
    {
      focus_step (widget, g_variant_new_int32 (1), NULL);
      return TRUE;
    }

  fx = layout->cards[from].rect.x + layout->cards[from].rect.width / 2;
  fy = layout->cards[from].rect.y + layout->cards[from].rect.height / 2;
  for (guint c = 0; c < layout->n_cards; c++)
    {
      double cx = layout->cards[c].rect.x + layout->cards[c].rect.width / 2;
      double cy = layout->cards[c].rect.y + layout->cards[c].rect.height / 2;
      double dx = cx - fx, dy = cy - fy, along, across, score;

      if ((int) c == from)
        continue;
      switch (direction)
        {
        case GTK_DIR_LEFT:  along = -dx; across = dy; break;
        case GTK_DIR_RIGHT: along = dx;  across = dy; break;
        case GTK_DIR_UP:    along = -dy; across = dx; break;
        case GTK_DIR_DOWN:  along = dy;  across = dx; break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:            return FALSE;
        }
      if (along <= 1)
        continue;
      /* Straight ahead counts more than off to the side. */
      score = along + 2 * fabs (across);
      if (score < best)
        {
          best = score;
          found = (int) c;
        }
    }
  if (found >= 0)
    journey_canvas_focus_and_select (self, layout->cards[found].touchpoint);
  return TRUE;
}

static JourneyTouchpoint *
focused (JourneyCanvas *self)
{
  if (self->state.focused == NULL || self->history == NULL)
    return NULL;
  return self->state.focused;
}

/* Shift+Left/Right: one snap step in time; Shift+Up/Down: a lane. */
static gboolean
move_focused (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyTouchpoint *tp = focused (self);
  int dtime, dlane;

  if (tp == NULL)
    return FALSE;
  g_variant_get (args, "(ii)", &dtime, &dlane);
  journey_edit_move (self->history, self->map, &tp, 1, dtime * journey_canvas_snap_step (self), dlane, NULL);
  journey_canvas_touchpoint_changed (self, tp);
  {
    int card = journey_canvas_card_of (self, tp);

    if (card >= 0)
      journey_canvas_scroll_to_map_rect (self, &self->layout->cards[card].rect);
  }
  return TRUE;
}

static gboolean
step_satisfaction (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyTouchpoint *tp = focused (self);
  double value;

  if (tp == NULL)
    return FALSE;
  value = journey_map_get_satisfaction (self->map, tp) + g_variant_get_int32 (args);
  journey_edit_set_satisfaction (self->history, self->map, tp, journey_map_clamp_to_scale (self->map, value), NULL);
  journey_canvas_touchpoint_changed (self, tp);
  return TRUE;
}

static gboolean
activate_focused (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (self->state.focused == NULL)
    return FALSE;
  g_signal_emit_by_name (self, "activate-touchpoint", self->state.focused);
  return TRUE;
}

/**
 * journey_canvas_abort_gesture:
 *
 * Escape during a drag: back to where it began.  What the drag did so far
 * is taken back, and no step is left, nor is any other step undone.
 *
 * Returns: whether a drag was under way
 */
gboolean
journey_canvas_abort_gesture (JourneyCanvas *self)
{
  gboolean grouped;

  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), FALSE);

  if (self->drag <= DRAG_PENDING)
    return FALSE;
  grouped = self->drag_grouped;
  self->drag_grouped = FALSE;
  journey_canvas_cancel_drag (self);
  if (grouped)
    journey_history_abort_group (self->history);
  return TRUE;
}

static gboolean
escape (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (journey_canvas_abort_gesture (self))
    return TRUE;
  if (journey_selection_get_n_selected (self->selection) == 0)
    return FALSE;
  journey_canvas_unselect_all (self);
  return TRUE;
}

/* -- actions -------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    journey_canvas_zoom_at (self, self->zoom * ZOOM_STEP, NAN, NAN);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    journey_canvas_zoom_at (self, self->zoom / ZOOM_STEP, NAN, NAN);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    journey_canvas_zoom_at (self, 1, NAN, NAN);
  else
    journey_canvas_zoom_to_fit (self);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  if (self->map == NULL)
    return;
  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    g_ptr_array_add (all, journey_list_peek (self->map->touchpoints, i));
  journey_selection_set_touchpoints (self->selection, (JourneyTouchpoint *const *) all->pdata, all->len);
}

/* The title of a new touchpoint, typed where its card is. */
static void
on_title_activate (JourneyCanvas *self,
                   GtkEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  JourneyTouchpoint *tp = self->title_touchpoint;

  if (tp != NULL && text[0] != '\0' && g_strcmp0 (text, tp->title) != 0)
    {
      g_autofree char *label = g_strdup_printf (_("Rename “%s”"), journey_touchpoint_get_display_name (tp));

      journey_history_begin_group (self->history, label);
      journey_history_set (self->history, tp, "title", text, NULL);
      journey_history_end_group (self->history);
      journey_canvas_touchpoint_changed (self, tp);
    }
  gtk_popover_popdown (GTK_POPOVER (self->title_popover));
}

static void
on_title_closed (JourneyCanvas *self,
                 GtkPopover    *popover)
{
  self->title_touchpoint = NULL;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
edit_title (JourneyCanvas     *self,
            JourneyTouchpoint *tp)
{
  int card = journey_canvas_card_of (self, tp);
  JourneyRect *r;
  double x, y;

  if (card < 0)
    return;

  if (self->title_popover == NULL)
    {
      self->title_popover = gtk_popover_new ();
      self->title_entry = gtk_entry_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the touchpoint"), -1);
      gtk_popover_set_child (GTK_POPOVER (self->title_popover), self->title_entry);
      gtk_widget_set_parent (self->title_popover, GTK_WIDGET (self));
      g_signal_connect_object (self->title_entry, "activate", G_CALLBACK (on_title_activate), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->title_popover, "closed", G_CALLBACK (on_title_closed), self,
                               G_CONNECT_SWAPPED);
    }

  r = &self->layout->cards[card].rect;
  journey_canvas_scroll_to_map_rect (self, r);
  journey_canvas_map_to_widget (self, r->x, r->y, &x, &y);
  self->title_touchpoint = tp;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), tp->title ? tp->title : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->title_popover),
                               &(GdkRectangle) { (int) x, (int) y, (int) (r->width * self->zoom),
                                                 (int) (r->height * self->zoom) });
  gtk_popover_popup (GTK_POPOVER (self->title_popover));
  gtk_widget_grab_focus (self->title_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

void
journey_canvas_add_touchpoint_at (JourneyCanvas *self,
                                  double         map_x,
                                  double         map_y)
{
  int lane = journey_canvas_lane_at (self, map_y);
  double time;
  JourneyTouchpoint *tp;

  if (self->history == NULL || lane < 0 || (guint) lane >= self->layout->n_lanes)
    return;

  time = journey_canvas_snap (self, journey_layout_time_for_x (self->layout, map_x), g_settings_get_boolean (self->settings, "snap-to-grid"));
  tp = journey_edit_add_touchpoint (self->history, self->map, self->layout->lanes[lane].lane, time, NULL);
  if (tp == NULL)
    return;
  journey_canvas_focus_and_select (self, tp);
  edit_title (self, tp);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyLayout *layout = journey_canvas_get_layout (self);
  JourneyTouchpoint *near = self->state.focused;
  double x, y;

  if (layout == NULL || layout->n_lanes == 0)
    return;

  /* Beside the focused card, or in the middle of the view in a lane. */
  if (near != NULL && journey_canvas_card_of (self, near) >= 0)
    {
      JourneyLayoutCard *card = &layout->cards[journey_canvas_card_of (self, near)];

      x = card->rect.x + card->rect.width + layout->style.card_gap + 1;
      y = card->rect.y + card->rect.height / 2;
      if (x > layout->timeline_x + layout->timeline_width)
        x = card->rect.x + card->rect.width / 2;
    }
  else
    {
      /* The first customer lane (else the first lane): where a map's
       * story is told, not its physical evidence. */
      guint lane = 0;

      for (guint i = 0; i < layout->n_lanes; i++)
        if (layout->lanes[i].kind == JOURNEY_LANE_CUSTOMER)
          {
            lane = i;
            break;
          }
      journey_canvas_widget_to_map (self, gtk_widget_get_width (widget) / 2.0, 0, &x, &y);
      x = CLAMP (x, layout->timeline_x, layout->timeline_x + layout->timeline_width);
      y = layout->lanes[lane].rect.y + layout->lanes[lane].rect.height / 2;
    }
  journey_canvas_add_touchpoint_at (self, x, y);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);

  if (selection->len == 0 || self->history == NULL)
    return;
  journey_edit_delete (self->history, self->map, (JourneyTouchpoint *const *) selection->pdata, selection->len);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (selection->len == 0 || self->history == NULL)
    return;
  journey_edit_duplicate (self->history, self->map, (JourneyTouchpoint *const *) selection->pdata, selection->len,
                          copies);
  journey_canvas_unselect_all (self);
  for (guint i = 0; i < copies->len; i++)
    journey_canvas_select (self, g_ptr_array_index (copies, i), TRUE);
  if (copies->len > 0)
    journey_canvas_set_focus_touchpoint (self, g_ptr_array_index (copies, 0));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  gsize length = 0;
  char *data;

  if (selection->len == 0)
    return;

  /* As a .journey document: another window, or a text editor, takes it. */
  data = journey_edit_copy (self->project, self->map, (JourneyTouchpoint *const *) selection->pdata,
                            selection->len, &length);
  bytes = g_bytes_new_take (data, length);
  providers[0] = gdk_content_provider_new_for_bytes ("application/x-journey", bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  if (g_str_equal (action_name, "canvas.cut"))
    delete_action (widget, "canvas.delete", NULL);
}

/* Whether a touchpoint of @selection has the room's rating. */
static gboolean
any_room (GPtrArray *selection)
{
  for (guint i = 0; i < selection->len; i++)
    {
      if (journey_touchpoint_has_room (g_ptr_array_index (selection, i)))
        return TRUE;
    }
  return FALSE;
}

/* The room's rating as the satisfaction of the selected cards that have
 * one (SPEC §10): one step. */
static void
adopt_room_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);

  if (selection->len == 0 || self->history == NULL)
    return;
  if (!journey_edit_adopt_room (self->history, self->map, (JourneyTouchpoint *const *) selection->pdata,
                                selection->len))
    gtk_widget_error_bell (widget);
}

static void
on_paste_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JourneyCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);

  if (text == NULL || self->history == NULL || self->map == NULL)
    return;

  /* A Mermaid journey's text opens as a new map, in a window of its own. */
  if (journey_mermaid_detect (text, strlen (text)) != JOURNEY_MERMAID_NONE)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-mermaid-text", "s", text);
      return;
    }

  if (!journey_edit_paste (self->history, self->project, self->map, text, strlen (text), NAN, NULL, pasted, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }
  journey_canvas_unselect_all (self);
  for (guint i = 0; i < pasted->len; i++)
    journey_canvas_select (self, g_ptr_array_index (pasted, i), TRUE);
  if (pasted->len > 0)
    journey_canvas_set_focus_touchpoint (self, g_ptr_array_index (pasted, 0));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_paste_read, g_object_ref (widget));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  int card = self->state.focused ? journey_canvas_card_of (self, self->state.focused) : -1;
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (card >= 0)
    journey_canvas_map_to_widget (self, self->layout->cards[card].rect.x + 20, self->layout->cards[card].rect.y + 20,
                                  &x, &y);
  journey_canvas_popup_context_menu (self, x, y);
}

void
journey_canvas_popup_context_menu (JourneyCanvas *self,
                                   double         x,
                                   double         y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) edit = g_menu_new ();
      g_autoptr(GMenu) clip = g_menu_new ();
      g_autoptr(GMenu) room = g_menu_new ();

      g_menu_append (edit, _("_Add Touchpoint"), "canvas.add-touchpoint");
      g_menu_append (edit, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (edit, _("_Delete"), "canvas.delete");
      g_menu_append (clip, _("Cu_t"), "canvas.cut");
      g_menu_append (clip, _("_Copy"), "canvas.copy");
      g_menu_append (clip, _("_Paste"), "canvas.paste");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (clip));
      g_menu_append (room, _("Adopt the _Room’s Rating"), "canvas.adopt-room");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (room));

      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Actions that need a selection are enabled only with one. */
void
journey_canvas_update_actions (JourneyCanvas *self)
{
  gboolean any = journey_selection_get_n_selected (self->selection) > 0;
  g_autoptr(GPtrArray) selection = any ? journey_canvas_get_selection (self) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.duplicate", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.copy", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cut", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.adopt-room", any && any_room (selection));
}

void
journey_canvas_class_init_commands (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-touchpoint", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "canvas.adopt-room", NULL, adopt_room_action);

  /* The zoom keys are the window's (win.zoom-in …): they work wherever
   * the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-touchpoint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, focus_step, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, focus_step, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, focus_step, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, focus_direction, "i", GTK_DIR_LEFT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, focus_direction, "i", GTK_DIR_RIGHT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, focus_direction, "i", GTK_DIR_UP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, focus_direction, "i", GTK_DIR_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, move_focused, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, move_focused, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, move_focused, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, move_focused, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_focused, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_focused, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape, NULL);
}

