/* journey-inspector-private.h: what the files of the inspector share.
 *
 * The inspector is one widget in several files: journey-inspector.c (the
 * class, the runs of typing, refresh), -rows.c (the row builders every list
 * uses), -touchpoint.c (the touchpoint's fields), -notes.c (its pain points,
 * opportunities, actions and comments), -map.c (the map and its scale),
 * -structure.c (stages, lanes, personas, channels) and -maps.c (the
 * project's maps).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-edit.h"
#include "journey-inspector.h"
#include "journey-selection.h"

G_BEGIN_DECLS

typedef struct _JourneyInspectorEvidence JourneyInspectorEvidence;

struct _JourneyInspector
{
  AdwBin          parent_instance;

  JourneyProject *project;
  JourneyMap     *map;
  JourneyHistory *history;
  JourneySelection *selection; /* shared with the canvas in a window */
  gboolean        map_page_stale; /* the model changed since the map page showed it */
  gboolean        setting_map;

  guint           merge_key;   /* the run of typing (or of a slider) under way */
  guint           pause_id;
  guint           updating;    /* > 0 while the panel shows the model */
  gpointer        time_error_for; /* the touchpoint whose time was refused; never dereferenced */

  char           *lanes_key;   /* what the combo models were made from */
  char           *channels_key;
  char           *personas_key;
  char           *filter_key;

  GtkTextView    *text_views[3];
  GPtrArray      *pain_rows;   /* of AdwEntryRow */
  GPtrArray      *opportunity_rows;
  GPtrArray      *action_rows; /* of AdwExpanderRow */
  GPtrArray      *comment_rows;
  GPtrArray      *label_rows;  /* of AdwEntryRow, one per step of the scale */
  GPtrArray      *structure_rows[4]; /* by Kind: of its rows (journey-inspector-structure.c) */
  GPtrArray      *map_rows;    /* of AdwActionRow */
  char           *add_map_key; /* the channels the add-map menu was made for */
  JourneyInspectorEvidence *evidence; /* journey-inspector-evidence*.c */

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *touchpoint_group;
  AdwEntryRow          *title_row;
  AdwComboRow          *lane_row;
  AdwComboRow          *channel_row;
  AdwComboRow          *weight_row;
  AdwEntryRow          *when_row;
  GtkWidget            *time_row;
  GtkSpinButton        *time_spin;
  GtkLabel             *time_error;
  AdwEntryRow          *id_row;
  AdwPreferencesGroup  *map_group;
  AdwEntryRow          *map_id_row;
  GtkWidget            *satisfaction_group;
  AdwActionRow         *satisfaction_row;
  GtkScale             *satisfaction_scale;
  AdwExpanderRow       *target_row;
  AdwActionRow         *target_value_row;
  GtkScale             *target_scale;
  AdwActionRow         *room_row;      /* the room's rating (SPEC §10), journey-inspector-room.c */
  GtkWidget            *room_adopt_button;
  GtkWidget            *text_box;
  AdwPreferencesGroup  *pain_group;
  AdwPreferencesGroup  *opportunity_group;
  AdwPreferencesGroup  *action_group;
  AdwPreferencesGroup  *comment_group;
  GtkWidget            *votes_group;
  GtkLabel             *votes_label;
  GtkWidget            *vote_button;
  GtkWidget            *unvote_button;
  GtkWidget            *evidence_group;
  AdwEntryRow          *map_title_row;
  AdwComboRow          *persona_row;
  AdwComboRow          *filter_row;
  AdwEntryRow          *objective_row;
  AdwEntryRow          *scope_row;
  AdwActionRow         *notes_row;
  GtkSwitch            *notes_switch;
  AdwPreferencesGroup  *scale_group;
  AdwComboRow          *preset_row;
  GtkSpinButton        *min_spin;
  GtkSpinButton        *max_spin;
  AdwPreferencesGroup  *labels_group;
  AdwPreferencesGroup  *sources_group;
  AdwPreferencesGroup  *stages_group;
  AdwPreferencesGroup  *lanes_group;
  AdwEntryRow          *project_title_row;
  AdwPreferencesGroup  *personas_group;
  AdwPreferencesGroup  *channels_group;
  AdwPreferencesGroup  *maps_group;
  GtkMenuButton        *add_map_button;
};

/* The lists of the map and the project. */
typedef enum
{
  KIND_STAGE,
  KIND_LANE,
  KIND_PERSONA,
  KIND_CHANNEL,
} Kind;

/* journey-inspector.c: the runs of typing and the panel. */
JourneyTouchpoint *journey_inspector_get_touchpoint (JourneyInspector *self);
GPtrArray  *journey_inspector_get_selected      (JourneyInspector *self);
void        journey_inspector_new_run           (JourneyInspector *self);
void        journey_inspector_adjusted          (JourneyInspector *self);
void        journey_inspector_watch_focus       (JourneyInspector *self,
                                                 GtkWidget        *widget);
void        journey_inspector_refresh           (JourneyInspector *self);
void        journey_inspector_emit_show_map     (JourneyInspector *self,
                                                 JourneyMap       *map);

/* journey-inspector-rows.c: helpers and the rows the lists are made of. */
void        journey_inspector_set_position      (gpointer          object,
                                                 guint             position);
guint       journey_inspector_get_position      (gpointer          object);
void        journey_inspector_set_editable_text (GtkEditable      *editable,
                                                 const char       *text);
char       *journey_inspector_buffer_text       (GtkTextBuffer    *buffer);
void        journey_inspector_update_combo_model (AdwComboRow     *row,
                                                  char           **key,
                                                  GPtrArray       *names);
GtkWidget  *journey_inspector_list_button       (JourneyInspector    *self,
                                                 AdwPreferencesGroup *group,
                                                 const char          *what,
                                                 guint                position,
                                                 GCallback            callback);
GtkWidget  *journey_inspector_header_add_button (JourneyInspector    *self,
                                                 AdwPreferencesGroup *group,
                                                 const char          *tooltip,
                                                 GCallback            callback,
                                                 const char          *tag,
                                                 gpointer             tag_value);
void        journey_inspector_add_row_buttons   (JourneyInspector    *self,
                                                 GtkWidget           *row,
                                                 AdwPreferencesGroup *group,
                                                 guint                position,
                                                 GCallback            callback,
                                                 const char          *tag,
                                                 gpointer             tag_value);
void        journey_inspector_sync_row_buttons  (gpointer             row,
                                                 guint                position,
                                                 guint                n,
                                                 gboolean             can_delete);
gboolean    journey_inspector_move_target       (const char          *what,
                                                 guint                position,
                                                 guint                n,
                                                 guint               *to);
GtkWidget  *journey_inspector_entry_row         (JourneyInspector    *self,
                                                 const char          *title,
                                                 const char          *property,
                                                 guint                position,
                                                 GCallback            on_changed);
GtkWidget  *journey_inspector_expander_row      (void);
void        journey_inspector_name_expander     (AdwExpanderRow      *row);
void        journey_inspector_name_combo        (AdwComboRow         *row);
void        journey_inspector_name_group_list   (AdwPreferencesGroup *group,
                                                 const char          *name);
void        journey_inspector_single_line       (GtkWidget           *row);
void        journey_inspector_pass_scroll       (GtkWidget           *widget);
void        journey_inspector_show_field_error  (GtkWidget           *field,
                                                 GtkLabel            *label,
                                                 const char          *message);
GtkWidget  *journey_inspector_error_row         (GtkLabel           **label);
/* The item that an id row edits: the selected touchpoint, the map, the
 * stage at the row's position… */
typedef gpointer (*JourneyInspectorItemFunc) (JourneyInspector *self,
                                              GtkWidget        *row);
void        journey_inspector_watch_id          (JourneyInspector         *self,
                                                 GtkWidget                *row,
                                                 GtkLabel                 *error,
                                                 JourneyInspectorItemFunc  item_of);
void        journey_inspector_show_id           (JourneyInspector         *self,
                                                 GtkWidget                *row,
                                                 gpointer                  item);
void        journey_inspector_clear_rows        (AdwPreferencesGroup *group,
                                                 GPtrArray           *rows);

typedef void (*JourneyInspectorAnswer) (JourneyInspector *self,
                                        const char       *response,
                                        gpointer          data);
void        journey_inspector_ask_delete        (JourneyInspector       *self,
                                                 const char             *heading,
                                                 const char             *body,
                                                 const char             *delete_label,
                                                 const char             *move_label,
                                                 JourneyInspectorAnswer  answer,
                                                 gpointer                data,
                                                 GDestroyNotify          destroy);

/* The pages and lists: each connects its own widgets in its init. */
void        journey_inspector_touchpoint_init   (JourneyInspector *self);
void        journey_inspector_room_init         (JourneyInspector *self);
void        journey_inspector_refresh_room      (JourneyInspector  *self,
                                                 JourneyTouchpoint *touchpoint);
void        journey_inspector_refresh_touchpoint (JourneyInspector *self);
void        journey_inspector_notes_init        (JourneyInspector *self);
void        journey_inspector_refresh_notes     (JourneyInspector  *self,
                                                 JourneyTouchpoint *touchpoint);
void        journey_inspector_map_init          (JourneyInspector *self);
void        journey_inspector_refresh_map       (JourneyInspector *self);
void        journey_inspector_sync_channel_filter (JourneyInspector *self);
void        journey_inspector_structure_init    (JourneyInspector *self);
void        journey_inspector_refresh_structure (JourneyInspector *self,
                                                 Kind              kind);
void        journey_inspector_refresh_maps      (JourneyInspector *self);
/* journey-inspector-evidence.c: the touchpoint's measurement; and
 * journey-inspector-evidence-sources.c: the map's survey sources. */
void        journey_inspector_evidence_init     (JourneyInspector *self);
void        journey_inspector_refresh_evidence  (JourneyInspector  *self,
                                                 JourneyTouchpoint *touchpoint);
void        journey_inspector_evidence_dispose  (JourneyInspector *self);
void        journey_inspector_evidence_finalize (JourneyInspector *self);
void        journey_inspector_sources_init      (JourneyInspector *self);
void        journey_inspector_refresh_sources   (JourneyInspector *self);
void        journey_inspector_add_map_action    (GtkWidget        *widget,
                                                 const char       *action_name,
                                                 GVariant         *parameter);

G_END_DECLS
