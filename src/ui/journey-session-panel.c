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
#include "journey-session-qr.h"
#include "journey-window-private.h"

/* -- The QR code, drawn as rectangles ------------------------------------ */

#define QR_QUIET 4

#define JOURNEY_TYPE_QR_VIEW (journey_qr_view_get_type ())
G_DECLARE_FINAL_TYPE (JourneyQrView, journey_qr_view, JOURNEY, QR_VIEW, GtkWidget)

struct _JourneyQrView
{
  GtkWidget  parent_instance;
  GBytes    *modules;
  guint      width;
};

G_DEFINE_FINAL_TYPE (JourneyQrView, journey_qr_view, GTK_TYPE_WIDGET)

static void
journey_qr_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JourneyQrView *self = JOURNEY_QR_VIEW (widget);
  const GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const guint8 *m;
  guint total;
  int module, side, x0, y0;

  if (self->modules == NULL)
    return;
  total = self->width + 2 * QR_QUIET;
  /* Whole pixels per module: sharp edges at any size. */
  module = MAX (1, MIN (w, h) / (int) total);
  side = module * (int) total;
  x0 = (w - side) / 2;
  y0 = (h - side) / 2;
  m = g_bytes_get_data (self->modules, NULL);

  /* Black on white in dark mode too: that is what readers expect. */
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  for (guint y = 0; y < self->width; y++)
    for (guint x = 0; x < self->width; x++)
      if (m[y * self->width + x])
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (x + QR_QUIET) * module, y0 + (y + QR_QUIET) * module,
                                                        module, module));
}

static void
journey_qr_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 160;
  *natural = 360;
}

static void
journey_qr_view_finalize (GObject *object)
{
  g_clear_pointer (&JOURNEY_QR_VIEW (object)->modules, g_bytes_unref);
  G_OBJECT_CLASS (journey_qr_view_parent_class)->finalize (object);
}

static void
journey_qr_view_class_init (JourneyQrViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = journey_qr_view_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = journey_qr_view_snapshot;
  GTK_WIDGET_CLASS (klass)->measure = journey_qr_view_measure;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
journey_qr_view_init (JourneyQrView *self)
{
}

/* -- The panel ----------------------------------------------------------- */

struct _JourneySessionPanel
{
  AdwWindow       parent_instance;

  JourneySession *session;
  JourneyQrView  *qr;
  GtkLabel       *address;
  GtkLabel       *code;
  GtkLabel       *participants;
  GtkSpinButton  *votes;
  GtkCheckButton *one_per_card;
  GtkCheckButton *hidden;
  GtkButton      *round_button;
  GtkSpinButton  *minutes;
  GtkSwitch      *paused;
};

G_DEFINE_FINAL_TYPE (JourneySessionPanel, journey_session_panel, ADW_TYPE_WINDOW)

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
build (JourneySessionPanel *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *round = gtk_button_new_with_mnemonic (_("_Open Voting Round"));
  GtkWidget *timer = gtk_button_new_with_mnemonic (_("Start _Timer"));
  GtkWidget *timer_stop = gtk_button_new_with_mnemonic (_("Stop T_imer"));
  GtkWidget *stop = gtk_button_new_with_mnemonic (_("_Stop Session"));
  GtkWidget *adopt = gtk_button_new_with_mnemonic (_("_Adopt the Room’s Rating for All Cards"));
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear the Room’s Ratings"));

  self->qr = g_object_new (JOURNEY_TYPE_QR_VIEW, "hexpand", TRUE, "vexpand", TRUE, NULL);
  self->address = GTK_LABEL (gtk_label_new (NULL));
  self->code = GTK_LABEL (gtk_label_new (NULL));
  self->participants = GTK_LABEL (gtk_label_new (NULL));
  self->votes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 20, 1));
  self->one_per_card = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("At Most One per _Card")));
  self->hidden = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Hide Results Until the End")));
  self->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 60, 1));
  self->paused = GTK_SWITCH (gtk_switch_new ());
  self->round_button = GTK_BUTTON (round);

  gtk_spin_button_set_value (self->votes, 3);
  gtk_spin_button_set_value (self->minutes, 10);
  gtk_check_button_set_active (self->hidden, TRUE);
  gtk_label_set_selectable (self->address, TRUE);
  gtk_label_set_wrap (self->address, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->address), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->code), "title-1");
  gtk_widget_add_css_class (stop, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the address"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->votes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Votes per person"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minutes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paused), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pause participation"), -1);

  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->qr));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->address));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->code));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->participants));
  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Votes per person")), GTK_WIDGET (self->votes),
                                          GTK_WIDGET (self->one_per_card), GTK_WIDGET (self->hidden), NULL));
  gtk_box_append (GTK_BOX (content), round);
  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Minutes")), GTK_WIDGET (self->minutes), timer,
                                          timer_stop, NULL));
  gtk_box_append (GTK_BOX (content), row (gtk_label_new (_("Pause participation")), GTK_WIDGET (self->paused),
                                          NULL));
  gtk_box_append (GTK_BOX (content), row (adopt, clear, NULL));
  gtk_box_append (GTK_BOX (content), stop);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  g_signal_connect_object (round, "clicked", G_CALLBACK (on_round_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (timer, "clicked", G_CALLBACK (on_timer_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (timer_stop, "clicked", G_CALLBACK (on_timer_stop_clicked), self, G_CONNECT_SWAPPED);
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

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION_PANEL, NULL);
  self->session = g_object_ref (session);
  server = journey_session_get_server (session);
  url = journey_session_get_url (session);
  self->qr->modules = journey_session_qr_new (url, &self->qr->width);
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

/* -- The window's action ------------------------------------------------- */

static void
on_panel_destroy (GtkWidget     *panel,
                  JourneyWindow *window)
{
  g_object_set_data (G_OBJECT (window), "journey-session-panel", NULL);
  journey_canvas_follow_session (window->canvas, NULL);
}

void
journey_window_start_session_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyWindow *window = JOURNEY_WINDOW (widget);
  GtkWindow *panel = g_object_get_data (G_OBJECT (window), "journey-session-panel");
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
  g_object_set_data (G_OBJECT (window), "journey-session-panel", panel);
  g_signal_connect_object (panel, "destroy", G_CALLBACK (on_panel_destroy), window, 0);
  /* The cards count what participants send. */
  journey_canvas_follow_session (window->canvas, session);
  gtk_window_present (panel);
}
