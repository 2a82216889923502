/* journey-session-overlay.c: the session's address, QR code, join code and
 * timer in a corner of presentation mode.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-qr-view.h"
#include "journey-session-overlay.h"
#include "journey-session-timer.h"

/* The QR code's side: readable by a phone from the middle of a room on a
 * projector, small beside the map. */
#define QR_SIZE 176

struct _JourneySessionOverlay
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (JourneySessionOverlay, journey_session_overlay, GTK_TYPE_WIDGET)

static void
journey_session_overlay_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (journey_session_overlay_parent_class)->dispose (object);
}

static void
journey_session_overlay_class_init (JourneySessionOverlayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = journey_session_overlay_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journey-session-overlay");
}

static void
journey_session_overlay_init (JourneySessionOverlay *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_END);
  /* It shows; the canvas under it takes the clicks. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * journey_session_overlay_new:
 *
 * Returns: (transfer floating): the corner of @session, a running session
 */
GtkWidget *
journey_session_overlay_new (JourneySession *session)
{
  GtkWidget *self;
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  GtkWidget *join, *address, *code_label, *timer, *qr;

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION_OVERLAY, NULL);
  url = journey_session_get_url (session);
  /* The same words as the panel's. */
  code = g_strdup_printf (_("Join code: %s"), journey_session_server_get_code (journey_session_get_server (session)));

  qr = journey_qr_view_new (url, QR_SIZE, QR_SIZE);
  join = gtk_label_new (_("Join the workshop"));
  address = gtk_label_new (url);
  code_label = gtk_label_new (code);
  timer = journey_session_timer_new (session);
  gtk_widget_add_css_class (join, "dim-label");
  gtk_widget_add_css_class (address, "title-4");
  gtk_widget_add_css_class (code_label, "title-1");
  gtk_widget_add_css_class (timer, "title-2");
  gtk_label_set_xalign (GTK_LABEL (join), 0);
  gtk_label_set_xalign (GTK_LABEL (address), 0);
  gtk_label_set_xalign (GTK_LABEL (code_label), 0);
  gtk_widget_set_halign (timer, GTK_ALIGN_START);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (words), join);
  gtk_box_append (GTK_BOX (words), address);
  gtk_box_append (GTK_BOX (words), code_label);
  gtk_box_append (GTK_BOX (words), timer);
  gtk_widget_set_parent (qr, self);
  gtk_widget_set_parent (words, self);
  return self;
}
