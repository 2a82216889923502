/* journey-inspector-evidence.c: a touchpoint's measurement in the
 * inspector (SPEC §11, issue 17 "Compare"): its responses, the mean with
 * its 95 % interval, CSAT, NPS or CES as fits the survey's scale, the
 * survey's histogram and the weekly trend as small charts, and thin
 * evidence.  Every number comes from the model's summary of the evidence.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "journey-edit-evidence.h"
#include "journey-evidence-stats.h"
#include "journey-inspector-evidence-private.h"

static AdwActionRow *
add_row (JourneyInspector *self,
         const char       *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->evidence_group), row);
  return ADW_ACTION_ROW (row);
}

/* A row with a heading, a caption and a chart under them. */
static GtkWidget *
add_chart_row (JourneyInspector      *self,
               const char            *title,
               GtkLabel             **caption,
               JourneyEvidenceChart **chart)
{
  /* A preferences row, so that the group puts it in its list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *drawing = journey_evidence_chart_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (drawing, 8);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), drawing);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* libadwaita 1.2 names no plain preferences row after its title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drawing), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->evidence_group), row);
  *caption = GTK_LABEL (subtitle);
  *chart = JOURNEY_EVIDENCE_CHART (drawing);
  return row;
}

/* "12 %", "−25" … a whole number in the locale's way. */
static char *
format_whole (double value,
              gboolean signed_)
{
  double rounded = round (value) + 0.0;

  return signed_ && rounded > 0 ? g_strdup_printf ("+%.0f", rounded) : g_strdup_printf ("%.0f", rounded);
}

static void
show_metric (JourneyInspector             *self,
             const JourneyEvidenceSummary *summary,
             JourneyScale                 *survey)
{
  JourneyInspectorEvidence *ev = self->evidence;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  switch (summary->metric)
    {
    case JOURNEY_EVIDENCE_METRIC_NPS:
      number = format_whole (summary->score, TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ev->metric_row), _("Net Promoter Score"));
      /* Translators: an NPS, "+25 (promoters less detractors, −100 to +100)" */
      text = g_strdup_printf (_("%s (promoters less detractors, −100 to +100)"), number);
      break;
    case JOURNEY_EVIDENCE_METRIC_CES:
      number = journey_scale_format_number (summary->score);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ev->metric_row), _("Customer Effort Score"));
      /* Translators: a CES, the mean effort: "5.2 on the survey’s scale of 1 to 7" */
      text = g_strdup_printf (_("%s on the survey’s scale of %d to %d"), number, survey->min, survey->max);
      break;
    case JOURNEY_EVIDENCE_METRIC_NONE:
      return;
    case JOURNEY_EVIDENCE_METRIC_CSAT:
    default:
      number = format_whole (summary->score, FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ev->metric_row), _("Customer Satisfaction (CSAT)"));
      /* Translators: CSAT, "65 % in the top two steps" */
      text = g_strdup_printf (_("%s %% in the top two steps"), number);
      break;
    }
  adw_action_row_set_subtitle (ev->metric_row, text);
}

static void
show_histogram (JourneyInspector *self,
                JourneyEvidence  *evidence)
{
  JourneyInspectorEvidence *ev = self->evidence;
  JourneyScale *survey = NULL;
  g_autoptr(GArray) histogram = journey_evidence_get_survey_histogram (evidence, self->map->scale, &survey);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *caption = NULL;

  gtk_widget_set_visible (ev->histogram_row, histogram != NULL);
  if (histogram == NULL)
    return;

  journey_evidence_chart_set_bars (ev->histogram, (const int *) (gpointer) histogram->data, histogram->len, survey->min);
  /* Translators: under "Answers per Step": "On the survey’s scale of 0 to 10" */
  caption = g_strdup_printf (_("On the survey’s scale of %d to %d"), survey->min, survey->max);
  gtk_label_set_text (ev->histogram_caption, caption);
  for (guint s = 0; s < histogram->len; s++)
    {
      g_autofree char *step = journey_scale_format_value (survey, survey->min + (double) s);
      int count = g_array_index (histogram, int, s);

      if (s > 0)
        g_string_append (description, "; ");
      /* Translators: one bar of a histogram for screen readers, "Satisfied: 12 answers" */
      g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%s: %d answer", "%s: %d answers", (gulong) count),
                              step, count);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (ev->histogram), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
}

static char *
format_week (const char *week)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = g_strconcat (week, "T00:00:00Z", NULL);

  day = g_date_time_new_from_iso8601 (iso, NULL);
  return day != NULL ? g_date_time_format (day, "%x") : g_strdup (week);
}

static void
show_trend (JourneyInspector *self,
            JourneyEvidence  *evidence)
{
  JourneyInspectorEvidence *ev = self->evidence;
  g_autoptr(GPtrArray) trend = journey_evidence_get_trend (evidence);
  g_autoptr(GArray) means = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *caption = NULL;

  gtk_widget_set_visible (ev->trend_row, trend->len > 0);
  if (trend->len == 0)
    return;

  for (guint i = 0; i < trend->len; i++)
    {
      JourneyEvidenceWeek *week = g_ptr_array_index (trend, i);
      g_autofree char *day = format_week (week->week);
      g_autofree char *mean = journey_scale_format_value (self->map->scale, week->mean);

      g_array_append_val (means, week->mean);
      if (i > 0)
        g_string_append (description, "; ");
      /* Translators: one week of the trend for screen readers, "Week of 11/02/2026: 3.4 · Neutral, 12 responses" */
      g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "Week of %s: %s, %d response",
                                                        "Week of %s: %s, %d responses", (gulong) week->responses),
                              day, mean, week->responses);
    }
  journey_evidence_chart_set_line (ev->trend, (const double *) (gpointer) means->data, means->len,
                                   self->map->scale->min, self->map->scale->max);
  {
    JourneyEvidenceWeek *first = g_ptr_array_index (trend, 0);
    JourneyEvidenceWeek *last = g_ptr_array_index (trend, trend->len - 1);
    g_autofree char *from = journey_scale_format_value (self->map->scale, first->mean);
    g_autofree char *to = journey_scale_format_value (self->map->scale, last->mean);

    if (trend->len == 1)
      /* Translators: the trend of a single week, "One week: 3.4 · Neutral" */
      caption = g_strdup_printf (_("One week: %s"), to);
    else
      /* Translators: "12 weeks, from 3.1 · Neutral to 3.6 · Satisfied" */
      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week, from %s to %s", "%u weeks, from %s to %s",
                                              trend->len),
                                 trend->len, from, to);
  }
  gtk_label_set_text (ev->trend_caption, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ev->trend), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
}

void
journey_inspector_refresh_evidence (JourneyInspector  *self,
                                    JourneyTouchpoint *touchpoint)
{
  JourneyInspectorEvidence *ev = self->evidence;
  JourneyEvidence *evidence = touchpoint->evidence;
  JourneyEvidenceSummary summary;
  JourneyScale *survey = NULL;
  g_autoptr(GArray) survey_histogram = NULL;
  g_autofree char *responses = NULL;
  g_autofree char *mean = NULL;
  gboolean summarized;

  if (evidence == NULL)
    return;

  summarized = journey_evidence_summarize (evidence, self->map->scale, &summary);
  responses = g_strdup_printf ("%d", evidence->responses);
  mean = journey_scale_format_value (self->map->scale, evidence->mean);
  adw_action_row_set_subtitle (ev->source_row, evidence->source != NULL ? evidence->source : "");
  adw_action_row_set_subtitle (ev->responses_row, responses);
  gtk_widget_set_visible (ev->thin_label, journey_evidence_is_thin (evidence));
  if (summarized)
    {
      g_autofree char *low = journey_scale_format_number (summary.low);
      g_autofree char *high = journey_scale_format_number (summary.high);
      g_autofree char *text = NULL;

      /* Translators: the mean and its 95 % confidence interval: "3.4 · Neutral, 95 % interval 3.2–3.6" */
      text = g_strdup_printf (_("%s, 95 %% interval %s–%s"), mean, low, high);
      adw_action_row_set_subtitle (ev->mean_row, text);
      survey_histogram = journey_evidence_get_survey_histogram (evidence, self->map->scale, &survey);
      show_metric (self, &summary, survey);
    }
  else
    adw_action_row_set_subtitle (ev->mean_row, mean);
  gtk_widget_set_visible (GTK_WIDGET (ev->metric_row), summarized && summary.metric != JOURNEY_EVIDENCE_METRIC_NONE);
  show_histogram (self, evidence);
  show_trend (self, evidence);
}

void
journey_inspector_evidence_init (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = g_new0 (JourneyInspectorEvidence, 1);
  GtkWidget *thin = gtk_label_new (_("Thin evidence"));

  self->evidence = ev;
  ev->source_row = add_row (self, _("Source"));
  ev->responses_row = add_row (self, _("Responses"));
  gtk_widget_set_tooltip_text (thin, _("Fewer than 30 responses: the mean may still move a lot"));
  gtk_widget_add_css_class (thin, "warning");
  gtk_widget_add_css_class (thin, "caption-heading");
  gtk_widget_set_valign (thin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ev->responses_row, thin);
  ev->thin_label = thin;
  ev->mean_row = add_row (self, _("Mean"));
  ev->metric_row = add_row (self, _("Customer Satisfaction (CSAT)"));
  ev->histogram_row = add_chart_row (self, _("Answers per Step"), &ev->histogram_caption, &ev->histogram);
  ev->trend_row = add_chart_row (self, _("Weekly Trend"), &ev->trend_caption, &ev->trend);
}

/* The imports under way stop when the inspector goes; its rows stay
 * until finalize, for whatever asks after dispose. */
void
journey_inspector_evidence_dispose (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = self->evidence;

  if (ev == NULL)
    return;
  g_cancellable_cancel (ev->cancellable);
  if (ev->source_rows != NULL)
    g_ptr_array_set_size (ev->source_rows, 0);
  if (ev->typed_rows != NULL)
    g_ptr_array_set_size (ev->typed_rows, 0);
}

void
journey_inspector_evidence_finalize (JourneyInspector *self)
{
  JourneyInspectorEvidence *ev = self->evidence;

  if (ev == NULL)
    return;
  g_clear_object (&ev->cancellable);
  g_clear_pointer (&ev->source_rows, g_ptr_array_unref);
  g_clear_pointer (&ev->typed_rows, g_ptr_array_unref);
  g_clear_pointer (&ev->typed_key, g_free);
  g_clear_pointer (&self->evidence, g_free);
}
