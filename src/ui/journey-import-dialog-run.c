/* journey-import-dialog-run.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Import Survey dialog's import: the file read in a worker thread
 * against a snapshot of the map, a progress bar from the bytes read,
 * Cancel; then, on the main thread, the aggregates put into the document
 * as one undo step (journey_evidence_apply_import(), which replaces a
 * source imported before). */

#define G_LOG_DOMAIN "journey-import"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-evidence.h"
#include "journey-import-dialog-private.h"

typedef struct
{
  JourneyMap           *snapshot;  /* what the worker thread reads */
  GFile                *file;
  JourneySurveyOptions  options;
  JourneySurveyImport  *import;
  guint64               size;      /* of the file, for the progress */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->snapshot);
  g_clear_object (&data->file);
  journey_survey_options_clear (&data->options);
  g_clear_pointer (&data->import, journey_survey_import_free);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *error = NULL;

  stream = g_file_read (data->file, cancellable, &error);
  if (stream != NULL &&
      journey_survey_import_read (data->import, G_INPUT_STREAM (stream), cancellable, &error) &&
      journey_survey_import_end (data->import, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
on_progress (gpointer user_data)
{
  JourneyImportDialog *self = user_data;
  ImportData *data = self->running;
  guint64 read;

  if (data == NULL)
    return G_SOURCE_CONTINUE;
  read = journey_survey_import_get_bytes_read (data->import);
  if (data->size > 0)
    {
      g_autofree char *done = g_format_size (read);
      g_autofree char *total = g_format_size (data->size);
      /* Translators: "1.2 MB of 30.5 MB" */
      g_autofree char *text = g_strdup_printf (_("%s of %s"), done, total);

      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) read / data->size));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_running (JourneyImportDialog *self,
             gboolean             running)
{
  gtk_widget_set_sensitive (self->content_box, !running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  if (!running)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      g_clear_object (&self->cancellable);
      self->running = NULL;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", !running && self->valid);
}

/* "Imported 120 rows from “survey.csv”, 3 skipped (line 12: …)" */
static char *
report (ImportData *data)
{
  g_autofree char *name = g_file_get_basename (data->file);
  guint64 used = journey_survey_import_get_n_used (data->import);
  guint64 skipped = journey_survey_import_get_n_skipped (data->import);
  GPtrArray *listed = journey_survey_import_get_skipped (data->import);
  JourneySurveySkip *first;

  if (skipped == 0 || listed->len == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %llu row from “%s”",
                                         "Imported %llu rows from “%s”", (gulong) MIN (used, G_MAXULONG)),
                            (unsigned long long) used, name);
  first = g_ptr_array_index (listed, 0);
  /* Translators: "Imported 120 rows from “survey.csv”, 3 skipped (line 12: no score)" */
  return g_strdup_printf (_("Imported %llu rows from “%s”, %llu skipped (line %llu: %s)"),
                          (unsigned long long) used, name, (unsigned long long) skipped,
                          (unsigned long long) first->line, first->reason);
}

static gboolean
map_is_shown (JourneyImportDialog *self)
{
  JourneyProject *project = journey_document_get_project (self->document);

  return project != NULL && journey_list_find (project->maps, self->map, NULL);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JourneyImportDialog *self = JOURNEY_IMPORT_DIALOG (object);
  GTask *task = G_TASK (result);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The dialog was closed while the file was read. */
  if (self->document == NULL)
    return;
  if (!g_task_propagate_boolean (task, &error))
    {
      set_running (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("The import was cancelled; nothing was changed."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("The survey cannot be imported: %s"), error->message);

          gtk_label_set_text (self->summary_label, message);
        }
      return;
    }
  if (map_is_shown (self))
    {
      g_autoptr(GFile) folder = journey_import_dialog_dup_project_folder (self);
      g_autofree char *message = report (data);

      journey_evidence_apply_import (journey_document_get_history (self->document), self->map, data->import,
                                     data->file, folder, &data->options, NULL, NULL,
                                     gtk_switch_get_active (self->follow_switch));
      set_running (self, FALSE);
      journey_import_dialog_emit_imported (self, message);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    set_running (self, FALSE);
}

void
journey_import_dialog_import_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyImportDialog *self = JOURNEY_IMPORT_DIALOG (widget);
  g_autofree char *why = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  if (self->cancellable != NULL || !journey_import_dialog_read_mapping (self, &why))
    return;

  data = g_new0 (ImportData, 1);
  data->snapshot = journey_evidence_map_snapshot (self->map);
  data->file = g_object_ref (self->file);
  journey_survey_options_copy (&data->options, &self->options);
  data->import = journey_survey_import_new (data->snapshot, &data->options);
  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  data->size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  self->running = data;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  self->progress_id = g_timeout_add (50, on_progress, self);
  set_running (self, TRUE);
  g_task_run_in_thread (task, import_thread);
}

/* Cancel: the import running, else the dialog. */
void
journey_import_dialog_cancel_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyImportDialog *self = JOURNEY_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

void
journey_import_dialog_run_dispose (JourneyImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
}
