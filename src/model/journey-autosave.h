/* journey-autosave.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * Autosave (SPEC §7): unsaved work survives a crash.  While a document has
 * unsaved changes, JourneyDocument writes it now and then to a file of its
 * own under $XDG_STATE_HOME/journeys/autosave/, never over the document; a
 * save, or closing without saving, removes it.  Opening a document whose
 * autosave is newer than the file offers what the autosave holds.
 */

char           *journey_autosave_path_for (GFile           *file);
gboolean        journey_autosave_write    (JourneyProject  *project,
                                           GFile           *file,
                                           GError         **error);
JourneyProject *journey_autosave_recover  (GFile           *file);
void            journey_autosave_remove   (GFile           *file);

/*
 * Drafts: a document that was never saved (a new map, one made from a
 * template, a repaired copy) has no file for an autosave to be named
 * after.  It gets a draft id instead, and its unsaved state goes to
 * $XDG_STATE_HOME/journeys/drafts/ID.journey, written atomically; saving
 * the document to a file, or closing it without saving, removes the
 * draft.  Drafts left behind by a crash are listed at the next start and
 * offered back, as GNOME Text Editor does.
 */

char           *journey_draft_new_id      (void);
gboolean        journey_draft_id_is_valid (const char      *id);
char           *journey_draft_path_for    (const char      *id);
gboolean        journey_draft_write       (JourneyProject  *project,
                                           const char      *id,
                                           GError         **error);
JourneyProject *journey_draft_read        (const char      *id,
                                           GError         **error);
void            journey_draft_remove      (const char      *id);
GPtrArray      *journey_draft_list        (void);

G_END_DECLS
