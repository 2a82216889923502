/* journey-document-monitor.c: the document's file, changed by others
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-document"

#include "config.h"

#include "journey-document-private.h"

/* How long the file must be quiet before the document looks at it: a
 * program that writes it in pieces, or replaces it with a rename (editors,
 * git, g_file_set_contents()), is done by then, and the burst of events
 * of one change is one change. */
#define QUIET_MS 250

static gboolean check_now (gpointer user_data);

/* Whether the file is still the one the document read or saved: its
 * etag tells, the same etag that a save checks before it overwrites. */
static void
check_file (JourneyDocument *self)
{
  g_autofree char *etag = journey_document_etag_of (self->file);
  JourneyDiskState state;

  if (etag == NULL)
    state = self->etag != NULL ? JOURNEY_DISK_STATE_DELETED : JOURNEY_DISK_STATE_SAME;
  else if (g_strcmp0 (etag, self->etag) == 0)
    state = JOURNEY_DISK_STATE_SAME;
  else
    state = JOURNEY_DISK_STATE_CHANGED;

  if (state == JOURNEY_DISK_STATE_SAME)
    {
      /* Our own save, or a file put back as it was. */
      journey_document_forget_changes (self);
      return;
    }

  /* Each change is announced once. */
  if (state == self->disk_state && g_strcmp0 (etag, self->noticed_etag) == 0)
    return;

  g_free (self->noticed_etag);
  self->noticed_etag = g_steal_pointer (&etag);
  journey_document_changed_on_disk (self, state);
}

static void
check_soon (JourneyDocument *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (QUIET_MS, check_now, self);
}

static gboolean
check_now (gpointer user_data)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (user_data);

  self->check_id = 0;

  /* While the document saves, the events are most likely its own: look
   * once the save is done and the document knows its file's new etag. */
  if (self->busy)
    check_soon (self);
  else if (self->file != NULL)
    check_file (self);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (JourneyDocument   *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      check_soon (self);
      break;

    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}

/* Watches the document's file, if it has one, for changes by other
 * programs.  The monitor watches the file's folder for its name, so a
 * file replaced by a rename (RENAMED or MOVED_IN with WATCH_MOVES) is
 * seen as well as one written in place. */
void
journey_document_watch (JourneyDocument *self)
{
  g_autoptr(GError) error = NULL;

  journey_document_unwatch (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not fatal: a save still refuses to overwrite a changed file. */
      g_debug ("Cannot watch the file for changes: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
}

void
journey_document_unwatch (JourneyDocument *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

/* The document holds what its file holds now (a load or a save). */
void
journey_document_forget_changes (JourneyDocument *self)
{
  g_clear_pointer (&self->noticed_etag, g_free);
  journey_document_set_disk_state (self, JOURNEY_DISK_STATE_SAME);
}
