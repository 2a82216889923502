/* journey-inspector-rows.c: the helpers and rows that the inspector's
 * fields and lists share.
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

void
journey_inspector_set_position (gpointer object,
                                guint    position)
{
  g_object_set_data (G_OBJECT (object), "position", GUINT_TO_POINTER (position));
}

guint
journey_inspector_get_position (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), "position"));
}

void
journey_inspector_set_editable_text (GtkEditable *editable,
                                     const char  *text)
{
  int position;

  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  /* Keep the cursor where it was, as far as the new text allows. */
  position = gtk_editable_get_position (editable);
  gtk_editable_set_text (editable, text ? text : "");
  gtk_editable_set_position (editable, MIN (position, (int) g_utf8_strlen (text ? text : "", -1)));
}

char *
journey_inspector_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A combo row's model, made again only when @names changed. */
void
journey_inspector_update_combo_model (AdwComboRow  *row,
                                      char        **key,
                                      GPtrArray    *names)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GtkStringList) list = NULL;

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s\x1f", (char *) g_ptr_array_index (names, i));
  if (*key != NULL && strcmp (*key, joined->str) == 0)
    return;

  g_free (*key);
  *key = g_strdup (joined->str);
  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* What a screen reader calls @widget. */
static void
set_name (gpointer    widget,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A button of a list: @what is "add", "up", "down" or "delete"; the
 * callback finds @what, @group and @position on the button. */
GtkWidget *
journey_inspector_list_button (JourneyInspector    *self,
                               AdwPreferencesGroup *group,
                               const char          *what,
                               guint                position,
                               GCallback            callback)
{
  static const struct { const char *what; const char *icon; const char *tooltip; } kinds[] = {
    { "add", "list-add-symbolic", N_("Add") },
    { "up", "go-up-symbolic", N_("Move Up") },
    { "down", "go-down-symbolic", N_("Move Down") },
    { "delete", "user-trash-symbolic", N_("Delete") },
  };
  GtkWidget *button = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].what, what))
      button = icon_button (kinds[i].icon, _(kinds[i].tooltip));
  g_assert (button != NULL);

  g_object_set_data (G_OBJECT (button), "group", group);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  journey_inspector_set_position (button, position);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

/* The "add" button in the header of @group, with @tag set to @tag_value. */
GtkWidget *
journey_inspector_header_add_button (JourneyInspector    *self,
                                     AdwPreferencesGroup *group,
                                     const char          *tooltip,
                                     GCallback            callback,
                                     const char          *tag,
                                     gpointer             tag_value)
{
  GtkWidget *button = journey_inspector_list_button (self, group, "add", 0, callback);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  if (tag != NULL)
    g_object_set_data (G_OBJECT (button), tag, tag_value);
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

/* Move Up, Move Down and Delete at the end of @row (an entry or action
 * row) for the item at @position; each button has @tag set to @tag_value
 * (when @tag is not NULL), and @row keeps them as "up", "down", "delete". */
void
journey_inspector_add_row_buttons (JourneyInspector    *self,
                                   GtkWidget           *row,
                                   AdwPreferencesGroup *group,
                                   guint                position,
                                   GCallback            callback,
                                   const char          *tag,
                                   gpointer             tag_value)
{
  static const char *const moves[] = { "up", "down", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *button = journey_inspector_list_button (self, group, moves[i], position, callback);

      if (tag != NULL)
        g_object_set_data (G_OBJECT (button), tag, tag_value);
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data (G_OBJECT (row), moves[i], button);
    }

  /* A row of nothing but these buttons says what they do. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "") == 0)
    set_name (row, _("Move or Delete"));
}

/* Turns off the buttons of @row (made by add_row_buttons) that cannot act
 * on the item at @position of @n. */
void
journey_inspector_sync_row_buttons (gpointer row,
                                    guint    position,
                                    guint    n,
                                    gboolean can_delete)
{
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up"), position > 0);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down"), position + 1 < n);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "delete"), can_delete);
}

/* Where "up" or "down" moves the item at @position of @n; FALSE when it
 * cannot go there. */
gboolean
journey_inspector_move_target (const char *what,
                               guint       position,
                               guint       n,
                               guint      *to)
{
  if (g_str_equal (what, "up"))
    {
      if (position == 0)
        return FALSE;
      *to = position - 1;
    }
  else
    *to = position + 1;
  return *to < n;
}

/* An entry row titled @title for @property of the item at @position:
 * @on_changed (swapped: self, pspec, row) follows its text, and leaving it
 * ends the run of typing. */
GtkWidget *
journey_inspector_entry_row (JourneyInspector *self,
                             const char       *title,
                             const char       *property,
                             guint             position,
                             GCallback         on_changed)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  journey_inspector_set_position (row, position);
  g_signal_connect_object (row, "notify::text", on_changed, self, G_CONNECT_SWAPPED);
  journey_inspector_watch_focus (self, row);
  return row;
}

static void
unwrap_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && (gtk_widget_has_css_class (child, "title") || gtk_widget_has_css_class (child, "subtitle")))
        {
          gtk_label_set_wrap (GTK_LABEL (child), FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
        }
      /* Not into the rows an expander row reveals. */
      else if (!GTK_IS_REVEALER (child))
        unwrap_labels (child);
    }
}

/* Keeps the title and subtitle of @row (an action, combo or expander row)
 * on one line, ellipsized.  GTK measures a wrapping label again for every
 * height its box tries, with a binary search over its width; a panel of
 * wrapping rows spent most of the window's first layout on that.
 *
 * libadwaita 1.2 has no API for it on every kind of row: the labels are
 * found by the "title" and "subtitle" style classes its rows give them.
 * Where a later libadwaita names them otherwise, the rows simply wrap. */
void
journey_inspector_single_line (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  unwrap_labels (row);
}

/* -- Names for screen readers --------------------------------------------- */

/* The widgets of @type inside @widget, in order, not looking inside the ones
 * found.  The rows and lists that libadwaita 1.2 builds inside its own rows
 * have no API of their own, so they are found by their types. */
static void
find_inside (GtkWidget *widget,
             GType      type,
             GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else
        find_inside (child, type, found);
    }
}

static void
name_expander (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  /* The row, the list that holds its header, the switch of the header and
   * the list of the rows it reveals (libadwaita 1.2 names none of them). */
  set_name (row, title);
  find_inside (GTK_WIDGET (row), GTK_TYPE_LIST_BOX, lists);
  if (lists->len > 0)
    {
      set_name (g_ptr_array_index (lists, 0), title);
      find_inside (g_ptr_array_index (lists, 0), GTK_TYPE_SWITCH, switches);
      for (guint i = 0; i < switches->len; i++)
        set_name (g_ptr_array_index (switches, i), title);
    }
  for (guint i = 1; i < lists->len; i++)
    {
      /* Translators: what a screen reader calls the fields that an
       * expanded row shows; %s is the row's title, a name or a text */
      g_autofree char *name = g_strdup_printf (_("Details of “%s”"), title);

      set_name (g_ptr_array_index (lists, i), name);
    }
}

/* Names @row, its header, its switch and the list it reveals after its
 * title, now and whenever the title changes. */
void
journey_inspector_name_expander (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  g_signal_connect (row, "notify::title", G_CALLBACK (name_expander), NULL);
  name_expander (row);
}

static void
name_combo_lists (AdwComboRow *row)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  /* The list in the row that shows the choice, and the one of its popup. */
  find_inside (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    set_name (g_ptr_array_index (lists, i), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
on_combo_item_bound (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  gpointer string = gtk_list_item_get_item (item);

  /* GTK 4.8 has no gtk_list_item_set_accessible_label() (4.12): the
   * list item's own widget is the child's parent. */
  if (child != NULL && gtk_widget_get_parent (child) != NULL && GTK_IS_STRING_OBJECT (string))
    set_name (gtk_widget_get_parent (child), gtk_string_object_get_string (string));
}

/* Names the lists of @row (a combo row of strings) after its title, and
 * each of their items after its text, as they are made. */
void
journey_inspector_name_combo (AdwComboRow *row)
{
  GtkListItemFactory *factory;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The row's own factory, which libadwaita makes with signals. */
  factory = adw_combo_row_get_factory (row);
  if (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory))
    {
      g_autoptr(GtkListItemFactory) again = g_object_ref (factory);

      g_signal_connect_after (factory, "bind", G_CALLBACK (on_combo_item_bound), NULL);
      /* Items made before (from a model set in a template) are made again. */
      if (adw_combo_row_get_model (row) != NULL)
        {
          adw_combo_row_set_factory (row, NULL);
          adw_combo_row_set_factory (row, again);
        }
    }
  g_signal_connect (row, "notify::title", G_CALLBACK (name_combo_lists), NULL);
  name_combo_lists (row);
}

/* Names the list of @group, which has no title to name it. */
void
journey_inspector_name_group_list (AdwPreferencesGroup *group,
                                   const char          *name)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  find_inside (GTK_WIDGET (group), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    set_name (g_ptr_array_index (lists, i), name);
}

/* An expander row whose title is user text, never markup, named for
 * screen readers after its title. */
GtkWidget *
journey_inspector_expander_row (void)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  journey_inspector_single_line (row);
  journey_inspector_name_expander (ADW_EXPANDER_ROW (row));
  return row;
}

void
journey_inspector_clear_rows (AdwPreferencesGroup *group,
                              GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Lets the wheel scroll the panel over @widget (a scale or spin button)
 * instead of changing its value under the pointer: its own scroll
 * controller is turned off.  Keys and drags still set the value. */
void
journey_inspector_pass_scroll (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

/* Shows @message (NULL: none) in @label under @field, in the error style,
 * and tells assistive technologies that the value of @field was refused,
 * and why.  Never a dialog. */
void
journey_inspector_show_field_error (GtkWidget  *field,
                                    GtkLabel   *label,
                                    const char *message)
{
  gboolean refused = message != NULL;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (label));

  gtk_label_set_text (label, refused ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), refused);
  if (GTK_IS_LIST_BOX_ROW (parent))
    gtk_widget_set_visible (parent, refused);
  if (refused)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* A row under a field for the reason its value was refused, hidden while
 * there is none: @label is where journey_inspector_show_field_error()
 * writes it. */
GtkWidget *
journey_inspector_error_row (GtkLabel **label)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_widget_add_css_class (text, "error");
  gtk_widget_add_css_class (text, "journey-field-error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
  gtk_widget_set_visible (text, FALSE);
  gtk_widget_set_visible (row, FALSE);
  *label = GTK_LABEL (text);
  return row;
}

/* -- Ids: checked as typed, changed on Enter or on leaving the field ------ */

static gpointer
id_item (JourneyInspector *self,
         GtkWidget        *row)
{
  JourneyInspectorItemFunc item_of = g_object_get_data (G_OBJECT (row), "item-of");

  if (self->map == NULL || self->history == NULL)
    return NULL;
  return item_of (self, row);
}

static void
show_id_error (GtkWidget  *row,
               gpointer    item,
               const char *message)
{
  GtkLabel *error = g_object_get_data (G_OBJECT (row), "error");

  g_object_set_data (G_OBJECT (error), "item", message != NULL ? item : NULL);
  journey_inspector_show_field_error (row, error, message);
}

static void
on_id_changed (JourneyInspector *self,
               GParamSpec       *pspec,
               GtkWidget        *row)
{
  gpointer item = id_item (self, row);
  g_autoptr(GError) error = NULL;

  if (self->updating || item == NULL)
    return;
  if (journey_edit_check_id (self->project, self->map, item, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_id_error (row, item, NULL);
  else
    show_id_error (row, item, error->message);
}

static void
commit_id (JourneyInspector *self,
           GtkWidget        *row)
{
  gpointer item = id_item (self, row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (self->updating || item == NULL || g_strcmp0 (text, journey_item_get_id (item)) == 0)
    return;

  journey_inspector_new_run (self);
  if (journey_edit_set_id (self->history, self->project, self->map, item, text, &error))
    {
      show_id_error (row, item, NULL);
      return;
    }
  /* Refused: the field shows the id again, and below it why. */
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (row), journey_item_get_id (item));
  self->updating--;
  show_id_error (row, item, error->message);
}

static void
on_id_focus_leave (GtkEventControllerFocus *focus,
                   JourneyInspector        *self)
{
  commit_id (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

/* Makes @row (an entry row) edit the id of what @item_of gives, with the
 * reason for a refused id in @error (see journey_inspector_error_row()). */
void
journey_inspector_watch_id (JourneyInspector         *self,
                            GtkWidget                *row,
                            GtkLabel                 *error,
                            JourneyInspectorItemFunc  item_of)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (row), "item-of", item_of);
  g_object_set_data (G_OBJECT (row), "error", error);
  g_signal_connect_object (row, "notify::text", G_CALLBACK (on_id_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (commit_id), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_id_focus_leave), self, 0);
  gtk_widget_add_controller (row, focus);
}

/* Shows @item's id in @row, unless it is being typed in; a reason shown
 * for another item goes. */
void
journey_inspector_show_id (JourneyInspector *self,
                           GtkWidget        *row,
                           gpointer          item)
{
  GtkLabel *error = g_object_get_data (G_OBJECT (row), "error");
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (g_object_get_data (G_OBJECT (error), "item") != item)
    show_id_error (row, item, NULL);
  /* The id being typed stays, as long as the row still edits that item. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, row) && g_object_get_data (G_OBJECT (row), "shown") == item)
    return;
  g_object_set_data (G_OBJECT (row), "shown", item);
  journey_inspector_set_editable_text (GTK_EDITABLE (row), journey_item_get_id (item));
}

/* -- Asking before a delete ----------------------------------------------- */

typedef struct
{
  JourneyInspector       *self;    /* a weak pointer */
  JourneyInspectorAnswer  answer;
  gpointer                data;
  GDestroyNotify          destroy;
} Asking;

static void
asking_free (gpointer  data,
             GClosure *closure)
{
  Asking *asking = data;

  g_clear_weak_pointer (&asking->self);
  if (asking->destroy != NULL)
    asking->destroy (asking->data);
  g_free (asking);
}

static void
on_ask_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          data)
{
  Asking *asking = data;

  if (g_strcmp0 (response, "cancel") != 0 && asking->self != NULL && asking->self->map != NULL)
    asking->answer (asking->self, response, asking->data);
}

/* Asks whether to delete: Cancel, a destructive @delete_label (response
 * "delete") and, when @move_label is given, a suggested "move" response
 * that is the default (else Cancel is).  @answer runs for any response but
 * "cancel" while the inspector shows a map; @destroy frees @data after. */
void
journey_inspector_ask_delete (JourneyInspector       *self,
                              const char             *heading,
                              const char             *body,
                              const char             *delete_label,
                              const char             *move_label,
                              JourneyInspectorAnswer  answer,
                              gpointer                data,
                              GDestroyNotify          destroy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  Asking *asking = g_new0 (Asking, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "delete", delete_label);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  if (move_label != NULL)
    {
      adw_message_dialog_add_response (dialog, "move", move_label);
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "move");
    }
  else
    adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_set_weak_pointer (&asking->self, self);
  asking->answer = answer;
  asking->data = data;
  asking->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_ask_response), asking, asking_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
