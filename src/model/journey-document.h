/* journey-document.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-format.h"
#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneyDocument (SPEC §4): a project, the file it is saved in (none for a
 * new one), its history, whether it has unsaved changes, and its autosave.
 * Windows show documents; only the document loads, saves and autosaves.
 *
 * Loading reads, parses and checks the file in a worker thread; saving
 * turns the project into text on the calling thread (the model is not
 * thread-safe) and writes it in a worker thread.  Results come back on the
 * main context of the caller.  A save never overwrites a file that was
 * changed on disk since the document read or saved it: it fails with
 * JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK unless asked to overwrite.
 *
 * Properties: "project" (nullable until a load), "file" (nullable),
 * "history", "dirty" (from the history), "busy" (a load or a save is under
 * way), "recovered" (the last load took unsaved changes from the autosave,
 * or the document holds a draft left by an earlier session),
 * "autosave-interval" (seconds; 0 turns autosave off) and "disk-state".
 *
 * The document watches its file.  When another program changes, replaces
 * or deletes it (a `git pull`, a synced folder), "disk-state" says so and
 * "changed-on-disk" is emitted, once for each change; the document's own
 * saves are not changes.  A deleted file leaves the document dirty (its
 * project is nowhere else).  The document stays as it is: the user decides
 * whether to reload it (journey_document_reload_async()) or to keep it,
 * and a save then fails with JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK as
 * above unless asked to overwrite.
 */

#define JOURNEY_DOCUMENT_ERROR (journey_document_error_quark ())

typedef enum
{
  JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK, /* changed since it was read or saved */
  JOURNEY_DOCUMENT_ERROR_NO_PROJECT,      /* nothing loaded yet */
  JOURNEY_DOCUMENT_ERROR_NO_FILE,         /* saving a new document needs a file */
  JOURNEY_DOCUMENT_ERROR_BUSY,            /* a load or a save is under way */
} JourneyDocumentError;

GQuark journey_document_error_quark (void);

/* The document's file on disk, as the document last saw it. */
typedef enum
{
  JOURNEY_DISK_STATE_SAME,    /* as it was read or saved */
  JOURNEY_DISK_STATE_CHANGED, /* changed or replaced by another program */
  JOURNEY_DISK_STATE_DELETED, /* gone: a save writes it again */
} JourneyDiskState;

#define JOURNEY_TYPE_DOCUMENT (journey_document_get_type ())
G_DECLARE_FINAL_TYPE (JourneyDocument, journey_document, JOURNEY, DOCUMENT, GObject)

JourneyDocument *journey_document_new                   (JourneyProject       *project,
                                                         GFile                *file);

JourneyProject  *journey_document_get_project           (JourneyDocument      *self);
GFile           *journey_document_get_file              (JourneyDocument      *self);
JourneyHistory  *journey_document_get_history           (JourneyDocument      *self);
const char      *journey_document_get_etag              (JourneyDocument      *self);
gboolean         journey_document_get_dirty             (JourneyDocument      *self);
gboolean         journey_document_get_busy              (JourneyDocument      *self);
gboolean         journey_document_get_recovered         (JourneyDocument      *self);
JourneyDiskState journey_document_get_disk_state       (JourneyDocument      *self);
guint            journey_document_get_autosave_interval (JourneyDocument      *self);
void             journey_document_set_autosave_interval (JourneyDocument      *self,
                                                         guint                 seconds);

/* Loading: on failure the document is as it was, and @problems (when
 * given) receives every JourneyProblem found. */
gboolean         journey_document_load                  (JourneyDocument      *self,
                                                         GFile                *file,
                                                         GPtrArray            *problems,
                                                         GError              **error);
void             journey_document_load_async            (JourneyDocument      *self,
                                                         GFile                *file,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean         journey_document_load_finish           (JourneyDocument      *self,
                                                         GAsyncResult         *result,
                                                         GPtrArray           **problems,
                                                         GError              **error);

/* A load of a file that holds Mermaid journeys (journey-mermaid-read.h)
 * makes the document a new, unsaved one without a file, dirty, so that
 * nothing is written over the Mermaid file; here is what reading it had to
 * guess (JourneyProblem), or NULL. */
GPtrArray       *journey_document_get_import_warnings   (JourneyDocument      *self);

/* Reloading: the document's file read again, as it is on disk now, in
 * place of the project, its unsaved changes and its autosave, with a
 * fresh history, as if it were opened anew.  On failure (a file that is
 * not valid any more) the document is as it was. */
void             journey_document_reload_async          (JourneyDocument      *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean         journey_document_reload_finish         (JourneyDocument      *self,
                                                         GAsyncResult         *result,
                                                         GPtrArray           **problems,
                                                         GError              **error);

/* Saving to @file, or to the document's own file when @file is NULL; on
 * success the document's file is @file and it is clean. */
gboolean         journey_document_save                  (JourneyDocument      *self,
                                                         GFile                *file,
                                                         JourneySaveFlags      flags,
                                                         GError              **error);
void             journey_document_save_async            (JourneyDocument      *self,
                                                         GFile                *file,
                                                         JourneySaveFlags      flags,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean         journey_document_save_finish           (JourneyDocument      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Autosave: the timer calls journey_document_autosave(), which writes the
 * unsaved changes of a document that has a file to its autosave, and
 * those of a document that has none (never saved) to its draft;
 * discarding removes the autosave or the draft (after a save, or when
 * the changes are thrown away). */
gboolean         journey_document_autosave              (JourneyDocument      *self,
                                                         GError              **error);
void             journey_document_discard_autosave      (JourneyDocument      *self);

/* Drafts (journey-autosave.h): the id of the document's draft, or NULL
 * while it has none.  Loading the draft @id left by an earlier session
 * makes the document a new, unsaved one without a file that holds it,
 * dirty and "recovered"; its later drafts replace that one, and saving
 * or discarding removes it. */
const char      *journey_document_get_draft_id          (JourneyDocument      *self);
gboolean         journey_document_load_draft            (JourneyDocument      *self,
                                                         const char           *id,
                                                         GError              **error);

/* "Open a Repaired Copy": when a load failed on a file whose problems can
 * all be mended (journey_format_repair_data()), the document can take
 * the repaired copy instead: a new, unsaved document without a file, so
 * nothing is overwritten, dirty from the start.  Returns the changes
 * made (JourneyProblem), or NULL when there is no copy to open. */
gboolean         journey_document_get_can_repair        (JourneyDocument      *self);
GPtrArray       *journey_document_open_repaired_copy    (JourneyDocument      *self);

/* A new, unsaved document holding @project. */
void             journey_document_reset                 (JourneyDocument      *self,
                                                         JourneyProject       *project);

G_END_DECLS
