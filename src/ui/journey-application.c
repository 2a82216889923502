/* journey-application.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-application"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-application.h"
#include "journey-autosave.h"
#include "journey-preferences.h"
#include "journey-window.h"
#include "journey-window-files.h"

struct _JourneyApplication
{
  AdwApplication parent_instance;

  /* The drafts of the last session are offered once, at the start. */
  gboolean       drafts_restored;
};

G_DEFINE_FINAL_TYPE (JourneyApplication, journey_application, ADW_TYPE_APPLICATION)

/* Journeys that were never saved, left as drafts by a session that
 * crashed (or was killed): each opens in a window of its own, unsaved,
 * with a toast that says so, as GNOME Text Editor restores its drafts.
 * Returns the last window opened, or NULL. */
static GtkWindow *
restore_drafts (JourneyApplication *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  GtkWindow *last = NULL;

  if (self->drafts_restored)
    return NULL;
  self->drafts_restored = TRUE;

  ids = journey_draft_list ();
  for (guint i = 0; i < ids->len; i++)
    {
      JourneyWindow *window = journey_window_new (self);
      g_autoptr(GError) error = NULL;

      if (!journey_window_open_draft (window, g_ptr_array_index (ids, i), &error))
        {
          /* Kept, not deleted: it may be read by a later version. */
          g_message ("Cannot recover the draft %s: %s", (char *) g_ptr_array_index (ids, i), error->message);
          gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }
      gtk_window_present (GTK_WINDOW (window));
      last = GTK_WINDOW (window);
    }
  return last;
}

static void
journey_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *recovered = restore_drafts (JOURNEY_APPLICATION (app));

  /* The drafts recovered are what the start shows; else an empty window. */
  if (window == NULL)
    window = recovered;
  if (window == NULL)
    window = GTK_WINDOW (journey_window_new (JOURNEY_APPLICATION (app)));
  gtk_window_present (window);
}

static void
journey_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  restore_drafts (JOURNEY_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      JourneyWindow *window = journey_application_find_window (JOURNEY_APPLICATION (app), files[i]);

      /* One window per journey: opening it again shows that window. */
      if (window == NULL)
        {
          window = journey_window_new (JOURNEY_APPLICATION (app));
          journey_window_load (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Journeys developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Journeys"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Journeys developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Map customer journeys in workshops"),
                         "website", "https://github.com/journeys/journeys",
                         "issue-url", "https://github.com/journeys/journeys/issues",
                         "copyright", _("© 2026 The Journeys developers"),
                         "developers", developers,
                         /* Translators: your names, one a line, with e-mail
                          * addresses in <> if you like; shown in About */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (journey_window_new (JOURNEY_APPLICATION (user_data))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *preferences = journey_preferences_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:journeys", GDK_CURRENT_TIME);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Each window asks about its unsaved changes before it goes. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
journey_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "help", help_action },
    { "preferences", preferences_action },
    { "new-window", new_window_action },
    { "quit", quit_action },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  const char *open_accels[] = { "<Control>o", NULL };
  const char *save_accels[] = { "<Control>s", NULL };
  const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  const char *undo_accels[] = { "<Control>z", NULL };
  const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *zoom_in_accels[] = { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL };
  const char *zoom_out_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  const char *zoom_fit_accels[] = { "<Control>0", "<Control>KP_0", NULL };
  const char *zoom_reset_accels[] = { "<Control>1", "<Control>KP_1", NULL };
  const char *export_accels[] = { "<Control><Shift>e", NULL };
  const char *export_again_accels[] = { "<Control>e", NULL };
  const char *print_accels[] = { "<Control>p", NULL };
  const char *present_accels[] = { "F5", NULL };

  G_APPLICATION_CLASS (journey_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.zoom-in", zoom_in_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.zoom-out", zoom_out_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.zoom-fit", zoom_fit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.zoom-reset", zoom_reset_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-again", export_again_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.present", present_accels);
}

static void
journey_application_class_init (JourneyApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = journey_application_activate;
  app_class->open = journey_application_open;
  app_class->startup = journey_application_startup;
}

static void
journey_application_init (JourneyApplication *self)
{
}

JourneyApplication *
journey_application_new (void)
{
  return g_object_new (JOURNEY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/journeys/Journeys",
                       NULL);
}

/**
 * journey_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window that has @file open
 */
JourneyWindow *
journey_application_find_window (JourneyApplication *self,
                                 GFile              *file)
{
  g_return_val_if_fail (JOURNEY_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *open;

      if (!JOURNEY_IS_WINDOW (l->data))
        continue;
      open = journey_document_get_file (journey_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}
