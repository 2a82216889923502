/* journey-export-dialog.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-export-dialog.h"

struct _JourneyExportDialog
{
  AdwWindow             parent_instance;

  char                 *name;
  GFile                *folder;
  GtkFileChooserNative *chooser;
  /* The formats listed by format_row, in its order. */
  GPtrArray            *formats;

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

/* Only the rows of the options that apply to the format. */
static void
update_rows (JourneyExportDialog *self)
{
  const JourneyExportFormat *format = journey_export_dialog_get_format (self);

  gtk_widget_set_visible (self->scale_row, (format->flags & JOURNEY_EXPORT_USES_SCALE) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_row), (format->flags & JOURNEY_EXPORT_USES_CSV_FLAVOUR) != 0);
  gtk_widget_set_visible (self->notes_row, (format->flags & JOURNEY_EXPORT_USES_NOTES) != 0);
}

/* @file with the extension of @format, unless it has one of the format's
 * already. */
static GFile *
with_extension (GFile                     *file,
                const JourneyExportFormat *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (journey_export_format_for_path (basename, NULL) == format)
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  name = g_strconcat (basename, ".", journey_export_format_get_extension (format), NULL);
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
  const JourneyExportFormat *format = journey_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export the Map"), parent ? parent : GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, journey_export_format_get_name (format));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  for (guint i = 0; format->extensions[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, format->extensions[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  name = g_strconcat (self->name, ".", journey_export_format_get_extension (format), NULL);
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
  g_clear_pointer (&self->formats, g_ptr_array_unref);

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
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->formats = g_ptr_array_new ();
  for (guint i = 0; i < journey_export_get_n_formats (); i++)
    {
      const JourneyExportFormat *format = journey_export_get_format (i);

      if (format->flags & JOURNEY_EXPORT_PROJECT)
        continue;
      g_ptr_array_add (self->formats, (gpointer) format);
      gtk_string_list_append (names, journey_export_format_get_name (format));
    }
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));

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
      if (previous->format->flags & JOURNEY_EXPORT_USES_SCALE)
        journey_export_dialog_set_scale (self, previous->options.scale);
      adw_combo_row_set_selected (self->columns_row, previous->options.csv_flavour);
    }
  return GTK_WIDGET (self);
}

const JourneyExportFormat *
journey_export_dialog_get_format (JourneyExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (JOURNEY_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->format_row);
  return g_ptr_array_index (self->formats, selected < self->formats->len ? selected : 0);
}

void
journey_export_dialog_set_format (JourneyExportDialog       *self,
                                  const JourneyExportFormat *format)
{
  guint index;

  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format != NULL);

  if (!g_ptr_array_find (self->formats, format, &index))
    {
      g_critical ("The export dialog does not offer %s", format->id);
      return;
    }
  adw_combo_row_set_selected (self->format_row, index);
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
  JourneyExportTarget target = { .options = JOURNEY_EXPORT_OPTIONS_INIT };
  g_autoptr(GFile) named = NULL;
  JourneyExportFlags flags;

  g_return_if_fail (JOURNEY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  target.format = journey_export_dialog_get_format (self);
  flags = target.format->flags;
  named = with_extension (file, target.format);
  target.file = named;
  if (flags & JOURNEY_EXPORT_USES_SCALE)
    target.options.scale = gtk_spin_button_get_value (self->scale_spin);
  /* The others are kept though the format ignores them: the dialog offers
   * them again next time. */
  target.options.csv_flavour = (JourneyCsvFlavour) MIN (adw_combo_row_get_selected (self->columns_row),
                                                        JOURNEY_CSV_RALLY);
  target.options.notes = gtk_switch_get_active (self->notes_switch) ? JOURNEY_NOTES_SHOWN : JOURNEY_NOTES_HIDDEN;

  g_object_ref (self);
  g_signal_emit (self, signals[EXPORT], 0, &target);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}
