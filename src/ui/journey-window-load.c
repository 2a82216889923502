/* journey-window-load.c: a file read into the window, and what it shows
 * of the project: the spinner while it loads, the problems page of a file
 * refused, the toast of recovered changes, and the map chooser that
 * follows the project's maps.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-canvas.h"
#include "journey-document.h"
#include "journey-inspector.h"
#include "journey-window-private.h"
#include "journey-window-mermaid.h"

void
journey_window_discard_recovered_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  GFile *file = journey_document_get_file (self->document);

  if (file == NULL || journey_document_get_busy (self->document))
    return;

  /* Back to the file as it is on disk. */
  journey_document_discard_autosave (self->document);
  journey_window_load (self, file);
}

static void
on_map_chosen (JourneyWindow *self,
               GParamSpec    *pspec,
               GtkDropDown   *chooser)
{
  JourneyProject *project = journey_document_get_project (self->document);
  guint position = gtk_drop_down_get_selected (chooser);
  JourneyMap *map;

  if (project == NULL || position == GTK_INVALID_LIST_POSITION || self->updating_chooser)
    return;

  map = journey_list_peek (project->maps, position);
  if (map != NULL && map != journey_canvas_get_map (self->canvas))
    {
      journey_canvas_set_map (self->canvas, project, map, journey_document_get_history (self->document));
      journey_canvas_orient (self->canvas);
      journey_inspector_set_map (self->inspector, project, map, journey_document_get_history (self->document));
      journey_window_update_title (self);
    }
}

static void
show_problems (JourneyWindow *self,
               GFile         *file,
               GPtrArray     *problems,
               GError        *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *description = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Text from the file is shown as plain text, never as markup. */
  for (guint i = 0; i < problems->len && i < 50; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      if (problem->path[0] != '\0')
        g_string_append_printf (text, "%s: %s\n", problem->path, problem->message);
      else
        g_string_append_printf (text, "%s\n", problem->message);
    }
  if (problems->len > 50)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem", "… and %u more problems",
                                               problems->len - 50), problems->len - 50);
  if (problems->len == 0 && error != NULL)
    g_string_append (text, error->message);

  if (problems->len > 0)
    description = g_markup_printf_escaped (_("“%s” has problems. Nothing was changed on disk."), name);
  else
    description = g_markup_printf_escaped (_("“%s” cannot be read."), name);
  adw_status_page_set_description (self->problems_page, description);
  gtk_label_set_text (self->problems_label, g_strchomp (text->str));
  /* Refused all the same, but a copy with the problems mended may be
   * opened, when they can be. */
  gtk_widget_set_visible (self->repair_button, journey_document_get_can_repair (self->document));
  journey_window_show_page (self, "problems");
}

/* The document has a new project (a load): show its first map. */
static void
on_project_changed (JourneyWindow   *self,
                    GParamSpec      *pspec,
                    JourneyDocument *document)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  JourneyProject *project = journey_document_get_project (document);
  /* A map opens showing itself; the same file read again (reloaded, its
   * recovered changes discarded) keeps the view. */
  gboolean opening = journey_canvas_get_map (self->canvas) == NULL;
  guint n_maps;

  if (project == NULL)
    return;

  n_maps = journey_list_get_length (project->maps);
  for (guint i = 0; i < n_maps; i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);
      gtk_string_list_append (titles, journey_map_get_display_name (map));
    }
  gtk_drop_down_set_model (self->map_chooser, G_LIST_MODEL (titles));
  gtk_widget_set_visible (GTK_WIDGET (self->map_chooser), n_maps > 1);

  journey_canvas_set_map (self->canvas, project, journey_list_peek (project->maps, 0),
                          journey_document_get_history (self->document));
  if (opening)
    journey_canvas_orient (self->canvas);
  journey_inspector_set_map (self->inspector, project, journey_list_peek (project->maps, 0),
                             journey_document_get_history (self->document));
  gtk_drop_down_set_selected (self->map_chooser, 0);
  journey_window_show_page (self, "map");

  journey_window_update_title (self);
  journey_window_update_actions (self);
}

/* The map chooser follows the project's maps as they are added, renamed,
 * moved and deleted; when the map shown goes, the first one shows. */
void
journey_window_update_map_chooser (JourneyWindow *self)
{
  JourneyProject *project = journey_document_get_project (self->document);
  JourneyMap *shown = journey_canvas_get_map (self->canvas);
  GListModel *model = gtk_drop_down_get_model (self->map_chooser);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean same;
  guint n;

  if (project == NULL || shown == NULL)
    return;

  n = journey_list_get_length (project->maps);
  same = model != NULL && g_list_model_get_n_items (model) == n;
  for (guint i = 0; i < n; i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);
      const char *title = journey_map_get_display_name (map);

      gtk_string_list_append (titles, title);
      same = same && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title) == 0;
      if (map == shown)
        position = i;
    }

  self->updating_chooser = TRUE;
  if (!same)
    gtk_drop_down_set_model (self->map_chooser, G_LIST_MODEL (titles));
  gtk_widget_set_visible (GTK_WIDGET (self->map_chooser), n > 1);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->map_chooser, position);
  self->updating_chooser = FALSE;

  if (position == GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->map_chooser, 0);
}

static void
on_show_map (JourneyWindow *self,
             JourneyMap    *map)
{
  JourneyProject *project = journey_document_get_project (self->document);
  guint position;

  journey_window_update_map_chooser (self);
  if (project != NULL && journey_list_find (project->maps, map, &position))
    gtk_drop_down_set_selected (self->map_chooser, position);
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JourneyWindow) self = user_data;
  JourneyDocument *document = JOURNEY_DOCUMENT (source_object);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->loading_file);

  if (!journey_document_load_finish (document, result, &problems, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gtk_spinner_stop (self->loading_spinner);
      if (journey_document_get_project (document) == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          /* Nothing of the file is kept: only what is wrong with it. */
          show_problems (self, file, problems, error);
          adw_window_title_set_title (self->window_title, _("Journeys"));
          adw_window_title_set_subtitle (self->window_title, name);
        }
      else
        {
          /* Reading the file again failed: the journey shown stays. */
          journey_window_add_error_toast (self, error->message);
          journey_window_show_page (self, "map");
        }
      return;
    }

  gtk_spinner_stop (self->loading_spinner);
  journey_window_show_import_warnings (self, file);
  if (journey_document_get_recovered (document))
    {
      AdwToast *toast = adw_toast_new (_("Unsaved changes from the last session were recovered"));

      adw_toast_set_button_label (toast, _("_Discard Them"));
      adw_toast_set_action_name (toast, "win.discard-recovered");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/**
 * journey_window_load:
 *
 * Opens @file in this window.  The file is read in the background; the
 * window shows a spinner meanwhile and stays responsive.  If the file
 * cannot be read, the window shows its problems and keeps nothing of it.
 */
void
journey_window_load (JourneyWindow *self,
                     GFile         *file)
{
  g_autoptr(GTask) marker = NULL;

  g_return_if_fail (JOURNEY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (journey_document_get_busy (self->document))
    return;

  if (journey_document_get_project (self->document) == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_window_title_set_subtitle (self->window_title, name);
      journey_window_show_page (self, "loading");
    }
  gtk_spinner_start (self->loading_spinner);

  g_set_object (&self->loading_file, file);
  journey_document_load_async (self->document, file, self->cancellable, on_loaded, g_object_ref (self));
}

/* Connects what loading and the map chooser follow. */
void
journey_window_load_init (JourneyWindow *self)
{
  g_signal_connect_object (self->document, "notify::project", G_CALLBACK (on_project_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_chooser, "notify::selected", G_CALLBACK (on_map_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector, "show-map", G_CALLBACK (on_show_map), self, G_CONNECT_SWAPPED);
}
