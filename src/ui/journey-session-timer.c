/* journey-session-timer.c: the timer of a workshop session in the window.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-session-timer.h"

/* The freedesktop sound theme's "complete" sound, where it is installed. */
#define END_SOUND "sounds/freedesktop/stereo/complete.oga"

struct _JourneySessionTimer
{
  GtkWidget       parent_instance;

  JourneySession *session;
  GtkLabel       *label;
  guint           second_id;
};

G_DEFINE_FINAL_TYPE (JourneySessionTimer, journey_session_timer, GTK_TYPE_WIDGET)

/**
 * journey_session_format_timer:
 *
 * The same words as the participants' page (and the same translations).
 *
 * Returns: (transfer full) (nullable): what the timer says
 */
char *
journey_session_format_timer (JourneySession *session)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *clock = NULL;
  gboolean paused;
  guint seconds;

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  if (!journey_session_get_timer (session, &seconds, &paused))
    return NULL;
  if (seconds == 0 && !paused)
    return g_strdup (_("Time is up."));
  clock = g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
  text = g_string_new (paused ? _("Timer paused: {t} left") : _("Time left: {t}"));
  g_string_replace (text, "{t}", clock, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean update (gpointer user_data);

static void
on_timer_changed (JourneySessionTimer *self)
{
  g_autofree char *text = journey_session_format_timer (self->session);
  gboolean paused = FALSE;
  guint seconds = 0;
  gboolean set = journey_session_get_timer (self->session, &seconds, &paused);

  gtk_label_set_text (self->label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
  /* Each second while it runs. */
  if (set && !paused && seconds > 0)
    {
      if (self->second_id == 0)
        self->second_id = g_timeout_add (250, update, self);
    }
  else
    g_clear_handle_id (&self->second_id, g_source_remove);
}

static gboolean
update (gpointer user_data)
{
  JourneySessionTimer *self = user_data;
  g_autofree char *text = journey_session_format_timer (self->session);

  if (g_strcmp0 (text, gtk_label_get_text (self->label)) != 0)
    {
      guint seconds = 0;

      journey_session_get_timer (self->session, &seconds, NULL);
      if (seconds == 0)
        {
          self->second_id = 0;
          on_timer_changed (self);
          return G_SOURCE_REMOVE;
        }
      gtk_label_set_text (self->label, text ? text : "");
    }
  return G_SOURCE_CONTINUE;
}

static void
on_media_ended (GtkMediaStream *stream)
{
  if (gtk_media_stream_get_ended (stream) || gtk_media_stream_get_error (stream) != NULL)
    {
      g_signal_handlers_disconnect_by_func (stream, on_media_ended, NULL);
      g_object_unref (stream);
    }
}

/**
 * journey_session_timer_ring:
 * @widget: where the error bell rings when there is no sound to play
 */
void
journey_session_timer_ring (GtkWidget *widget)
{
  const char * const *dirs = g_get_system_data_dirs ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], END_SOUND, NULL);
      GtkMediaStream *stream;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      stream = gtk_media_file_new_for_filename (path);
      if (gtk_media_stream_get_error (stream) != NULL)
        {
          g_object_unref (stream);
          break;
        }
      /* It lets itself go once played (or when it cannot be). */
      g_signal_connect (stream, "notify::ended", G_CALLBACK (on_media_ended), NULL);
      g_signal_connect (stream, "notify::error", G_CALLBACK (on_media_ended), NULL);
      gtk_media_stream_play (stream);
      return;
    }
  gtk_widget_error_bell (widget);
}

static void
journey_session_timer_dispose (GObject *object)
{
  JourneySessionTimer *self = JOURNEY_SESSION_TIMER (object);

  g_clear_handle_id (&self->second_id, g_source_remove);
  g_clear_object (&self->session);
  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;

  G_OBJECT_CLASS (journey_session_timer_parent_class)->dispose (object);
}

static void
journey_session_timer_class_init (JourneySessionTimerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = journey_session_timer_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journey-session-timer");
}

static void
journey_session_timer_init (JourneySessionTimer *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * journey_session_timer_new:
 *
 * Returns: (transfer floating): the timer of @session, kept up to date
 */
GtkWidget *
journey_session_timer_new (JourneySession *session)
{
  JourneySessionTimer *self;

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION_TIMER, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "timer-changed", G_CALLBACK (on_timer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "timer-ended", G_CALLBACK (on_timer_changed), self, G_CONNECT_SWAPPED);
  on_timer_changed (self);
  return GTK_WIDGET (self);
}

const char *
journey_session_timer_get_text (JourneySessionTimer *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_TIMER (self), NULL);

  return gtk_label_get_text (self->label);
}
