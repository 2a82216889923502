/* journey-preferences.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-preferences.h"

struct _JourneyPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSwitch            *snap_switch;
  GtkSpinButton        *snap_step_spin;
  GtkWidget            *snap_step_row;
  GtkSwitch            *backup_switch;
  GtkSwitch            *autosave_switch;
  GtkSpinButton        *autosave_spin;
  GtkWidget            *autosave_interval_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *text_size_row;

  /* Set while the widgets follow the settings: nothing to write back. */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (JourneyPreferences, journey_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* Autosave is one key, in seconds, where 0 turns it off; the switch and
 * the minutes are two views of it. */
static void
on_autosave_changed (JourneyPreferences *self,
                     const char         *key,
                     GSettings          *settings)
{
  guint seconds = g_settings_get_uint (settings, "autosave-interval");

  self->updating = TRUE;
  gtk_switch_set_active (self->autosave_switch, seconds > 0);
  /* Off keeps the minutes where they were. */
  if (seconds > 0)
    gtk_spin_button_set_value (self->autosave_spin, MAX (1, (seconds + 30) / 60));
  gtk_widget_set_sensitive (self->autosave_interval_row, seconds > 0);
  self->updating = FALSE;
}

static void
write_autosave (JourneyPreferences *self)
{
  guint minutes = (guint) gtk_spin_button_get_value_as_int (self->autosave_spin);

  if (self->updating)
    return;
  g_settings_set_uint (self->settings, "autosave-interval",
                       gtk_switch_get_active (self->autosave_switch) ? MAX (minutes, 1) * 60 : 0);
}

/* A combo row whose items stand, in order, for the choices of a string
 * key of the schema: the row's selected position is the choice's. */
static GStrv
get_choices (GSettings  *settings,
             const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) values = NULL;
  const char *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &values);
  g_assert (g_str_equal (type, "enum"));
  return g_variant_dup_strv (values, NULL);
}

static gboolean
choice_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

static void
bind_choices (JourneyPreferences *self,
              const char         *key,
              AdwComboRow        *row)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_position, position_to_choice,
                                get_choices (self->settings, key), (GDestroyNotify) g_strfreev);
}

static void
journey_preferences_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JOURNEY_TYPE_PREFERENCES);

  G_OBJECT_CLASS (journey_preferences_parent_class)->dispose (object);
}

static void
journey_preferences_finalize (GObject *object)
{
  JourneyPreferences *self = JOURNEY_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (journey_preferences_parent_class)->finalize (object);
}

static void
journey_preferences_class_init (JourneyPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_preferences_dispose;
  object_class->finalize = journey_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/journeys/Journeys/journey-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, snap_step_spin);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, snap_step_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, backup_switch);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, autosave_interval_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, scale_row);
  gtk_widget_class_bind_template_child (widget_class, JourneyPreferences, text_size_row);
}

static void
journey_preferences_init (JourneyPreferences *self)
{
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  g_auto(GStrv) scale_ids = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  /* The scales, named as the inspector's presets. */
  scale_ids = get_choices (self->settings, "default-scale");
  for (guint i = 0; scale_ids[i] != NULL; i++)
    {
      const JourneyScalePreset *preset = journey_scale_find_preset (scale_ids[i]);

      g_assert (preset != NULL);
      gtk_string_list_append (scales, _(preset->name));
    }
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scales));
  bind_choices (self, "default-scale", self->scale_row);
  bind_choices (self, "presentation-text-size", self->text_size_row);

  g_settings_bind (self->settings, "snap-to-grid", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-step", self->snap_step_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-grid", self->snap_step_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "make-backup", self->backup_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::autosave-interval", G_CALLBACK (on_autosave_changed), self,
                           G_CONNECT_SWAPPED);
  on_autosave_changed (self, "autosave-interval", self->settings);
  g_signal_connect_object (self->autosave_switch, "notify::active", G_CALLBACK (write_autosave), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave_spin, "value-changed", G_CALLBACK (write_autosave), self,
                           G_CONNECT_SWAPPED);
}

JourneyScale *
journey_preferences_new_default_scale (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = g_settings_get_string (settings, "default-scale");
  const JourneyScalePreset *preset = journey_scale_find_preset (id);
  guint n_presets;

  /* The schema's choices are the presets' ids. */
  if (preset == NULL)
    preset = journey_scale_get_presets (&n_presets);
  return journey_scale_new_from_preset (preset);
}

GtkWidget *
journey_preferences_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (JOURNEY_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
