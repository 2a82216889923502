/* journey-document-private.h: what the document's files share.
 *
 * journey-document.c holds the object, its loading and its autosave;
 * journey-document-save.c its saving; journey-document-monitor.c the
 * watch on its file for changes made by other programs.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-document.h"

G_BEGIN_DECLS

struct _JourneyDocument
{
  GObject           parent_instance;

  JourneyProject   *project;
  GFile            *file;
  char             *etag;        /* of the file when it was last read or saved */
  JourneyHistory   *history;
  guint64           generation;  /* counts the history's changes */

  guint             autosave_interval;
  guint             autosave_id;
  /* The draft of a document without a file (journey-autosave.h): its id
   * once the first draft is written. */
  char             *draft_id;

  /* The last load failed on a file with problems that can be mended:
   * its repaired copy, and the changes made. */
  JourneyProject   *repaired;
  GPtrArray        *repairs;

  /* The last load read Mermaid journeys: what it had to guess. */
  GPtrArray        *import_warnings;

  /* The watch on the file (journey-document-monitor.c). */
  GFileMonitor     *monitor;
  guint             check_id;     /* the pending look at the file */
  JourneyDiskState  disk_state;
  char             *noticed_etag; /* of the change last announced */

  gboolean          busy;
  gboolean          recovered;
};

/* journey-document.c */
void      journey_document_set_busy       (JourneyDocument  *self,
                                           gboolean          busy);
void      journey_document_set_file       (JourneyDocument  *self,
                                           GFile            *file);
void      journey_document_set_recovered  (JourneyDocument  *self,
                                           gboolean          recovered);
void      journey_document_forget_draft   (JourneyDocument  *self);
void      journey_document_forget_repaired_copy (JourneyDocument *self);
void      journey_document_notify_project (JourneyDocument  *self);
void      journey_document_set_disk_state (JourneyDocument  *self,
                                           JourneyDiskState  state);
void      journey_document_changed_on_disk (JourneyDocument *self,
                                           JourneyDiskState  state);
gboolean  journey_document_check_not_busy (JourneyDocument  *self,
                                           GError          **error);
char     *journey_document_etag_of        (GFile            *file);

/* journey-document-recovery.c */
void      journey_document_become_unsaved (JourneyDocument *self,
                                           JourneyProject  *project);

/* journey-document-monitor.c */
void      journey_document_watch          (JourneyDocument  *self);
void      journey_document_unwatch        (JourneyDocument  *self);
void      journey_document_forget_changes (JourneyDocument  *self);

G_END_DECLS
