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

G_END_DECLS
