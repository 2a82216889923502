/* journey-document.c: a project with its file, its history and its
 * autosave, and how it is loaded and reloaded in a worker thread.  Saving
 * is in journey-document-save.c, drafts and repaired copies in
 * journey-document-recovery.c, watching the file in
 * journey-document-monitor.c.
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
#include "journey-file.h"

G_DEFINE_FINAL_TYPE (JourneyDocument, journey_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (journey-document-error-quark, journey_document_error)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_HISTORY,
  PROP_DIRTY,
  PROP_BUSY,
  PROP_RECOVERED,
  PROP_AUTOSAVE_INTERVAL,
  PROP_DISK_STATE,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a load reads in its thread; applied on the main context. */
typedef struct
{
  GFile          *file;
  GPtrArray      *problems;
  JourneyProject *project;
  JourneyProject *recovered;
  JourneyProject *repaired;   /* when the file has problems that can be mended */
  GPtrArray      *repairs;
  char           *etag;
  gboolean        reload;     /* the file as it is on disk, no autosave */
  gboolean        imported;   /* Mermaid journeys, not a project file */
  GPtrArray      *warnings;   /* what reading Mermaid had to guess */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_object (&data->project);
  g_clear_object (&data->recovered);
  g_clear_object (&data->repaired);
  g_clear_pointer (&data->repairs, g_ptr_array_unref);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data->etag);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

void
journey_document_forget_repaired_copy (JourneyDocument *self)
{
  g_clear_object (&self->repaired);
  g_clear_pointer (&self->repairs, g_ptr_array_unref);
}

/* A load failed: its repaired copy, if the file has one, is offered. */
static void
keep_repaired_copy (JourneyDocument *self,
                    LoadData        *data)
{
  journey_document_forget_repaired_copy (self);
  if (data == NULL || data->repaired == NULL)
    return;
  self->repaired = g_steal_pointer (&data->repaired);
  self->repairs = g_steal_pointer (&data->repairs);
}

void
journey_document_set_busy (JourneyDocument *self,
                           gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
journey_document_set_recovered (JourneyDocument *self,
                                gboolean         recovered)
{
  if (self->recovered == recovered)
    return;
  self->recovered = recovered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
}

/* The file is watched for changes by other programs from now on. */
void
journey_document_set_file (JourneyDocument *self,
                           GFile           *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  journey_document_watch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
journey_document_set_disk_state (JourneyDocument  *self,
                                 JourneyDiskState  state)
{
  if (self->disk_state == state)
    return;
  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

/* Another program changed or deleted the file: say so. */
void
journey_document_changed_on_disk (JourneyDocument  *self,
                                  JourneyDiskState  state)
{
  g_assert (state != JOURNEY_DISK_STATE_SAME);

  /* Without its file, the project exists nowhere else: closing asks to
   * save it, as for any unsaved change. */
  if (state == JOURNEY_DISK_STATE_DELETED && self->project != NULL)
    journey_history_mark_modified (self->history);

  journey_document_set_disk_state (self, state);
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
}

char *
journey_document_etag_of (GFile *file)
{
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  return path ? journey_file_get_etag (path) : NULL;
}

/* -- Loading ------------------------------------------------------------- */

/* Runs in a worker thread, or on the caller's for a synchronous load. */
static gboolean
load_run (LoadData  *data,
          GError   **error)
{
  /* The etag is taken before the file is read: if it changes during the
   * read, the next save asks rather than overwrites. */
  data->etag = journey_document_etag_of (data->file);
  if (data->reload)
    data->project = journey_format_read_file (data->file, data->problems, error);
  else
    data->project = journey_format_open_file (data->file, data->problems, &data->repaired, data->repairs,
                                              &data->imported, data->warnings, error);
  if (data->project == NULL)
    return FALSE;

  if (!data->reload && !data->imported)
    data->recovered = journey_autosave_recover (data->file);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_apply (JourneyDocument *self,
            LoadData        *data)
{
  gboolean recovered = data->recovered != NULL;

  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  if (data->imported)
    {
      /* Mermaid: nothing is ever written over the file it came from. */
      self->import_warnings = g_steal_pointer (&data->warnings);
      journey_document_become_unsaved (self, data->project);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_object (&self->project);
  self->project = g_object_ref (recovered ? data->recovered : data->project);
  journey_document_forget_repaired_copy (self);
  journey_document_set_file (self, data->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->etag);
  /* The file is what the document holds now. */
  journey_document_forget_changes (self);

  /* A reload throws the unsaved changes away: their autosave too. */
  if (data->reload)
    journey_autosave_remove (data->file);

  journey_history_clear (self->history);
  if (recovered)
    journey_history_mark_modified (self->history);
  journey_document_set_recovered (self, recovered);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}

static LoadData *
load_data_new (GFile *file)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  data->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  data->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  data->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  return data;
}

gboolean
journey_document_check_not_busy (JourneyDocument  *self,
                                 GError          **error)
{
  if (!self->busy)
    return TRUE;
  g_set_error_literal (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_BUSY,
                       _("The document is being loaded or saved"));
  return FALSE;
}

static void
load_thread_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (source_object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  journey_document_set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      keep_repaired_copy (self, g_task_get_task_data (task));
      g_task_return_error (task, error);
    }
  else if (!g_task_return_error_if_cancelled (task))
    {
      load_apply (self, g_task_get_task_data (task));
      g_task_return_boolean (task, TRUE);
    }
}

/* Reads the file of @task's LoadData in a worker thread. */
static void
load_start (JourneyDocument *self,
            GTask           *task)
{
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;

  if (!journey_document_check_not_busy (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  journey_document_set_busy (self, TRUE);
  /* The worker is not cancellable: the document always learns how its
   * load ended, and clears "busy". */
  worker = g_task_new (self, NULL, load_thread_done, g_object_ref (task));
  g_task_set_task_data (worker, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (worker, load_thread);
}

/* -- Autosave ------------------------------------------------------------ */

static gboolean
autosave_tick (gpointer user_data)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (user_data);
  g_autoptr(GError) error = NULL;

  if (!self->busy && !journey_document_autosave (self, &error) && error != NULL)
    g_warning ("Cannot autosave: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/* -- History ------------------------------------------------------------- */

static void
on_history_changed (JourneyDocument *self,
                    JourneyHistory  *history)
{
  self->generation++;
}

static void
on_history_dirty (JourneyDocument *self,
                  GParamSpec      *pspec,
                  JourneyHistory  *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* -- GObject ------------------------------------------------------------- */

static void
journey_document_constructed (GObject *object)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (object);

  G_OBJECT_CLASS (journey_document_parent_class)->constructed (object);

  self->etag = journey_document_etag_of (self->file);
  journey_document_watch (self);
}

static void
journey_document_dispose (GObject *object)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  journey_document_unwatch (self);

  G_OBJECT_CLASS (journey_document_parent_class)->dispose (object);
}

static void
journey_document_finalize (GObject *object)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->history);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->noticed_etag, g_free);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  journey_document_forget_repaired_copy (self);

  G_OBJECT_CLASS (journey_document_parent_class)->finalize (object);
}

static void
journey_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, journey_document_get_dirty (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_RECOVERED:
      g_value_set_boolean (value, self->recovered);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JourneyDocument *self = JOURNEY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      journey_document_set_autosave_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_document_class_init (JourneyDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = journey_document_constructed;
  object_class->dispose = journey_document_dispose;
  object_class->finalize = journey_document_finalize;
  object_class->get_property = journey_document_get_property;
  object_class->set_property = journey_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, JOURNEY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, JOURNEY_TYPE_HISTORY, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_RECOVERED] = g_param_spec_boolean ("recovered", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_INTERVAL] =
    g_param_spec_uint ("autosave-interval", NULL, NULL, 0, G_MAXUINT / 1000, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, JOURNEY_TYPE_DISK_STATE, JOURNEY_DISK_STATE_SAME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JourneyDocument::changed-on-disk:
   *
   * Another program changed, replaced or deleted the document's file
   * ("disk-state" says which).  Emitted once for each change noticed,
   * a short while after it is done; never for the document's own saves.
   */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
journey_document_init (JourneyDocument *self)
{
  self->history = journey_history_new ();
  g_signal_connect_object (self->history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::dirty", G_CALLBACK (on_history_dirty), self, G_CONNECT_SWAPPED);
}

/* -- Public API ---------------------------------------------------------- */

/**
 * journey_document_new:
 * @project: (nullable): the project, or %NULL for a document that is
 *   still to be loaded
 * @file: (nullable): where @project is saved, or %NULL for a new one
 *
 * Returns: (transfer full): a clean document; autosave is off until
 *   "autosave-interval" is set
 */
JourneyDocument *
journey_document_new (JourneyProject *project,
                      GFile          *file)
{
  g_return_val_if_fail (project == NULL || JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (JOURNEY_TYPE_DOCUMENT, "project", project, "file", file, NULL);
}

JourneyProject *
journey_document_get_project (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->project;
}

GFile *
journey_document_get_file (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->file;
}

JourneyHistory *
journey_document_get_history (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->history;
}

/**
 * journey_document_get_etag:
 *
 * Returns: (nullable): the etag of the file when the document last read
 *   or saved it
 */
const char *
journey_document_get_etag (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
journey_document_get_dirty (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  return journey_history_is_dirty (self->history);
}

gboolean
journey_document_get_busy (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

gboolean
journey_document_get_recovered (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  return self->recovered;
}

/**
 * journey_document_get_import_warnings:
 *
 * Returns: (transfer none) (nullable) (element-type JourneyProblem): what
 *   the last load had to guess when it read Mermaid journeys, or %NULL
 */
GPtrArray *
journey_document_get_import_warnings (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), NULL);
  return self->import_warnings;
}

/**
 * journey_document_get_disk_state:
 *
 * Returns: whether another program changed or deleted the document's
 *   file since the document read or saved it, as far as it noticed
 */
JourneyDiskState
journey_document_get_disk_state (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), JOURNEY_DISK_STATE_SAME);
  return self->disk_state;
}

guint
journey_document_get_autosave_interval (JourneyDocument *self)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), 0);
  return self->autosave_interval;
}

/**
 * journey_document_set_autosave_interval:
 * @seconds: between two autosaves, or 0 for none
 *
 * The timer runs on the default main context.
 */
void
journey_document_set_autosave_interval (JourneyDocument *self,
                                        guint            seconds)
{
  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));

  if (self->autosave_interval == seconds)
    return;

  self->autosave_interval = seconds;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (seconds > 0)
    self->autosave_id = g_timeout_add_seconds (seconds, autosave_tick, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_INTERVAL]);
}

/**
 * journey_document_load:
 * @problems: (nullable) (element-type JourneyProblem): where to add the
 *   problems found
 *
 * Reads @file into the document, on this thread: for the command line.
 * If the autosave of @file is newer than @file, the document holds what
 * the autosave holds, is dirty, and "recovered" is %TRUE.
 */
gboolean
journey_document_load (JourneyDocument  *self,
                       GFile            *file,
                       GPtrArray        *problems,
                       GError          **error)
{
  g_autoptr(LoadData) data = NULL;

  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!journey_document_check_not_busy (self, error))
    return FALSE;

  data = load_data_new (file);
  if (problems != NULL)
    {
      g_ptr_array_unref (data->problems);
      data->problems = g_ptr_array_ref (problems);
    }

  if (!load_run (data, error))
    {
      keep_repaired_copy (self, data);
      return FALSE;
    }

  load_apply (self, data);
  return TRUE;
}

/**
 * journey_document_load_async:
 *
 * Reads, parses and checks @file in a worker thread; the document takes
 * the result on this thread's main context, before @callback runs.
 * "busy" is %TRUE meanwhile.
 */
void
journey_document_load_async (JourneyDocument     *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, journey_document_load_async);
  g_task_set_task_data (task, load_data_new (file), (GDestroyNotify) load_data_free);
  load_start (self, task);
}

/* The end of a load or reload started with @source_tag. */
static gboolean
finish_load (JourneyDocument  *self,
             GAsyncResult     *result,
             gpointer          source_tag,
             GPtrArray       **problems,
             GError          **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = data != NULL && data->problems != NULL ? g_ptr_array_ref (data->problems) : NULL;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * journey_document_load_finish:
 * @problems: (out) (optional) (transfer container) (element-type JourneyProblem):
 *   the problems found, if the file could not be loaded
 */
gboolean
journey_document_load_finish (JourneyDocument  *self,
                              GAsyncResult     *result,
                              GPtrArray       **problems,
                              GError          **error)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);

  return finish_load (self, result, journey_document_load_async, problems, error);
}

/**
 * journey_document_reload_async:
 *
 * Reads the document's file again in a worker thread, as it is on disk
 * now: the document then holds it in place of its project, with a fresh
 * history, clean, and without an autosave.  The unsaved changes are
 * lost: ask the user first.  Fails with JOURNEY_DOCUMENT_ERROR_NO_FILE
 * for a document that has no file.
 */
void
journey_document_reload_async (JourneyDocument     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (JOURNEY_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, journey_document_reload_async);
  if (self->file == NULL)
    {
      g_task_return_new_error (task, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_FILE,
                               _("The document has no file to be read again"));
      return;
    }

  data = load_data_new (self->file);
  data->reload = TRUE;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  load_start (self, task);
}

/**
 * journey_document_reload_finish:
 * @problems: (out) (optional) (transfer container) (element-type JourneyProblem):
 *   the problems found, if the file could not be read
 */
gboolean
journey_document_reload_finish (JourneyDocument  *self,
                                GAsyncResult     *result,
                                GPtrArray       **problems,
                                GError          **error)
{
  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (self), FALSE);

  return finish_load (self, result, journey_document_reload_async, problems, error);
}

/* The document holds another project (journey-document-recovery.c). */
void
journey_document_notify_project (JourneyDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
