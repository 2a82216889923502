/* journey-window-private.h: what the window's files share.
 *
 * journey-window.c holds the window, its title, actions and history;
 * journey-window-load.c a file read into it and the map chooser;
 * journey-window-files.c what it does with files: open, save, templates,
 * recent and dropped files, and the file changed by another program.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-inspector.h"
#include "journey-presentation.h"
#include "journey-window.h"
#include "journey-window-export.h"

G_BEGIN_DECLS

struct _JourneyWindow
{
  AdwApplicationWindow  parent_instance;

  /* The document shown: its project, history, file and autosave. */
  JourneyDocument      *document;
  /* Cancelled when the window goes: a late load or save leaves it alone. */
  GCancellable         *cancellable;
  GFile                *loading_file;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  gboolean              close_after_save;

  /* Presenting: made with the window, which it shows full screen. */
  JourneyPresentation  *presentation;

  /* The last export and print (journey-window-export.c). */
  JourneyWindowOutput   output;

  /* Template widgets */
  GtkWidget            *header_bar;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkLabel             *problems_label;
  AdwStatusPage        *problems_page;
  GtkWidget            *repair_button;
  JourneyCanvas        *canvas;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkDropDown          *map_chooser;
  GtkSpinner           *loading_spinner;
  JourneyInspector     *inspector;
  GtkWidget            *inspector_button;
  GtkRevealer          *disk_banner;
  GtkLabel             *disk_label;
  GtkButton            *disk_primary_button;
  GtkButton            *disk_secondary_button;
  gboolean              updating_chooser;

  /* The change on disk that the user chose to leave alone. */
  gboolean              disk_change_ignored;
};

/* journey-window.c */
char *journey_window_dup_display_name (JourneyWindow *self);
const char *journey_window_get_journey_title (JourneyWindow *self);
AdwMessageDialog *journey_window_new_question (JourneyWindow *self,
                                               const char    *heading,
                                               const char    *action,
                                               const char    *action_label,
                                               GCallback      callback,
                                               gpointer       data);
/* Shows the stack's page @name: "empty", "loading", "problems", "map". */
void  journey_window_show_page        (JourneyWindow *self,
                                       const char    *name);
void  journey_window_update_title     (JourneyWindow *self);
void  journey_window_update_actions   (JourneyWindow *self);

/* journey-window-load.c */
void  journey_window_load_init        (JourneyWindow *self);
void  journey_window_update_map_chooser (JourneyWindow *self);
/* win.discard-recovered: back to the file as it is on disk. */
void  journey_window_discard_recovered_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);

/* journey-window-files.c: win.open, win.save, win.save-as, win.reload and
 * win.ignore-disk-change. */
void  journey_window_open_action              (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void  journey_window_save_action              (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void  journey_window_save_as_action           (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void  journey_window_reload_action            (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void  journey_window_ignore_disk_change_action (GtkWidget    *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
/* win.open-repaired-copy: the repaired copy of the file refused; and
 * win.discard-draft: a recovered draft thrown away. */
void  journey_window_open_repaired_copy_action (GtkWidget    *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void  journey_window_discard_draft_action     (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);

G_END_DECLS
