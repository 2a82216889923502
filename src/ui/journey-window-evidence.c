/* journey-window-evidence.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Survey evidence in the window: Import Survey… (the dialog is
 * journey-import-dialog.c), and following the sources that ask for it
 * (SPEC §11). */

#define G_LOG_DOMAIN "journey-window"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-evidence-follow.h"
#include "journey-import-dialog.h"
#include "journey-window-evidence.h"
#include "journey-window-private.h"

#define FOLLOWERS_KEY "journey-evidence-followers"

static GFile *
project_folder (JourneyWindow *self)
{
  GFile *file = journey_document_get_file (self->document);

  return file != NULL ? g_file_get_parent (file) : NULL;
}

/* -- Following ------------------------------------------------------------ */

static void
on_follow_updated (JourneyWindow         *self,
                   JourneyEvidenceFollow *follow)
{
  /* Marks the document changed and redraws; no undo step. */
  journey_history_changed_outside (journey_document_get_history (self->document));
}

/* What the followers were made for: each followed source's map, name,
 * file and window. */
static char *
followers_key (JourneyWindow *self)
{
  JourneyProject *project = journey_document_get_project (self->document);
  GString *key = g_string_new (NULL);

  for (guint m = 0; project != NULL && m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
        {
          JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);

          if (source->follow && source->path != NULL)
            g_string_append_printf (key, "%p\n%s\n%s\n%d\n%s\n", map, source->name, source->path,
                                    source->last_days, source->since ? source->since : "");
        }
    }
  return g_string_free (key, FALSE);
}

static void
update_followers (JourneyWindow *self)
{
  JourneyProject *project = journey_document_get_project (self->document);
  g_autoptr(GFile) folder = project_folder (self);
  g_autoptr(GFile) root = g_file_new_for_path ("/");
  GPtrArray *followers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint m = 0; project != NULL && m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
        {
          JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);
          g_autoptr(GError) error = NULL;
          JourneyEvidenceFollow *follow;

          if (!source->follow || source->path == NULL)
            continue;
          follow = journey_evidence_follow_new (map, source->name, folder != NULL ? folder : root, &error);
          if (follow == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("“%s” cannot be followed: %s"), source->name, error->message);

              journey_window_add_error_toast (self, message);
              continue;
            }
          g_signal_connect_object (follow, "updated", G_CALLBACK (on_follow_updated), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (followers, follow);
        }
    }
  g_object_set_data_full (G_OBJECT (self), FOLLOWERS_KEY, followers, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self), FOLLOWERS_KEY "-for", followers_key (self), g_free);
}

static gboolean
refollow (gpointer data)
{
  JourneyWindow *self = data;
  g_autofree char *key = followers_key (self);

  g_object_steal_data (G_OBJECT (self), FOLLOWERS_KEY "-idle");
  if (g_strcmp0 (key, g_object_get_data (G_OBJECT (self), FOLLOWERS_KEY "-for")) == 0)
    return G_SOURCE_REMOVE;
  update_followers (self);
  /* A source followed now was read whole: the map shows what it holds. */
  if (journey_window_get_n_followed (self) > 0)
    journey_history_changed_outside (journey_document_get_history (self->document));
  return G_SOURCE_REMOVE;
}

/* A source followed or no longer (from the inspector, or undone): the
 * followers change once the edit is done. */
static void
on_history_changed (JourneyWindow *self)
{
  g_autofree char *key = NULL;

  if (g_object_get_data (G_OBJECT (self), FOLLOWERS_KEY "-idle") != NULL)
    return;
  key = followers_key (self);
  if (g_strcmp0 (key, g_object_get_data (G_OBJECT (self), FOLLOWERS_KEY "-for")) == 0)
    return;
  g_object_set_data_full (G_OBJECT (self), FOLLOWERS_KEY "-idle",
                          GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_DEFAULT, refollow, self, NULL)),
                          (GDestroyNotify) g_source_remove);
}

guint
journey_window_get_n_followed (JourneyWindow *self)
{
  GPtrArray *followers = g_object_get_data (G_OBJECT (self), FOLLOWERS_KEY);

  return followers != NULL ? followers->len : 0;
}

/* -- Import --------------------------------------------------------------- */

static void
on_imported (JourneyWindow       *self,
             const char          *message,
             JourneyImportDialog *dialog)
{
  /* A toast's title is markup: file names and cells are only text. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  journey_window_add_toast (self, adw_toast_new (escaped));
}

JourneyImportDialog *
journey_window_show_import_dialog (JourneyWindow *self,
                                   GFile         *file)
{
  JourneyMap *map = journey_window_get_map (self);
  JourneyImportDialog *dialog;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (map == NULL)
    return NULL;
  dialog = journey_import_dialog_new (GTK_WINDOW (self), self->document, map, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_chooser_response (JourneyWindow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      journey_window_show_import_dialog (self, file);
    }
  g_clear_object (&self->chooser);
}

void
journey_window_import_survey_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* The format is told from the content; these are the usual names. */
  gtk_file_filter_set_name (filter, _("Survey exports (CSV, TSV, text)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import a Survey"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A file dropped on the window that is a survey export by its name: the
 * format itself is told from the content. */
gboolean
journey_window_is_survey_name (const char *basename)
{
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".txt");
}

void
journey_window_evidence_init (JourneyWindow *self)
{
  g_signal_connect_object (self->document, "notify::project", G_CALLBACK (update_followers), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (update_followers), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (journey_document_get_history (self->document), "changed", G_CALLBACK (on_history_changed),
                           self, G_CONNECT_SWAPPED);
}
