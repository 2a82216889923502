/* journey-document-recovery.c: what a document keeps so that nothing is
 * lost: its autosave, the draft of a journey never saved, and the
 * repaired copy of a file that could not be opened; and a document made
 * anew.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-document"

#include "config.h"

#include "journey-autosave.h"
#include "journey-document-private.h"

/**
 * journey_document_autosave:
 *
 * Writes the document's unsaved changes to its autosave file, never over
 * the document's own file; a document without a file writes them to its
 * draft, which it gets the first time.  A document without changes has
 * nothing to autosave.
 *
 * Returns: %TRUE if an autosave was written
 */
gboolean
journey_document_autosave (JourneyDocument  *self,
                           GError          **error)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);

  if (self->project == NULL || !journey_history_is_dirty (self->history))
    return FALSE;

  if (self->file != NULL)
    return journey_autosave_write (self->project, self->file, error);

  /* Never saved: a draft. */
  if (self->draft_id == NULL)
    self->draft_id = journey_draft_new_id ();
  return journey_draft_write (self->project, self->draft_id, error);
}

/**
 * journey_document_discard_autosave:
 *
 * Removes the autosave of the document's file, or its draft, if it has
 * one.
 */
void
journey_document_discard_autosave (JourneyDocument *self)
{
  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));

  if (self->file != NULL)
    journey_autosave_remove (self->file);
  journey_document_forget_draft (self);
  journey_document_set_recovered (self, FALSE);
}

/* The draft, if any, is removed: the document is saved, or its unsaved
 * changes are thrown away. */
void
journey_document_forget_draft (JourneyDocument *self)
{
  if (self->draft_id == NULL)
    return;
  journey_draft_remove (self->draft_id);
  g_clear_pointer (&self->draft_id, g_free);
}

const char *
journey_document_get_draft_id (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->draft_id;
}

/* Makes the document a new one without a file that holds @project. */
static void
become_new (JourneyDocument *self,
            JourneyProject  *project)
{
  g_set_object (&self->project, project);
  journey_document_set_file (self, NULL);
  g_clear_pointer (&self->etag, g_free);
  journey_document_forget_changes (self);
  journey_document_forget_repaired_copy (self);
  journey_history_clear (self->history);
}

/**
 * journey_document_load_draft:
 * @id: a draft id, from journey_draft_list()
 *
 * Reads the draft @id, on this thread, into the document: a document
 * without a file, dirty, "recovered", whose draft is @id.
 */
gboolean
journey_document_load_draft (JourneyDocument  *self,
                             const char       *id,
                             GError          **error)
{
  g_autoptr(JourneyProject) project = NULL;

  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (journey_draft_id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!journey_document_check_not_busy (self, error))
    return FALSE;

  project = journey_draft_read (id, error);
  if (project == NULL)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->draft_id, id) != 0)
    journey_document_forget_draft (self);
  become_new (self, project);
  g_free (self->draft_id);
  self->draft_id = g_strdup (id);
  /* Nowhere else: closing asks to save it. */
  journey_history_mark_modified (self->history);
  journey_document_set_recovered (self, TRUE);
  journey_document_notify_project (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* A repaired copy, or Mermaid journeys that a load read: a new document
 * without a file, dirty.  The copy is nowhere on disk yet: it is
 * autosaved as a draft, and closing asks to save it. */
void
journey_document_become_unsaved (JourneyDocument *self,
                                 JourneyProject  *project)
{
  g_object_freeze_notify (G_OBJECT (self));
  journey_document_forget_draft (self);
  become_new (self, project);
  journey_history_mark_modified (self->history);
  journey_document_set_recovered (self, FALSE);
  journey_document_notify_project (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
journey_document_get_can_repair (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  return self->repaired != NULL;
}

/**
 * journey_document_open_repaired_copy:
 *
 * Makes the document hold the repaired copy of the file that the last
 * load refused: a new document without a file, dirty.
 *
 * Returns: (transfer container) (nullable) (element-type JourneyProblem):
 *   the changes made, or %NULL when there is no repaired copy
 */
GPtrArray *
journey_document_open_repaired_copy (JourneyDocument *self)
{
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);

  if (self->repaired == NULL || self->busy)
    return NULL;

  project = g_steal_pointer (&self->repaired);
  changes = g_steal_pointer (&self->repairs);

  journey_document_become_unsaved (self, project);
  return g_steal_pointer (&changes);
}

/**
 * journey_document_reset:
 * @project: the new project
 *
 * Makes the document a new one, not saved yet, that holds @project (from
 * a template, say): no file, an empty history, nothing to autosave until
 * it is changed; then its changes go to a draft.
 */
void
journey_document_reset (JourneyDocument *self,
                        JourneyProject  *project)
{
  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));
  g_return_if_fail (JOURNEY_IS_PROJECT (project));
  g_return_if_fail (!self->busy);

  g_object_freeze_notify (G_OBJECT (self));
  /* What the document held is replaced: its draft would bring it back. */
  journey_document_forget_draft (self);
  become_new (self, project);
  journey_document_set_recovered (self, FALSE);
  journey_document_notify_project (self);
  g_object_thaw_notify (G_OBJECT (self));
}
