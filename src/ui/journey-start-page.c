/* journey-start-page.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-start-page.h"

/* Recent journeys shown, newest first. */
#define MAX_RECENT 8

struct _JourneyStartPage
{
  AdwBin            parent_instance;

  GtkRecentManager *recent_manager;
  GPtrArray        *recent_rows;

  /* Template widgets */
  AdwPreferencesGroup *recent_group;
};

G_DEFINE_FINAL_TYPE (JourneyStartPage, journey_start_page, ADW_TYPE_BIN)

static const char *const templates[] = {
  "blank", "hotel", "online-shop", "saas-onboarding", "blueprint", NULL,
};

static gboolean
is_journey (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime = gtk_recent_info_get_mime_type (info);

  return (g_strcmp0 (mime, "application/x-journey") == 0 || g_str_has_suffix (uri, ".journey"))
         && gtk_recent_info_exists (info);
}

static int
by_newest (gconstpointer a,
           gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

static void
update_recent (JourneyStartPage *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new ();

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (GList *l = items; l != NULL; l = l->next)
    if (is_journey (l->data))
      g_ptr_array_add (journeys, l->data);
  g_ptr_array_sort (journeys, by_newest);

  for (guint i = 0; i < journeys->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (journeys, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      /* File names are plain text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      if (folder != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
journey_start_page_dispose (GObject *object)
{
  JourneyStartPage *self = JOURNEY_START_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JOURNEY_TYPE_START_PAGE);

  G_OBJECT_CLASS (journey_start_page_parent_class)->dispose (object);
}

static void
journey_start_page_finalize (GObject *object)
{
  JourneyStartPage *self = JOURNEY_START_PAGE (object);

  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (journey_start_page_parent_class)->finalize (object);
}

static void
journey_start_page_class_init (JourneyStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_start_page_dispose;
  object_class->finalize = journey_start_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JourneyStartPage, recent_group);
}

static void
journey_start_page_init (JourneyStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent_rows = g_ptr_array_new ();
  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed", G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

const char *const *
journey_start_page_get_templates (void)
{
  return templates;
}

guint
journey_start_page_get_n_recent (JourneyStartPage *self)
{
  g_return_val_if_fail (JOURNEY_IS_START_PAGE (self), 0);

  return self->recent_rows->len;
}
