/* journey-inspector-notes.c: a touchpoint's pain points, opportunities, actions
 * and comments.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "journey-inspector-private.h"
#include "journey-layout.h"

/* -- Lists of strings: pain points, opportunities ------------------------- */

static const char *
strings_property (JourneyInspector    *self,
                  AdwPreferencesGroup *group)
{
  return group == self->pain_group ? "pain-points" : "opportunities";
}

static void
on_string_changed (JourneyInspector *self,
                   GParamSpec       *pspec,
                   GtkEditable      *row)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
  const char *text = gtk_editable_get_text (row);
  g_autofree char *label = NULL;

  if (self->updating || touchpoint == NULL)
    return;

  if (group == self->pain_group)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit a Pain Point of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit an Opportunity of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_set_string_at (self->history, touchpoint, strings_property (self, group),
                              journey_inspector_get_position (row), text, label, self->merge_key);
}

static void
on_string_button (JourneyInspector *self,
                  GtkWidget        *button)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  const char *property = strings_property (self, group);
  GPtrArray *rows = group == self->pain_group ? self->pain_rows : self->opportunity_rows;
  guint position = journey_inspector_get_position (button);
  g_autofree char *label = NULL;
  gboolean pain = group == self->pain_group;

  if (touchpoint == NULL)
    return;

  journey_inspector_new_run (self);
  if (g_str_equal (what, "add"))
    {
      label = g_strdup_printf (pain ? _("Add a Pain Point to “%s”") : _("Add an Opportunity to “%s”"),
                               journey_touchpoint_get_display_name (touchpoint));
      position = rows->len;
      journey_edit_set_string_at (self->history, touchpoint, property, position, "", label, 0);
      if (position < rows->len)
        gtk_widget_grab_focus (g_ptr_array_index (rows, position));
    }
  else if (g_str_equal (what, "delete"))
    {
      label = g_strdup_printf (pain ? _("Delete a Pain Point of “%s”") : _("Delete an Opportunity of “%s”"),
                               journey_touchpoint_get_display_name (touchpoint));
      journey_edit_set_string_at (self->history, touchpoint, property, position, NULL, label, 0);
    }
  else
    {
      guint to;

      if (!journey_inspector_move_target (what, position, rows->len, &to))
        return;
      label = g_strdup_printf (pain ? _("Reorder the Pain Points of “%s”") : _("Reorder the Opportunities of “%s”"),
                               journey_touchpoint_get_display_name (touchpoint));
      journey_edit_move_string (self->history, touchpoint, property, position, to, label);
      gtk_widget_grab_focus (g_ptr_array_index (rows, to));
    }
}

static void
refresh_strings (JourneyInspector    *self,
                 AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 char               **strv)
{
  guint n = g_strv_length (strv);

  if (rows->len != n)
    {
      journey_inspector_clear_rows (group, rows);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *title = NULL;
          GtkWidget *row;

          if (group == self->pain_group)
            title = g_strdup_printf (_("Pain Point %u"), i + 1);
          else
            title = g_strdup_printf (_("Opportunity %u"), i + 1);
          row = journey_inspector_entry_row (self, title, NULL, i, G_CALLBACK (on_string_changed));
          g_object_set_data (G_OBJECT (row), "group", group);
          journey_inspector_add_row_buttons (self, row, group, i, G_CALLBACK (on_string_button), NULL, NULL);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }
  for (guint i = 0; i < n; i++)
    journey_inspector_set_editable_text (g_ptr_array_index (rows, i), strv[i]);
}

/* -- Actions and comments ------------------------------------------------- */

/* The item of a row's list that @widget edits. */
static gpointer
row_item (JourneyInspector *self,
          GtkWidget        *widget,
          JourneyList     **list)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  gboolean is_comment = g_object_get_data (G_OBJECT (widget), "comment") != NULL;

  if (touchpoint == NULL)
    return NULL;
  *list = is_comment ? touchpoint->comments : touchpoint->actions;
  return journey_list_peek (*list, journey_inspector_get_position (widget));
}

static void
on_item_text_changed (JourneyInspector *self,
                      GParamSpec       *pspec,
                      GtkEditable      *row)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  const char *text = gtk_editable_get_text (row);
  JourneyList *list;
  gpointer item = row_item (self, GTK_WIDGET (row), &list);
  g_autofree char *label = NULL;

  if (self->updating || item == NULL)
    return;

  if (JOURNEY_IS_ACTION (item))
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit an Action of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Edit a Comment on “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_set_string (self->history, item, property,
                           text[0] || g_str_equal (property, "text") ? text : NULL, label, self->merge_key);
}

static void
on_status_selected (JourneyInspector *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  JourneyList *list;
  gpointer item = row_item (self, GTK_WIDGET (row), &list);
  guint position = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || item == NULL || position > JOURNEY_STATUS_DONE)
    return;

  g_value_init (&value, JOURNEY_TYPE_STATUS);
  g_value_set_enum (&value, (int) position);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set the Status of an Action of “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_inspector_new_run (self);
  journey_edit_set_value (self->history, item, "status", &value, label, 0);
}

static void
on_item_button (JourneyInspector *self,
                GtkWidget        *button)
{
  JourneyTouchpoint *touchpoint = journey_inspector_get_touchpoint (self);
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  gboolean is_comment = g_object_get_data (G_OBJECT (button), "comment") != NULL;
  guint position = journey_inspector_get_position (button);
  JourneyList *list;
  GPtrArray *rows = is_comment ? self->comment_rows : self->action_rows;
  g_autofree char *label = NULL;

  if (touchpoint == NULL)
    return;
  list = is_comment ? touchpoint->comments : touchpoint->actions;

  journey_inspector_new_run (self);
  if (g_str_equal (what, "add"))
    {
      if (is_comment)
        journey_edit_add_comment (self->history, touchpoint, g_get_real_name (), "");
      else
        journey_edit_add_action (self->history, touchpoint, "");
      if (rows->len > 0)
        {
          AdwExpanderRow *row = g_ptr_array_index (rows, rows->len - 1);

          adw_expander_row_set_expanded (row, TRUE);
          gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "text"));
        }
    }
  else if (g_str_equal (what, "delete"))
    {
      label = g_strdup_printf (is_comment ? _("Delete a Comment on “%s”") : _("Delete an Action of “%s”"),
                               journey_touchpoint_get_display_name (touchpoint));
      journey_edit_list_remove (self->history, list, position, label);
    }
  else
    {
      guint to;

      if (!journey_inspector_move_target (what, position, journey_list_get_length (list), &to))
        return;
      label = g_strdup_printf (is_comment ? _("Reorder the Comments on “%s”") : _("Reorder the Actions of “%s”"),
                               journey_touchpoint_get_display_name (touchpoint));
      journey_edit_list_move (self->history, list, position, to, label);
    }
}

static GtkWidget *
item_entry (JourneyInspector *self,
            const char       *title,
            const char       *property,
            guint             position,
            gboolean          is_comment)
{
  GtkWidget *row = journey_inspector_entry_row (self, title, property, position, G_CALLBACK (on_item_text_changed));

  g_object_set_data (G_OBJECT (row), "comment", GINT_TO_POINTER (is_comment));
  return row;
}

static GtkWidget *
item_buttons_row (JourneyInspector *self,
                  guint             position,
                  gboolean          is_comment)
{
  GtkWidget *row = adw_action_row_new ();

  journey_inspector_add_row_buttons (self, row, NULL, position, G_CALLBACK (on_item_button),
                                     "comment", GINT_TO_POINTER (is_comment));
  return row;
}


/* When a comment was made, in the user's time zone ("20 Nov 2026, 10:00");
 * as written when it is not a time the file format knows. */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  char *text;

  if (created == NULL || created[0] == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (created, NULL);
  if (utc == NULL)
    return g_strdup (created);
  local = g_date_time_to_local (utc);
  /* Translators: when a comment was made, in the format of
   * g_date_time_format(): "20 Nov 2026, 10:00" */
  text = g_date_time_format (local, C_("comment time", "%e %b %Y, %H:%M"));
  return text != NULL ? g_strstrip (text) : g_strdup (created);
}

static void
refresh_items (JourneyInspector    *self,
               AdwPreferencesGroup *group,
               GPtrArray           *rows,
               JourneyList         *list,
               gboolean             is_comment)
{
  guint n = journey_list_get_length (list);

  if (rows->len != n)
    {
      journey_inspector_clear_rows (group, rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = journey_inspector_expander_row ();
          GtkWidget *text, *second, *third;

          if (is_comment)
            {
              text = item_entry (self, _("Comment"), "text", i, TRUE);
              second = item_entry (self, _("Author"), "author", i, TRUE);
              third = item_entry (self, _("Role"), "role", i, TRUE);
            }
          else
            {
              g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

              text = item_entry (self, _("Action"), "text", i, FALSE);
              second = item_entry (self, _("Owner"), "owner", i, FALSE);
              third = adw_combo_row_new ();
              journey_inspector_name_combo (ADW_COMBO_ROW (third));
              for (int s = JOURNEY_STATUS_OPEN; s <= JOURNEY_STATUS_DONE; s++)
                gtk_string_list_append (statuses, journey_status_get_label (s));
              adw_combo_row_set_model (ADW_COMBO_ROW (third), G_LIST_MODEL (statuses));
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (third), _("Status"));
              journey_inspector_set_position (third, i);
              g_signal_connect_object (third, "notify::selected", G_CALLBACK (on_status_selected), self,
                                       G_CONNECT_SWAPPED);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), second);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), third);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_buttons_row (self, i, is_comment));
          g_object_set_data (G_OBJECT (row), "text", text);
          g_object_set_data (G_OBJECT (row), "second", second);
          g_object_set_data (G_OBJECT (row), "third", third);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = NULL;
      const char *text;

      if (is_comment)
        {
          JourneyComment *comment = journey_list_peek (list, i);
          g_autofree char *created = format_created (comment->created);

          text = comment->text;
          journey_inspector_set_editable_text (g_object_get_data (row, "text"), comment->text);
          journey_inspector_set_editable_text (g_object_get_data (row, "second"), comment->author);
          journey_inspector_set_editable_text (g_object_get_data (row, "third"), comment->role);
          subtitle = g_strjoin (" · ",
                                comment->author && comment->author[0] ? comment->author : _("Anonymous"),
                                created, NULL);
        }
      else
        {
          JourneyAction *action = journey_list_peek (list, i);

          text = action->text;
          journey_inspector_set_editable_text (g_object_get_data (row, "text"), action->text);
          journey_inspector_set_editable_text (g_object_get_data (row, "second"), action->owner);
          adw_combo_row_set_selected (g_object_get_data (row, "third"), action->status);
          subtitle = g_strjoin (" · ", journey_status_get_label (action->status),
                                action->owner && action->owner[0] ? action->owner : _("No owner"), NULL);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     text && text[0] ? text : is_comment ? _("New comment") : _("New action"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
}

void
journey_inspector_refresh_notes (JourneyInspector  *self,
                                 JourneyTouchpoint *touchpoint)
{
  refresh_strings (self, self->pain_group, self->pain_rows, touchpoint->pain_points);
  refresh_strings (self, self->opportunity_group, self->opportunity_rows, touchpoint->opportunities);
  refresh_items (self, self->action_group, self->action_rows, touchpoint->actions, FALSE);
  refresh_items (self, self->comment_group, self->comment_rows, touchpoint->comments, TRUE);
}

void
journey_inspector_notes_init (JourneyInspector *self)
{
  journey_inspector_header_add_button (self, self->pain_group, _("Add a Pain Point"),
                                       G_CALLBACK (on_string_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->opportunity_group, _("Add an Opportunity"),
                                       G_CALLBACK (on_string_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->action_group, _("Add an Action"),
                                       G_CALLBACK (on_item_button), NULL, NULL);
  journey_inspector_header_add_button (self, self->comment_group, _("Add a Comment"),
                                       G_CALLBACK (on_item_button), "comment", GINT_TO_POINTER (TRUE));
}

/**
 * journey_inspector_focus_note:
 * @kind: a JourneyNoteKind
 * @item: the note's place in its touchpoint's list of that kind
 *
 * Puts the keyboard focus on the field of a note of the touchpoint shown:
 * the entry of a pain point or opportunity, or the text of an action
 * (its row expanded), and scrolls it into view.
 */
void
journey_inspector_focus_note (JourneyInspector *self,
                              guint             kind,
                              guint             item)
{
  GPtrArray *rows;
  GtkWidget *field;

  g_return_if_fail (JOURNEY_IS_INSPECTOR (self));

  if (journey_inspector_get_touchpoint (self) == NULL)
    return;

  switch (kind)
    {
    case JOURNEY_NOTE_PAIN_POINT:
      rows = self->pain_rows;
      break;
    case JOURNEY_NOTE_OPPORTUNITY:
      rows = self->opportunity_rows;
      break;
    case JOURNEY_NOTE_ACTION:
      rows = self->action_rows;
      break;
    default:
      return;
    }
  if (item >= rows->len)
    return;

  field = g_ptr_array_index (rows, item);
  if (kind == JOURNEY_NOTE_ACTION)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field), TRUE);
      field = g_object_get_data (G_OBJECT (field), "text");
    }
  gtk_widget_grab_focus (field);
}
