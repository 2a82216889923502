/* journey-session-panel.c: the facilitator's window of a workshop session.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-edit.h"
#include "journey-session-panel.h"
#include "journey-qr-view.h"
#include "journey-session-comments.h"
#include "journey-session-overlay.h"
#include "journey-session-timer.h"
#include "journey-window-private.h"

/* -- The panel ----------------------------------------------------------- */

struct _JourneySessionPanel
{
  AdwWindow        parent_instance;

  JourneySession  *session;
  GtkBox          *content;
  GtkLabel        *address;
  GtkLabel        *code;
  GtkLabel        *participants;
  GtkSpinButton   *votes;
  GtkCheckButton  *one_per_card;
  GtkCheckButton  *hidden;
  GtkButton       *round_button;
  GtkSpinButton   *minutes;
  GtkToggleButton *timer_pause;
  GtkSwitch       *paused;
  GtkSwitch       *show_in_presentation;
};

G_DEFINE_FINAL_TYPE (JourneySessionPanel, journey_session_panel, ADW_TYPE_WINDOW)

/* Widgets side by side. */
static GtkWidget *
row (GtkWidget *first,
     ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  va_list args;

  va_start (args, first);
  for (GtkWidget *each = first; each != NULL; each = va_arg (args, GtkWidget *))
    gtk_box_append (GTK_BOX (box), each);
  va_end (args);
  return box;
}

static void
update_participants (JourneySessionPanel *self)
{
  JourneySessionServer *server = journey_session_get_server (self->session);
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *roles = journey_session_get_roles ();
  guint all = journey_session_server_count_role (server, NULL);
  gboolean first = TRUE;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", all), all);
  for (guint i = 0; roles[i] != NULL; i++)
    {
      guint n = journey_session_server_count_role (server, roles[i]);

      if (n > 0)
        g_string_append_printf (text, "%s%s %u", first ? " · " : ", ", journey_session_get_role_label (roles[i]), n);
      first = first && n == 0;
    }
  gtk_label_set_text (self->participants, text->str);
}

static void
on_round_clicked (JourneySessionPanel *self)
{
  gboolean open = journey_session_server_is_voting (journey_session_get_server (self->session));

  if (open)
    journey_session_close_round (self->session);
  else
    journey_session_open_round (self->session, (guint) gtk_spin_button_get_value_as_int (self->votes),
                                gtk_check_button_get_active (self->one_per_card),
                                gtk_check_button_get_active (self->hidden));
  gtk_button_set_label (self->round_button, open ? _("_Open Voting Round") : _("_Close Voting Round and Show Votes"));
  gtk_button_set_use_underline (self->round_button, TRUE);
}

static void
on_timer_clicked (JourneySessionPanel *self)
{
  journey_session_start_timer (self->session, (guint) gtk_spin_button_get_value_as_int (self->minutes) * 60);
}

static void
on_timer_stop_clicked (JourneySessionPanel *self)
{
  journey_session_start_timer (self->session, 0);
}

static void
on_timer_add_clicked (JourneySessionPanel *self)
{
  journey_session_add_timer_minute (self->session);
}

static void
on_timer_pause_toggled (JourneySessionPanel *self)
{
  journey_session_pause_timer (self->session, gtk_toggle_button_get_active (self->timer_pause));
}

/* The pause button follows the timer: it pauses a running timer, resumes
 * a paused one, and is off when none runs. */
static void
on_timer_changed (JourneySessionPanel *self)
{
  gboolean paused = FALSE;
  guint seconds = 0;
  gboolean set = journey_session_get_timer (self->session, &seconds, &paused);

  g_signal_handlers_block_by_func (self->timer_pause, on_timer_pause_toggled, self);
  gtk_toggle_button_set_active (self->timer_pause, paused);
  g_signal_handlers_unblock_by_func (self->timer_pause, on_timer_pause_toggled, self);
  gtk_button_set_label (GTK_BUTTON (self->timer_pause), paused ? _("_Resume Timer") : _("_Pause Timer"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->timer_pause), set && (paused || seconds > 0));
}

static void
on_timer_ended (JourneySessionPanel *self)
{
  journey_session_timer_ring (GTK_WIDGET (self));
  on_timer_changed (self);
}

/* The timer: minutes, start, one more minute, pause, stop, and what is
 * left. */
static GtkWidget *
build_timer (JourneySessionPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *start = gtk_button_new_with_mnemonic (_("Start _Timer"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("+1 _Min"));
  GtkWidget *stop = gtk_button_new_with_mnemonic (_("Stop T_imer"));

  self->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 60, 1));
  self->timer_pause = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Pause Timer")));
  gtk_spin_button_set_value (self->minutes, 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minutes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes"), -1);
  gtk_widget_set_tooltip_text (add, _("One more minute"));
  gtk_box_append (GTK_BOX (box), row (gtk_label_new (_("Minutes")), GTK_WIDGET (self->minutes), start, add,
                                      GTK_WIDGET (self->timer_pause), stop, NULL));
  gtk_box_append (GTK_BOX (box), journey_session_timer_new (self->session));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "title-3");
  gtk_widget_set_halign (gtk_widget_get_last_child (box), GTK_ALIGN_START);

  g_signal_connect_object (start, "clicked", G_CALLBACK (on_timer_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_timer_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stop, "clicked", G_CALLBACK (on_timer_stop_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer_pause, "toggled", G_CALLBACK (on_timer_pause_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "timer-changed", G_CALLBACK (on_timer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "timer-ended", G_CALLBACK (on_timer_ended), self, G_CONNECT_SWAPPED);
  on_timer_changed (self);
  return box;
}

static void
on_paused (JourneySessionPanel *self)
{
  journey_session_set_paused (self->session, gtk_switch_get_active (self->paused));
}

/* The facilitator's own edits: each one undo step. */
static void
on_adopt_clicked (JourneySessionPanel *self)
{
  JourneyMap *map = journey_session_get_map (self->session);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    g_ptr_array_add (all, journey_list_peek (map->touchpoints, i));
  journey_edit_adopt_room (journey_session_get_history (self->session), map,
                           (JourneyTouchpoint *const *) all->pdata, all->len);
}

static void
on_clear_clicked (JourneySessionPanel *self)
{
  journey_edit_clear_room (journey_session_get_history (self->session), journey_session_get_map (self->session));
}


/* What does not depend on the session: the address and the code come
 * with it (journey_session_panel_new()). */
static void
build (JourneySessionPanel *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->content = GTK_BOX (content);
  self->address = GTK_LABEL (gtk_label_new (NULL));
  self->code = GTK_LABEL (gtk_label_new (NULL));
  self->participants = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->address, TRUE);
  gtk_label_set_wrap (self->address, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->address), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->code), "title-1");

  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->address));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->code));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->participants));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

/* The controls of @self->session, under the address and the code. */
static void
build_controls (JourneySessionPanel *self)
{
  GtkWidget *content = GTK_WIDGET (self->content);
  GtkWidget *round = gtk_button_new_with_mnemonic (_("_Open Voting Round"));
  GtkWidget *stop = gtk_button_new_with_mnemonic (_("_Stop Session"));
  GtkWidget *adopt = gtk_button_new_with_mnemonic (_("_Adopt the Room’s Rating for All Cards"));
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear the Room’s Ratings"));
  GtkWidget *comments = gtk_label_new (_("Comments"));

  self->votes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 20, 1));
  self->one_per_card = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("At Most One per _Card")));
  self->hidden = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Hide Results Until the End")));
  self->paused = GTK_SWITCH (gtk_switch_new ());
  self->show_in_presentation = GTK_SWITCH (gtk_switch_new ());
  self->round_button = GTK_BUTTON (round);

  gtk_spin_button_set_value (self->votes, 3);
  gtk_check_button_set_active (self->hidden, TRUE);
  gtk_switch_set_active (self->show_in_presentation, TRUE);
  gtk_widget_add_css_class (stop, "destructive-action");
  gtk_widget_add_css_class (comments, "heading");
  gtk_widget_set_halign (comments, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->votes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Votes per person"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paused), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pause participation"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_in_presentation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the address in presentation mode"), -1);

  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Show the address in presentation mode")),
                                          GTK_WIDGET (self->show_in_presentation), NULL));
  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Votes per person")), GTK_WIDGET (self->votes),
                                          GTK_WIDGET (self->one_per_card), GTK_WIDGET (self->hidden), NULL));
  gtk_box_append (GTK_BOX (content), round);
  gtk_box_append (GTK_BOX (content), build_timer (self));
  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Pause participation")), GTK_WIDGET (self->paused),
                                          NULL));
  gtk_box_append (GTK_BOX (content), row (adopt, clear, NULL));
  gtk_box_append (GTK_BOX (content), comments);
  gtk_box_append (GTK_BOX (content), journey_session_comments_new (self->session));
  gtk_box_append (GTK_BOX (content), stop);

  g_signal_connect_object (round, "clicked", G_CALLBACK (on_round_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paused, "notify::active", G_CALLBACK (on_paused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adopt, "clicked", G_CALLBACK (on_adopt_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (on_clear_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stop, "clicked", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
}

static void
journey_session_panel_dispose (GObject *object)
{
  JourneySessionPanel *self = JOURNEY_SESSION_PANEL (object);

  if (self->session != NULL)
    journey_session_stop (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (journey_session_panel_parent_class)->dispose (object);
}

static void
journey_session_panel_class_init (JourneySessionPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = journey_session_panel_dispose;
}

static void
journey_session_panel_init (JourneySessionPanel *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Workshop Session"));
  /* Wide enough for the address, the QR code and the join code side by
   * side in every language (German is the longest). */
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 860);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);
  build (self);
}

/**
 * journey_session_panel_new:
 * @session: a running session
 *
 * Returns: (transfer full): a panel that shows @session and stops it when
 *   it closes
 */
JourneySessionPanel *
journey_session_panel_new (JourneySession *session)
{
  JourneySessionPanel *self;
  JourneySessionServer *server;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  GtkWidget *qr;

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION_PANEL, NULL);
  self->session = g_object_ref (session);
  server = journey_session_get_server (session);
  url = journey_session_get_url (session);
  qr = journey_qr_view_new (url, 240, 360);
  gtk_widget_set_hexpand (qr, TRUE);
  gtk_widget_set_vexpand (qr, TRUE);
  gtk_box_prepend (self->content, qr);
  build_controls (self);
  gtk_label_set_text (self->address, url);
  code = g_strdup_printf (_("Join code: %s"), journey_session_server_get_code (server));
  gtk_label_set_text (self->code, code);
  update_participants (self);
  g_signal_connect_object (session, "changed", G_CALLBACK (update_participants), self, G_CONNECT_SWAPPED);
  return self;
}

JourneySession *
journey_session_panel_get_session (JourneySessionPanel *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_PANEL (self), NULL);

  return self->session;
}

/* -- The window's session ------------------------------------------------ */

#define PANEL_KEY "journey-session-panel"
#define HEADER_TIMER_KEY "journey-session-header-timer"
#define OVERLAY_KEY "journey-session-overlay"

static JourneySessionPanel *
get_panel (JourneyWindow *window)
{
  return g_object_get_data (G_OBJECT (window), PANEL_KEY);
}

/**
 * journey_window_get_session_panel:
 *
 * Returns: (transfer none) (nullable): the panel of @window's running
 *   session
 */
JourneySessionPanel *
journey_window_get_session_panel (JourneyWindow *window)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), NULL);

  return get_panel (window);
}

/* The widget that the canvas's overlay holds (the scroller of the
 * canvas), which makes room for the session's corner. */
static GtkWidget *
get_canvas_frame (JourneyWindow *window)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (window->canvas), GTK_TYPE_SCROLLED_WINDOW);
}

/* Room for @corner beside the map (TRUE) or under it (FALSE): wherever
 * the whole map, fitted to what is left, shows larger. */
static gboolean
corner_beside (JourneyWindow *window,
               GtkWidget     *corner,
               int            corner_width,
               int            corner_height)
{
  JourneyLayout *layout = journey_canvas_get_layout (window->canvas);
  GtkWidget *area = gtk_widget_get_parent (corner);
  double width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);

  if (layout == NULL || layout->width <= 0 || layout->height <= 0)
    return FALSE;
  return MIN ((width - corner_width) / layout->width, height / layout->height) >
         MIN (width / layout->width, (height - corner_height) / layout->height);
}

/**
 * journey_window_sync_session_overlay:
 *
 * Shows the session's corner while presenting, when the facilitator
 * wants it there, and makes room for it beside or under the map
 * (whichever leaves the map larger) so that it never hides a card; hides
 * it otherwise.  Presenting calls it whenever the window's size changes.
 */
void
journey_window_sync_session_overlay (JourneyWindow *window)
{
  JourneySessionPanel *panel = get_panel (window);
  GtkWidget *corner = g_object_get_data (G_OBJECT (window), OVERLAY_KEY);
  GtkWidget *frame;
  int width = 0, height = 0;
  gboolean show, beside = FALSE;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  frame = get_canvas_frame (window);
  show = corner != NULL && panel != NULL && gtk_switch_get_active (panel->show_in_presentation) &&
         journey_presentation_is_active (window);
  if (corner != NULL)
    gtk_widget_set_visible (corner, show);
  if (show)
    {
      gtk_widget_measure (corner, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (corner, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      width += gtk_widget_get_margin_start (corner) + gtk_widget_get_margin_end (corner);
      height += gtk_widget_get_margin_top (corner) + gtk_widget_get_margin_bottom (corner);
      beside = corner_beside (window, corner, width, height);
    }
  /* Presenting fits the map to what is left of the screen. */
  gtk_widget_set_margin_end (frame, show && beside ? width : 0);
  gtk_widget_set_margin_bottom (frame, show && !beside ? height : 0);
}

/**
 * journey_window_toggle_session_overlay:
 *
 * Shows or hides the session's corner of presentation mode.
 *
 * Returns: whether a session runs (else nothing happens)
 */
gboolean
journey_window_toggle_session_overlay (JourneyWindow *window)
{
  JourneySessionPanel *panel;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), FALSE);

  panel = get_panel (window);
  if (panel == NULL)
    return FALSE;
  gtk_switch_set_active (panel->show_in_presentation, !gtk_switch_get_active (panel->show_in_presentation));
  return TRUE;
}

static gboolean
destroy_panel_and_close (gpointer data)
{
  JourneyWindow *window = data;
  JourneySessionPanel *panel = get_panel (window);

  if (panel != NULL)
    gtk_window_destroy (GTK_WINDOW (panel));
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_stop_response (JourneyWindow *window,
                  const char    *response)
{
  /* Once the dialog, still answering, has closed. */
  if (g_str_equal (response, "stop"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_panel_and_close, g_object_ref (window), g_object_unref);
}

/**
 * journey_window_ask_stop_session:
 *
 * Before @window closes: while participants are connected (they joined,
 * or a page follows the session), asks whether to stop the session.
 * "Stop Session and Close" stops it and closes the window again (which may
 * then ask about unsaved changes).
 *
 * Returns: %TRUE when it asked: the window stays for now
 */
gboolean
journey_window_ask_stop_session (JourneyWindow *window)
{
  JourneySessionPanel *panel;
  JourneySessionServer *server;
  GtkWidget *dialog;
  guint joined;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), FALSE);

  panel = get_panel (window);
  if (panel == NULL || !journey_session_is_running (panel->session))
    return FALSE;
  server = journey_session_get_server (panel->session);
  joined = journey_session_server_count_role (server, NULL);
  if (joined == 0 && journey_session_server_count_streams (server) == 0)
    return FALSE;

  dialog = GTK_WIDGET (journey_window_new_question (window, _("Stop the Workshop Session?"), "stop",
                                                    _("_Stop Session and Close"), G_CALLBACK (on_stop_response),
                                                    window));
  if (joined > 0)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "%u participant joined the session. Closing the window stops it: "
                                                 "their page can no longer send anything.",
                                                 "%u participants joined the session. Closing the window stops it: "
                                                 "their pages can no longer send anything.", joined),
                                    joined);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Participants have the session’s page open. Closing the window stops the "
                                   "session."));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* -- The window's action ------------------------------------------------- */

/* The window forgets the panel, and what showed the session in it. */
static void
on_panel_destroy (GtkWidget     *panel,
                  JourneyWindow *window)
{
  GtkWidget *timer = g_object_get_data (G_OBJECT (window), HEADER_TIMER_KEY);
  GtkWidget *overlay = g_object_get_data (G_OBJECT (window), OVERLAY_KEY);

  g_object_set_data (G_OBJECT (window), HEADER_TIMER_KEY, NULL);
  g_object_set_data (G_OBJECT (window), OVERLAY_KEY, NULL);
  g_object_set_data (G_OBJECT (window), PANEL_KEY, NULL);
  /* The window going takes them with it, the canvas its count too. */
  if (gtk_widget_in_destruction (GTK_WIDGET (window)))
    return;
  journey_canvas_follow_session (window->canvas, NULL);
  if (timer != NULL)
    adw_header_bar_remove (ADW_HEADER_BAR (window->header_bar), timer);
  if (overlay != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (gtk_widget_get_parent (overlay)), overlay);
  journey_window_sync_session_overlay (window);
}

/* The timer in the header bar, and the corner of presentation mode. */
static void
show_in_window (JourneyWindow       *window,
                JourneySessionPanel *panel)
{
  GtkWidget *frame = get_canvas_frame (window);
  GtkWidget *overlay = gtk_widget_get_parent (frame);
  GtkWidget *timer = journey_session_timer_new (panel->session);
  GtkWidget *corner = journey_session_overlay_new (panel->session);

  adw_header_bar_pack_end (ADW_HEADER_BAR (window->header_bar), timer);
  g_object_set_data (G_OBJECT (window), HEADER_TIMER_KEY, timer);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), corner);
  gtk_widget_set_visible (corner, FALSE);
  g_object_set_data (G_OBJECT (window), OVERLAY_KEY, corner);
  g_signal_connect_object (panel->show_in_presentation, "notify::active",
                           G_CALLBACK (journey_window_sync_session_overlay), window, G_CONNECT_SWAPPED);
  journey_window_sync_session_overlay (window);
}

void
journey_window_start_session_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyWindow *window = JOURNEY_WINDOW (widget);
  GtkWindow *panel = GTK_WINDOW (get_panel (window));
  JourneyMap *map = journey_window_get_map (window);
  g_autoptr(JourneySession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (panel != NULL)
    {
      gtk_window_present (panel);
      return;
    }
  if (map == NULL)
    return;

  session = journey_session_new (journey_document_get_history (window->document), map);
  if (!journey_session_start (session, &error))
    {
      adw_toast_overlay_add_toast (window->toast_overlay, adw_toast_new (error->message));
      return;
    }
  panel = GTK_WINDOW (journey_session_panel_new (session));
  gtk_window_set_transient_for (panel, GTK_WINDOW (window));
  /* The window forgets the panel when it closes. */
  g_object_set_data (G_OBJECT (window), PANEL_KEY, panel);
  g_signal_connect_object (panel, "destroy", G_CALLBACK (on_panel_destroy), window, 0);
  show_in_window (window, JOURNEY_SESSION_PANEL (panel));
  /* The cards count what participants send. */
  journey_canvas_follow_session (window->canvas, session);
  gtk_window_present (panel);
}
