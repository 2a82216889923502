/* journey-evidence-follow.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A followed survey source: appended bytes into the aggregates, live. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-evidence.h"
#include "journey-evidence-follow.h"

struct _JourneyEvidenceFollow
{
  GObject              parent_instance;
  JourneyMap          *map;
  char                *source;       /* its name */
  GFile               *file;
  GFileMonitor        *monitor;
  JourneySurveyImport *import;
  guint64              offset;       /* bytes read so far */
  guint64              inode;        /* of the file read */
  GError              *error;
};

G_DEFINE_FINAL_TYPE (JourneyEvidenceFollow, journey_evidence_follow, G_TYPE_OBJECT)

enum
{
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
restart (JourneyEvidenceFollow *self)
{
  JourneyEvidenceSource *source = journey_map_find_evidence_source (self->map, self->source, NULL);
  JourneySurveyOptions options;

  g_clear_pointer (&self->import, journey_survey_import_free);
  self->offset = 0;
  if (source == NULL)
    return;
  journey_evidence_source_options (source, &options);
  self->import = journey_survey_import_new (self->map, &options);
  journey_survey_options_clear (&options);
}

/* Reads the bytes after self->offset into the import. */
static gboolean
read_appended (JourneyEvidenceFollow *self,
               GError               **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (self->file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_INODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  g_autoptr(GFileInputStream) stream = NULL;
  guint64 inode, size;

  if (info == NULL)
    return FALSE;
  size = (guint64) g_file_info_get_size (info);
  inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);

  /* Truncated or replaced: read again from the start. */
  if (self->import == NULL || size < self->offset || inode != self->inode)
    {
      restart (self);
      self->inode = inode;
    }
  if (self->import == NULL || size == self->offset)
    return TRUE;

  stream = g_file_read (self->file, NULL, error);
  if (stream == NULL ||
      !g_seekable_seek (G_SEEKABLE (stream), (goffset) self->offset, G_SEEK_SET, NULL, error))
    return FALSE;
  {
    JourneySurveyReader *reader = journey_survey_import_get_reader (self->import);
    guint64 before = journey_survey_reader_get_bytes (reader);
    gboolean ok = journey_survey_import_read (self->import, G_INPUT_STREAM (stream), NULL, error);

    self->offset += journey_survey_reader_get_bytes (reader) - before;
    return ok && journey_survey_import_flush (self->import, error);
  }
}

static void
apply (JourneyEvidenceFollow *self)
{
  JourneyEvidenceSource *old = journey_map_find_evidence_source (self->map, self->source, NULL);
  g_autoptr(JourneyEvidenceSource) source = NULL;
  g_autoptr(GHashTable) parts = NULL;
  JourneySurveyOptions options;

  if (old == NULL || journey_survey_import_get_header (self->import) == NULL)
    return;
  journey_evidence_source_options (old, &options);
  parts = journey_evidence_make_parts (self->import, self->map, self->source, old->updated);
  source = journey_evidence_make_source (self->import, &options, self->source, old->path, old->follow, old->updated);
  journey_survey_options_clear (&options);

  /* No history: a followed update is not the user's edit. */
  journey_edit_import_evidence (NULL, self->map, source, self->source, parts);
  g_signal_emit (self, signals[UPDATED], 0);
}

void
journey_evidence_follow_update (JourneyEvidenceFollow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JOURNEY_IS_EVIDENCE_FOLLOW (self));

  g_clear_error (&self->error);
  if (!read_appended (self, &error))
    {
      self->error = g_steal_pointer (&error);
      /* A broken file is read again whole once it changes. */
      g_clear_pointer (&self->import, journey_survey_import_free);
      return;
    }
  if (self->import != NULL)
    apply (self);
}

static void
on_changed (JourneyEvidenceFollow *self,
            GFile                 *file,
            GFile                 *other,
            GFileMonitorEvent      event,
            GFileMonitor          *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      journey_evidence_follow_update (self);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
journey_evidence_follow_finalize (GObject *object)
{
  JourneyEvidenceFollow *self = JOURNEY_EVIDENCE_FOLLOW (object);

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->import, journey_survey_import_free);
  g_clear_object (&self->file);
  g_clear_object (&self->map);
  g_clear_error (&self->error);
  g_free (self->source);

  G_OBJECT_CLASS (journey_evidence_follow_parent_class)->finalize (object);
}

static void
journey_evidence_follow_class_init (JourneyEvidenceFollowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = journey_evidence_follow_finalize;

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
journey_evidence_follow_init (JourneyEvidenceFollow *self)
{
}

/**
 * journey_evidence_follow_new:
 * @source: the name of a source of @map that has a path
 * @project_dir: the folder its path is relative to
 *
 * Starts following: the file is read whole now (an update without undo),
 * then watched.
 */
JourneyEvidenceFollow *
journey_evidence_follow_new (JourneyMap  *map,
                             const char  *source,
                             GFile       *project_dir,
                             GError     **error)
{
  JourneyEvidenceSource *record = journey_map_find_evidence_source (map, source, NULL);
  g_autoptr(JourneyEvidenceFollow) self = NULL;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  if (record == NULL || record->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the map has no source “%s” with a file"), source);
      return NULL;
    }
  self = g_object_new (JOURNEY_TYPE_EVIDENCE_FOLLOW, NULL);
  self->map = g_object_ref (map);
  self->source = g_strdup (source);
  self->file = g_file_resolve_relative_path (project_dir, record->path);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;
  g_file_monitor_set_rate_limit (self->monitor, JOURNEY_EVIDENCE_FOLLOW_RATE_LIMIT);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  journey_evidence_follow_update (self);
  return g_steal_pointer (&self);
}

const char *
journey_evidence_follow_get_source (JourneyEvidenceFollow *self)
{
  return self->source;
}

const GError *
journey_evidence_follow_get_error (JourneyEvidenceFollow *self)
{
  return self->error;
}
