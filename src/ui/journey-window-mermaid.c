/* journey-window-mermaid.c: Mermaid journeys copied from the window and
 * pasted into it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-window-mermaid"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "journey-mermaid-read.h"
#include "journey-mermaid-write.h"
#include "journey-window-mermaid.h"

/* Each guess or alteration on stderr, placed, as the command line says
 * them; @what names the source. */
static void
print_problems (const char *what,
                GPtrArray  *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s: %s: %s\n", what, problem->path, problem->message);
    }
}

void
journey_window_copy_mermaid_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  JourneyProject *project = journey_window_get_project (self);
  JourneyMap *map = journey_window_get_map (self);
  g_autoptr(GPtrArray) alterations = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (project == NULL || map == NULL)
    return;

  text = journey_mermaid_write_data (project, map, JOURNEY_MERMAID_PLAIN, alterations);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  print_problems (_("Mermaid"), alterations);

  if (alterations->len == 0)
    message = g_strdup (_("Copied as a Mermaid journey"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Copied as a Mermaid journey; %u name was changed so that Mermaid reads it",
                                            "Copied as a Mermaid journey; %u names were changed so that Mermaid reads them",
                                            alterations->len),
                               alterations->len);
  journey_window_add_toast (self, adw_toast_new (message));
}

void
journey_window_open_mermaid_text_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  JourneyWindow *self = JOURNEY_WINDOW (widget);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GError) error = NULL;
  JourneyWindow *window = self;
  gsize length = 0;
  const char *text = g_variant_get_string (parameter, &length);

  project = journey_mermaid_read_data (text, length, problems, warnings, &error);
  if (project == NULL)
    {
      /* Translators: %s says what is wrong and where ("line 3, column 7: …") */
      g_autofree char *message = g_strdup_printf (_("The Mermaid journey pasted cannot be read: %s"), error->message);

      journey_window_add_error_toast (self, message);
      return;
    }
  print_problems (_("Mermaid"), warnings);

  if (journey_window_get_project (self) != NULL || journey_document_get_busy (journey_window_get_document (self)))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      window = journey_window_new (JOURNEY_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (window));
    }
  journey_document_reset (journey_window_get_document (window), project);
  /* Nowhere on disk: closing asks to save it, as for an opened diagram. */
  journey_history_mark_modified (journey_window_get_history (window));
}

void
journey_window_show_import_warnings (JourneyWindow *self,
                                     GFile         *file)
{
  GPtrArray *warnings = journey_document_get_import_warnings (journey_window_get_document (self));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (warnings == NULL || warnings->len == 0)
    return;

  name = g_file_get_parse_name (file);
  print_problems (name, warnings);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u task of the Mermaid journey had to be guessed, such as a missing score",
                                          "%u tasks of the Mermaid journey had to be guessed, such as a missing score",
                                          warnings->len),
                             warnings->len);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  journey_window_add_toast (self, toast);
}
