/* journey-canvas-a11y.c: the canvas's accessible children (SPEC §9).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * GTK 4.8 gives accessibility to widgets only, so each visible touchpoint
 * card gets a small focusable child widget of the canvas (a button named
 * after its title), and each satisfaction handle a slider.  They draw
 * nothing (the canvas never snapshots its children: it draws the focus
 * ring from the scene) and take no pointer events (the canvas's gestures
 * get them).  They come from pools and are handed over to other cards
 * while the view scrolls and zooms: a map of 20,000 touchpoints has
 * widgets for the cards in view only.
 *
 * The slider is a GtkRange because GTK 4.8 gives the AT-SPI Value
 * interface (what a screen reader reads and sets) to ranges only.
 *
 * Keys pressed on a child go to the canvas's bindings first (Tab, arrows,
 * Page Up/Down, Delete, Ctrl+D…), as if the canvas had the focus; on a
 * slider, Up/Down and Page Up/Down set the satisfaction by one step, and
 * Tab goes from a card to its slider and on to the next card.
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-canvas-private.h"
#include "journey-edit.h"

/* At most this many children of each kind, however many cards are in
 * view (a map zoomed out to fit shows them all, too small to point at). */
#define MAX_PROXIES 400

/* -- the children's types ------------------------------------------------- */

#define JOURNEY_TYPE_CANVAS_ITEM (journey_canvas_item_get_type ())
G_DECLARE_FINAL_TYPE (JourneyCanvasItem, journey_canvas_item, JOURNEY, CANVAS_ITEM, GtkWidget)

struct _JourneyCanvasItem
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (JourneyCanvasItem, journey_canvas_item, GTK_TYPE_WIDGET)

static void
journey_canvas_item_class_init (JourneyCanvasItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "journeycanvasitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
journey_canvas_item_init (JourneyCanvasItem *self)
{
}

#define JOURNEY_TYPE_CANVAS_HANDLE (journey_canvas_handle_get_type ())
G_DECLARE_FINAL_TYPE (JourneyCanvasHandle, journey_canvas_handle, JOURNEY, CANVAS_HANDLE, GtkRange)

struct _JourneyCanvasHandle
{
  GtkRange parent_instance;
};

G_DEFINE_FINAL_TYPE (JourneyCanvasHandle, journey_canvas_handle, GTK_TYPE_RANGE)

static void
journey_canvas_handle_class_init (JourneyCanvasHandleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "journeycanvashandle");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
journey_canvas_handle_init (JourneyCanvasHandle *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  /* Up is more satisfied, as on the map. */
  gtk_range_set_inverted (GTK_RANGE (self), TRUE);
}

/* -- pools ---------------------------------------------------------------- */

typedef struct
{
  GtkWidget         *widget;
  JourneyTouchpoint *touchpoint;   /* a reference, or NULL when free */
  guint              card;         /* its card in the layout */
  gboolean           seen;
  char              *name;         /* what was told to the accessibility tree */
  char              *description;
  double             value;
  int                selected;     /* what the tree was told; -1: nothing */
} Proxy;

typedef struct
{
  GPtrArray  *proxies;        /* of Proxy, in use or free */
  GHashTable *by_touchpoint;  /* JourneyTouchpoint → Proxy in use */
  gboolean    slider;
} Pool;

struct _JourneyCanvasA11y
{
  Pool     cards;
  Pool     handles;
  gboolean forwarding;        /* a key is being given to the canvas */
  gboolean syncing;           /* a slider's value is being set from the map */
  guint    assign_id;         /* children handed out again, after the layout */
  gboolean changed;           /* children were added, shown or hidden */
};

static void
proxy_free (gpointer data)
{
  Proxy *proxy = data;

  g_clear_object (&proxy->touchpoint);
  g_free (proxy->name);
  g_free (proxy->description);
  g_free (proxy);
}

static void
pool_init (Pool     *pool,
           gboolean  slider)
{
  pool->proxies = g_ptr_array_new_with_free_func (proxy_free);
  pool->by_touchpoint = g_hash_table_new (NULL, NULL);
  pool->slider = slider;
}

static void
pool_clear (Pool *pool)
{
  if (pool->proxies == NULL)
    return;
  for (guint i = 0; i < pool->proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (pool->proxies, i);

      g_clear_pointer (&proxy->widget, gtk_widget_unparent);
    }
  g_clear_pointer (&pool->proxies, g_ptr_array_unref);
  g_clear_pointer (&pool->by_touchpoint, g_hash_table_unref);
}

static Proxy *
proxy_of_widget (GtkWidget *widget)
{
  return widget ? g_object_get_data (G_OBJECT (widget), "journey-proxy") : NULL;
}

/* The child of the canvas that has the keyboard focus, or NULL. */
static Proxy *
focused_proxy (JourneyCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return NULL;
  return proxy_of_widget (focus);
}

/* -- what the children say ------------------------------------------------ */

/* Whether the card's touchpoint is selected, told to the tree. */
static void
update_card_selected (JourneyCanvas *self,
                      Proxy         *proxy)
{
  int selected = journey_selection_contains (self->selection, proxy->touchpoint);

  if (proxy->selected != selected)
    {
      proxy->selected = selected;
      gtk_accessible_update_state (GTK_ACCESSIBLE (proxy->widget), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
    }
}

/* What a touchpoint's satisfaction rests on (issue 17), and what the room
 * said of it (SPEC §10), for a screen reader. */
static char *
describe_evidence (JourneyMap        *map,
                   JourneyTouchpoint *tp)
{
  g_autofree char *evidence = NULL;

  if (journey_touchpoint_get_evidence_level (tp) == JOURNEY_EVIDENCE_LEVEL_ASSUMED)
    /* Translators: a touchpoint's evidence level, for a screen reader */
    evidence = g_strdup (_("assumed, no survey evidence"));
  else
    {
      g_autofree char *mean = journey_scale_format_value (map->scale, tp->evidence->mean);

      /* Translators: a touchpoint's evidence level, for a screen reader:
       * the measured mean ("3.4 · Neutral") and the number of responses */
      evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "measured mean %s from %d response",
                                               "measured mean %s from %d responses", tp->evidence->responses),
                                  mean, tp->evidence->responses);
    }
  if (journey_touchpoint_has_room (tp))
    {
      g_autofree char *mean = journey_scale_format_value (map->scale, tp->room->mean);
      g_autofree char *room = NULL;

      /* Translators: the room's rating of a touchpoint, for a screen
       * reader: its mean ("3.4 · Neutral") and the number of ratings */
      room = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the room’s rating %s from %d rating",
                                           "the room’s rating %s from %d ratings", tp->room->responses),
                              mean, tp->room->responses);
      if (journey_room_disagrees (tp->room, map->scale))
        /* Translators: the room's rating, then that the room disagrees */
        return g_strdup_printf (_("%s; %s, the room disagrees"), evidence, room);
      return g_strdup_printf ("%s; %s", evidence, room);
    }
  return g_steal_pointer (&evidence);
}

static void
update_card_proxy (JourneyCanvas *self,
                   Proxy         *proxy)
{
  JourneyTouchpoint *tp = proxy->touchpoint;
  JourneyStage *stage = journey_map_get_touchpoint_stage (self->map, tp);
  JourneyLane *lane = tp->lane ? journey_map_find_lane (self->map, tp->lane) : NULL;
  g_autofree char *value = journey_scale_format_value (self->map->scale, journey_map_get_satisfaction (self->map, tp));
  g_autofree char *description = NULL;
  g_autofree char *evidence = describe_evidence (self->map, tp);
  const char *name = journey_touchpoint_get_display_name (tp);

  /* Translators: what a screen reader says of a touchpoint after its
   * title: its stage, its lane and how satisfied the customer is */
  description = g_strdup_printf (_("Stage %s, lane %s, satisfaction %s; %s"),
                                 stage ? journey_stage_get_display_name (stage) : "–",
                                 lane ? journey_lane_get_display_name (lane) : "–",
                                 value, evidence);

  if (g_strcmp0 (proxy->name, name) != 0)
    {
      g_free (proxy->name);
      proxy->name = g_strdup (name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (proxy->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  if (g_strcmp0 (proxy->description, description) != 0)
    {
      g_free (proxy->description);
      proxy->description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (proxy->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, proxy->description, -1);
    }
  update_card_selected (self, proxy);
}

/* The selection changed: the cards' children say which are selected. */
void
journey_canvas_selection_changed_a11y (JourneyCanvas *self)
{
  Pool *pool;

  if (self->a11y == NULL || self->a11y->cards.proxies == NULL)
    return;
  pool = &self->a11y->cards;
  for (guint i = 0; i < pool->proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (pool->proxies, i);

      if (proxy->touchpoint != NULL)
        update_card_selected (self, proxy);
    }
}

static void
update_handle_proxy (JourneyCanvas *self,
                     Proxy         *proxy)
{
  JourneyCanvasA11y *a11y = self->a11y;
  JourneyTouchpoint *tp = proxy->touchpoint;
  JourneyScale *scale = self->map->scale;
  double value = journey_map_get_satisfaction (self->map, tp);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  /* Translators: a screen reader's name of the handle that sets the
   * satisfaction of a touchpoint; %s is its title */
  name = g_strdup_printf (_("Satisfaction of “%s”"), journey_touchpoint_get_display_name (tp));
  if (g_strcmp0 (proxy->name, name) != 0)
    {
      g_free (proxy->name);
      proxy->name = g_steal_pointer (&name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (proxy->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, proxy->name, -1);
    }

  if (proxy->value == value && proxy->description != NULL)
    return;
  proxy->value = value;
  text = journey_scale_format_value (self->map->scale, value);
  g_free (proxy->description);
  proxy->description = g_steal_pointer (&text);

  a11y->syncing = TRUE;
  gtk_range_set_range (GTK_RANGE (proxy->widget), scale->min, scale->max);
  gtk_range_set_value (GTK_RANGE (proxy->widget), value);
  a11y->syncing = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (proxy->widget),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) scale->min,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) scale->max,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, proxy->description,
                                  -1);
}

/* -- editing through a slider --------------------------------------------- */

static void
set_satisfaction (JourneyCanvas     *self,
                  JourneyTouchpoint *tp,
                  double             value)
{
  value = journey_map_clamp_to_scale (self->map, value);
  if (self->history == NULL || value == journey_map_get_satisfaction (self->map, tp))
    return;
  journey_edit_set_satisfaction (self->history, self->map, tp, value, NULL);
  journey_canvas_touchpoint_changed (self, tp);
}

/* A screen reader set the slider's value, or Home/End did. */
static void
on_handle_value_changed (GtkRange      *range,
                         JourneyCanvas *self)
{
  Proxy *proxy = proxy_of_widget (GTK_WIDGET (range));

  if (self->a11y->syncing || proxy == NULL || proxy->touchpoint == NULL)
    return;
  /* The slider no longer shows the value it was last given: the next
   * sync sets it again, even to that value (an undo before the next
   * frame goes back to it). */
  proxy->value = NAN;
  set_satisfaction (self, proxy->touchpoint, gtk_range_get_value (range));
}

/* -- focus ---------------------------------------------------------------- */

static void
on_proxy_focus_enter (GtkEventControllerFocus *controller,
                      JourneyCanvas           *self)
{
  Proxy *proxy = proxy_of_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (proxy != NULL && proxy->touchpoint != NULL && proxy->touchpoint != self->state.focused)
    journey_canvas_set_focus_touchpoint (self, proxy->touchpoint);
}

static gboolean on_key_pressed (GtkEventControllerKey *controller,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                JourneyCanvas         *self);

static Proxy *
proxy_new (JourneyCanvas *self,
           Pool          *pool)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  GtkEventController *focus, *keys;

  proxy->widget = g_object_new (pool->slider ? JOURNEY_TYPE_CANVAS_HANDLE : JOURNEY_TYPE_CANVAS_ITEM, NULL);
  g_object_set_data (G_OBJECT (proxy->widget), "journey-proxy", proxy);
  gtk_widget_set_focusable (proxy->widget, TRUE);
  /* The canvas's gestures take the pointer. */
  gtk_widget_set_can_target (proxy->widget, FALSE);
  gtk_widget_set_visible (proxy->widget, FALSE);
  proxy->value = NAN;
  proxy->selected = -1;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_proxy_focus_enter), self, 0);
  gtk_widget_add_controller (proxy->widget, focus);
  /* Before the slider's own bindings. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (proxy->widget, keys);
  if (pool->slider)
    {
      gtk_range_set_increments (GTK_RANGE (proxy->widget), 1, 1);
      g_signal_connect_object (proxy->widget, "value-changed", G_CALLBACK (on_handle_value_changed), self, 0);
    }

  gtk_widget_set_parent (proxy->widget, GTK_WIDGET (self));
  g_ptr_array_add (pool->proxies, proxy);
  return proxy;
}

/* -- handing the children out --------------------------------------------- */

static void
release (JourneyCanvas *self,
         Pool          *pool,
         Proxy         *proxy)
{
  g_hash_table_remove (pool->by_touchpoint, proxy->touchpoint);
  g_clear_object (&proxy->touchpoint);
  g_clear_pointer (&proxy->name, g_free);
  g_clear_pointer (&proxy->description, g_free);
  proxy->value = NAN;
  if (gtk_widget_has_focus (proxy->widget))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (proxy->widget, FALSE);
}

/* Gives a child of @pool to each card of @wanted (indices in the layout),
 * taking them back from the cards that are gone from view. */
static void
pool_assign (JourneyCanvas *self,
             Pool          *pool,
             GArray        *wanted)
{
  JourneyLayout *layout = self->layout;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) spare = g_ptr_array_new ();
  guint next_spare = 0;

  for (guint i = 0; i < pool->proxies->len; i++)
    ((Proxy *) g_ptr_array_index (pool->proxies, i))->seen = FALSE;

  for (guint i = 0; i < wanted->len; i++)
    {
      guint c = g_array_index (wanted, guint, i);
      Proxy *proxy = g_hash_table_lookup (pool->by_touchpoint, layout->cards[c].touchpoint);

      if (proxy != NULL)
        {
          proxy->seen = TRUE;
          proxy->card = c;
        }
      else
        g_array_append_val (pending, c);
    }

  for (guint i = 0; i < pool->proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (pool->proxies, i);

      if (proxy->touchpoint != NULL && !proxy->seen)
        {
          release (self, pool, proxy);
          self->a11y->changed = TRUE;
        }
      if (proxy->touchpoint == NULL)
        g_ptr_array_add (spare, proxy);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      guint c = g_array_index (pending, guint, i);
      Proxy *proxy = next_spare < spare->len ? g_ptr_array_index (spare, next_spare++) : proxy_new (self, pool);

      proxy->touchpoint = g_object_ref (layout->cards[c].touchpoint);
      proxy->card = c;
      proxy->seen = TRUE;
      g_hash_table_insert (pool->by_touchpoint, proxy->touchpoint, proxy);
      gtk_widget_set_visible (proxy->widget, TRUE);
      self->a11y->changed = TRUE;
    }

  /* Keep a few spare children for the next scroll, not more. */
  for (guint i = pool->proxies->len; i > 0 && spare->len - next_spare > 16; i--)
    {
      Proxy *proxy = g_ptr_array_index (pool->proxies, i - 1);

      if (proxy->touchpoint == NULL)
        {
          g_clear_pointer (&proxy->widget, gtk_widget_unparent);
          g_ptr_array_remove_index_fast (pool->proxies, i - 1);
          next_spare++;
        }
    }

  for (guint i = 0; i < pool->proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (pool->proxies, i);

      if (proxy->touchpoint == NULL)
        continue;
      if (pool->slider)
        update_handle_proxy (self, proxy);
      else
        update_card_proxy (self, proxy);
    }
}

/* The cards in view, and the focused one wherever it is. */
static void
assign (JourneyCanvas *self)
{
  JourneyLayout *layout;
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) handles = g_array_new (FALSE, FALSE, sizeof (guint));
  JourneyRect visible;

  journey_canvas_update_layout (self);
  layout = self->layout;
  if (layout == NULL)
    {
      g_hash_table_remove_all (self->a11y->cards.by_touchpoint);
      g_hash_table_remove_all (self->a11y->handles.by_touchpoint);
      for (guint i = 0; i < self->a11y->cards.proxies->len; i++)
        {
          Proxy *proxy = g_ptr_array_index (self->a11y->cards.proxies, i);

          if (proxy->touchpoint != NULL)
            release (self, &self->a11y->cards, proxy);
        }
      for (guint i = 0; i < self->a11y->handles.proxies->len; i++)
        {
          Proxy *proxy = g_ptr_array_index (self->a11y->handles.proxies, i);

          if (proxy->touchpoint != NULL)
            release (self, &self->a11y->handles, proxy);
        }
      return;
    }

  journey_canvas_widget_to_map (self, 0, 0, &visible.x, &visible.y);
  visible.width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  visible.height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;

  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyLayoutCard *card = &layout->cards[c];
      gboolean focused = card->touchpoint == self->state.focused;

      if (focused || (cards->len < MAX_PROXIES && journey_rect_intersects (&card->rect, &visible)))
        g_array_append_val (cards, c);

      /* A handle in view has its slider, wherever its card is. */
      if (card->handle >= 0 && (guint) card->handle < layout->n_handles)
        {
          JourneyLayoutHandle *handle = &layout->handles[card->handle];
          JourneyRect rect = { handle->x - handle->radius, handle->y - handle->radius,
                               2 * handle->radius, 2 * handle->radius };

          if (focused || (handles->len < MAX_PROXIES && journey_rect_intersects (&rect, &visible)))
            g_array_append_val (handles, c);
        }
    }

  pool_assign (self, &self->a11y->cards, cards);
  pool_assign (self, &self->a11y->handles, handles);
}

static void
allocate_proxy (JourneyCanvas     *self,
                Proxy             *proxy,
                const JourneyRect *rect)
{
  double x0, y0;
  int min_w, min_h;
  GtkAllocation allocation;

  journey_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  gtk_widget_measure (proxy->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (proxy->widget, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
  allocation.x = (int) floor (x0);
  allocation.y = (int) floor (y0);
  allocation.width = MAX (min_w, MAX (1, (int) ceil (rect->width * self->zoom)));
  allocation.height = MAX (min_h, MAX (1, (int) ceil (rect->height * self->zoom)));
  gtk_widget_size_allocate (proxy->widget, &allocation, -1);
}

/* -- keys ----------------------------------------------------------------- */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JourneyCanvas         *self)
{
  JourneyCanvasA11y *a11y = self->a11y;
  Proxy *proxy;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean handled;

  proxy = proxy_of_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  if (a11y->forwarding || proxy == NULL || proxy->touchpoint == NULL)
    return FALSE;

  if (proxy->widget && JOURNEY_IS_CANVAS_HANDLE (proxy->widget) && mods == 0)
    {
      int step = 0;

      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
        case GDK_KEY_Page_Up:
        case GDK_KEY_KP_Page_Up:
          step = 1;
          break;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
        case GDK_KEY_Page_Down:
        case GDK_KEY_KP_Page_Down:
          step = -1;
          break;
        default:
          break;
        }
      if (step != 0)
        {
          set_satisfaction (self, proxy->touchpoint,
                            journey_map_get_satisfaction (self->map, proxy->touchpoint) + step);
          return TRUE;
        }
    }

  /* Tab: from a card to its slider, and from a slider back with
   * Shift+Tab. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && mods == 0 && JOURNEY_IS_CANVAS_ITEM (proxy->widget))
    {
      Proxy *handle = g_hash_table_lookup (a11y->handles.by_touchpoint, proxy->touchpoint);

      if (handle != NULL)
        return gtk_widget_grab_focus (handle->widget);
    }
  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK
      && JOURNEY_IS_CANVAS_HANDLE (proxy->widget))
    {
      Proxy *card = g_hash_table_lookup (a11y->cards.by_touchpoint, proxy->touchpoint);

      if (card != NULL)
        return gtk_widget_grab_focus (card->widget);
    }

  /* Everything else as if the canvas had the focus. */
  a11y->forwarding = TRUE;
  handled = gtk_event_controller_key_forward (controller, GTK_WIDGET (self));
  a11y->forwarding = FALSE;

  /* Shift+Tab into a card lands on its slider, the last of the two. */
  if (handled && (keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK)
    {
      Proxy *now = focused_proxy (self);
      Proxy *handle = now ? g_hash_table_lookup (a11y->handles.by_touchpoint, now->touchpoint) : NULL;

      if (handle != NULL && now != handle)
        gtk_widget_grab_focus (handle->widget);
    }
  return handled;
}

/* -- the canvas's side ---------------------------------------------------- */

void
journey_canvas_init_a11y (JourneyCanvas *self)
{
  self->a11y = g_new0 (JourneyCanvasA11y, 1);
  pool_init (&self->a11y->cards, FALSE);
  pool_init (&self->a11y->handles, TRUE);
}

void
journey_canvas_dispose_a11y (JourneyCanvas *self)
{
  if (self->a11y == NULL)
    return;
  g_clear_handle_id (&self->a11y->assign_id, g_source_remove);
  pool_clear (&self->a11y->cards);
  pool_clear (&self->a11y->handles);
  g_clear_pointer (&self->a11y, g_free);
}

/* Hands the children out again outside of the canvas's size_allocate:
 * adding, showing or hiding a child there would queue a resize in the
 * middle of a frame. */
static gboolean
assign_later (gpointer data)
{
  JourneyCanvas *self = data;

  self->a11y->assign_id = 0;
  self->a11y->changed = FALSE;
  assign (self);
  if (self->a11y->changed)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Lays the children over their cards and handles (from the canvas's
 * size_allocate), and has them handed out again to what is in view now. */
void
journey_canvas_allocate_a11y (JourneyCanvas *self)
{
  JourneyLayout *layout;

  if (self->a11y == NULL)
    return;
  if (self->a11y->assign_id == 0)
    self->a11y->assign_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, assign_later, self, NULL);

  journey_canvas_update_layout (self);
  layout = self->layout;
  if (layout == NULL)
    return;

  for (guint i = 0; i < self->a11y->cards.proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (self->a11y->cards.proxies, i);

      /* A card that went with the last layout waits to be handed out. */
      if (proxy->touchpoint == NULL || proxy->card >= layout->n_cards
          || layout->cards[proxy->card].touchpoint != proxy->touchpoint)
        continue;
      allocate_proxy (self, proxy, &layout->cards[proxy->card].rect);
    }
  for (guint i = 0; i < self->a11y->handles.proxies->len; i++)
    {
      Proxy *proxy = g_ptr_array_index (self->a11y->handles.proxies, i);
      JourneyLayoutHandle *handle;
      JourneyRect rect;

      if (proxy->touchpoint == NULL || proxy->card >= layout->n_cards
          || layout->cards[proxy->card].touchpoint != proxy->touchpoint
          || layout->cards[proxy->card].handle < 0)
        continue;
      handle = &layout->handles[layout->cards[proxy->card].handle];
      rect = (JourneyRect) { handle->x - handle->radius, handle->y - handle->radius,
                             2 * handle->radius, 2 * handle->radius };
      allocate_proxy (self, proxy, &rect);
    }
}

/* The canvas's focused touchpoint changed: its child takes the keyboard
 * focus if the canvas or one of its children had it. */
void
journey_canvas_focus_changed_a11y (JourneyCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  Proxy *proxy;

  if (self->a11y == NULL || focus == NULL
      || (focus != GTK_WIDGET (self) && proxy_of_widget (focus) == NULL))
    return;

  assign (self);
  proxy = self->state.focused ? g_hash_table_lookup (self->a11y->cards.by_touchpoint, self->state.focused) : NULL;
  if (proxy != NULL && focus != proxy->widget)
    {
      Proxy *handle = g_hash_table_lookup (self->a11y->handles.by_touchpoint, self->state.focused);

      /* Staying on the same touchpoint's slider is fine. */
      if (handle == NULL || focus != handle->widget)
        gtk_widget_grab_focus (proxy->widget);
    }
}

/* The canvas's focus vfunc: Tab from outside comes to the focused card's
 * child (or the canvas); from inside it leaves the canvas (the canvas's
 * own Tab binding walks the cards and gives up past either end). */
gboolean
journey_canvas_focus_a11y (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  Proxy *proxy;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return FALSE;

  if (self->a11y != NULL && self->state.focused != NULL)
    {
      assign (self);
      proxy = g_hash_table_lookup (self->a11y->cards.by_touchpoint, self->state.focused);
      if (proxy != NULL && gtk_widget_grab_focus (proxy->widget))
        return TRUE;
    }
  return gtk_widget_grab_focus (widget);
}
