/* journey-import-dialog-mapping.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Import Survey dialog's columns, scale and time window: shown from
 * the options the importer proposes (journey_survey_preview_propose()),
 * read back into options as the user changes them.  Columns are named by
 * their position, "#N", as the command line names them. */

#define G_LOG_DOMAIN "journey-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "journey-import-dialog-private.h"

/* A wide export lists this many columns at most in the mapping. */
#define MAX_COLUMN_ROWS 300

enum { LAYOUT_WIDE, LAYOUT_LONG };

/* The scales of the drop-down, then Other (the spin buttons). */
static const int scales[][2] = { { 1, 5 }, { 1, 7 }, { 0, 10 }, { -2, 2 } };
#define SCALE_OTHER G_N_ELEMENTS (scales)

static const int window_days[] = { 0, 7, 30, 90 };
#define WINDOW_SINCE G_N_ELEMENTS (window_days)

/* The one column named @name ("#3", an id, a question), or -1 */
static int
column_index (JourneyImportDialog *self,
              const char          *name)
{
  g_autoptr(GArray) found = NULL;

  if (name == NULL || *name == '\0' || self->preview == NULL)
    return -1;
  found = journey_survey_header_find (self->preview->header, name);
  return found->len == 1 ? (int) g_array_index (found, guint, 0) : -1;
}

static int
touchpoint_index (JourneyMap *map,
                  const char *id)
{
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    if (g_strcmp0 (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id, id) == 0)
      return (int) i;
  return -1;
}

static char *
column_title (JourneySurveyColumn *column)
{
  return g_strdup (*column->question != '\0' ? column->question : column->id);
}

/* -- Widgets from options ------------------------------------------------- */

static GtkStringList *
column_list (JourneyImportDialog *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  JourneySurveyHeader *header = self->preview != NULL ? self->preview->header : NULL;

  gtk_string_list_append (list, _("None"));
  for (guint c = 0; header != NULL && c < header->columns->len; c++)
    {
      g_autofree char *title = column_title (g_ptr_array_index (header->columns, c));
      /* Translators: a column in a list of columns, "3. How was your room?" */
      g_autofree char *item = g_strdup_printf (_("%u. %s"), c + 1, title);

      gtk_string_list_append (list, item);
    }
  return list;
}

static GtkStringList *
touchpoint_list (JourneyImportDialog *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not used"));
  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);

      gtk_string_list_append (list, tp->title != NULL && *tp->title != '\0' ? tp->title : tp->id);
    }
  return list;
}

static void on_mapping_changed (JourneyImportDialog *self);
static void on_column_changed  (JourneyImportDialog *self);

static void
show_column_rows (JourneyImportDialog *self,
                  GArray              *mapped)
{
  JourneySurveyHeader *header = self->preview != NULL ? self->preview->header : NULL;
  g_autoptr(GtkStringList) touchpoints = touchpoint_list (self);
  guint shown = 0;

  for (guint c = 0; self->column_rows != NULL && c < self->column_rows->len; c++)
    if (g_ptr_array_index (self->column_rows, c) != NULL)
      adw_preferences_group_remove (self->wide_group, g_ptr_array_index (self->column_rows, c));
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  if (header == NULL)
    return;
  self->column_rows = g_ptr_array_new ();
  g_ptr_array_set_size (self->column_rows, header->columns->len);
  for (guint c = 0; c < header->columns->len && shown < MAX_COLUMN_ROWS; c++)
    {
      JourneySurveyColumn *column = g_ptr_array_index (header->columns, c);
      int tp = c < mapped->len ? g_array_index (mapped, int, c) : -1;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (tp < 0 && !journey_survey_preview_column_has_scores (self->preview, c))
        continue;
      title = column_title (column);
      /* Translators: "Column 9 (Q1)" */
      subtitle = *column->id != '\0' && g_strcmp0 (column->id, column->question) != 0
                 ? g_strdup_printf (_("Column %u (%s)"), c + 1, column->id)
                 : g_strdup_printf (_("Column %u"), c + 1);
      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (touchpoints));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (tp + 1));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_changed), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->wide_group, row);
      g_ptr_array_index (self->column_rows, c) = row;
      shown++;
    }
}

static void
show_layout (JourneyImportDialog *self)
{
  gboolean wide = adw_combo_row_get_selected (self->layout_row) == LAYOUT_WIDE;

  gtk_widget_set_visible (GTK_WIDGET (self->wide_group), wide);
  gtk_widget_set_visible (GTK_WIDGET (self->long_group), !wide);
}

static void
show_scale (JourneyImportDialog *self)
{
  int min = self->options.has_survey_scale ? self->options.survey_min : self->map->scale->min;
  int max = self->options.has_survey_scale ? self->options.survey_max : self->map->scale->max;
  guint selected = SCALE_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (scales[i][0] == min && scales[i][1] == max)
      selected = i;
  adw_combo_row_set_selected (self->scale_row, selected);
  gtk_spin_button_set_value (self->min_spin, min);
  gtk_spin_button_set_value (self->max_spin, max);
  gtk_widget_set_visible (self->range_row, selected == SCALE_OTHER);
}

static void
show_window (JourneyImportDialog *self)
{
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (window_days); i++)
    if (window_days[i] == self->options.last_days)
      selected = i;
  if (self->options.since != NULL)
    {
      selected = WINDOW_SINCE;
      gtk_editable_set_text (GTK_EDITABLE (self->since_row), self->options.since);
    }
  adw_combo_row_set_selected (self->window_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->since_row), selected == WINDOW_SINCE);
}

void
journey_import_dialog_show_mapping (JourneyImportDialog *self)
{
  g_autoptr(GtkStringList) columns = column_list (self);
  g_autoptr(GArray) mapped = g_array_new (FALSE, FALSE, sizeof (int));
  const JourneySurveyOptions *o = &self->options;
  gboolean wide = o->evidence_columns != NULL;
  int time;

  self->updating = TRUE;
  for (guint i = 0; o->evidence_columns != NULL && o->evidence_columns[i] != NULL; i++)
    {
      const char *pair = o->evidence_columns[i];
      const char *split = strrchr (pair, '=');
      g_autofree char *name = split != NULL ? g_strndup (pair, split - pair) : NULL;
      int c = column_index (self, name);
      int tp = split != NULL ? touchpoint_index (self->map, split + 1) : -1;

      if (c < 0 || tp < 0)
        continue;
      if ((guint) c >= mapped->len)
        {
          int none = -1;
          while (mapped->len <= (guint) c)
            g_array_append_val (mapped, none);
        }
      g_array_index (mapped, int, c) = tp;
    }
  show_column_rows (self, mapped);

  adw_combo_row_set_model (self->touchpoint_column_row, G_LIST_MODEL (columns));
  adw_combo_row_set_model (self->score_column_row, G_LIST_MODEL (columns));
  adw_combo_row_set_model (self->count_column_row, G_LIST_MODEL (columns));
  adw_combo_row_set_model (self->time_column_row, G_LIST_MODEL (columns));
  adw_combo_row_set_selected (self->touchpoint_column_row, (guint) (column_index (self, o->touchpoint_column) + 1));
  adw_combo_row_set_selected (self->score_column_row, (guint) (column_index (self, o->score_column) + 1));
  adw_combo_row_set_selected (self->count_column_row, (guint) (column_index (self, o->count_column) + 1));
  /* No name: the format's own time column. */
  time = o->time_column == NULL && self->preview != NULL ? self->preview->header->time_column
                                                         : column_index (self, o->time_column);
  adw_combo_row_set_selected (self->time_column_row, (guint) (time + 1));
  adw_combo_row_set_selected (self->layout_row, wide ? LAYOUT_WIDE : LAYOUT_LONG);
  show_window (self);
  show_layout (self);
  show_scale (self);
  gtk_widget_set_sensitive (self->content_box, TRUE);
  self->updating = FALSE;
}

/* -- Options from widgets ------------------------------------------------- */

static char *
selected_column (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected > 0 && selected != GTK_INVALID_LIST_POSITION ? g_strdup_printf ("#%u", selected) : NULL;
}

static char **
wide_pairs (JourneyImportDialog *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **pairs;

  for (guint c = 0; self->column_rows != NULL && c < self->column_rows->len; c++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, c);
      guint selected = row != NULL ? adw_combo_row_get_selected (row) : 0;

      if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
        {
          JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, selected - 1);
          g_autofree char *pair = g_strdup_printf ("#%u=%s", c + 1, tp->id);

          g_strv_builder_add (builder, pair);
        }
    }
  pairs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return pairs;
}

static gboolean
read_scale (JourneyImportDialog *self,
            char               **why)
{
  guint selected = adw_combo_row_get_selected (self->scale_row);
  int min, max;

  if (selected < G_N_ELEMENTS (scales))
    min = scales[selected][0], max = scales[selected][1];
  else
    {
      min = gtk_spin_button_get_value_as_int (self->min_spin);
      max = gtk_spin_button_get_value_as_int (self->max_spin);
    }
  if (max <= min || max - min >= JOURNEY_SURVEY_MAX_STEPS)
    {
      *why = g_strdup_printf (_("A survey scale from %d to %d cannot be used: the highest score must be above "
                                "the lowest, with at most %d steps."), min, max, JOURNEY_SURVEY_MAX_STEPS);
      return FALSE;
    }
  self->options.has_survey_scale = TRUE;
  self->options.survey_min = min;
  self->options.survey_max = max;
  return TRUE;
}

static gboolean
read_window (JourneyImportDialog *self,
             char               **why)
{
  guint selected = adw_combo_row_get_selected (self->window_row);

  g_clear_pointer (&self->options.since, g_free);
  self->options.last_days = selected < G_N_ELEMENTS (window_days) ? window_days[selected] : 0;
  if (selected == WINDOW_SINCE)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->since_row))));
      gint64 seconds;
      g_autoptr(GDateTime) date = NULL;

      if (*text == '\0')
        {
          *why = g_strdup (_("Write the first day to count, such as 2026-02-05."));
          return FALSE;
        }
      if (!journey_survey_parse_time (text, &seconds) || (date = g_date_time_new_from_unix_utc (seconds)) == NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->since_row), "error");
          *why = g_strdup_printf (_("“%s” is not a date: write it as 2026-02-05."), text);
          return FALSE;
        }
      self->options.since = g_date_time_format (date, "%Y-%m-%d");
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->since_row), "error");
  return TRUE;
}

gboolean
journey_import_dialog_read_mapping (JourneyImportDialog *self,
                                    char               **why)
{
  JourneySurveyOptions *o = &self->options;

  g_clear_pointer (&o->evidence_columns, g_strfreev);
  g_clear_pointer (&o->touchpoint_column, g_free);
  g_clear_pointer (&o->score_column, g_free);
  g_clear_pointer (&o->count_column, g_free);
  g_clear_pointer (&o->time_column, g_free);
  /* None is none, even where the format has a time column. */
  o->time_column = selected_column (self->time_column_row);
  if (o->time_column == NULL)
    o->time_column = g_strdup ("");
  if (adw_combo_row_get_selected (self->layout_row) == LAYOUT_WIDE)
    {
      o->evidence_columns = wide_pairs (self);
      if (o->evidence_columns[0] == NULL)
        {
          *why = g_strdup (_("Choose the touchpoint that at least one column of scores rates."));
          return FALSE;
        }
    }
  else
    {
      o->touchpoint_column = selected_column (self->touchpoint_column_row);
      o->score_column = selected_column (self->score_column_row);
      o->count_column = selected_column (self->count_column_row);
      if (o->touchpoint_column == NULL || o->score_column == NULL)
        {
          *why = g_strdup (_("Choose the column that names the touchpoint and the column of scores."));
          return FALSE;
        }
    }
  return read_scale (self, why) && read_window (self, why);
}

/* -- Signal callbacks ----------------------------------------------------- */

static void
on_mapping_changed (JourneyImportDialog *self)
{
  if (self->updating)
    return;
  show_layout (self);
  journey_import_dialog_update_summary (self);
}

/* A column given a touchpoint: the scale follows the columns' scores,
 * until the user chooses one. */
static void
on_column_changed (JourneyImportDialog *self)
{
  g_autofree char *why = NULL;

  if (self->updating)
    return;
  if (!self->scale_by_hand && self->preview != NULL)
    {
      g_clear_pointer (&self->options.evidence_columns, g_strfreev);
      self->options.evidence_columns = wide_pairs (self);
      journey_survey_preview_propose_scale (self->preview, &self->options);
      self->updating = TRUE;
      show_scale (self);
      self->updating = FALSE;
    }
  journey_import_dialog_update_summary (self);
}

static void
on_scale_changed (JourneyImportDialog *self)
{
  if (self->updating)
    return;
  self->scale_by_hand = TRUE;
  gtk_widget_set_visible (self->range_row, adw_combo_row_get_selected (self->scale_row) == SCALE_OTHER);
  journey_import_dialog_update_summary (self);
}

static void
on_window_changed (JourneyImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->since_row), adw_combo_row_get_selected (self->window_row) == WINDOW_SINCE);
  on_mapping_changed (self);
}

void
journey_import_dialog_mapping_init (JourneyImportDialog *self)
{
  AdwComboRow *rows[] = {
    self->layout_row, self->touchpoint_column_row, self->score_column_row, self->count_column_row,
    self->time_column_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "notify::selected", G_CALLBACK (on_mapping_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_row, "notify::selected", G_CALLBACK (on_scale_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->min_spin, "value-changed", G_CALLBACK (on_scale_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->max_spin, "value-changed", G_CALLBACK (on_scale_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_row, "notify::selected", G_CALLBACK (on_window_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->since_row, "changed", G_CALLBACK (on_mapping_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->since_row), FALSE);
}
