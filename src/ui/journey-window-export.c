/* journey-window-export.c: exporting from the window
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-print-operation.h"
#include "journey-window-export.h"

/* The last target lives with the document, in memory: each open document
 * remembers its own. */
#define TARGET_KEY "journey-export-target"

const JourneyExportTarget *
journey_window_get_export_target (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  return g_object_get_data (G_OBJECT (journey_window_get_document (self)), TARGET_KEY);
}

gboolean
journey_window_export_to (JourneyWindow             *self,
                          const JourneyExportTarget *target)
{
  JourneyProject *project = journey_window_get_project (self);
  JourneyMap *map = journey_window_get_map (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (project == NULL || map == NULL)
    return FALSE;

  /* Remembered even when it fails: Ctrl+E tries again after the user has
   * fixed the folder, say. */
  if (journey_window_get_export_target (self) != target)
    g_object_set_data_full (G_OBJECT (journey_window_get_document (self)), TARGET_KEY,
                            journey_export_target_copy (target), (GDestroyNotify) journey_export_target_free);

  if (!journey_export_write (project, map, target->format, &target->options, target->file, &error))
    {
      journey_window_add_error_toast (self, error->message);
      return FALSE;
    }

  basename = g_file_get_basename (target->file);
  uri = g_file_get_uri (target->file);
  /* Translators: a toast; %s is a file name */
  title = g_markup_printf_escaped (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  journey_window_add_toast (self, toast);
  return TRUE;
}

static void
on_export (JourneyWindow       *self,
           JourneyExportTarget *target,
           JourneyExportDialog *dialog)
{
  journey_window_export_to (self, target);
}

void
journey_window_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  JourneyDocument *document = journey_window_get_document (self);
  JourneyProject *project = journey_window_get_project (self);
  JourneyMap *map = journey_window_get_map (self);
  const JourneyExportTarget *previous = journey_window_get_export_target (self);
  GFile *file = journey_document_get_file (document);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (project == NULL || map == NULL)
    return;

  /* Beside the last export, or beside the journey, named after it (and
   * after the map, when it has several). */
  if (previous != NULL)
    folder = g_file_get_parent (previous->file);
  else if (file != NULL)
    folder = g_file_get_parent (file);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (g_str_has_suffix (basename, ".journey"))
        basename[strlen (basename) - strlen (".journey")] = '\0';
      name = g_steal_pointer (&basename);
    }
  else
    name = g_strdup (_("Untitled"));
  if (journey_list_get_length (project->maps) > 1 && map->id != NULL)
    {
      char *with_map = g_strdup_printf ("%s-%s", name, map->id);

      g_free (name);
      name = with_map;
    }

  dialog = journey_export_dialog_new (GTK_WINDOW (self), previous, name, folder);
  /* The map's own setting, which the switch overrides for this export. */
  journey_export_dialog_set_notes (JOURNEY_EXPORT_DIALOG (dialog), map->show_notes);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_export), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
journey_window_export_again_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  const JourneyExportTarget *target = journey_window_get_export_target (self);

  if (target == NULL)
    journey_window_export_action (widget, "win.export", NULL);
  else
    journey_window_export_to (self, target);
}

void
journey_window_open_exported_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The print settings and page setup of the last print, kept with the
 * document like its export target. */
#define PRINT_SETTINGS_KEY "journey-print-settings"
#define PAGE_SETUP_KEY     "journey-page-setup"
#define PRINT_LAYOUT_KEY   "journey-print-layout"

void
journey_window_print_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  GObject *document = G_OBJECT (journey_window_get_document (self));
  JourneyProject *project = journey_window_get_project (self);
  JourneyMap *map = journey_window_get_map (self);
  g_autoptr(JourneyPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings = g_object_get_data (document, PRINT_SETTINGS_KEY);
  GtkPageSetup *setup = g_object_get_data (document, PAGE_SETUP_KEY);
  GtkPrintOperationResult result;

  if (project == NULL || map == NULL)
    return;

  operation = journey_print_operation_new (project, map);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  journey_print_operation_set_layout (operation, GPOINTER_TO_INT (g_object_get_data (document, PRINT_LAYOUT_KEY)));

  /* Not asynchronous: the map cannot change while it prints. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    journey_window_add_error_toast (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintOperation *op = GTK_PRINT_OPERATION (operation);

      g_object_set_data_full (document, PRINT_SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (op)), g_object_unref);
      g_object_set_data_full (document, PAGE_SETUP_KEY,
                              g_object_ref (gtk_print_operation_get_default_page_setup (op)), g_object_unref);
      g_object_set_data (document, PRINT_LAYOUT_KEY,
                         GINT_TO_POINTER (journey_print_operation_get_layout (operation)));
    }
}
