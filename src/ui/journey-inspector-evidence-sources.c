/* journey-inspector-evidence-sources.c: the map's survey sources in the
 * inspector (SPEC §11, issue 17 "Upkeep"): each with its file, format,
 * columns, time window and last update; renamed, imported again, followed
 * or not, its window changed or removed, each one undo step.  An import
 * reads the file in a worker thread and lands on the main one.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-evidence.h"
#include "journey-evidence-stats.h"
#include "journey-inspector-evidence-private.h"
#include "journey-window.h"

/* The time windows offered: all responses, or the last days counted back
 * from the newest (SPEC §5 --last-days). */
static const int window_days[] = { 0, 7, 30, 90 };

typedef struct
{
  JourneyInspector *self;      /* not a reference: the row is inside it */
  AdwExpanderRow   *row;
  AdwEntryRow      *name_row;
  GtkLabel         *name_error;
  AdwActionRow     *file_row;
  AdwActionRow     *columns_row;
  AdwComboRow      *window_row;
  AdwActionRow     *updated_row;
  GtkSwitch        *follow_switch;
  GtkWidget        *reimport_button;
  GtkWidget        *spinner;
  char             *windows_key; /* what the window row's model was made for */
  int               custom_days; /* a window of the file's own: its days, or -1 for its date */
} SourceRow;

static void
source_row_free (SourceRow *row)
{
  g_free (row->windows_key);
  g_free (row);
}

static SourceRow *
source_row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "journey-source-row") : NULL;
}

/* The source a row shows: the one at its place in the map's list. */
static JourneyEvidenceSource *
source_of (SourceRow *row)
{
  JourneyInspector *self = row->self;
  guint position;

  if (self->map == NULL || self->evidence->source_rows == NULL ||
      !g_ptr_array_find (self->evidence->source_rows, row->row, &position) ||
      position >= journey_list_get_length (self->map->evidence_sources))
    return NULL;
  return journey_list_peek (self->map->evidence_sources, position);
}

/* The folder the sources' paths are relative to: the project file's, in a
 * window; NULL before it is saved (its sources' paths are absolute). */
static GFile *
project_folder (JourneyInspector *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), JOURNEY_TYPE_WINDOW);
  GFile *file;

  if (window == NULL)
    return NULL;
  file = journey_document_get_file (journey_window_get_document (JOURNEY_WINDOW (window)));
  return file != NULL ? g_file_get_parent (file) : NULL;
}

static void
show_error (JourneyInspector *self,
            const char       *message)
{
  JourneyInspectorEvidence *ev = self->evidence;

  gtk_label_set_text (ev->sources_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (ev->sources_error), message != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (ev->sources_error)), message != NULL);
}

/* -- Importing again ------------------------------------------------------ */

typedef struct
{
  JourneyMap           *map;
  JourneyMap           *snapshot;  /* what the worker thread reads */
  GFile                *file;
  GFile                *folder;
  JourneySurveyOptions  options;
  char                 *name;
  char                 *label;
  JourneySurveyImport  *import;
} Reimport;

static void
reimport_free (Reimport *data)
{
  g_clear_object (&data->map);
  g_clear_object (&data->snapshot);
  g_clear_object (&data->file);
  g_clear_object (&data->folder);
  journey_survey_options_clear (&data->options);
  g_free (data->name);
  g_free (data->label);
  g_clear_pointer (&data->import, journey_survey_import_free);
  g_free (data);
}

static void
reimport_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Reimport *data = task_data;
  GError *error = NULL;

  data->import = journey_survey_import_new (data->snapshot, &data->options);
  if (journey_survey_import_read_file (data->import, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (JourneyInspector *self,
          const char       *name,
          gboolean          busy)
{
  JourneyInspectorEvidence *ev = self->evidence;

  for (guint i = 0; ev->source_rows != NULL && i < ev->source_rows->len; i++)
    {
      SourceRow *row = g_object_get_data (g_ptr_array_index (ev->source_rows, i), "journey-source-row");
      JourneyEvidenceSource *source = source_of (row);

      if (source != NULL && g_strcmp0 (source->name, name) == 0)
        {
          gtk_widget_set_visible (row->spinner, busy);
          gtk_spinner_set_spinning (GTK_SPINNER (row->spinner), busy);
          gtk_widget_set_sensitive (row->reimport_button, !busy);
          gtk_widget_set_sensitive (GTK_WIDGET (row->window_row), !busy);
        }
    }
}

static void
reimport_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (object);
  Reimport *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  JourneyEvidenceSource *source;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” cannot be imported: %s"), data->name, error->message);

          set_busy (self, data->name, FALSE);
          /* The rows show the source as it still is (its time window). */
          journey_inspector_refresh (self);
          show_error (self, message);
        }
      return;
    }
  set_busy (self, data->name, FALSE);
  /* The map or the source may have gone while the file was read. */
  source = self->map == data->map ? journey_map_find_evidence_source (data->map, data->name, NULL) : NULL;
  if (source == NULL || self->history == NULL)
    return;
  show_error (self, NULL);
  journey_history_begin_group (self->history, data->label);
  journey_evidence_apply_import (self->history, data->map, data->import, data->file, data->folder, &data->options,
                                 data->name, data->name, source->follow);
  journey_history_end_group (self->history);
}

/* Imports @source again, in its time window of @days (or @since), as one
 * undo step named @label. */
static void
reimport (JourneyInspector      *self,
          JourneyEvidenceSource *source,
          int                    days,
          const char            *since,
          const char            *label)
{
  JourneyInspectorEvidence *ev = self->evidence;
  g_autoptr(GTask) task = NULL;
  Reimport *data;

  if (source->path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has no file to import again"), source->name);

      show_error (self, message);
      return;
    }
  data = g_new0 (Reimport, 1);
  data->folder = project_folder (self);
  if (data->folder == NULL && !g_path_is_absolute (source->path))
    {
      g_autofree char *message = g_strdup_printf (_("Save the project to import “%s” again"), source->name);

      reimport_free (data);
      show_error (self, message);
      return;
    }
  data->file = data->folder != NULL ? g_file_resolve_relative_path (data->folder, source->path)
                                    : g_file_new_for_path (source->path);
  data->map = g_object_ref (self->map);
  data->snapshot = journey_evidence_map_snapshot (self->map);
  journey_evidence_source_options (source, &data->options);
  data->options.last_days = days;
  g_free (data->options.since);
  data->options.since = g_strdup (since);
  data->name = g_strdup (source->name);
  data->label = g_strdup (label);

  if (ev->cancellable == NULL)
    ev->cancellable = g_cancellable_new ();
  set_busy (self, source->name, TRUE);
  task = g_task_new (self, ev->cancellable, reimport_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) reimport_free);
  g_task_run_in_thread (task, reimport_thread);
}

/* -- The rows' answers ---------------------------------------------------- */

static void
on_reimport_clicked (GtkWidget *button)
{
  SourceRow *row = source_row_of (button);
  JourneyEvidenceSource *source = row != NULL ? source_of (row) : NULL;
  g_autofree char *label = NULL;

  if (source == NULL)
    return;
  label = g_strdup_printf (_("Import “%s” Again"), source->name);
  reimport (row->self, source, source->last_days, source->since, label);
}

static void
on_remove_clicked (GtkWidget *button)
{
  SourceRow *row = source_row_of (button);
  JourneyEvidenceSource *source = row != NULL ? source_of (row) : NULL;
  g_autofree char *name = NULL;

  if (source == NULL || row->self->history == NULL)
    return;
  name = g_strdup (source->name);
  journey_inspector_new_run (row->self);
  journey_edit_remove_evidence_source (row->self->history, row->self->map, name);
}

static void
on_follow_switched (GtkSwitch  *follow,
                    GParamSpec *pspec)
{
  SourceRow *row = source_row_of (GTK_WIDGET (follow));
  JourneyEvidenceSource *source = row != NULL ? source_of (row) : NULL;
  g_autofree char *name = NULL;

  if (source == NULL || row->self->updating || row->self->history == NULL)
    return;
  name = g_strdup (source->name);
  journey_inspector_new_run (row->self);
  journey_edit_follow_evidence_source (row->self->history, row->self->map, name, gtk_switch_get_active (follow));
}

static void
on_window_selected (AdwComboRow *combo,
                    GParamSpec  *pspec)
{
  SourceRow *row = source_row_of (GTK_WIDGET (combo));
  JourneyEvidenceSource *source = row != NULL ? source_of (row) : NULL;
  guint selected = adw_combo_row_get_selected (combo);
  g_autofree char *label = NULL;
  int days;

  if (source == NULL || row->self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected >= G_N_ELEMENTS (window_days))
    return;  /* the file's own window, as it is */
  days = window_days[selected];
  if (days == source->last_days && source->since == NULL)
    return;
  if (days == 0)
    label = g_strdup_printf (_("Use All Responses of “%s”"), source->name);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Use the Last %d Day of “%s”",
                                         "Use the Last %d Days of “%s”", (gulong) days),
                             days, source->name);
  reimport (row->self, source, days, NULL, label);
}

static void
on_name_applied (AdwEntryRow *entry)
{
  SourceRow *row = source_row_of (GTK_WIDGET (entry));
  JourneyEvidenceSource *source = row != NULL ? source_of (row) : NULL;
  g_autofree char *name = NULL;
  const char *new_name = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *message = NULL;

  if (source == NULL || row->self->history == NULL || g_strcmp0 (new_name, source->name) == 0)
    return;
  name = g_strdup (source->name);
  journey_inspector_new_run (row->self);
  if (new_name[0] == '\0')
    message = _("A source needs a name");
  else if (!journey_edit_rename_evidence_source (row->self->history, row->self->map, name, new_name))
    message = _("Another source of the map has this name");
  journey_inspector_show_field_error (GTK_WIDGET (entry), row->name_error, message);
}

/* -- Building and showing ------------------------------------------------- */

static GtkWidget *
add_info_row (AdwExpanderRow *expander,
              const char     *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_row (expander, row);
  return row;
}

static GtkWidget *
new_source_row (JourneyInspector *self)
{
  SourceRow *row = g_new0 (SourceRow, 1);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *follow_row;

  row->self = self;
  row->row = ADW_EXPANDER_ROW (expander);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  g_object_set_data_full (G_OBJECT (expander), "journey-source-row", row, (GDestroyNotify) source_row_free);

  row->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (row->name_row, TRUE);
  g_signal_connect (row->name_row, "apply", G_CALLBACK (on_name_applied), NULL);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->name_row));
  adw_expander_row_add_row (row->row, journey_inspector_error_row (&row->name_error));

  row->file_row = ADW_ACTION_ROW (add_info_row (row->row, _("File")));
  row->columns_row = ADW_ACTION_ROW (add_info_row (row->row, _("Columns")));

  row->window_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->window_row), _("Time Window"));
  journey_inspector_name_combo (row->window_row);
  g_signal_connect (row->window_row, "notify::selected", G_CALLBACK (on_window_selected), NULL);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->window_row));

  follow_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (follow_row), _("Follow Live"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (follow_row),
                               _("New answers in the file show within a second, outside the undo history"));
  row->follow_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->follow_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (follow_row), GTK_WIDGET (row->follow_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (follow_row), GTK_WIDGET (row->follow_switch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->follow_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Follow Live"), -1);
  g_signal_connect (row->follow_switch, "notify::active", G_CALLBACK (on_follow_switched), NULL);
  adw_expander_row_add_row (row->row, follow_row);

  row->updated_row = ADW_ACTION_ROW (add_info_row (row->row, _("Last Update")));

  row->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (row->spinner, FALSE);
  row->reimport_button = gtk_button_new_with_mnemonic (_("_Import Again"));
  gtk_widget_set_tooltip_text (row->reimport_button, _("Read the file again, in the source’s time window"));
  /* Not red: Undo takes it back. */
  gtk_widget_set_tooltip_text (remove, _("Remove the source and the evidence it gave"));
  g_signal_connect (row->reimport_button, "clicked", G_CALLBACK (on_reimport_clicked), NULL);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), NULL);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), row->spinner);
  gtk_box_append (GTK_BOX (buttons), row->reimport_button);
  gtk_box_append (GTK_BOX (buttons), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), buttons);
  adw_expander_row_add_row (row->row, action_row);

  journey_inspector_single_line (GTK_WIDGET (row->window_row));
  journey_inspector_name_expander (row->row);
  return expander;
}

/* "Q3 → Check-in, Q4 → Room" or "touchpoints in “touchpoint”, scores in “score”". */
static char *
describe_columns (JourneyMap            *map,
                  JourneyEvidenceSource *source)
{
  GString *text = g_string_new (NULL);

  if (source->mapping != NULL && source->mapping[0] != NULL)
    {
      for (guint i = 0; source->mapping[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (source->mapping[i], "=", 2);
          JourneyTouchpoint *tp = pair[1] != NULL ? journey_map_find_touchpoint (map, pair[1]) : NULL;

          /* By id: a renamed touchpoint keeps its column. */
          g_string_append_printf (text, "%s%s → %s", i > 0 ? ", " : "", pair[0],
                                  tp != NULL ? journey_touchpoint_get_display_name (tp)
                                             : pair[1] != NULL ? pair[1] : "?");
        }
      return g_string_free (text, FALSE);
    }
  /* Translators: the columns of a long survey: "Touchpoints in “touchpoint”, scores in “score”" */
  g_string_printf (text, _("Touchpoints in “%s”, scores in “%s”"),
                   source->touchpoint_column ? source->touchpoint_column : "",
                   source->score_column ? source->score_column : "");
  if (source->time_column != NULL)
    /* Translators: appended to the columns of a survey */
    g_string_append_printf (text, _(", times in “%s”"), source->time_column);
  if (source->count_column != NULL)
    g_string_append_printf (text, _(", counts in “%s”"), source->count_column);
  return g_string_free (text, FALSE);
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%x %H:%M") : g_strdup (_("Never"));
}

/* The window row's choices: the usual windows, and the source's own when
 * it is none of them (a date, or other days, from the command line). */
static void
show_window (SourceRow             *row,
             JourneyEvidenceSource *source)
{
  g_autofree char *own = NULL;
  g_autofree char *key = NULL;
  guint selected = 0;

  if (source->since != NULL)
    /* Translators: a survey's time window, "Since 2026-01-01" */
    own = g_strdup_printf (_("Since %s"), source->since);
  else if (source->last_days != 0 && source->last_days != 7 && source->last_days != 30 && source->last_days != 90)
    own = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %d Day", "Last %d Days", (gulong) source->last_days),
                           source->last_days);
  key = g_strdup (own != NULL ? own : "");
  if (g_strcmp0 (key, row->windows_key) != 0)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      gtk_string_list_append (model, _("All Responses"));
      for (guint i = 1; i < G_N_ELEMENTS (window_days); i++)
        {
          g_autofree char *item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %d Day", "Last %d Days",
                                                                (gulong) window_days[i]),
                                                   window_days[i]);

          gtk_string_list_append (model, item);
        }
      if (own != NULL)
        gtk_string_list_append (model, own);
      adw_combo_row_set_model (row->window_row, G_LIST_MODEL (model));
      g_free (row->windows_key);
      row->windows_key = g_steal_pointer (&key);
    }
  if (own != NULL)
    selected = G_N_ELEMENTS (window_days);
  else
    for (guint i = 0; i < G_N_ELEMENTS (window_days); i++)
      if (window_days[i] == source->last_days)
        selected = i;
  adw_combo_row_set_selected (row->window_row, selected);
}

static void
show_source (JourneyInspector      *self,
             SourceRow             *row,
             JourneyEvidenceSource *source)
{
  JourneySurveyFormat format;
  const char *format_name = source->format != NULL && journey_survey_format_from_string (source->format, &format)
                            ? journey_survey_format_get_name (format) : _("CSV");
  const char *file = source->path != NULL ? source->path : _("No file");
  g_autofree char *basename = g_path_get_basename (file);
  g_autofree char *subtitle = NULL;
  g_autofree char *columns = describe_columns (self->map, source);
  g_autofree char *when = format_time (source->updated);
  g_autofree char *updated = NULL;
  g_autofree char *file_text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), source->name);
  /* Translators: under a survey source's name: "survey.csv · Qualtrics" */
  subtitle = g_strdup_printf (_("%s · %s"), basename, format_name);
  if (source->follow)
    {
      g_autofree char *followed = g_strdup_printf (_("%s · followed"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&followed);
    }
  adw_expander_row_set_subtitle (row->row, subtitle);
  journey_inspector_set_editable_text (GTK_EDITABLE (row->name_row), source->name);
  /* Translators: a source's file and its format: "../data/survey.csv (Qualtrics)" */
  file_text = g_strdup_printf (_("%s (%s)"), file, format_name);
  adw_action_row_set_subtitle (row->file_row, file_text);
  adw_action_row_set_subtitle (row->columns_row, columns);
  show_window (row, source);
  gtk_switch_set_active (row->follow_switch, source->follow);
  /* Translators: "11/20/2026 10:00 · 120 rows used, 3 skipped" */
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d row used, %d skipped",
                                          "%s · %d rows used, %d skipped", (gulong) source->rows),
                             when, source->rows, source->skipped);
  adw_action_row_set_subtitle (row->updated_row, updated);
}

/* -- Evidence without a source record ------------------------------------ */

static void
on_typed_remove_clicked (GtkWidget *button)
{
  JourneyInspector *self = JOURNEY_INSPECTOR (gtk_widget_get_ancestor (button, JOURNEY_TYPE_INSPECTOR));
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "journey-source-name"));

  if (self->map == NULL || self->history == NULL)
    return;
  journey_inspector_new_run (self);
  journey_edit_remove_evidence_source (self->history, self->map, name);
}

/* Evidence typed into the file by hand, or from an older file, is a
 * source of its own named by its `source` (SPEC §11), without a file: it
 * can be removed. */
static void
refresh_typed (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = self->evidence;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);
      g_autoptr(GPtrArray) parts = journey_evidence_get_parts (tp->evidence);

      for (guint k = 0; k < parts->len; k++)
        {
          const char *name = ((JourneyEvidencePart *) g_ptr_array_index (parts, k))->source;
          guint at;

          if (journey_map_find_evidence_source (self->map, name, NULL) != NULL)
            continue;
          if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &at))
            {
              g_ptr_array_add (names, g_strdup (name));
              g_array_set_size (counts, names->len);
              at = names->len - 1;
            }
          g_array_index (counts, guint, at)++;
        }
    }
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (key, "%s\n%u\n", (char *) g_ptr_array_index (names, i), g_array_index (counts, guint, i));
  if (g_strcmp0 (key->str, ev->typed_key) == 0)
    return;
  g_free (ev->typed_key);
  ev->typed_key = g_strdup (key->str);

  journey_inspector_clear_rows (self->sources_group, ev->typed_rows);
  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      guint count = g_array_index (counts, guint, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (names, i));
      /* Translators: evidence without a survey file, "Typed into the project · 2 touchpoints" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Typed into the project · %u touchpoint",
                                               "Typed into the project · %u touchpoints", count),
                                  count);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: for screen readers, the button of one source */
      remove_name = g_strdup_printf (_("Remove the source “%s”"), (char *) g_ptr_array_index (names, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_widget_set_tooltip_text (remove, _("Remove the source and the evidence it gave"));
      g_object_set_data_full (G_OBJECT (remove), "journey-source-name", g_strdup (g_ptr_array_index (names, i)),
                              g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_typed_remove_clicked), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->sources_group, row);
      g_ptr_array_add (ev->typed_rows, row);
    }
}

void
journey_inspector_refresh_sources (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = self->evidence;
  guint n = journey_list_get_length (self->map->evidence_sources);

  /* Rows are kept while the number of sources stays: an open row stays
   * open, and its focus where it is. */
  while (ev->source_rows->len > n)
    {
      GtkWidget *row = g_ptr_array_steal_index (ev->source_rows, ev->source_rows->len - 1);

      adw_preferences_group_remove (self->sources_group, row);
    }
  while (ev->source_rows->len < n)
    {
      GtkWidget *row = new_source_row (self);

      adw_preferences_group_add (self->sources_group, row);
      g_ptr_array_add (ev->source_rows, row);
    }
  for (guint i = 0; i < n; i++)
    show_source (self, g_object_get_data (g_ptr_array_index (ev->source_rows, i), "journey-source-row"),
                 journey_list_peek (self->map->evidence_sources, i));
  refresh_typed (self);
  gtk_widget_set_visible (ev->no_sources_row, n == 0 && ev->typed_rows->len == 0);
}

void
journey_inspector_sources_init (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = self->evidence;
  GtkWidget *import = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *none = adw_action_row_new ();

  ev->source_rows = g_ptr_array_new ();
  ev->typed_rows = g_ptr_array_new ();

  /* Import Survey… is the window's. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import-survey");
  gtk_widget_set_tooltip_text (import, _("Import a Survey"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (import), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import a Survey"), -1);
  gtk_widget_set_valign (import, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (import, "flat");
  adw_preferences_group_set_header_suffix (self->sources_group, import);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No survey imported yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (none),
                               _("Import a survey export to test the map against what customers said"));
  gtk_widget_add_css_class (none, "dim-label");
  adw_preferences_group_add (self->sources_group, none);
  ev->no_sources_row = none;
  adw_preferences_group_add (self->sources_group, journey_inspector_error_row (&ev->sources_error));
}
