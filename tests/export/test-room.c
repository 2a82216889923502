/* test-room.c: the room's rating beside each handle (SPEC §10) and the
 * evidence level of every card (issue 17), from the layout to the SVG and
 * the PNG.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "export-test-utils.h"
#include "journey-edit.h"
#include "journey-svg.h"

/* "a" and "d" on the curve with a room's rating: "a"'s room agrees
 * (4 and 5), "d"'s disagrees (1s and 5s); "e" is backstage, off the
 * curve, with a room's rating; "b" has thin evidence, "c" enough. */
#define ROOM_PROJECT \
  "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Test\",\n" \
  "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" } ],\n" \
  "  \"maps\": [ { \"id\": \"m\", \"title\": \"Weekend stay\",\n" \
  "    \"stages\": [ { \"id\": \"s1\", \"name\": \"Book\", \"length\": 2 },\n" \
  "                { \"id\": \"s2\", \"name\": \"Stay\", \"length\": 4 } ],\n" \
  "    \"lanes\": [ { \"id\": \"cust\", \"name\": \"Guest\", \"kind\": \"customer\" },\n" \
  "               { \"id\": \"on\", \"name\": \"Staff\", \"kind\": \"onstage\" },\n" \
  "               { \"id\": \"off\", \"name\": \"Backstage\", \"kind\": \"offstage\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"a\", \"title\": \"Visits the website\", \"lane\": \"cust\", \"channel\": \"web\", \"time\": 0.5, \"satisfaction\": 2,\n" \
  "        \"room\": { \"responses\": 4, \"mean\": 4.5, \"histogram\": [ 0, 0, 0, 2, 2 ] } },\n" \
  "      { \"id\": \"b\", \"title\": \"Books a room\", \"lane\": \"cust\", \"time\": 1.5, \"satisfaction\": 4,\n" \
  "        \"evidence\": { \"source\": \"Survey\", \"responses\": 20, \"mean\": 3.9, \"histogram\": [ 1, 1, 3, 5, 10 ] } },\n" \
  "      { \"id\": \"c\", \"title\": \"Checks in\", \"lane\": \"on\", \"time\": 3.5, \"satisfaction\": 2,\n" \
  "        \"evidence\": { \"source\": \"Survey\", \"responses\": 40, \"mean\": 1.5, \"histogram\": [ 25, 10, 3, 1, 1 ] } },\n" \
  "      { \"id\": \"d\", \"title\": \"Noise at night\", \"lane\": \"cust\", \"time\": 5.5, \"satisfaction\": 3,\n" \
  "        \"room\": { \"responses\": 6, \"mean\": 3, \"histogram\": [ 3, 0, 0, 0, 3 ] } },\n" \
  "      { \"id\": \"e\", \"title\": \"Room cleaned\", \"lane\": \"off\", \"time\": 4, \"satisfaction\": 3,\n" \
  "        \"room\": { \"responses\": 2, \"mean\": 3, \"histogram\": [ 0, 0, 2, 0, 0 ] } }\n" \
  "    ] } ] }\n"

static const JourneyLayoutCard *
card_of (JourneyLayout *layout,
         const char    *id)
{
  for (guint c = 0; c < layout->n_cards; c++)
    if (g_strcmp0 (layout->cards[c].touchpoint->id, id) == 0)
      return &layout->cards[c];
  g_assert_not_reached ();
  return NULL;
}

static const JourneyLayoutRoom *
room_of (JourneyLayout *layout,
         const char    *id)
{
  for (guint i = 0; i < layout->n_rooms; i++)
    if (g_strcmp0 (layout->cards[layout->rooms[i].card].touchpoint->id, id) == 0)
      return &layout->rooms[i];
  return NULL;
}

static gboolean
legend_has (JourneyLayout     *layout,
            JourneyLegendKind  kind,
            int                which)
{
  for (guint i = 0; i < layout->n_legend; i++)
    if (layout->legend[i].kind == kind && layout->legend[i].which == which)
      return TRUE;
  return FALSE;
}

/* The room's mean at its place on the scale, its spread around it, beside
 * the handle on its left; the flag where journey_room_disagrees() says. */
static void
test_layout (void)
{
  g_autoptr(JourneyProject) project = test_load_string (ROOM_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  const char *ids[] = { "a", "d" };

  /* Only touchpoints with a room's rating and a handle. */
  g_assert_cmpuint (layout->n_rooms, ==, 2);
  g_assert_null (room_of (layout, "b"));
  g_assert_null (room_of (layout, "e"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JourneyTouchpoint *tp = journey_map_find_touchpoint (map, ids[i]);
      const JourneyLayoutRoom *room = room_of (layout, ids[i]);
      const JourneyLayoutCard *card = card_of (layout, ids[i]);
      const JourneyLayoutHandle *handle = &layout->handles[card->handle];
      double spread = journey_room_get_spread (tp->room, map->scale);

      g_assert_nonnull (room);
      g_assert_cmpfloat (room->mean, ==, tp->room->mean);
      g_assert_cmpfloat (room->spread, ==, spread);
      g_assert_cmpint (room->responses, ==, tp->room->responses);
      g_assert_cmpint (room->disagrees, ==, journey_room_disagrees (tp->room, map->scale));
      g_assert_cmpfloat (room->y_mean, ==, journey_layout_y_for_value (layout, tp->room->mean));
      g_assert_cmpfloat_with_epsilon (room->y_high, journey_layout_y_for_value (layout, MIN (5, tp->room->mean + spread)), 1e-9);
      g_assert_cmpfloat_with_epsilon (room->y_low, journey_layout_y_for_value (layout, MAX (1, tp->room->mean - spread)), 1e-9);
      /* Beside the handle, on its left, the pill left of the bar, all in
       * the emotion band. */
      g_assert_cmpfloat (room->x, <, handle->x - handle->radius);
      g_assert_cmpfloat (room->x, >, handle->x - handle->radius - 20);
      g_assert_cmpfloat (room->pill.x + room->pill.width, <, room->x);
      g_assert_cmpfloat (room->pill.y, >=, layout->band.rect.y);
      g_assert_cmpfloat (room->pill.y + room->pill.height, <=, layout->band.rect.y + layout->band.rect.height);
    }
  g_assert_cmpstr (room_of (layout, "a")->label, ==, "4.5");
  g_assert_false (room_of (layout, "a")->disagrees);
  g_assert_cmpstr (room_of (layout, "d")->label, ==, "3.0");
  g_assert_true (room_of (layout, "d")->disagrees);
  g_assert_cmpfloat (room_of (layout, "d")->spread, ==, 2.0);

  g_assert_true (legend_has (layout, JOURNEY_LEGEND_ROOM, 0));
  g_assert_true (legend_has (layout, JOURNEY_LEGEND_ROOM, 1));

  /* The room agrees everywhere: no flag, nor its legend entry. */
  {
    const int counts[] = { 0, 0, 3, 1, 0 };
    g_autoptr(JourneyRoom) room = test_room_new (map->scale, counts, G_N_ELEMENTS (counts));
    g_autoptr(JourneyLayout) agreeing = NULL;

    g_object_set (journey_map_find_touchpoint (map, "d"), "room", room, NULL);
    agreeing = journey_layout_new (map, project, NULL);
    g_assert_cmpuint (agreeing->n_rooms, ==, 2);
    g_assert_false (room_of (agreeing, "d")->disagrees);
    g_assert_cmpstr (room_of (agreeing, "d")->label, ==, "3.2");
    g_assert_true (legend_has (agreeing, JOURNEY_LEGEND_ROOM, 0));
    g_assert_false (legend_has (agreeing, JOURNEY_LEGEND_ROOM, 1));
  }

  /* No room's rating anywhere: nothing of it. */
  {
    g_autoptr(JourneyLayout) none = NULL;

    for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
      g_object_set (journey_list_peek (map->touchpoints, i), "room", NULL, NULL);
    none = journey_layout_new (map, project, NULL);
    g_assert_cmpuint (none->n_rooms, ==, 0);
    g_assert_false (legend_has (none, JOURNEY_LEGEND_ROOM, 0));
  }
}

/* The room's marks are nodes of the curve layer, over the curves and
 * under the handles, each in a group of the touchpoint with a tooltip;
 * the SVG has them with their classes, the PNG draws them. */
static void
test_scene (void)
{
  g_autoptr(JourneyProject) project = test_load_string (ROOM_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  const JourneySceneNode *nodes = journey_scene_get_nodes (scene);
  guint last_curve = 0, first_room = G_MAXUINT, last_room = 0, first_handle = G_MAXUINT;
  g_autofree char *svg = NULL;

  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_ROOM, NULL), ==, 2);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_ROOM, "disagrees"), ==, 1);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_ROOM_PILL, "disagrees"), ==, 2); /* and the legend's */
  for (guint i = 0; i < journey_scene_get_n_nodes (scene); i++)
    {
      if (nodes[i].role == JOURNEY_ROLE_CURVE && nodes[i].kind == JOURNEY_SCENE_PATH)
        last_curve = i;
      if (nodes[i].role == JOURNEY_ROLE_ROOM && nodes[i].kind == JOURNEY_SCENE_GROUP_BEGIN)
        {
          JourneyTouchpoint *tp = nodes[i].item;

          first_room = MIN (first_room, i);
          last_room = i;
          g_assert_cmpuint (nodes[i].group.size, ==, 6);
          g_assert_cmpint (nodes[i].item_kind, ==, JOURNEY_SCENE_ITEM_TOUCHPOINT);
          g_assert_cmpstr (nodes[i].group.id, ==, tp->id);
          g_assert_nonnull (strstr (nodes[i].group.title, tp->room->responses == 6 ? "6 ratings" : "4 ratings"));
          g_assert_nonnull (strstr (nodes[i].group.title, tp->room->responses == 6 ? "± 2.0" : "± 0.5"));
        }
      if (nodes[i].role == JOURNEY_ROLE_HANDLE)
        first_handle = MIN (first_handle, i);
      /* The theme's purple, the flag's yellow. */
      if (nodes[i].role == JOURNEY_ROLE_ROOM_SPREAD)
        g_assert_cmphex (nodes[i].paint.fill, ==, 0x813d9c);
      if (nodes[i].role == JOURNEY_ROLE_ROOM_PILL && g_strcmp0 (nodes[i].variant, "disagrees") == 0)
        g_assert_cmphex (nodes[i].paint.fill, ==, 0xf8e45c);
    }
  g_assert_cmpuint (last_curve, <, first_room);
  g_assert_cmpuint (last_room, <, first_handle);

  svg = journey_svg_scene_to_string (scene, NULL);
  g_assert_nonnull (strstr (svg, "class=\"room disagrees\""));
  g_assert_nonnull (strstr (svg, "class=\"room-pill\""));
  g_assert_nonnull (strstr (svg, ">4.5</text>"));
  g_assert_nonnull (strstr (svg, ">3.0</text>"));
  g_assert_nonnull (strstr (svg, "The room’s rating: mean and spread"));
  g_assert_nonnull (strstr (svg, "The room disagrees"));

  /* The PNG: the disagreeing room's bar, purple, above its mean. */
  {
    g_autofree char *dir = g_dir_make_tmp ("journeys-room-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "map.png", NULL);
    g_autoptr(GError) error = NULL;
    const JourneyLayoutRoom *room = room_of (layout, "d");
    cairo_surface_t *png;
    const guint8 *data;
    int stride, x, y;
    guint32 pixel;

    g_assert_true (export_test_write (project, map, path, 1, JOURNEY_NOTES_AS_MAP, &error));
    g_assert_no_error (error);
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    data = cairo_image_surface_get_data (png);
    stride = cairo_image_surface_get_stride (png);
    x = (int) room->x;
    y = (int) ((room->y_high + room->y_mean - 4.5) / 2);
    pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4) & 0xffffff;
    g_assert_cmphex (pixel, ==, 0x813d9c);
    cairo_surface_destroy (png);
    g_unlink (path);
    g_rmdir (dir);
  }
}

/* A room's rating changed (a participant rated), and a drag of a card
 * with one: the scene brought up to date is the scene built anew, and the
 * marks follow the handle. */
static void
test_update (void)
{
  g_autoptr(JourneyProject) project = test_load_string (ROOM_PROJECT);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *a = journey_map_find_touchpoint (map, "a");
  JourneyTouchpoint *d = journey_map_find_touchpoint (map, "d");
  JourneyLayout *layout = journey_layout_new (map, project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  JourneyStyle style = layout->style;
  const int counts[] = { 0, 0, 0, 2, 3 };

  /* Another rating of "a": its room only. */
  {
    g_autoptr(JourneyRoom) room = test_room_new (map->scale, counts, G_N_ELEMENTS (counts));
    g_autoptr(JourneyLayout) next = NULL;
    g_autoptr(JourneyScene) fresh = NULL;

    g_object_set (a, "room", room, NULL);
    next = journey_layout_new (map, project, NULL);
    journey_scene_update (scene, next, &a, 1);
    fresh = journey_scene_new (next);
    g_assert_cmpuint (journey_scene_get_n_nodes (scene), ==, journey_scene_get_n_nodes (fresh));
    for (guint i = 0; i < journey_scene_get_n_nodes (fresh); i++)
      g_assert_true (journey_scene_node_equal (&journey_scene_get_nodes (scene)[i], &journey_scene_get_nodes (fresh)[i]));
    g_assert_cmpstr (room_of (next, "a")->label, ==, "4.6");
    journey_layout_free (layout);
    layout = g_steal_pointer (&next);
  }

  /* A drag: "d" moves in time and down the scale, "a" up, at a fixed
   * scale, step by step; its room's marks go with its handle. */
  style.fixed_px_per_unit = layout->px_per_unit;
  journey_layout_free (layout);
  layout = journey_layout_new (map, project, &style);
  journey_scene_free (g_steal_pointer (&scene));
  scene = journey_scene_new (layout);
  for (guint step = 0; step < 8; step++)
    {
      JourneyTouchpoint *changed[] = { d, a };
      g_autoptr(JourneyLayout) fresh = NULL;
      g_autoptr(JourneyScene) fresh_scene = NULL;
      const JourneyLayoutCard *card;

      g_object_set (d, "time", 5.5 - 0.1 * (step + 1), "satisfaction", 3.0 - 0.2 * step, NULL);
      g_object_set (a, "satisfaction", 2.0 + 0.3 * step, NULL);
      g_assert_true (journey_layout_update (layout, project, changed, G_N_ELEMENTS (changed)));
      card = card_of (layout, "d");
      g_assert_cmpfloat (room_of (layout, "d")->x, ==,
                         layout->handles[card->handle].x - layout->handles[card->handle].radius - 8);
      fresh = journey_layout_new (map, project, &style);
      g_assert_cmpuint (fresh->n_rooms, ==, layout->n_rooms);
      for (guint i = 0; i < fresh->n_rooms; i++)
        {
          g_assert_cmpfloat (fresh->rooms[i].x, ==, layout->rooms[i].x);
          g_assert_cmpfloat (fresh->rooms[i].pill.x, ==, layout->rooms[i].pill.x);
          g_assert_cmpfloat (fresh->rooms[i].y_mean, ==, layout->rooms[i].y_mean);
        }

      journey_scene_update (scene, layout, changed, G_N_ELEMENTS (changed));
      fresh_scene = journey_scene_new (layout);
      g_assert_cmpuint (journey_scene_get_n_nodes (scene), ==, journey_scene_get_n_nodes (fresh_scene));
      for (guint i = 0; i < journey_scene_get_n_nodes (fresh_scene); i++)
        g_assert_true (journey_scene_node_equal (&journey_scene_get_nodes (scene)[i],
                                                 &journey_scene_get_nodes (fresh_scene)[i]));
    }

  /* During a drag, the room rates again: the same mean from as many
   * ratings, spread wider.  The marks placed again say so. */
  {
    const int narrow[] = { 0, 0, 2, 0, 0 }, wide[] = { 1, 0, 0, 0, 1 };
    g_autoptr(JourneyRoom) before = test_room_new (map->scale, narrow, G_N_ELEMENTS (narrow));
    g_autoptr(JourneyRoom) after = test_room_new (map->scale, wide, G_N_ELEMENTS (wide));

    /* "a" disagrees all along: the legend stays as it is. */
    g_object_set (a, "room", after, NULL);
    g_object_set (d, "room", before, NULL);
    journey_layout_free (layout);
    layout = journey_layout_new (map, project, &style);
    g_assert_cmpfloat (room_of (layout, "d")->spread, ==, 0);
    g_assert_false (room_of (layout, "d")->disagrees);
    g_object_set (d, "room", after, NULL);
    g_assert_true (journey_layout_update (layout, project, &d, 1));
    g_assert_cmpfloat (room_of (layout, "d")->spread, ==, 2);
    g_assert_true (room_of (layout, "d")->disagrees);
  }
  journey_layout_free (layout);
}

/* Every card says what its satisfaction rests on: assumed, or measured
 * with its number of responses; the legend explains the levels. */
static void
test_level (void)
{
  g_autoptr(JourneyProject) project = test_load_string (ROOM_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  g_autofree char *svg = NULL;
  const JourneyLayoutCard *a = card_of (layout, "a"), *b = card_of (layout, "b"), *c = card_of (layout, "c");

  g_assert_cmpint (a->level, ==, JOURNEY_EVIDENCE_LEVEL_ASSUMED);
  g_assert_cmpstr (a->level_label, ==, "Assumed");
  g_assert_cmpint (b->level, ==, JOURNEY_EVIDENCE_LEVEL_THIN);
  g_assert_cmpstr (b->level_label, ==, "Measured · 20");
  g_assert_cmpint (c->level, ==, JOURNEY_EVIDENCE_LEVEL_MEASURED);
  g_assert_cmpstr (c->level_label, ==, "Measured · 40");

  /* In the card, at the right of the first line, clear of the channel
   * and the title. */
  for (guint k = 0; k < layout->n_cards; k++)
    {
      const JourneyLayoutCard *card = &layout->cards[k];

      g_assert_cmpfloat (card->level_rect.x, >=, card->rect.x);
      g_assert_cmpfloat (card->level_rect.x + card->level_rect.width, <=, card->rect.x + card->rect.width);
      g_assert_cmpfloat (card->level_rect.y, >=, card->rect.y);
      g_assert_cmpfloat (card->level_rect.y + card->level_rect.height, <=, card->title.baseline - card->title.size * 0.8);
      if (card->caption.n_lines > 0)
        g_assert_cmpfloat (card->caption.x + card->caption.width, <, card->level_rect.x);
    }

  g_assert_true (legend_has (layout, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_ASSUMED));
  g_assert_true (legend_has (layout, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_THIN));
  g_assert_true (legend_has (layout, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_MEASURED));

  /* The SVG: each card's level in its group, the legend's entries. */
  svg = journey_svg_scene_to_string (scene, NULL);
  g_assert_nonnull (strstr (svg, "class=\"evidence-level assumed\""));
  g_assert_nonnull (strstr (svg, "class=\"evidence-level thin\""));
  g_assert_nonnull (strstr (svg, "class=\"evidence-level measured\""));
  g_assert_nonnull (strstr (svg, ">Measured · 40</text>"));
  g_assert_nonnull (strstr (svg, ">Assumed</text>"));
  g_assert_nonnull (strstr (svg, ">Assumed: no survey evidence</text>"));
  g_assert_nonnull (strstr (svg, ">Measured · N: thin evidence, fewer than 30 survey responses</text>"));
  g_assert_nonnull (strstr (svg, ">Measured · N: N survey responses</text>"));
  {
    /* "c"'s level lies inside its touchpoint's group. */
    const char *group = strstr (svg, "data-id=\"c\"");
    const char *end = group ? strstr (group, "</g>") : NULL;
    const char *level = group ? strstr (group, "Measured · 40") : NULL;

    g_assert_nonnull (group);
    g_assert_nonnull (level);
    g_assert_true (level < end);
  }

  /* No evidence anywhere: only "Assumed" in the legend. */
  {
    g_autoptr(JourneyLayout) none = NULL;

    for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
      g_object_set (journey_list_peek (map->touchpoints, i), "evidence", NULL, NULL);
    none = journey_layout_new (map, project, NULL);
    g_assert_true (legend_has (none, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_ASSUMED));
    g_assert_false (legend_has (none, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_MEASURED));
    g_assert_false (legend_has (none, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_THIN));
  }
}

/* While a session runs, the canvas's state counts what participants sent
 * for each card: a badge on its top edge, rebuilt with its card; an
 * export, without the state, never shows it. */
static void
test_live (void)
{
  g_autoptr(JourneyProject) project = test_load_string (ROOM_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autoptr(GHashTable) live = g_hash_table_new (NULL, NULL);
  JourneySceneState state = { NULL, NULL, NULL, NULL, live };
  JourneyLiveCounts counts = { 3, 2, 1 };
  JourneyTouchpoint *a = journey_map_find_touchpoint (map, "a");
  const JourneyLayoutCard *card = card_of (layout, "a");
  g_autoptr(JourneyScene) scene = journey_scene_new_with_state (layout, &state);
  g_autoptr(JourneyScene) export = journey_scene_new (layout);
  const JourneySceneNode *nodes;
  guint first, size, badges = 0;

  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_LIVE_BADGE, NULL), ==, 0);

  /* Counts come: that card's group again, equal to a scene built anew. */
  g_hash_table_insert (live, a, &counts);
  g_assert_cmpint (journey_scene_update (scene, layout, &a, 1), ==, 1);
  {
    g_autoptr(JourneyScene) fresh = journey_scene_new_with_state (layout, &state);

    g_assert_cmpuint (journey_scene_get_n_nodes (scene), ==, journey_scene_get_n_nodes (fresh));
    for (guint i = 0; i < journey_scene_get_n_nodes (fresh); i++)
      g_assert_true (journey_scene_node_equal (&journey_scene_get_nodes (scene)[i], &journey_scene_get_nodes (fresh)[i]));
  }
  g_assert_true (journey_scene_get_card_range (scene, (guint) (card - layout->cards), &first, &size));
  nodes = journey_scene_get_nodes (scene);
  for (guint i = first; i < first + size; i++)
    if (nodes[i].role == JOURNEY_ROLE_LIVE_LABEL)
      {
        badges++;
        g_assert_cmpstr (nodes[i].text.text, ==, "★ 3  ● 2  ✎ 1");
        /* On the card's top edge. */
        g_assert_cmpfloat (nodes[i].bounds.y, <, card->rect.y);
        g_assert_cmpfloat (nodes[i].bounds.y + nodes[i].bounds.height, >, card->rect.y);
        g_assert_cmpfloat (nodes[i].bounds.y + nodes[i].bounds.height, <=, card->level_rect.y);
      }
  g_assert_cmpuint (badges, ==, 1);

  /* Only what there is: no votes, no comments. */
  counts.votes = 0;
  counts.comments = 0;
  journey_scene_update (scene, layout, &a, 1);
  nodes = journey_scene_get_nodes (scene);
  for (guint i = 0; i < journey_scene_get_n_nodes (scene); i++)
    if (nodes[i].role == JOURNEY_ROLE_LIVE_LABEL)
      g_assert_cmpstr (nodes[i].text.text, ==, "★ 3");

  g_assert_cmpuint (export_test_count_role (export, JOURNEY_SCENE_RECT, JOURNEY_ROLE_LIVE_BADGE, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/room/layout", test_layout);
  g_test_add_func ("/room/scene", test_scene);
  g_test_add_func ("/room/update", test_update);
  g_test_add_func ("/room/level", test_level);
  g_test_add_func ("/room/live", test_live);

  return g_test_run ();
}
