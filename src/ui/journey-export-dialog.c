/* journey-export-dialog.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-export.h"
#include "journey-export-dialog.h"
#include "journey-format.h"

struct _JourneyExportDialog
{
  AdwWindow             parent_instance;

  char                 *name;
  GFile                *folder;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwComboRow          *format_row;
  GtkWidget            *scale_row;
  GtkSpinButton        *scale_spin;
  AdwComboRow          *columns_row;
  GtkWidget            *notes_row;
  GtkSwitch            *notes_switch;
};

G_DEFINE_FINAL_TYPE (JourneyExportDialog, journey_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *extension;
  const char *mime_type;
} formats[] = {
  [JOURNEY_EXPORT_FORMAT_SVG] = { "svg", "image/svg+xml" },
  [JOURNEY_EXPORT_FORMAT_PNG] = { "png", "image/png" },
  [JOURNEY_EXPORT_FORMAT_PDF] = { "pdf", "application/pdf" },
  [JOURNEY_EXPORT_FORMAT_CSV] = { "csv", "text/csv" },
};

const char *
journey_export_format_get_extension (JourneyExportFormat format)
{
  g_return_val_if_fail (format <= JOURNEY_EXPORT_FORMAT_CSV, NULL);

  return formats[format].extension;
}

JourneyExportTarget *
journey_export_target_copy (const JourneyExportTarget *target)
{
  JourneyExportTarget *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_memdup2 (target, sizeof *target);
  copy->file = g_object_ref (target->file);
  return copy;
}

void
journey_export_target_free (JourneyExportTarget *target)
{
  if (target == NULL)
    return;
  g_clear_object (&target->file);
  g_free (target);
}

/* Plain CSV for spreadsheets, or the columns that Jira's or Rally's
 * importer takes (SPEC §5). */
static gboolean
write_csv (const JourneyExportTarget *target,
           JourneyProject            *project,
           JourneyMap                *map,
           const char                *path,
           GError                   **error)
{
  gsize length = 0;
  g_autofree char *csv = journey_csv_write_flavour (project, map, target->csv_flavour, &length);

  return journey_write_file_atomically (path, csv, length, FALSE, error);
}

gboolean
journey_export_target_write (const JourneyExportTarget *target,
                             JourneyProject            *project,
                             JourneyMap                *map,
                             GError                   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (target->file), FALSE);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);

  path = g_file_get_path (target->file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only files on this computer can be written"), uri);
      return FALSE;
    }

  if (target->format == JOURNEY_EXPORT_FORMAT_CSV)
    return write_csv (target, project, map, path, error);
  return journey_export_file_full (project, map, path, target->scale, target->notes, error);
}

static void
update_rows (JourneyExportDialog *self)
{
  JourneyExportFormat format = journey_export_dialog_get_format (self);

  gtk_widget_set_visible (self->scale_row, format == JOURNEY_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_row), format == JOURNEY_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (self->notes_row, format != JOURNEY_EXPORT_FORMAT_CSV);
}

/* @file with the extension of @format, unless it has it already. */
static GFile *
with_extension (GFile               *file,
                JourneyExportFormat  format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suffix = g_strconcat (".", formats[format].extension, NULL);
  g_autofree char *lower = g_utf8_strdown (basename, -1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_suffix (lower, suffix))
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  name = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, name);
}

static void
on_chooser_response (JourneyExportDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_clear_object (&self->chooser);
      journey_export_dialog_export_to (self, file);
      return;
    }

  g_clear_object (&self->chooser);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JourneyExportDialog *self = JOURNEY_EXPORT_DIALOG (widget);
  JourneyExportFormat format = journey_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export the Map"), parent ? parent : GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row)
                                    ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                                    : formats[format].extension);
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_filter_add_suffix (filter, formats[format].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  name = g_strconcat (self->name, ".", formats[format].extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  /* The dialog waits for the chooser: no second one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
journey_export_dialog_dispose (GObject *object)
{
  JourneyExportDialog *self = JOURNEY_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (journey_export_dialog_parent_class)->dispose (object);
}

static void
journey_export_dialog_finalize (GObject *object)
{
  JourneyExportDialog *self = JOURNEY_EXPORT_DIALOG (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (journey_export_dialog_parent_class)->finalize (object);
}

static void
journey_export_dialog_class_init (JourneyExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_export_dialog_dispose;
  object_class->finalize = journey_export_dialog_finalize;

  /**
   * JourneyExportDialog::export:
   * @target: (type gpointer): the JourneyExportTarget chosen
   *
   * The user chose a file: write the map there.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, columns_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyExportDialog, notes_switch);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
journey_export_dialog_init (JourneyExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  update_rows (self);
}

GtkWidget *
journey_export_dialog_new (GtkWindow                 *parent,
                           const JourneyExportTarget *previous,
                           const char                *name,
                           GFile                     *folder)
{
  JourneyExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (JOURNEY_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->name = g_strdup (name);
  g_set_object (&self->folder, folder);
  if (previous != NULL)
    {
      journey_export_dialog_set_format (self, previous->format);
      if (previous->format == JOURNEY_EXPORT_FORMAT_PNG)
        journey_export_dialog_set_scale (self, previous->scale);
      adw_combo_row_set_selected (self->columns_row, previous->csv_flavour);
    }
  return GTK_WIDGET (self);
}

JourneyExportFormat
journey_export_dialog_get_format (JourneyExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (JOURNEY_IS_EXPORT_DIALOG (self), JOURNEY_EXPORT_FORMAT_SVG);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= JOURNEY_EXPORT_FORMAT_CSV ? (JourneyExportFormat) selected : JOURNEY_EXPORT_FORMAT_SVG;
}

void
journey_export_dialog_set_format (JourneyExportDialog *self,
                                  JourneyExportFormat  format)
{
  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= JOURNEY_EXPORT_FORMAT_CSV);

  adw_combo_row_set_selected (self->format_row, format);
}

void
journey_export_dialog_set_scale (JourneyExportDialog *self,
                                 double               scale)
{
  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->scale_spin, scale);
}

void
journey_export_dialog_set_csv_flavour (JourneyExportDialog *self,
                                       JourneyCsvFlavour    flavour)
{
  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->columns_row, (guint) flavour);
}

void
journey_export_dialog_set_notes (JourneyExportDialog *self,
                                 gboolean             shown)
{
  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->notes_switch, shown);
}

gboolean
journey_export_dialog_get_notes (JourneyExportDialog *self)
{
  g_return_val_if_fail (JOURNEY_IS_EXPORT_DIALOG (self), TRUE);

  return gtk_switch_get_active (self->notes_switch);
}

void
journey_export_dialog_export_to (JourneyExportDialog *self,
                                 GFile               *file)
{
  JourneyExportTarget target = { 0 };
  g_autoptr(GFile) named = NULL;

  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  target.format = journey_export_dialog_get_format (self);
  named = with_extension (file, target.format);
  target.file = named;
  target.scale = target.format == JOURNEY_EXPORT_FORMAT_PNG ? gtk_spin_button_get_value (self->scale_spin) : 1.0;
  target.csv_flavour = (JourneyCsvFlavour) MIN (adw_combo_row_get_selected (self->columns_row), JOURNEY_CSV_RALLY);
  target.notes = gtk_switch_get_active (self->notes_switch) ? JOURNEY_NOTES_SHOWN : JOURNEY_NOTES_HIDDEN;

  g_object_ref (self);
  g_signal_emit (self, signals[EXPORT], 0, &target);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}
