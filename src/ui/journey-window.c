/* journey-window.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-document.h"
#include "journey-canvas.h"
#include "journey-inspector.h"
#include "journey-session-panel.h"
#include "journey-window-private.h"
#include "journey-validation.h"
#include "journey-window-evidence.h"
#include "journey-window-export.h"
#include "journey-presentation.h"
#include "journey-start-page.h"
#include "journey-window-files.h"
#include "journey-window-mermaid.h"

G_DEFINE_FINAL_TYPE (JourneyWindow, journey_window, ADW_TYPE_APPLICATION_WINDOW)

/* The title of the journey shown: its map's, else its project's; NULL
 * for none. */
const char *
journey_window_get_journey_title (JourneyWindow *self)
{
  JourneyMap *map = journey_canvas_get_map (self->canvas);
  JourneyProject *project = journey_document_get_project (self->document);

  if (map != NULL && map->title != NULL && map->title[0] != '\0')
    return map->title;
  if (project != NULL && project->title != NULL && project->title[0] != '\0')
    return project->title;
  return NULL;
}

/**
 * journey_window_new_question:
 * @action: the response that goes ahead, labelled @action_label
 *
 * A question before a step that cannot be taken back: Cancel (the
 * default, and Escape) or @action, shown as destructive.  @callback gets
 * the response, @data swapped in front.  The caller sets the body and
 * presents it.
 */
AdwMessageDialog *
journey_window_new_question (JourneyWindow *self,
                             const char    *heading,
                             const char    *action,
                             const char    *action_label,
                             GCallback      callback,
                             gpointer       data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), action, action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, action, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", callback, data, G_CONNECT_SWAPPED);
  return dialog;
}

/* The name of the file shown, "Unsaved Journey" for none. */
static char *
dup_file_name (JourneyWindow *self)
{
  GFile *file = journey_document_get_file (self->document);

  if (file == NULL)
    return g_strdup (_("Unsaved Journey"));
  return g_file_get_basename (file);
}

/* What the dialogs call the document: its file's name; a journey never
 * saved (from a template or a Mermaid diagram) by its title when it has
 * one. */
char *
journey_window_dup_display_name (JourneyWindow *self)
{
  const char *title = journey_window_get_journey_title (self);

  if (journey_document_get_file (self->document) == NULL && title != NULL)
    return g_strdup (title);
  return dup_file_name (self);
}

/* Shows the stack's page @name.  The start page is visible only while it
 * is shown: a stack measures every visible page, and the start page's
 * rows were a third of the first layout of a window opening a file.  The
 * map page stays measured, so that the window need not grow for it. */
void
journey_window_show_page (JourneyWindow *self,
                          const char    *name)
{
  GtkWidget *start = gtk_stack_get_child_by_name (self->stack, "empty");
  gboolean starting = g_str_equal (name, "empty");

  if (starting)
    gtk_widget_set_visible (start, TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);
  if (!starting)
    gtk_widget_set_visible (start, FALSE);
}

void
journey_window_update_title (JourneyWindow *self)
{
  g_autofree char *name = dup_file_name (self);
  g_autofree char *subtitle = NULL;
  JourneyProject *project = journey_document_get_project (self->document);
  const char *title = journey_window_get_journey_title (self);

  /* The title above, the file below. */
  if (title == NULL)
    title = _("Journeys");

  /* A dot before the file name marks unsaved changes, as in Text Editor. */
  if (journey_document_get_dirty (self->document))
    subtitle = g_strdup_printf ("• %s", name);
  else
    subtitle = g_steal_pointer (&name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, project ? subtitle : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
journey_window_update_actions (JourneyWindow *self)
{
  JourneyHistory *history = journey_document_get_history (self->document);
  gboolean has_project = journey_document_get_project (self->document) != NULL;
  gboolean idle = !journey_document_get_busy (self->document);

  /* While a load or a save runs, the project must not change under it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_project && idle && journey_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_project && idle && journey_history_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_project && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-touchpoint", has_project && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_project && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 has_project && idle && journey_document_get_file (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-again", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-mermaid", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-evidence", has_project);
}

/* The buttons say what they would undo and redo. */
static void
update_history_tooltips (JourneyWindow  *self,
                         JourneyHistory *history)
{
  const char *undo = journey_history_can_undo (history) ? journey_history_get_undo_label (history) : NULL;
  const char *redo = journey_history_can_redo (history) ? journey_history_get_redo_label (history) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Translators: "Undo Move “Pays for the stay” (Ctrl+Z)" */
  undo_tip = undo && *undo ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo) : g_strdup (_("Undo (Ctrl+Z)"));
  redo_tip = redo && *redo ? g_strdup_printf (_("Redo %s (Shift+Ctrl+Z)"), redo) : g_strdup (_("Redo (Shift+Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
on_history_changed (JourneyWindow  *self,
                    JourneyHistory *history)
{
  update_history_tooltips (self, history);
  journey_window_update_map_chooser (self);
  journey_window_update_title (self);
  journey_window_update_actions (self);
}

static void
on_document_state (JourneyWindow   *self,
                   GParamSpec      *pspec,
                   JourneyDocument *document)
{
  journey_window_update_title (self);
  journey_window_update_actions (self);
}

/* Header bar buttons act on the canvas. */
static void
canvas_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autofree char *name = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), name, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);

  journey_history_undo (journey_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);

  journey_history_redo (journey_document_get_history (self->document));
}

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (JourneyWindow   *self,
                   const char      *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      journey_document_discard_autosave (self->document);
      journey_history_mark_clean (journey_document_get_history (self->document));
      /* Once the dialog, which is transient for the window and still
       * answering, has closed: destroyed now, the window would be gone
       * before the dialog lets go of it. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      journey_window_save_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
journey_window_close_request (GtkWindow *window)
{
  JourneyWindow *self = JOURNEY_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_settings_set_int (self->settings, "window-width", gtk_widget_get_width (GTK_WIDGET (self)));
  g_settings_set_int (self->settings, "window-height", gtk_widget_get_height (GTK_WIDGET (self)));
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  /* Participants are connected: first the session. */
  if (journey_window_ask_stop_session (self))
    return TRUE;

  if (journey_document_get_project (self->document) == NULL || !journey_document_get_dirty (self->document))
    {
      /* Undone back to the file: an autosave would only repeat it. */
      journey_document_discard_autosave (self->document);
      return GTK_WINDOW_CLASS (journey_window_parent_class)->close_request (window);
    }

  name = journey_window_dup_display_name (self);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved are lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
on_activate_touchpoint (JourneyWindow *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->inspector_button), TRUE);
  journey_inspector_focus_title (self->inspector);
}

/* A double click on a note: its field in the inspector. */
static void
on_activate_note (JourneyWindow     *self,
                  JourneyTouchpoint *touchpoint,
                  guint              kind,
                  guint              item)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->inspector_button), TRUE);
  journey_inspector_focus_note (self->inspector, kind, item);
}

/* GTK 4.8 names a button after its label property, underline and all, and
 * after the label it shows ("_Reload Reload"): the label shown is enough. */
static void
on_banner_button_label (GtkButton *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A closed banner's buttons are not there for screen readers either. */
static void
on_banner_revealed (JourneyWindow *self)
{
  gtk_widget_set_visible (gtk_revealer_get_child (self->disk_banner),
                          gtk_revealer_get_reveal_child (self->disk_banner) ||
                          gtk_revealer_get_child_revealed (self->disk_banner));
}

static void
toggle_inspector_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (self->inspector_button);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

/**
 * journey_window_get_shortcuts_window:
 *
 * The window's shortcuts window, made the first time it is asked for:
 * GtkApplication would build one with every window, a sixth of the time
 * a window takes to open.
 *
 * Returns: (transfer none): the shortcuts window
 */
GtkWindow *
journey_window_get_shortcuts_window (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/journeys/Journeys/journey-shortcuts-window.ui");

      /* It shows the keys of the window's actions, and goes with it. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
    }
  return GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)));
}

static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_present (journey_window_get_shortcuts_window (JOURNEY_WINDOW (widget)));
}

static void
journey_window_dispose (GObject *object)
{
  JourneyWindow *self = JOURNEY_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->cancellable);
  /* No autosave timer outlives the window. */
  if (self->document != NULL)
    journey_document_set_autosave_interval (self->document, 0);

  g_clear_pointer (&self->presentation, journey_presentation_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_WINDOW);

  G_OBJECT_CLASS (journey_window_parent_class)->dispose (object);
}

static void
journey_window_finalize (GObject *object)
{
  JourneyWindow *self = JOURNEY_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->settings);
  journey_window_output_clear (&self->output);

  G_OBJECT_CLASS (journey_window_parent_class)->finalize (object);
}

static void
journey_window_class_init (JourneyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = journey_window_dispose;
  object_class->finalize = journey_window_finalize;
  window_class->close_request = journey_window_close_request;

  g_type_ensure (JOURNEY_TYPE_CANVAS);
  g_type_ensure (JOURNEY_TYPE_INSPECTOR);
  g_type_ensure (JOURNEY_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, repair_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, map_chooser);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, disk_label);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, disk_primary_button);
  gtk_widget_class_bind_template_child (widget_class, JourneyWindow, disk_secondary_button);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, journey_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, journey_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, journey_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, journey_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.ignore-disk-change", NULL,
                                   journey_window_ignore_disk_change_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.add-touchpoint", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL,
                                   journey_window_discard_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, journey_window_discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.open-repaired-copy", NULL,
                                   journey_window_open_repaired_copy_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, journey_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import-survey", NULL, journey_window_import_survey_action);
  gtk_widget_class_install_action (widget_class, "win.compare-evidence", NULL, journey_validation_action);
  gtk_widget_class_install_action (widget_class, "win.export-again", NULL, journey_window_export_again_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", journey_window_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, journey_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-mermaid", NULL, journey_window_copy_mermaid_action);
  gtk_widget_class_install_action (widget_class, "win.open-mermaid-text", "s",
                                   journey_window_open_mermaid_text_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, journey_window_present_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL, journey_window_start_session_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s",
                                   journey_window_new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", journey_window_open_recent_action);
}

static void
journey_window_init (JourneyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->document = journey_document_new (NULL, NULL);
  g_signal_connect_object (journey_document_get_history (self->document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (on_document_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::dirty", G_CALLBACK (on_document_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy", G_CALLBACK (on_document_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "activate-touchpoint", G_CALLBACK (on_activate_touchpoint), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "activate-note", G_CALLBACK (on_activate_note), self,
                           G_CONNECT_SWAPPED);
  /* One selection and one channel filter, which both show. */
  journey_inspector_set_selection_model (self->inspector, journey_canvas_get_selection_model (self->canvas));
  journey_inspector_show_channel_filter (self->inspector, TRUE);
  g_object_bind_property (self->inspector_button, "active", self->inspector, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect (self->disk_primary_button, "notify::label", G_CALLBACK (on_banner_button_label), NULL);
  g_signal_connect (self->disk_secondary_button, "notify::label", G_CALLBACK (on_banner_button_label), NULL);
  g_signal_connect_object (self->disk_banner, "notify::reveal-child", G_CALLBACK (on_banner_revealed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->disk_banner, "notify::child-revealed", G_CALLBACK (on_banner_revealed), self,
                           G_CONNECT_SWAPPED);
  on_banner_revealed (self);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "autosave-interval", self->document, "autosave-interval",
                   G_SETTINGS_BIND_GET);

  journey_window_load_init (self);
  journey_window_files_init (self);
  journey_window_evidence_init (self);
  self->presentation = journey_presentation_new (self, self->canvas, self->header_bar, GTK_WIDGET (self->inspector));

  journey_window_show_page (self, "empty");
  journey_window_update_title (self);
  journey_window_update_actions (self);
}

JourneyWindow *
journey_window_new (JourneyApplication *application)
{
  return g_object_new (JOURNEY_TYPE_WINDOW, "application", application, NULL);
}

JourneyDocument *
journey_window_get_document (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  return self->document;
}

JourneyProject *
journey_window_get_project (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  return journey_document_get_project (self->document);
}

JourneyHistory *
journey_window_get_history (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  return journey_document_get_history (self->document);
}

/**
 * journey_window_autosave:
 *
 * Writes the document's unsaved changes to its autosave file, if it has
 * any.  The document's timer does this every "autosave-interval" seconds.
 *
 * Returns: %TRUE if an autosave was written
 */
gboolean
journey_window_autosave (JourneyWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), FALSE);

  if (journey_document_autosave (self->document, &error))
    return TRUE;
  if (error != NULL)
    g_warning ("Cannot autosave: %s", error->message);
  return FALSE;
}

/* The map the window shows, or NULL. */
JourneyMap *
journey_window_get_map (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  if (journey_document_get_project (self->document) == NULL)
    return NULL;
  return journey_canvas_get_map (self->canvas);
}

JourneyCanvas *
journey_window_get_canvas (JourneyWindow *self)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);

  return self->canvas;
}

/* Shows @toast (taking it) over the window's content. */
void
journey_window_add_toast (JourneyWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (JOURNEY_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @message, an error, until it is dismissed.  It names a file, and a
 * file name is never markup: AdwToast 1.2 reads its title as markup. */
void
journey_window_add_error_toast (JourneyWindow *self,
                                const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
