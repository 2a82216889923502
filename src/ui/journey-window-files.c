/* journey-window-files.c: templates, recent files, dropped files
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-format.h"
#include "journey-preferences.h"
#include "journey-window-files.h"

#define TEMPLATES_PATH "/io/github/journeys/Journeys/templates/"

static gboolean
is_empty (JourneyWindow *self)
{
  JourneyDocument *document = journey_window_get_document (self);

  return journey_document_get_project (document) == NULL && !journey_document_get_busy (document);
}

void
journey_window_open_file (JourneyWindow *self,
                          GFile         *file)
{
  JourneyApplication *app;
  JourneyWindow *existing;

  g_return_if_fail (JOURNEY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = JOURNEY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  existing = app != NULL ? journey_application_find_window (app, file) : NULL;
  if (existing != NULL)
    gtk_window_present (GTK_WINDOW (existing));
  else if (is_empty (self))
    journey_window_load (self, file);
  else if (app != NULL)
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

JourneyWindow *
journey_window_new_from_template (JourneyWindow  *self,
                                  const char     *name,
                                  GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyWindow *window = self;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat (TEMPLATES_PATH, name, ".journey", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  project = journey_format_read_data (data, length, problems, error);
  if (project == NULL)
    return NULL;
  /* The blank map starts on the scale the preferences choose; the
   * examples keep theirs, which their touchpoints are on. */
  if (g_str_equal (name, "blank"))
    for (guint i = 0; i < journey_list_get_length (project->maps); i++)
      {
        g_autoptr(JourneyScale) scale = journey_preferences_new_default_scale ();

        g_object_set (journey_list_peek (project->maps, i), "scale", scale, NULL);
      }

  if (!is_empty (self))
    {
      window = journey_window_new (JOURNEY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (window));
    }
  journey_document_reset (journey_window_get_document (window), project);
  return window;
}

void
journey_window_new_from_template_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (journey_window_new_from_template (self, g_variant_get_string (parameter, NULL), &error) == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      journey_window_add_toast (self, toast);
    }
}

void
journey_window_open_recent_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  journey_window_open_file (JOURNEY_WINDOW (widget), file);
}

/* -- dropped files -------------------------------------------------------- */

static gboolean
on_drop (JourneyWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;
  gboolean any = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *basename = g_file_get_basename (l->data);

      /* Only journeys: an image dropped by mistake is not an error. */
      if (basename == NULL || !g_str_has_suffix (basename, ".journey"))
        continue;
      journey_window_open_file (self, l->data);
      any = TRUE;
    }
  g_slist_free (files);
  return any;
}

/* -- recent files --------------------------------------------------------- */

static void
on_file_changed (JourneyWindow   *self,
                 GParamSpec      *pspec,
                 JourneyDocument *document)
{
  GFile *file = journey_document_get_file (document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/x-journey";
  data.app_name = (char *) "Journeys";
  data.app_exec = (char *) "journeys %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
journey_window_files_init (JourneyWindow *self)
{
  GtkDropTarget *target;

  g_return_if_fail (JOURNEY_IS_WINDOW (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (journey_window_get_document (self), "notify::file", G_CALLBACK (on_file_changed), self,
                           G_CONNECT_SWAPPED);
}
