/* journey-session-comments.c: the comments of a workshop session in the
 * facilitator's panel, with Hide and Delete.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-edit.h"
#include "journey-session-comments.h"

/* Changes come in batches: the list follows at most this often. */
#define REFRESH_MS 250

struct _JourneySessionComments
{
  GtkWidget       parent_instance;

  JourneySession *session;
  GtkListBox     *list;
  GtkLabel       *empty;
  guint           refresh_id;
};

G_DEFINE_FINAL_TYPE (JourneySessionComments, journey_session_comments, GTK_TYPE_WIDGET)

typedef struct
{
  JourneyTouchpoint *touchpoint;
  JourneyComment    *comment;
  guint              order;  /* in the map, for comments made the same second */
} Entry;

/* Newest first: by their time (ISO 8601 in UTC sorts as text), then by
 * their place in the map; comments without a time last. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int by_time;

  if ((x->comment->created == NULL) != (y->comment->created == NULL))
    return x->comment->created == NULL ? 1 : -1;
  by_time = g_strcmp0 (y->comment->created, x->comment->created);
  if (by_time != 0)
    return by_time;
  return y->order < x->order ? -1 : y->order > x->order;
}

static void
on_hide_clicked (GtkButton              *button,
                 JourneySessionComments *self)
{
  JourneyTouchpoint *touchpoint = g_object_get_data (G_OBJECT (button), "touchpoint");
  JourneyComment *comment = g_object_get_data (G_OBJECT (button), "comment");

  journey_edit_hide_comment (journey_session_get_history (self->session), touchpoint, comment, !comment->hidden);
}

static void
on_delete_clicked (GtkButton              *button,
                   JourneySessionComments *self)
{
  JourneyTouchpoint *touchpoint = g_object_get_data (G_OBJECT (button), "touchpoint");
  JourneyComment *comment = g_object_get_data (G_OBJECT (button), "comment");

  journey_edit_delete_comment (journey_session_get_history (self->session), touchpoint, comment);
}

/* A button that acts on @entry's comment; the row holds it while it
 * shows. */
static GtkWidget *
entry_button (JourneySessionComments *self,
              const Entry            *entry,
              const char             *label,
              GCallback               callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "touchpoint", g_object_ref (entry->touchpoint), g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "comment", g_object_ref (entry->comment), g_object_unref);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
entry_row (JourneySessionComments *self,
           const Entry            *entry)
{
  JourneyComment *comment = entry->comment;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *about, *text, *hide, *delete;
  g_autoptr(GString) who = g_string_new (NULL);
  g_autofree char *heading = NULL;

  g_string_append (who, comment->author && comment->author[0] ? comment->author : _("Anonymous"));
  if (comment->role && comment->role[0])
    g_string_append_printf (who, " · %s", comment->role);
  if (comment->hidden)
    g_string_append_printf (who, " · %s", _("Hidden from participants"));
  /* Translators: a comment's heading: “touchpoint” · author · role */
  heading = g_strdup_printf (_("“%s” · %s"), journey_touchpoint_get_display_name (entry->touchpoint), who->str);

  /* Text, never markup. */
  about = gtk_label_new (heading);
  text = gtk_label_new (comment->text ? comment->text : "");
  gtk_label_set_use_markup (GTK_LABEL (about), FALSE);
  gtk_label_set_use_markup (GTK_LABEL (text), FALSE);
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_add_css_class (about, "caption");
  gtk_widget_add_css_class (about, "dim-label");
  if (comment->hidden)
    gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (words), about);
  gtk_box_append (GTK_BOX (words), text);

  hide = entry_button (self, entry, comment->hidden ? _("Sho_w") : _("_Hide"), G_CALLBACK (on_hide_clicked));
  delete = entry_button (self, entry, _("_Delete"), G_CALLBACK (on_delete_clicked));
  gtk_widget_set_tooltip_text (hide, comment->hidden ? _("Show this comment to the participants again")
                                                     : _("Hide this comment from the participants; it is kept"));
  gtk_widget_set_tooltip_text (delete, _("Delete this comment from the journey"));
  gtk_widget_add_css_class (delete, "destructive-action");

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_box_append (GTK_BOX (row), words);
  gtk_box_append (GTK_BOX (row), hide);
  gtk_box_append (GTK_BOX (row), delete);
  return row;
}

/* The row that has the keyboard focus, and its place; -1 when none. */
static int
focused_row (JourneySessionComments *self,
             JourneyComment        **comment)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return -1;
  *comment = focus ? g_object_get_data (G_OBJECT (focus), "comment") : NULL;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/* After the list was made again, the focus goes back where it was: the
 * same comment's button, else the row in the same place. */
static void
restore_focus (JourneySessionComments *self,
               JourneyComment         *comment,
               int                     index)
{
  int n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row), n++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

      if (comment != NULL && g_object_get_data (G_OBJECT (button), "comment") == comment)
        {
          gtk_widget_grab_focus (button);
          return;
        }
    }
  if (index >= 0 && n > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, MIN (index, n - 1));
      GtkWidget *box = gtk_list_box_row_get_child (row);

      gtk_widget_grab_focus (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
    }
}

static void
refresh (JourneySessionComments *self)
{
  JourneyMap *map = journey_session_get_map (self->session);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  JourneyComment *focused = NULL;
  int focused_index = focused_row (self, &focused);
  GtkWidget *child;

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      for (guint k = 0; k < journey_list_get_length (tp->comments); k++)
        {
          Entry entry = { tp, journey_list_peek (tp->comments, k), entries->len };

          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < MIN (entries->len, JOURNEY_SESSION_COMMENTS_MAX); i++)
    gtk_list_box_append (self->list, entry_row (self, &g_array_index (entries, Entry, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), entries->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty), entries->len == 0);
  if (focused_index >= 0)
    restore_focus (self, focused, focused_index);
}

static gboolean
refresh_now (gpointer user_data)
{
  JourneySessionComments *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (JourneySessionComments *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_MS, refresh_now, self);
}

static void
journey_session_comments_dispose (GObject *object)
{
  JourneySessionComments *self = JOURNEY_SESSION_COMMENTS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->list != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->list));
  if (self->empty != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->empty));
  self->list = NULL;
  self->empty = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (journey_session_comments_parent_class)->dispose (object);
}

static void
journey_session_comments_class_init (JourneySessionCommentsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = journey_session_comments_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
journey_session_comments_init (JourneySessionComments *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->empty = GTK_LABEL (gtk_label_new (_("No comments yet")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_halign (GTK_WIDGET (self->empty), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->empty), GTK_WIDGET (self));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

/**
 * journey_session_comments_new:
 *
 * Returns: (transfer floating): the comments on @session's map, following
 *   the map as participants and the facilitator change it
 */
GtkWidget *
journey_session_comments_new (JourneySession *session)
{
  JourneySessionComments *self;

  g_return_val_if_fail (JOURNEY_IS_SESSION (session), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION_COMMENTS, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (journey_session_get_history (session), "changed", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}
