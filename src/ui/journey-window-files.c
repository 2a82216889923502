/* journey-window-files.c: open, save, templates, recent files, dropped
 * files, and the file changed on disk by another program
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-format.h"
#include "journey-preferences.h"
#include "journey-window-evidence.h"
#include "journey-window-files.h"
#include "journey-window-private.h"

#define TEMPLATES_PATH "/io/github/journeys/Journeys/templates/"

static void save_to (JourneyWindow    *self,
                     GFile            *file,
                     JourneySaveFlags  flags);

static gboolean
is_empty (JourneyWindow *self)
{
  JourneyDocument *document = journey_window_get_document (self);

  return journey_document_get_project (document) == NULL && !journey_document_get_busy (document);
}

void
journey_window_open_file (JourneyWindow *self,
                          GFile         *file)
{
  JourneyApplication *app;
  JourneyWindow *existing;

  g_return_if_fail (JOURNEY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = JOURNEY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  existing = app != NULL ? journey_application_find_window (app, file) : NULL;
  if (existing != NULL)
    gtk_window_present (GTK_WINDOW (existing));
  else if (is_empty (self))
    journey_window_load (self, file);
  else if (app != NULL)
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

JourneyWindow *
journey_window_new_from_template (JourneyWindow  *self,
                                  const char     *name,
                                  GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyWindow *window = self;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat (TEMPLATES_PATH, name, ".journey", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  project = journey_format_read_data (data, length, problems, error);
  if (project == NULL)
    return NULL;
  /* The blank map starts on the scale the preferences choose; the
   * examples keep theirs, which their touchpoints are on. */
  if (g_str_equal (name, "blank"))
    for (guint i = 0; i < journey_list_get_length (project->maps); i++)
      {
        g_autoptr(JourneyScale) scale = journey_preferences_new_default_scale ();

        g_object_set (journey_list_peek (project->maps, i), "scale", scale, NULL);
      }

  if (!is_empty (self))
    {
      window = journey_window_new (JOURNEY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (window));
    }
  journey_document_reset (journey_window_get_document (window), project);
  return window;
}

void
journey_window_new_from_template_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (journey_window_new_from_template (self, g_variant_get_string (parameter, NULL), &error) == NULL)
    journey_window_add_error_toast (self, error->message);
}

void
journey_window_open_recent_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  journey_window_open_file (JOURNEY_WINDOW (widget), file);
}

/* -- drafts and repaired copies ------------------------------------------- */

gboolean
journey_window_open_draft (JourneyWindow  *self,
                           const char     *id,
                           GError        **error)
{
  AdwToast *toast;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (is_empty (self), FALSE);

  if (!journey_document_load_draft (self->document, id, error))
    return FALSE;

  toast = adw_toast_new (_("An unsaved journey from the last session was recovered"));
  adw_toast_set_button_label (toast, _("_Discard It"));
  adw_toast_set_action_name (toast, "win.discard-draft");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/* win.discard-draft: the recovered draft is thrown away, and its window
 * goes; the last window stays, showing the start page in its place. */
void
journey_window_discard_draft_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (journey_document_get_file (self->document) != NULL || journey_document_get_busy (self->document))
    return;

  journey_document_discard_autosave (self->document);
  journey_history_mark_clean (journey_document_get_history (self->document));
  if (app != NULL && gtk_application_get_windows (app)->next == NULL)
    gtk_window_present (GTK_WINDOW (journey_window_new (JOURNEY_APPLICATION (app))));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The list of the changes a repair made, one a line, as plain text. */
static char *
changes_to_text (GPtrArray *changes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      JourneyProblem *change = g_ptr_array_index (changes, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      if (change->path[0] != '\0')
        g_string_append_printf (text, "%s: %s", change->path, change->message);
      else
        g_string_append (text, change->message);
    }
  return g_string_free (text, FALSE);
}

/* win.open-repaired-copy: the file refused stays as it is; the window
 * shows a repaired copy of it, not saved yet, and says what was changed. */
void
journey_window_open_repaired_copy_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GtkWidget *scrolled;
  GtkWidget *label;
  GtkWidget *dialog;

  /* The name of the file refused, before the window forgets it. */
  name = g_strdup (adw_window_title_get_subtitle (self->window_title));
  changes = journey_document_open_repaired_copy (self->document);
  if (changes == NULL)
    return;

  text = changes_to_text (changes);
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Repaired Copy Opened"), NULL);
  /* Translators: %s is the name of the file that was refused */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is unchanged. The copy shown is not saved yet. "
                                    "What was changed in it:"),
                                  name != NULL ? name : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- open and save -------------------------------------------------------- */

static void
on_open_response (JourneyWindow        *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* An open journey keeps its window; another one gets a new one. */
      journey_window_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static GtkFileFilter *
journey_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journeys"));
  gtk_file_filter_add_mime_type (filter, "application/x-journey");
  gtk_file_filter_add_suffix (filter, "journey");
  return filter;
}

/* Mermaid journeys (journey-mermaid-read.h) open as new journeys. */
static GtkFileFilter *
mermaid_filter_new (const char *name,
                    gboolean    with_journeys)
{
  GtkFileFilter *filter = with_journeys ? journey_filter_new () : gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, "mmd");
  gtk_file_filter_add_suffix (filter, "md");
  return filter;
}

void
journey_window_open_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GtkFileFilter) all = mermaid_filter_new (_("Journeys and Mermaid Journeys"), TRUE);
  g_autoptr(GtkFileFilter) filter = journey_filter_new ();
  g_autoptr(GtkFileFilter) mermaid = mermaid_filter_new (_("Mermaid Journeys (.mmd, .md)"), FALSE);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open a Journey"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), mermaid);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_save_as_response (JourneyWindow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The chooser has asked before replacing another file. */
      save_to (self, file, JOURNEY_SAVE_OVERWRITE);
    }
  else
    self->close_after_save = FALSE;

  g_clear_object (&self->chooser);
}

void
journey_window_save_as_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = journey_filter_new ();
  g_autofree char *name = NULL;

  if (journey_document_get_project (self->document) == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the Journey"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (journey_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), journey_document_get_file (self->document), NULL);
  else
    {
      /* Named after its title, as a file name can be. */
      const char *title = journey_window_get_journey_title (self);
      g_autofree char *base = g_strdelimit (g_strdup (title ? title : _("Untitled")), "/\\", '-');

      name = g_strdup_printf ("%s.journey", base[0] == '.' ? base + 1 : base);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_as_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_changed_on_disk_response (JourneyWindow    *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "overwrite"))
    save_to (self, NULL, JOURNEY_SAVE_OVERWRITE);
  else
    self->close_after_save = FALSE;
}

/* The file was changed on disk by someone else since it was opened: ask
 * before overwriting it. */
static void
ask_overwrite (JourneyWindow *self)
{
  g_autofree char *name = journey_window_dup_display_name (self);
  GtkWidget *dialog;

  dialog = GTK_WIDGET (journey_window_new_question (self, _("File Changed on Disk"), "overwrite", _("_Overwrite"),
                                                    G_CALLBACK (on_changed_on_disk_response), self));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was changed by another program since it was opened. "
                                    "Overwriting it loses those changes."), name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(JourneyWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!journey_document_save_finish (JOURNEY_DOCUMENT (source_object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK))
        ask_overwrite (self);
      else
        {
          journey_window_add_error_toast (self, error->message);
          self->close_after_save = FALSE;
        }
      return;
    }

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      AdwToast *toast = adw_toast_new (_("Saved"));

      adw_toast_set_timeout (toast, 2);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Saves to @file, or to the document's own file when @file is NULL. */
static void
save_to (JourneyWindow    *self,
         GFile            *file,
         JourneySaveFlags  flags)
{
  if (g_settings_get_boolean (self->settings, "make-backup"))
    flags |= JOURNEY_SAVE_BACKUP;

  journey_document_save_async (self->document, file, flags, self->cancellable, on_saved, g_object_ref (self));
}

void
journey_window_save_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);

  if (journey_document_get_project (self->document) == NULL)
    return;

  if (journey_document_get_file (self->document) == NULL)
    journey_window_save_as_action (widget, "win.save-as", NULL);
  else
    save_to (self, NULL, JOURNEY_SAVE_NONE);
}

/* -- the file changed by another program ---------------------------------- */

/* The banner says what happened to the file and offers what can be done:
 * nothing is reloaded, overwritten or lost without the user's word. */
static void
update_disk_banner (JourneyWindow *self)
{
  JourneyDocument *document = self->document;
  JourneyDiskState state = journey_document_get_disk_state (document);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  const char *primary, *primary_action, *secondary;

  /* A window being destroyed, its document still watching (a reload
   * under way keeps the window until it ends). */
  if (self->disk_banner == NULL)
    return;

  if (state == JOURNEY_DISK_STATE_SAME)
    self->disk_change_ignored = FALSE;
  if (state == JOURNEY_DISK_STATE_SAME || self->disk_change_ignored ||
      journey_document_get_project (document) == NULL)
    {
      gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
      return;
    }

  name = journey_window_dup_display_name (self);
  if (state == JOURNEY_DISK_STATE_DELETED)
    {
      /* Translators: %s is the name of a file */
      text = g_strdup_printf (_("“%s” was deleted by another program. Saving writes it again."), name);
      primary = _("_Save");
      primary_action = "win.save";
      secondary = _("_Dismiss");
    }
  else if (journey_document_get_dirty (document))
    {
      /* Translators: %s is the name of a file */
      text = g_strdup_printf (_("“%s” was changed by another program, and you have unsaved changes."), name);
      primary = _("_Reload…");
      primary_action = "win.reload";
      secondary = _("_Keep Mine");
    }
  else
    {
      /* Translators: %s is the name of a file */
      text = g_strdup_printf (_("“%s” was changed by another program."), name);
      primary = _("_Reload");
      primary_action = "win.reload";
      secondary = _("_Ignore");
    }

  /* The file name is plain text, never markup. */
  gtk_label_set_text (self->disk_label, text);
  gtk_button_set_label (self->disk_primary_button, primary);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->disk_primary_button), primary_action);
  gtk_button_set_label (self->disk_secondary_button, secondary);
  gtk_revealer_set_reveal_child (self->disk_banner, TRUE);
}

static void
on_changed_on_disk (JourneyWindow   *self,
                    JourneyDocument *document)
{
  /* A new change is news, even after the last one was left alone. */
  self->disk_change_ignored = FALSE;
  update_disk_banner (self);
}

static void
on_disk_banner_state (JourneyWindow   *self,
                      GParamSpec      *pspec,
                      JourneyDocument *document)
{
  update_disk_banner (self);
}

typedef struct
{
  JourneyWindow *window;
  char          *map_id;   /* the map shown before, shown again after */
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_clear_object (&data->window);
  g_free (data->map_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReloadData, reload_data_free)

static void
on_reloaded (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ReloadData) data = user_data;
  JourneyWindow *self = data->window;
  JourneyDocument *document = JOURNEY_DOCUMENT (source_object);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JourneyProject *project;

  if (!journey_document_reload_finish (document, result, &problems, &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* A broken file (a merge left half done, say): the journey shown
       * stays, and the banner too, to try again once it is fixed. */
      name = journey_window_dup_display_name (self);
      if (problems != NULL && problems->len > 0)
        {
          JourneyProblem *problem = g_ptr_array_index (problems, 0);

          detail = problem->path[0] != '\0' ? g_strdup_printf ("%s: %s", problem->path, problem->message)
                                             : g_strdup (problem->message);
        }
      else
        detail = g_strdup (error->message);
      /* Translators: "“hotel.journey” cannot be reloaded: maps[0].title: …" */
      message = g_strdup_printf (_("“%s” cannot be reloaded: %s"), name, detail);
      journey_window_add_error_toast (self, message);
      self->disk_change_ignored = FALSE;
      update_disk_banner (self);
      return;
    }

  /* The same map as before, if it is still there. */
  project = journey_document_get_project (document);
  for (guint i = 0; data->map_id != NULL && i < journey_list_get_length (project->maps); i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);

      if (g_strcmp0 (map->id, data->map_id) == 0)
        {
          gtk_drop_down_set_selected (self->map_chooser, i);
          break;
        }
    }
}

static void
reload (JourneyWindow *self)
{
  ReloadData *data = g_new0 (ReloadData, 1);
  JourneyMap *shown = journey_canvas_get_map (self->canvas);

  data->window = g_object_ref (self);
  data->map_id = shown != NULL ? g_strdup (shown->id) : NULL;
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
  journey_document_reload_async (self->document, self->cancellable, on_reloaded, data);
}

static void
on_reload_response (JourneyWindow    *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "reload") && !journey_document_get_busy (self->document))
    reload (self);
}

/* win.reload: the file as it is on disk, in place of the journey shown;
 * unsaved changes are thrown away only once the user confirms. */
void
journey_window_reload_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (journey_document_get_file (self->document) == NULL || journey_document_get_busy (self->document))
    return;

  if (!journey_document_get_dirty (self->document))
    {
      reload (self);
      return;
    }

  name = journey_window_dup_display_name (self);
  dialog = GTK_WIDGET (journey_window_new_question (self, _("Reload and Lose Your Changes?"), "reload", _("_Reload"),
                                                    G_CALLBACK (on_reload_response), self));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The version of “%s” on disk replaces the journey shown. "
                                    "Your unsaved changes are lost."), name);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.ignore-disk-change: "Keep Mine", "Ignore", "Dismiss".  The journey
 * shown stays; a save asks before it overwrites the other version. */
void
journey_window_ignore_disk_change_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);

  self->disk_change_ignored = TRUE;
  update_disk_banner (self);
}

/* -- dropped files -------------------------------------------------------- */

static gboolean
on_drop (JourneyWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;
  gboolean any = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *basename = g_file_get_basename (l->data);
      g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

      /* A survey export goes into the shown map (SPEC §11). */
      if (basename != NULL && journey_window_is_survey_name (basename) && journey_window_get_map (self) != NULL)
        {
          journey_window_show_import_dialog (self, l->data);
          any = TRUE;
          continue;
        }
      /* Only journeys and Mermaid journeys: an image dropped by mistake
       * is not an error. */
      if (lower == NULL || !(g_str_has_suffix (lower, ".journey") || g_str_has_suffix (lower, ".mmd") ||
                             g_str_has_suffix (lower, ".md")))
        continue;
      journey_window_open_file (self, l->data);
      any = TRUE;
    }
  g_slist_free (files);
  return any;
}

/* -- recent files --------------------------------------------------------- */

static void
on_file_changed (JourneyWindow   *self,
                 GParamSpec      *pspec,
                 JourneyDocument *document)
{
  GFile *file = journey_document_get_file (document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/x-journey";
  data.app_name = (char *) "Journeys";
  data.app_exec = (char *) "journeys %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
journey_window_files_init (JourneyWindow *self)
{
  GtkDropTarget *target;

  g_return_if_fail (JOURNEY_IS_WINDOW (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (journey_window_get_document (self), "notify::file", G_CALLBACK (on_file_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->document, "changed-on-disk", G_CALLBACK (on_changed_on_disk), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::disk-state", G_CALLBACK (on_disk_banner_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::dirty", G_CALLBACK (on_disk_banner_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (on_disk_banner_state), self,
                           G_CONNECT_SWAPPED);
}
