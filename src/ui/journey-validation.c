/* journey-validation.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Compare With Evidence: the touchpoints in the order of their gap between
 * hypothesis and measurement (SPEC §11). */

#define G_LOG_DOMAIN "journey-validation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "journey-canvas.h"
#include "journey-evidence-stats.h"
#include "journey-layout.h"
#include "journey-validation.h"

#define VALIDATION_KEY "journey-validation"

struct _JourneyValidation
{
  AdwWindow       parent_instance;

  JourneyWindow  *window;     /* weak: the validation goes with it */
  JourneyHistory *history;
  GPtrArray      *ranked;     /* of JourneyTouchpoint, as the rows show them */

  AdwWindowTitle *title;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkWidget      *use_all_button;
};

G_DEFINE_FINAL_TYPE (JourneyValidation, journey_validation, ADW_TYPE_WINDOW)

static JourneyMap *
get_map (JourneyValidation *self)
{
  return self->window != NULL ? journey_window_get_map (self->window) : NULL;
}

static void
on_use_clicked (JourneyValidation *self,
                GtkButton         *button)
{
  JourneyTouchpoint *tp = g_object_get_data (G_OBJECT (button), "touchpoint");
  JourneyMap *map = get_map (self);

  if (map == NULL || tp == NULL || self->history == NULL)
    return;
  journey_edit_adopt_evidence (self->history, map, &tp, 1);
}

static void
on_use_all_clicked (JourneyValidation *self)
{
  JourneyMap *map = get_map (self);

  if (map == NULL || self->history == NULL || self->ranked == NULL || self->ranked->len == 0)
    return;
  journey_edit_adopt_evidence (self->history, map, (JourneyTouchpoint **) self->ranked->pdata, self->ranked->len);
}

static void
on_row_activated (JourneyValidation *self,
                  GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  JourneyCanvas *canvas;
  JourneyTouchpoint *tp;

  if (self->window == NULL || self->ranked == NULL || index < 0 || (guint) index >= self->ranked->len)
    return;
  tp = g_ptr_array_index (self->ranked, index);
  canvas = journey_window_get_canvas (self->window);
  journey_canvas_select (canvas, tp, FALSE);
  journey_canvas_set_focus_touchpoint (canvas, tp);
}

/* @text and that the map flags the gap. */
static char *
flag_sentence (const char *text)
{
  /* Translators: appended to a touchpoint's line when its gap is a fifth
   * of the scale or more, which the map marks with a flag */
  return g_strdup_printf (_("%s. Flagged on the map"), text);
}

static GtkWidget *
make_row (JourneyValidation *self,
          JourneyMap        *map,
          JourneyTouchpoint *tp,
          guint              number)
{
  JourneyEvidence *evidence = tp->evidence;
  JourneyEvidenceSummary summary;
  gboolean summarized = journey_evidence_summarize (evidence, map->scale, &summary);
  double gap = journey_evidence_get_gap (map, tp);
  g_autofree char *title = g_strdup_printf ("%u. %s", number, journey_touchpoint_get_display_name (tp));
  g_autofree char *hypothesis = journey_scale_format_value (map->scale, journey_map_get_satisfaction (map, tp));
  g_autofree char *measured = journey_scale_format_value (map->scale, evidence->mean);
  g_autofree char *gap_text = journey_evidence_format_gap (gap);
  g_autofree char *interval = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  g_autofree char *use_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *gap_label = gtk_label_new (gap_text);
  GtkWidget *use = gtk_button_new_with_label (_("Use Measured Mean"));
  gboolean flagged;
  int min, max;

  if (summarized)
    {
      g_autofree char *low = journey_scale_format_number (summary.low);
      g_autofree char *high = journey_scale_format_number (summary.high);

      /* Translators: a measured mean and its interval: "3.2 · Neutral, 95 % interval 2.9–3.5" */
      interval = g_strdup_printf (_("%s, 95 %% interval %s–%s"), measured, low, high);
    }
  /* Translators: "Hypothesis 4 · Satisfied. Measured 3.2 · Neutral, 95 % interval 2.9–3.5, from 128 responses" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hypothesis %s. Measured %s, from %d response",
                                           "Hypothesis %s. Measured %s, from %d responses", (gulong) evidence->responses),
                              hypothesis, interval != NULL ? interval : measured, evidence->responses);
  if (journey_evidence_is_thin (evidence))
    {
      /* Translators: appended when a touchpoint has fewer than 30 responses */
      g_autofree char *thin = g_strdup_printf (_("%s (thin evidence)"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&thin);
    }
  journey_layout_band_range (map, &min, &max);
  flagged = journey_evidence_gap_is_flagged (gap, min, max);
  if (flagged)
    {
      g_autofree char *with_flag = flag_sentence (subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_flag);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_label_set_width_chars (GTK_LABEL (gap_label), 5);
  gtk_label_set_xalign (GTK_LABEL (gap_label), 1);
  gtk_widget_add_css_class (gap_label, "title-3");
  gtk_widget_add_css_class (gap_label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gap_label);
  if (gap_text[0] == '+')
    /* Translators: for screen readers, "The measurement is 0.8 above the hypothesis" */
    description = g_strdup_printf (_("The measurement is %s above the hypothesis"), gap_text + 1);
  else if (g_str_has_prefix (gap_text, "−"))
    description = g_strdup_printf (_("The measurement is %s below the hypothesis"), gap_text + strlen ("−"));
  else
    description = g_strdup (_("The measurement is the hypothesis"));
  if (flagged)
    {
      g_autofree char *with_flag = flag_sentence (description);

      g_free (description);
      description = g_steal_pointer (&with_flag);
      /* As the map draws its flags. */
      gtk_widget_add_css_class (gap_label, "error");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (use, gap_text[0] == '+' || g_str_has_prefix (gap_text, "−"));
  /* Translators: the button of one touchpoint, for screen readers */
  use_name = g_strdup_printf (_("Use the measured mean of “%s”"), journey_touchpoint_get_display_name (tp));
  gtk_accessible_update_property (GTK_ACCESSIBLE (use), GTK_ACCESSIBLE_PROPERTY_LABEL, use_name, -1);
  gtk_widget_set_tooltip_text (use, use_name);
  g_object_set_data (G_OBJECT (use), "touchpoint", tp);
  g_signal_connect_object (use, "clicked", G_CALLBACK (on_use_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
  return row;
}

static void
refresh (JourneyValidation *self)
{
  JourneyMap *map = get_map (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *focus_row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int focus_index = focus_row != NULL && gtk_widget_get_parent (focus_row) == GTK_WIDGET (self->list)
                    ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus_row)) : -1;
  gboolean any_gap = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->ranked, g_ptr_array_unref);

  adw_window_title_set_subtitle (self->title, map != NULL ? journey_map_get_display_name (map) : NULL);
  if (map != NULL)
    {
      g_autoptr(GArray) order = journey_map_get_time_order (map);
      g_autofree guint *numbers = g_new0 (guint, MAX (1, order->len));

      for (guint i = 0; i < order->len; i++)
        numbers[g_array_index (order, guint, i)] = i + 1;
      self->ranked = journey_evidence_rank_gaps (map);
      for (guint i = 0; i < self->ranked->len; i++)
        {
          JourneyTouchpoint *tp = g_ptr_array_index (self->ranked, i);
          guint position = 0;

          journey_list_find (map->touchpoints, tp, &position);
          gtk_list_box_append (self->list, make_row (self, map, tp, numbers[position]));
          any_gap |= fabs (journey_evidence_get_gap (map, tp)) >= 0.005;
        }
    }
  gtk_stack_set_visible_child_name (self->stack, self->ranked != NULL && self->ranked->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->use_all_button, any_gap);

  /* After a row's measurement was used, the focus goes on down the list. */
  if (focus_index >= 0 && self->ranked != NULL && self->ranked->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list,
                                                                      MIN (focus_index, (int) self->ranked->len - 1))));
}

static void
on_import_clicked (JourneyValidation *self)
{
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.import-survey", NULL);
}

static void
on_window_gone (gpointer  data,
                GObject  *where_the_object_was)
{
  JourneyValidation *self = data;

  self->window = NULL;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
journey_validation_dispose (GObject *object)
{
  JourneyValidation *self = JOURNEY_VALIDATION (object);

  if (self->window != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->window), on_window_gone, self);
      if (g_object_get_data (G_OBJECT (self->window), VALIDATION_KEY) == self)
        g_object_set_data (G_OBJECT (self->window), VALIDATION_KEY, NULL);
      self->window = NULL;
    }
  g_clear_object (&self->history);
  g_clear_pointer (&self->ranked, g_ptr_array_unref);

  G_OBJECT_CLASS (journey_validation_parent_class)->dispose (object);
}

static void
journey_validation_class_init (JourneyValidationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_validation_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
make_empty_page (JourneyValidation *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Survey…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Evidence Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Import a survey export to compare the map with what customers said"));
  gtk_widget_set_halign (import, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (import, "pill");
  gtk_widget_add_css_class (import, "suggested-action");
  g_signal_connect_object (import, "clicked", G_CALLBACK (on_import_clicked), self, G_CONNECT_SWAPPED);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), import);
  return page;
}

static void
journey_validation_init (JourneyValidation *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("The touchpoints whose measurement differs most from the hypothesis come "
                                      "first. Activate one to select its card on the map."));

  gtk_window_set_title (GTK_WINDOW (self), _("Compare With Evidence"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Compare With Evidence"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->use_all_button = gtk_button_new_with_mnemonic (_("Use _All Measured Means"));
  gtk_widget_set_tooltip_text (self->use_all_button,
                               _("Set every touchpoint’s satisfaction to its measured mean, in one step"));
  g_signal_connect_object (self->use_all_button, "clicked", G_CALLBACK (on_use_all_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->use_all_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Touchpoints by the gap between hypothesis and measurement"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), intro);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, make_empty_page (self), "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

JourneyValidation *
journey_validation_new (JourneyWindow *window)
{
  JourneyValidation *self;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), NULL);

  self = g_object_new (JOURNEY_TYPE_VALIDATION, "transient-for", window, "destroy-with-parent", TRUE, NULL);
  self->window = window;
  g_object_weak_ref (G_OBJECT (window), on_window_gone, self);
  self->history = g_object_ref (journey_window_get_history (window));
  g_signal_connect_object (self->history, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  /* Another map chosen meanwhile shows when the view is back in front. */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (refresh), NULL);
  refresh (self);
  return self;
}

JourneyValidation *
journey_validation_get_for (JourneyWindow *window)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), VALIDATION_KEY);
}

void
journey_validation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JourneyWindow *window = JOURNEY_WINDOW (widget);
  JourneyValidation *self = journey_validation_get_for (window);

  if (self == NULL)
    {
      self = journey_validation_new (window);
      g_object_set_data (G_OBJECT (window), VALIDATION_KEY, self);
    }
  gtk_window_present (GTK_WINDOW (self));
}

GtkListBox *
journey_validation_get_list (JourneyValidation *self)
{
  g_return_val_if_fail (JOURNEY_IS_VALIDATION (self), NULL);

  return self->list;
}

GtkWidget *
journey_validation_get_use_all_button (JourneyValidation *self)
{
  g_return_val_if_fail (JOURNEY_IS_VALIDATION (self), NULL);

  return self->use_all_button;
}
