/* journey-import-dialog.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Import Survey dialog: the file's reading options and its preview.
 * The columns, scale and window are in journey-import-dialog-mapping.c,
 * the import itself in journey-import-dialog-run.c. */

#define G_LOG_DOMAIN "journey-import"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-evidence.h"
#include "journey-import-dialog-private.h"

/* The preview shows at most this many rows and columns: a wide export
 * has hundreds of columns. */
#define PREVIEW_ROWS    12
#define PREVIEW_COLUMNS 24
#define CELL_CHARS      22
/* The skip reasons the summary names. */
#define SUMMARY_REASONS 3

G_DEFINE_FINAL_TYPE (JourneyImportDialog, journey_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The encodings offered, in the order of the drop-down. */
static const JourneySurveyEncoding encodings[] = {
  JOURNEY_SURVEY_ENCODING_UTF8,
  JOURNEY_SURVEY_ENCODING_UTF16LE,
  JOURNEY_SURVEY_ENCODING_UTF16BE,
  JOURNEY_SURVEY_ENCODING_WINDOWS_1252,
};
static const char separators[] = { ',', ';', '\t' };

/* -- Preview -------------------------------------------------------------- */

/* A cell as the preview shows it: one line. */
static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  g_autofree char *line = g_strdup (text);
  GtkWidget *label;

  g_strdelimit (line, "\r\n\t", ' ');
  label = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* Only a long cell is cut: GTK 4.8 measures a short ellipsized label
   * narrower than its ellipsis. */
  if (g_utf8_strlen (line, -1) > CELL_CHARS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_CHARS);
      gtk_label_set_width_chars (GTK_LABEL (label), CELL_CHARS / 2);
    }
  if (heading)
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, line);
    }
  return label;
}

static void
show_preview_rows (JourneyImportDialog *self)
{
  GtkWidget *child;
  JourneySurveyHeader *header = self->preview != NULL ? self->preview->header : NULL;
  guint n_columns = header != NULL ? MIN (header->columns->len, PREVIEW_COLUMNS) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->preview_grid)), n_columns > 0);
  for (guint c = 0; c < n_columns; c++)
    {
      JourneySurveyColumn *column = g_ptr_array_index (header->columns, c);

      gtk_grid_attach (self->preview_grid, cell_label (*column->question != '\0' ? column->question : column->id, TRUE),
                       (int) c, 0, 1, 1);
    }
  for (guint r = 0; n_columns > 0 && r < MIN (self->preview->rows->len, PREVIEW_ROWS); r++)
    {
      char **cells = g_ptr_array_index (self->preview->rows, r);
      guint n = g_strv_length (cells);

      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (self->preview_grid, cell_label (c < n ? cells[c] : "", FALSE), (int) c, (int) r + 1, 1, 1);
    }
}

/* "8 rows will be used, 3 skipped: line 5, a survey preview; …" */
void
journey_import_dialog_update_summary (JourneyImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JourneySurveyTrial) trial = NULL;
  g_autofree char *why = NULL;

  self->valid = FALSE;
  if (self->preview == NULL)
    g_string_append_printf (text, _("The file cannot be read: %s"),
                            self->preview_error != NULL ? self->preview_error->message : "");
  else if (!journey_import_dialog_read_mapping (self, &why))
    g_string_append (text, why);
  else
    {
      trial = journey_survey_preview_try (self->preview, self->map, &self->options);
      if (!self->preview->complete)
        {
          g_autofree char *size = g_format_size (JOURNEY_SURVEY_PREVIEW_BYTES);

          /* Translators: %s is a size such as "262.1 kB"; a sentence follows */
          g_string_append_printf (text, _("In the first %s of the file: "), size);
        }
      if (trial->error != NULL && trial->n_used == 0)
        g_string_append_printf (text, self->preview->complete ? _("Nothing can be imported: %s")
                                                              : _("nothing can be imported: %s"),
                                trial->error->message);
      else
        {
          self->valid = TRUE;
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%llu row will be used", "%llu rows will be used",
                                                     (gulong) MIN (trial->n_used, G_MAXULONG)),
                                  (unsigned long long) trial->n_used);
          if (trial->n_outside > 0)
            g_string_append_printf (text, _(", %llu before the date"), (unsigned long long) trial->n_outside);
        }
      if (trial->n_skipped > 0)
        {
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %llu skipped", "; %llu skipped",
                                                     (gulong) MIN (trial->n_skipped, G_MAXULONG)),
                                  (unsigned long long) trial->n_skipped);
          for (guint i = 0; i < MIN (trial->skipped->len, SUMMARY_REASONS); i++)
            {
              JourneySurveySkip *skip = g_ptr_array_index (trial->skipped, i);

              /* Translators: a skipped row, "line 5: the row is spam" */
              g_string_append_printf (text, _("%sline %llu: %s"), i == 0 ? " (" : "; ",
                                      (unsigned long long) skip->line, skip->reason);
            }
          if (trial->n_skipped > SUMMARY_REASONS)
            g_string_append (text, "; …");
          g_string_append (text, ")");
        }
      g_string_append (text, ".");
    }
  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 self->valid && self->cancellable == NULL);
}

static void
show_reading (JourneyImportDialog *self)
{
  self->updating = TRUE;
  if (self->preview != NULL)
    {
      adw_combo_row_set_selected (self->format_row, self->preview->format);
      for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
        if (encodings[i] == self->preview->encoding)
          adw_combo_row_set_selected (self->encoding_row, i);
      for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
        if (separators[i] == self->preview->separator)
          adw_combo_row_set_selected (self->separator_row, i);
    }
  self->updating = FALSE;
}

/* Reads the beginning of the file again with the reading options, and
 * proposes a mapping and a scale for it. */
static void
reload (JourneyImportDialog *self)
{
  gboolean has_scale = self->options.has_survey_scale;
  int min = self->options.survey_min, max = self->options.survey_max;

  g_clear_pointer (&self->preview, journey_survey_preview_free);
  g_clear_error (&self->preview_error);
  self->preview = journey_survey_preview_new (self->file, &self->options, NULL, &self->preview_error);
  /* A source's own mapping, once; a source that found its columns by
   * itself finds them again. */
  if (self->preview != NULL &&
      !(self->remembered && (self->options.evidence_columns != NULL || self->options.touchpoint_column != NULL)))
    {
      journey_survey_preview_propose (self->preview, self->map, &self->options);
      if (self->scale_by_hand)
        {
          self->options.has_survey_scale = has_scale;
          self->options.survey_min = min;
          self->options.survey_max = max;
        }
    }
  self->remembered = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), self->preview != NULL);
  show_reading (self);
  show_preview_rows (self);
  journey_import_dialog_show_mapping (self);
  journey_import_dialog_update_summary (self);
}

static void
on_reading_changed (JourneyImportDialog *self,
                    GParamSpec          *pspec,
                    AdwComboRow         *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (row == self->format_row)
    self->options.format = (int) selected;
  else if (row == self->encoding_row && selected < G_N_ELEMENTS (encodings))
    self->options.encoding = encodings[selected];
  else if (row == self->separator_row && selected < G_N_ELEMENTS (separators))
    self->options.separator = separators[selected];
  reload (self);
}

static void
fill_reading_rows (JourneyImportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  const char * const encoding_names[] = {
    _("UTF-8"), _("UTF-16 (little-endian)"), _("UTF-16 (big-endian)"), _("Windows-1252 (Western)"), NULL,
  };
  const char * const separator_names[] = { _("Comma"), _("Semicolon"), _("Tab"), NULL };
  g_autoptr(GtkStringList) encoding_list = gtk_string_list_new (encoding_names);
  g_autoptr(GtkStringList) separator_list = gtk_string_list_new (separator_names);

  G_STATIC_ASSERT (G_N_ELEMENTS (encoding_names) == G_N_ELEMENTS (encodings) + 1);
  G_STATIC_ASSERT (G_N_ELEMENTS (separator_names) == G_N_ELEMENTS (separators) + 1);

  for (guint i = 0; i < JOURNEY_SURVEY_N_FORMATS; i++)
    gtk_string_list_append (formats, journey_survey_format_get_name (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_list));
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (separator_list));
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_reading_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (on_reading_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->separator_row, "notify::selected", G_CALLBACK (on_reading_changed), self,
                           G_CONNECT_SWAPPED);
}

/* -- Class ---------------------------------------------------------------- */

static void
journey_import_dialog_dispose (GObject *object)
{
  JourneyImportDialog *self = JOURNEY_IMPORT_DIALOG (object);

  journey_import_dialog_run_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->file);
  g_clear_pointer (&self->preview, journey_survey_preview_free);
  g_clear_error (&self->preview_error);
  journey_survey_options_clear (&self->options);

  G_OBJECT_CLASS (journey_import_dialog_parent_class)->dispose (object);
}

static void
journey_import_dialog_class_init (JourneyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_import_dialog_dispose;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, wide_group);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, long_group);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, touchpoint_column_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, score_column_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, count_column_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, min_spin);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, max_spin);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, time_column_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, window_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyImportDialog, follow_switch);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, journey_import_dialog_import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, journey_import_dialog_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  /* Enter where it has no other meaning, and Ctrl+Enter anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "import.import", NULL);
}

static void
journey_import_dialog_init (JourneyImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->since_row), TRUE);
  self->options.format = -1;
  fill_reading_rows (self);
  journey_import_dialog_mapping_init (self);
}

/* -- Public API ----------------------------------------------------------- */

JourneyImportDialog *
journey_import_dialog_new (GtkWindow       *parent,
                           JourneyDocument *document,
                           JourneyMap      *map,
                           GFile           *file)
{
  JourneyImportDialog *self;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  JourneyEvidenceSource *source;

  g_return_val_if_fail (JOURNEY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (JOURNEY_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->map = g_object_ref (map);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  /* A file imported before: as it was imported. */
  folder = journey_import_dialog_dup_project_folder (self);
  source = journey_evidence_find_file_source (map, file, folder);
  if (source != NULL)
    {
      journey_evidence_source_options (source, &self->options);
      self->remembered = TRUE;
      self->scale_by_hand = TRUE;
      gtk_switch_set_active (self->follow_switch, source->follow);
    }
  reload (self);
  return self;
}

/* The folder of the project file, which source paths are relative to;
 * NULL for a project never saved. */
GFile *
journey_import_dialog_dup_project_folder (JourneyImportDialog *self)
{
  GFile *file = journey_document_get_file (self->document);

  return file != NULL ? g_file_get_parent (file) : NULL;
}

GFile *
journey_import_dialog_get_file (JourneyImportDialog *self)
{
  g_return_val_if_fail (JOURNEY_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

AdwComboRow *
journey_import_dialog_get_column_row (JourneyImportDialog *self,
                                      guint                column)
{
  g_return_val_if_fail (JOURNEY_IS_IMPORT_DIALOG (self), NULL);

  if (self->column_rows == NULL || column >= self->column_rows->len)
    return NULL;
  return g_ptr_array_index (self->column_rows, column);
}

gboolean
journey_import_dialog_get_running (JourneyImportDialog *self)
{
  g_return_val_if_fail (JOURNEY_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
journey_import_dialog_emit_imported (JourneyImportDialog *self,
                                     const char          *message)
{
  g_signal_emit (self, signals[IMPORTED], 0, message);
}
