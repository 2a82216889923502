/* journey-document-save.c: a document written to its file
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-autosave.h"
#include "journey-document-private.h"
#include "journey-edit-evidence.h"
#include "journey-file.h"

/* What a save writes in its thread: the text is made before. */
typedef struct
{
  GFile    *file;
  char     *path;
  char     *text;
  gsize     length;
  gboolean  backup;
  char     *etag;       /* the etag the file must still have, or NULL */
  char     *new_etag;
  guint64   generation; /* of the history when the text was made */
} SaveData;
static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->path);
  g_free (data->text);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)


/* Makes the text on the caller's thread: the model is not thread-safe. */
static SaveData *
save_prepare (JourneyDocument   *self,
              GFile             *file,
              JourneySaveFlags   flags,
              GError           **error)
{
  g_autoptr(SaveData) data = NULL;

  if (!journey_document_check_not_busy (self, error))
    return NULL;

  if (self->project == NULL)
    {
      g_set_error_literal (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_PROJECT,
                           _("There is nothing to save"));
      return NULL;
    }

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_set_error_literal (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_FILE,
                           _("The document has no file to be saved in yet"));
      return NULL;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);
  if (data->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Journeys can only save to local files"));
      return NULL;
    }

  data->backup = (flags & JOURNEY_SAVE_BACKUP) != 0;
  /* The file the document came from must still be as it was read; a file
   * chosen with Save As is the user's to overwrite. */
  if ((flags & JOURNEY_SAVE_OVERWRITE) == 0 && self->file != NULL && g_file_equal (file, self->file))
    data->etag = g_strdup (self->etag);
  data->generation = self->generation;
  /* Survey sources are relative to the project's folder (SPEC §5): written
   * for the new one; the document follows once it is saved there. */
  {
    g_autoptr(GFile) from = self->file != NULL ? g_file_get_parent (self->file) : NULL;
    g_autoptr(GFile) to = g_file_get_parent (file);

    journey_evidence_rebase_paths (self->project, from, to);
    data->text = journey_format_write_data (self->project, &data->length);
    journey_evidence_rebase_paths (self->project, to, from);
  }

  return g_steal_pointer (&data);
}

/* Runs in a worker thread, or on the caller's for a synchronous save. */
static gboolean
save_run (SaveData  *data,
          GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (journey_file_replace (data->path, data->text, data->length, data->backup,
                            data->etag, &data->new_etag, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error_literal (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK,
                         local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_apply (JourneyDocument *self,
            SaveData        *data)
{
  g_object_freeze_notify (G_OBJECT (self));

  /* A document saved under a new name leaves no autosave under the old. */
  if (self->file != NULL && !g_file_equal (self->file, data->file))
    journey_autosave_remove (self->file);
  journey_autosave_remove (data->file);
  /* Saved at last: the draft of a document that had no file goes. */
  journey_document_forget_draft (self);

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_autoptr(GFile) from = self->file != NULL ? g_file_get_parent (self->file) : NULL;
      g_autoptr(GFile) to = g_file_get_parent (data->file);

      journey_evidence_rebase_paths (self->project, from, to);
    }
  journey_document_set_file (self, data->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->new_etag);
  /* The file holds what the document holds: whatever another program
   * wrote there before is overwritten, as the user asked. */
  journey_document_forget_changes (self);
  journey_document_set_recovered (self, FALSE);

  /* Edits made while the file was written are not in it. */
  if (data->generation == self->generation)
    journey_history_mark_clean (self->history);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
save_thread_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (source_object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  journey_document_set_busy (self, FALSE);

  /* The file is written whatever the caller wants now: the document
   * says so. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    {
      save_apply (self, g_task_get_task_data (task));
      g_task_return_boolean (task, TRUE);
    }
}

/* -- Public API ---------------------------------------------------------- */

/**
 * journey_document_save:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * Saves on this thread: for the command line.  Fails with
 * JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK, writing nothing, when the
 * document's own file changed on disk since the document read or saved it,
 * unless @flags holds JOURNEY_SAVE_OVERWRITE.
 */
gboolean
journey_document_save (JourneyDocument   *self,
                       GFile             *file,
                       JourneySaveFlags   flags,
                       GError           **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = save_prepare (self, file, flags, error);
  if (data == NULL || !save_run (data, error))
    return FALSE;

  save_apply (self, data);
  return TRUE;
}

/**
 * journey_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * As journey_document_save(), but the file is written in a worker thread.
 * The text is made now, so edits made while the file is written are not
 * saved (and leave the document dirty).
 */
void
journey_document_save_async (JourneyDocument     *self,
                             GFile               *file,
                             JourneySaveFlags     flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, journey_document_save_async);

  data = save_prepare (self, file, flags, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  journey_document_set_busy (self, TRUE);
  worker = g_task_new (self, NULL, save_thread_done, g_object_ref (task));
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, save_thread);
}

gboolean
journey_document_save_finish (JourneyDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == journey_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
