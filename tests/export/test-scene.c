/* test-scene.c: the scene of a map, and its partial rebuild.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "export-test-utils.h"
#include "scene-test-utils.h"
#include "journey-scene.h"
#include "journey-theme.h"

static const JourneySceneNode *
find_node (JourneyScene     *scene,
           JourneySceneRole  role,
           gpointer          item)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (scene);

  for (guint i = 0; i < journey_scene_get_n_nodes (scene); i++)
    if (nodes[i].role == role && nodes[i].kind != JOURNEY_SCENE_GROUP_END && (item == NULL || nodes[i].item == item))
      return &nodes[i];
  return NULL;
}

/* Groups nest, each begin's size reaches its end, and a group's bounds
 * hold its nodes. */
static void
assert_well_formed (JourneyScene *scene)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (scene);
  guint n = journey_scene_get_n_nodes (scene);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      if (nodes[i].kind == JOURNEY_SCENE_GROUP_BEGIN)
        {
          g_assert_cmpuint (i + nodes[i].group.size - 1, <, n);
          g_assert_cmpint (nodes[i + nodes[i].group.size - 1].kind, ==, JOURNEY_SCENE_GROUP_END);
          g_assert_cmpint (nodes[i + nodes[i].group.size - 1].role, ==, nodes[i].role);
          g_array_append_val (open, i);
        }
      else if (nodes[i].kind == JOURNEY_SCENE_GROUP_END)
        {
          guint begin;

          g_assert_cmpuint (open->len, >, 0);
          begin = g_array_index (open, guint, open->len - 1);
          g_assert_cmpuint (begin + nodes[begin].group.size - 1, ==, i);
          g_array_set_size (open, open->len - 1);
        }
      else
        {
          /* Every drawn node lies inside each group around it. */
          for (guint k = 0; k < open->len; k++)
            {
              const JourneyRect *g = &nodes[g_array_index (open, guint, k)].bounds;
              const JourneyRect *r = &nodes[i].bounds;

              g_assert_cmpfloat (r->x, >=, g->x - 1e-6);
              g_assert_cmpfloat (r->y, >=, g->y - 1e-6);
              g_assert_cmpfloat (r->x + r->width, <=, g->x + g->width + 1e-6);
              g_assert_cmpfloat (r->y + r->height, <=, g->y + g->height + 1e-6);
            }
        }
    }
  g_assert_cmpuint (open->len, ==, 0);
}

static void
test_nodes (void)
{
  Fixture f;
  const JourneySceneNode *nodes, *node;
  guint n, last_card = 0, first_curve = G_MAXUINT, first_handle = G_MAXUINT;
  JourneyTouchpoint *visits, *checks;
  JourneyPaint paint;

  fixture_init (&f, EXPORT_TEST_PROJECT);
  nodes = journey_scene_get_nodes (f.scene);
  n = journey_scene_get_n_nodes (f.scene);
  assert_well_formed (f.scene);

  g_assert_cmpfloat (journey_scene_get_width (f.scene), ==, f.layout->width);
  g_assert_cmpfloat (journey_scene_get_height (f.scene), ==, f.layout->height);
  g_assert_cmpstr (journey_scene_get_title (f.scene), ==, "Weekend stay");
  g_assert_cmpstr (journey_scene_get_description (f.scene), ==, "Find out why repeat bookings dropped");

  /* The white paper first, under everything. */
  g_assert_cmpint (nodes[0].role, ==, JOURNEY_ROLE_BACKGROUND);
  g_assert_cmphex (nodes[0].paint.fill, ==, 0xffffff);

  /* One group per stage, lane and touchpoint. */
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_STAGE, NULL), ==, 3);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_LANE, NULL), ==, 5);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_TOUCHPOINT, NULL), ==, 7);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_TOUCHPOINT, "major"), ==, 1);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_CIRCLE, JOURNEY_ROLE_HANDLE, NULL), ==, f.layout->n_handles);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_PATH, JOURNEY_ROLE_CURVE, NULL), ==, 3);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_PATH, JOURNEY_ROLE_ACCENT, NULL), ==, 1);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_LINE, JOURNEY_ROLE_BLUEPRINT_LINE, NULL), ==, 3);

  /* Resolved paint: the stage's own colour, the theme's dashes, handles
   * red at the bottom of the scale and green at the top. */
  node = find_node (f.scene, JOURNEY_ROLE_STAGE_HEADER, journey_list_peek (f.map->stages, 0));
  g_assert_cmphex (node->paint.fill, ==, 0x3584e4);
  node = find_node (f.scene, JOURNEY_ROLE_STAGE_HEADER, journey_list_peek (f.map->stages, 1));
  g_assert_nonnull (node);
  g_assert_cmphex (node->paint.fill, ==, 0xe01b24);
  g_assert_true (node->paint.has_fill);
  node = find_node (f.scene, JOURNEY_ROLE_STAGE_NAME, journey_list_peek (f.map->stages, 1));
  g_assert_cmphex (node->paint.fill, ==, journey_theme_text_on (0xe01b24));
  g_assert_cmpfloat (node->text.font.size, ==, f.layout->style.stage_size);
  g_assert_true (node->text.font.bold);

  for (guint i = 0; i < n; i++)
    if (nodes[i].kind == JOURNEY_SCENE_PATH && nodes[i].role == JOURNEY_ROLE_CURVE
        && g_str_equal (nodes[i].variant, "as-is"))
      {
        g_assert_cmpuint (nodes[i].paint.n_dash, ==, 2);
        g_assert_cmpfloat (nodes[i].paint.dash[0], ==, 10);
        g_assert_false (nodes[i].paint.has_fill);
        g_assert_cmpfloat (nodes[i].paint.stroke_width, >, 0);
      }

  visits = journey_map_find_touchpoint (f.map, "a");
  checks = journey_map_find_touchpoint (f.map, "c");
  node = find_node (f.scene, JOURNEY_ROLE_HANDLE, visits);
  g_assert_nonnull (node);
  g_assert_cmphex (node->paint.fill, ==, journey_theme_handle_color (1));
  g_assert_cmphex (node->paint.fill, ==, 0x2ec27e);
  node = find_node (f.scene, JOURNEY_ROLE_HANDLE, checks);
  g_assert_cmphex (node->paint.fill, ==, 0xe01b24);

  /* The touchpoint's group: its id, its full title, its card title in
   * body type, its markers. */
  node = find_node (f.scene, JOURNEY_ROLE_TOUCHPOINT, visits);
  g_assert_cmpint (node->kind, ==, JOURNEY_SCENE_GROUP_BEGIN);
  g_assert_cmpstr (node->group.id, ==, "a");
  g_assert_cmpstr (node->group.title, ==, "Visits the website");
  g_assert_cmpint (node->item_kind, ==, JOURNEY_SCENE_ITEM_TOUCHPOINT);
  node = find_node (f.scene, JOURNEY_ROLE_CARD_TITLE, visits);
  g_assert_cmpfloat (node->text.font.size, ==, f.layout->style.body_size);
  g_assert_cmpfloat (node->text.font.size, >=, 14);
  g_assert_true (node->text.font.bold); /* a major card */
  /* A major card's accent is its stage's colour. */
  node = find_node (f.scene, JOURNEY_ROLE_ACCENT, visits);
  g_assert_cmphex (node->paint.fill, ==, 0x3584e4);
  node = find_node (f.scene, JOURNEY_ROLE_MARKER, visits);
  g_assert_cmpstr (node->variant, ==, "pain-points");
  g_assert_cmphex (node->paint.fill, ==, 0xe01b24);

  /* Z-order: cards, then curves, then handles on top. */
  for (guint i = 0; i < n; i++)
    {
      if (nodes[i].role == JOURNEY_ROLE_CARD)
        last_card = i;
      if (nodes[i].role == JOURNEY_ROLE_CURVE && nodes[i].kind == JOURNEY_SCENE_PATH)
        first_curve = MIN (first_curve, i);
      if (nodes[i].role == JOURNEY_ROLE_HANDLE)
        first_handle = MIN (first_handle, i);
    }
  g_assert_cmpuint (last_card, <, first_curve);
  g_assert_cmpuint (first_curve, <, first_handle);

  /* Everything on the map. */
  for (guint i = 0; i < n; i++)
    {
      const JourneyRect *r = &nodes[i].bounds;

      if (r->width <= 0 && r->height <= 0)
        continue;
      g_assert_cmpfloat (r->x, >=, -2);
      g_assert_cmpfloat (r->y, >=, -2);
      g_assert_cmpfloat (r->x + r->width, <=, f.layout->width + 2);
      g_assert_cmpfloat (r->y + r->height, <=, f.layout->height + 2);
    }

  /* The theme gives every role a class. */
  for (int role = JOURNEY_ROLE_BACKGROUND; role < JOURNEY_N_ROLES; role++)
    {
      g_assert_nonnull (journey_scene_role_get_class ((JourneySceneRole) role));
      g_assert_cmpstr (journey_scene_role_get_class ((JourneySceneRole) role), !=, "");
    }
  journey_theme_paint (JOURNEY_ROLE_CURVE, "to-be", &paint);
  g_assert_true (paint.round);

  fixture_clear (&f);
}

static void
test_card_range (void)
{
  Fixture f;
  const JourneySceneNode *nodes;

  fixture_init (&f, EXPORT_TEST_PROJECT);
  nodes = journey_scene_get_nodes (f.scene);

  for (guint c = 0; c < f.layout->n_cards; c++)
    {
      guint first = 0, size = 0;

      g_assert_true (journey_scene_get_card_range (f.scene, c, &first, &size));
      g_assert_cmpint (nodes[first].kind, ==, JOURNEY_SCENE_GROUP_BEGIN);
      g_assert_cmpint (nodes[first].role, ==, JOURNEY_ROLE_TOUCHPOINT);
      g_assert_true (nodes[first].item == f.layout->cards[c].touchpoint);
      for (guint i = first; i < first + size; i++)
        {
          g_assert_true (nodes[i].item == f.layout->cards[c].touchpoint);
          g_assert_cmpuint (nodes[i].item_index, ==, c);
        }
      g_assert_cmpint (nodes[first + size - 1].kind, ==, JOURNEY_SCENE_GROUP_END);
    }
  g_assert_false (journey_scene_get_card_range (f.scene, f.layout->n_cards, NULL, NULL));

  fixture_clear (&f);
}

/* Changes one touchpoint with @prop = @value, lays the map out again,
 * updates the scene, and compares it with a scene built anew. */
static int
update_after (Fixture    *f,
              const char *id,
              const char *prop,
              ...)
{
  JourneyTouchpoint *tp = journey_map_find_touchpoint (f->map, id);
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) fresh = NULL;
  va_list args;
  int rebuilt;

  g_test_message ("%s.%s", id, prop);
  va_start (args, prop);
  g_object_set_valist (G_OBJECT (tp), prop, args);
  va_end (args);

  layout = journey_layout_new (f->map, f->project, NULL);
  rebuilt = journey_scene_update (f->scene, layout, &tp, 1);
  fresh = journey_scene_new (layout);
  assert_scenes_equal (f->scene, fresh);
  assert_well_formed (f->scene);

  /* The scene keeps its own text: the old layout can go. */
  journey_layout_free (f->layout);
  f->layout = g_steal_pointer (&layout);
  return rebuilt;
}

static void
test_update (void)
{
  Fixture f;

  fixture_init (&f, EXPORT_TEST_PROJECT);

  /* A new title: that card alone, and a title of another length of
   * lines shifts the nodes after it. */
  g_assert_cmpint (update_after (&f, "b", "title", "Books a room for two nights with breakfast", NULL), ==, 1);
  g_assert_cmpint (update_after (&f, "b", "title", "Books", NULL), ==, 1);
  /* A new satisfaction: no card moves; the curves and handles follow. */
  g_assert_cmpint (update_after (&f, "d", "satisfaction", 3.0, NULL), ==, 1);
  /* Markers come and go (the legend too). */
  g_assert_cmpint (update_after (&f, "e", "votes", 4, NULL), ==, 1);
  /* The room rates a card on the curve: its marks beside the handle
   * (and the legend's entry) come, change and go. */
  {
    JourneyScale *scale = f.map->scale;
    int counts[] = { 0, 0, 0, 4, 0 };
    g_autoptr(JourneyRoom) agrees = test_room_new (scale, counts, G_N_ELEMENTS (counts));
    g_autoptr(JourneyRoom) disagrees = NULL;

    counts[0] = 4;
    disagrees = test_room_new (scale, counts, G_N_ELEMENTS (counts));
    /* The legend's entry comes: a whole rebuild. */
    g_assert_cmpint (update_after (&f, "d", "room", agrees, NULL), ==, -1);
    g_assert_cmpint (update_after (&f, "a", "room", agrees, NULL), ==, 1);
    g_assert_cmpint (update_after (&f, "d", "room", disagrees, NULL), ==, -1);
    counts[4] = 3;
    g_clear_object (&disagrees);
    disagrees = test_room_new (scale, counts, G_N_ELEMENTS (counts));
    g_assert_cmpint (update_after (&f, "d", "room", disagrees, NULL), ==, 1);
    g_assert_cmpint (update_after (&f, "d", "room", NULL, NULL), ==, -1);
    g_assert_cmpint (update_after (&f, "a", "room", NULL, NULL), ==, -1);
  }
  /* A move in time, within its lane's row: that card, and the cards whose
   * numbers change because it passed them in time. */
  {
    g_autofree guint *numbers = g_new (guint, f.layout->n_cards);
    guint renumbered = 0;

    for (guint c = 0; c < f.layout->n_cards; c++)
      numbers[c] = f.layout->cards[c].number;
    g_assert_cmpint (update_after (&f, "g", "time", 0.2, NULL), ==, 1 + 4);
    for (guint c = 0; c < f.layout->n_cards; c++)
      if (f.layout->cards[c].number != numbers[c] && g_strcmp0 (f.layout->cards[c].touchpoint->id, "g") != 0)
        renumbered++;
    g_assert_cmpuint (renumbered, ==, 4);
    for (guint c = 0; c < f.layout->n_cards; c++)
      if (g_strcmp0 (f.layout->cards[c].touchpoint->id, "g") == 0)
        g_assert_cmpstr (f.layout->cards[c].number_label, ==, "1");
  }
  /* A little further: it passes no other card, its number stays. */
  g_assert_cmpint (update_after (&f, "g", "time", 0.25, NULL), ==, 1);
  /* A taller card makes its lane deeper: everything below moves. */
  g_assert_cmpint (update_after (&f, "e", "weight", JOURNEY_WEIGHT_MAJOR, NULL), ==, -1);

  fixture_clear (&f);
}

static void
test_update_frame (void)
{
  Fixture f;
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) fresh = NULL;

  fixture_init (&f, EXPORT_TEST_PROJECT);

  /* A longer stage moves the stages: a whole rebuild. */
  g_object_set (journey_list_peek (f.map->stages, 0), "length", 4.0, NULL);
  layout = journey_layout_new (f.map, f.project, NULL);
  g_assert_cmpint (journey_scene_update (f.scene, layout, NULL, 0), ==, -1);
  fresh = journey_scene_new (layout);
  assert_scenes_equal (f.scene, fresh);

  /* Nothing changed: nothing rebuilt but the curves. */
  g_assert_cmpint (journey_scene_update (f.scene, layout, NULL, 0), ==, 0);
  assert_scenes_equal (f.scene, fresh);

  fixture_clear (&f);
}

/* Selection, focus and hover: nodes of their own in their card's group,
 * brought up to date by rebuilding only the cards whose state changed. */
static void
test_state (void)
{
  Fixture f;
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  JourneySceneState state = { selected, NULL, NULL };
  JourneyTouchpoint *a, *b;
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(JourneyScene) fresh = NULL;
  JourneyTouchpoint *changed[2];
  JourneyPaint paint;

  fixture_init (&f, EXPORT_TEST_PROJECT);
  a = journey_map_find_touchpoint (f.map, "a");
  b = journey_map_find_touchpoint (f.map, "b");

  scene = journey_scene_new_with_state (f.layout, &state);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_SELECTION, NULL), ==, 0);

  g_hash_table_add (selected, a);
  state.focused = a;
  state.hovered = b;
  changed[0] = a;
  changed[1] = b;
  g_assert_cmpint (journey_scene_update (scene, f.layout, changed, 2), ==, 2);
  fresh = journey_scene_new_with_state (f.layout, &state);
  assert_scenes_equal (scene, fresh);
  assert_well_formed (scene);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_SELECTION, NULL), ==, 1);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_FOCUS, NULL), ==, 1);
  g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_HOVER, NULL), ==, 1);
  g_assert_true (find_node (scene, JOURNEY_ROLE_SELECTION, NULL)->item == a);
  g_assert_true (find_node (scene, JOURNEY_ROLE_HOVER, NULL)->item == b);
  /* Drawn as the theme says, over the card, not filled. */
  journey_theme_paint (JOURNEY_ROLE_SELECTION, NULL, &paint);
  g_assert_false (find_node (scene, JOURNEY_ROLE_SELECTION, NULL)->paint.has_fill);
  g_assert_cmpfloat (find_node (scene, JOURNEY_ROLE_SELECTION, NULL)->paint.stroke_width, ==, paint.stroke_width);

  /* An export never shows them. */
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_SELECTION, NULL), ==, 0);

  /* A channel filter: every card but the website's gets a veil over it. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();
    g_autoptr(JourneyScene) filtered = NULL;

    for (guint c = 0; c < f.layout->n_cards; c++)
      g_ptr_array_add (all, f.layout->cards[c].touchpoint);
    state.channel = "web";
    g_assert_cmpint (journey_scene_update (scene, f.layout, (JourneyTouchpoint *const *) all->pdata, all->len), ==,
                     (int) all->len);
    filtered = journey_scene_new_with_state (f.layout, &state);
    assert_scenes_equal (scene, filtered);
    assert_well_formed (scene);
    g_assert_cmpuint (export_test_count_role (scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_DIMMED, NULL), ==, f.layout->n_cards - 1);
    g_assert_true (find_node (scene, JOURNEY_ROLE_DIMMED, NULL)->item != a);
    journey_theme_paint (JOURNEY_ROLE_DIMMED, NULL, &paint);
    g_assert_true (paint.has_fill);
    g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_RECT, JOURNEY_ROLE_DIMMED, NULL), ==, 0);
  }

  fixture_clear (&f);
}

static void
test_generated (void)
{
  g_autofree char *json = export_test_generate (1000, 11);
  Fixture f;
  guint first = 0, size = 0;

  fixture_init (&f, json);
  assert_well_formed (f.scene);
  g_assert_cmpuint (export_test_count_role (f.scene, JOURNEY_SCENE_GROUP_BEGIN, JOURNEY_ROLE_TOUCHPOINT, NULL), ==, 1000);
  g_assert_true (journey_scene_get_card_range (f.scene, 999, &first, &size));
  g_assert_cmpuint (first + size, <, journey_scene_get_n_nodes (f.scene));
  g_test_message ("%u nodes for 1,000 touchpoints", journey_scene_get_n_nodes (f.scene));

  /* Every touchpoint changed at once rebuilds the same scene. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    for (guint c = 0; c < f.layout->n_cards; c++)
      g_ptr_array_add (all, f.layout->cards[c].touchpoint);
    g_assert_cmpint (journey_scene_update (f.scene, f.layout, (JourneyTouchpoint *const *) all->pdata, all->len),
                     ==, 1000);
    assert_well_formed (f.scene);
  }

  fixture_clear (&f);
}

/* A scene handed out in parts is the scene made whole, node for node, in
 * more than one part; only the group of every card, begun in the first
 * part and ended in the last, has no size or bounds. */
static void
test_stream (void)
{
  g_autofree char *json = export_test_generate (1000, 5);
  g_autoptr(JourneySceneStream) stream = NULL;
  const JourneySceneNode *whole, *part;
  guint at = 0, n = 0, parts = 0;
  Fixture f;

  fixture_init (&f, json);
  whole = journey_scene_get_nodes (f.scene);
  stream = journey_scene_stream_new (f.layout);
  while ((part = journey_scene_stream_next (stream, &n)) != NULL)
    {
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (at + n, <=, journey_scene_get_n_nodes (f.scene));
      for (guint i = 0; i < n; i++, at++)
        {
          if (part[i].role == JOURNEY_ROLE_TOUCHPOINTS)
            {
              g_assert_cmpint (part[i].kind, ==, whole[at].kind);
              continue;
            }
          if (!journey_scene_node_equal (&part[i], &whole[at]))
            g_error ("node %u differs: %s / %s", at, journey_scene_role_get_class (part[i].role),
                     journey_scene_role_get_class (whole[at].role));
        }
      parts++;
    }
  g_assert_cmpuint (at, ==, journey_scene_get_n_nodes (f.scene));
  g_assert_cmpuint (parts, >, 3);
  g_assert_null (journey_scene_stream_next (stream, &n));
  g_assert_cmpuint (n, ==, 0);

  /* Left before its end, it frees what it holds. */
  g_clear_pointer (&stream, journey_scene_stream_free);
  stream = journey_scene_stream_new (f.layout);
  g_assert_nonnull (journey_scene_stream_next (stream, &n));
  g_assert_nonnull (journey_scene_stream_next (stream, &n));

  fixture_clear (&f);
}

/* The frozen headers: the stage band's headers and names at the top, the
 * rows' names at the left, each inside its area, in drawing order; the
 * areas meet at the corner. */
static void
test_frozen (void)
{
  Fixture f;
  const JourneySceneNode *nodes;
  const guint *top, *left;
  guint n_top, n_left, names = 0, scale_labels = 0;
  JourneyRect top_area, left_area;

  fixture_init (&f, EXPORT_TEST_PROJECT);
  nodes = journey_scene_get_nodes (f.scene);

  g_assert_false (journey_scene_get_frozen (f.scene, JOURNEY_FROZEN_NONE, NULL, NULL, NULL));
  g_assert_true (journey_scene_get_frozen (f.scene, JOURNEY_FROZEN_TOP, &top_area, &top, &n_top));
  g_assert_true (journey_scene_get_frozen (f.scene, JOURNEY_FROZEN_LEFT, &left_area, &left, &n_left));

  /* The stage band's row across the map. */
  g_assert_cmpfloat (top_area.x, ==, 0);
  g_assert_cmpfloat (top_area.width, ==, f.layout->width);
  g_assert_cmpfloat (top_area.y, ==, f.layout->stage_band.y);
  g_assert_cmpfloat (top_area.height, ==, f.layout->stage_band.height);
  /* A header and a name for each stage, nothing else. */
  g_assert_cmpuint (n_top, ==, 2 * f.layout->n_stages);
  for (guint i = 0; i < n_top; i++)
    {
      const JourneySceneNode *node = &nodes[top[i]];
      JourneyRect inside;

      g_assert_true (i == 0 || top[i] > top[i - 1]);
      g_assert_cmpint (node->frozen, ==, JOURNEY_FROZEN_TOP);
      g_assert_true (node->role == JOURNEY_ROLE_STAGE_HEADER || node->role == JOURNEY_ROLE_STAGE_NAME);
      g_assert_cmpint (node->item_kind, ==, JOURNEY_SCENE_ITEM_STAGE);
      inside = node->bounds;
      g_assert_cmpfloat (inside.y, >=, top_area.y - 0.01);
      g_assert_cmpfloat (inside.y + inside.height, <=, top_area.y + top_area.height + 0.01);
    }

  /* The label column from the stage band's top (the corner) down to the
   * last lane, note lanes included, with every lane's name and every
   * scale label in it. */
  g_assert_cmpfloat (left_area.x, ==, 0);
  g_assert_cmpfloat (left_area.width, ==, f.layout->timeline_x);
  g_assert_cmpfloat (left_area.y, ==, top_area.y);
  g_assert_cmpfloat (left_area.y + left_area.height, ==,
                     f.layout->n_note_lanes > 0 ? f.layout->notes_rect.y + f.layout->notes_rect.height
                                                : f.layout->lanes_rect.y + f.layout->lanes_rect.height);
  for (guint i = 0; i < n_left; i++)
    {
      const JourneySceneNode *node = &nodes[left[i]];

      g_assert_true (i == 0 || left[i] > left[i - 1]);
      g_assert_cmpint (node->frozen, ==, JOURNEY_FROZEN_LEFT);
      if (node->kind == JOURNEY_SCENE_TEXT)
        {
          g_assert_cmpfloat (node->bounds.x + node->bounds.width, <=, left_area.x + left_area.width);
          g_assert_cmpfloat (node->bounds.y, >=, left_area.y);
          g_assert_cmpfloat (node->bounds.y + node->bounds.height, <=, left_area.y + left_area.height);
        }
      names += node->role == JOURNEY_ROLE_LANE_NAME;
      scale_labels += node->role == JOURNEY_ROLE_SCALE_LABEL;
    }
  g_assert_cmpuint (names, ==, f.layout->n_lanes + f.layout->n_note_lanes);
  g_assert_cmpuint (scale_labels, ==, f.layout->band.n_steps);

  /* Cards, curves and handles are never frozen. */
  for (guint i = 0; i < journey_scene_get_n_nodes (f.scene); i++)
    if (nodes[i].item_kind == JOURNEY_SCENE_ITEM_TOUCHPOINT || nodes[i].role == JOURNEY_ROLE_CURVE)
      g_assert_cmpint (nodes[i].frozen, ==, JOURNEY_FROZEN_NONE);

  /* The marks are the scene's: its nodes name them after the roles. */
  g_assert_cmpint (journey_scene_role_get_frozen (JOURNEY_ROLE_STAGE_NAME), ==, JOURNEY_FROZEN_TOP);
  g_assert_cmpint (journey_scene_role_get_frozen (JOURNEY_ROLE_LANE_NAME), ==, JOURNEY_FROZEN_LEFT);
  g_assert_cmpint (journey_scene_role_get_frozen (JOURNEY_ROLE_CARD), ==, JOURNEY_FROZEN_NONE);

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scene/nodes", test_nodes);
  g_test_add_func ("/scene/card-range", test_card_range);
  g_test_add_func ("/scene/update", test_update);
  g_test_add_func ("/scene/update-frame", test_update_frame);
  g_test_add_func ("/scene/state", test_state);
  g_test_add_func ("/scene/generated", test_generated);
  g_test_add_func ("/scene/frozen", test_frozen);
  g_test_add_func ("/scene/stream", test_stream);

  return g_test_run ();
}
