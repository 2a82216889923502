/* journey-theme.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-theme"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-theme.h"

/* The map is paper: light in dark mode too, as on a slide. */
#define INK        0x241f31
#define INK_SOFT   0x5e5c64
#define INK_FAINT  0x77767b
#define RULE       0xdeddda
#define WHITE      0xffffff
#define BLACK      0x000000
#define GREY       0x9a9996
#define CARD_EDGE  0xc0bfbc
#define RED        0xe01b24
#define GREEN      0x2ec27e
#define MEASURED   0xc64600
#define TO_BE      0x1a5fb4
#define ACCENT     0x3584e4
/* Pain points are RED; their notes are tinted with a tenth of it. */
#define OPPORTUNITY 0x26a269
#define ACTION      0x1c71d8
#define PAIN_TINT        0xfce8e9
#define OPPORTUNITY_TINT 0xe9f6f0
#define ACTION_TINT      0xe9f1fb
/* The room's rating (SPEC §10): GNOME's purple, apart from the curves'
 * colours; where the room disagrees, a yellow flag. */
#define ROOM        0x813d9c
#define ROOM_FLAG   0xf8e45c
#define ROOM_FLAG_EDGE 0xc88800
#define PAPER_GREY  0xf6f5f4

/* GNOME palette (HIG), the "3" shades: stages cycle through them. */
static const guint32 stage_palette[] = {
  0x3584e4, /* blue */
  0x2ec27e, /* green */
  0xe5a50a, /* yellow */
  0xe66100, /* orange */
  0xc01c28, /* red */
  0x813d9c, /* purple */
  0x865e3c, /* brown */
};

typedef enum
{
  SIZE_NONE,
  SIZE_TITLE,
  SIZE_SUBTITLE,
  SIZE_STAGE,
  SIZE_LANE,
  SIZE_BODY,
  SIZE_CAPTION,
} SizeSlot;

enum
{
  F = 1 << 0,       /* filled */
  R = 1 << 1,       /* round caps and joins */
  BOLD = 1 << 2,
  ITALIC = 1 << 3,
  MIDDLE = 1 << 4,  /* text anchored at its middle */
  TINT = 1 << 5,    /* the data's colour mixed into the paper by fill_opacity */
};

typedef struct
{
  JourneySceneRole role;
  const char      *variant;  /* NULL: the role's base entry */
  const char      *klass;    /* base entries only */
  guint            flags;
  guint32          fill;
  double           fill_opacity;
  guint32          stroke;
  double           stroke_width;
  double           dash[JOURNEY_PAINT_MAX_DASH];
  SizeSlot         size;
} ThemeEntry;

/* One row per role, in the order of JourneySceneRole; then the variants
 * that differ from their role. */
static const ThemeEntry roles[JOURNEY_N_ROLES] = {
  { JOURNEY_ROLE_NONE, NULL, "", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_BACKGROUND, NULL, "background", F, WHITE, 1, 0, 0, { 0 }, 0 },

  { JOURNEY_ROLE_TITLE_BLOCK, NULL, "title-block", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_MAP_TITLE, NULL, "map-title", F | BOLD, INK, 1, 0, 0, { 0 }, SIZE_TITLE },
  { JOURNEY_ROLE_PERSONA, NULL, "persona", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_SUBTITLE },
  { JOURNEY_ROLE_OBJECTIVE, NULL, "objective", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_SUBTITLE },
  { JOURNEY_ROLE_SCOPE, NULL, "scope", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_SUBTITLE },

  { JOURNEY_ROLE_STAGES, NULL, "stages", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_STAGE, NULL, "stage", 0, 0, 0, 0, 0, { 0 }, 0 },
  /* The fill of these three comes from the stage's colour. */
  { JOURNEY_ROLE_STAGE_HEADER, NULL, "stage-header", F, 0, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_STAGE_TINT, NULL, "stage-tint", F | TINT, 0, 0.08, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_STAGE_NAME, NULL, "stage-name", F | BOLD, 0, 1, 0, 0, { 0 }, SIZE_STAGE },

  { JOURNEY_ROLE_EMOTION_BAND, NULL, "emotion-band", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_BAND, NULL, "band", 0, 0, 0, RULE, 1, { 0 }, 0 },
  { JOURNEY_ROLE_SCALE_STEP, NULL, "scale-step", 0, 0, 0, RULE, 1, { 0 }, 0 },
  { JOURNEY_ROLE_SCALE_LABEL, NULL, "scale-label", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },

  { JOURNEY_ROLE_LANES, NULL, "lanes", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LANE, NULL, "lane", 0, 0, 0, 0, 0, { 0 }, 0 },
  /* The fill of these three comes from the lane's colour.  Tints are
   * opaque: a map is drawn on white paper, and an opaque fill is much
   * cheaper to draw over a large area than a translucent one. */
  { JOURNEY_ROLE_LANE_BACKGROUND, NULL, "lane-background", F | TINT, 0, 0.05, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LANE_LABEL, NULL, "lane-label", F | TINT, 0, 0.17, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LANE_STRIPE, NULL, "lane-stripe", F, 0, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LANE_SEPARATOR, NULL, "lane-separator", 0, 0, 0, RULE, 1, { 0 }, 0 },
  { JOURNEY_ROLE_LANE_NAME, NULL, "lane-name", F | BOLD, INK, 1, 0, 0, { 0 }, SIZE_LANE },
  { JOURNEY_ROLE_LANE_KIND, NULL, "lane-kind", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_STAGE_BOUNDARIES, NULL, "stage-boundaries", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_STAGE_BOUNDARY, NULL, "stage-boundary", 0, 0, 0, RULE, 1, { 0 }, 0 },

  { JOURNEY_ROLE_BLUEPRINT_LINES, NULL, "blueprint-lines", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_BLUEPRINT, NULL, "blueprint", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_BLUEPRINT_LINE, NULL, "blueprint-line", 0, 0, 0, INK_FAINT, 1.5, { 0 }, 0 },
  { JOURNEY_ROLE_LINE_LABEL_BACKGROUND, NULL, "line-label-background", F, WHITE, 1, RULE, 1, { 0 }, 0 },
  { JOURNEY_ROLE_LINE_LABEL, NULL, "line-label", F | ITALIC, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },

  { JOURNEY_ROLE_TOUCHPOINTS, NULL, "touchpoints", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_TOUCHPOINT, NULL, "touchpoint", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_CARD_SHADOW, NULL, "card-shadow", F, BLACK, 0.07, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_CARD, NULL, "card", F, WHITE, 1, CARD_EDGE, 1.25, { 0 }, 0 },
  /* The fill comes from the stage's colour. */
  { JOURNEY_ROLE_ACCENT, NULL, "accent", F, 0, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_CHANNEL, NULL, "channel", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_CARD_TITLE, NULL, "card-title", F, INK, 1, 0, 0, { 0 }, SIZE_BODY },
  { JOURNEY_ROLE_MARKER, NULL, "marker", F, INK_SOFT, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_MARKER_COUNT, NULL, "marker-count", F | BOLD | MIDDLE, WHITE, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_VOTE, NULL, "vote", F, INK_SOFT, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_VOTE_COUNT, NULL, "vote-count", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_NUMBER, NULL, "number", F, WHITE, 1, INK_FAINT, 1, { 0 }, 0 },
  { JOURNEY_ROLE_NUMBER_LABEL, NULL, "number-label", F | BOLD | MIDDLE, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_LEVEL, NULL, "evidence-level", F, PAPER_GREY, 1, CARD_EDGE, 1, { 0 }, 0 },
  { JOURNEY_ROLE_LEVEL_LABEL, NULL, "evidence-level-label", F | ITALIC | MIDDLE, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },

  { JOURNEY_ROLE_NOTE_LANES, NULL, "note-lanes", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_LANE, NULL, "note-lane", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE, NULL, "note", 0, 0, 0, 0, 0, { 0 }, 0 },
  /* Small cards tinted with the colour of their kind, as sticky notes. */
  { JOURNEY_ROLE_NOTE_CARD, NULL, "note-card", F, WHITE, 1, CARD_EDGE, 1.25, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_NUMBER, NULL, "note-number", F, INK_SOFT, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_NUMBER_LABEL, NULL, "note-number-label", F | BOLD | MIDDLE, WHITE, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_NOTE_TEXT, NULL, "note-text", F, INK, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_NOTE_CAPTION, NULL, "note-caption", F | ITALIC, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },

  { JOURNEY_ROLE_CONNECTORS, NULL, "connectors", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_CONNECTOR, NULL, "connector", 0, 0, 0, CARD_EDGE, 1, { 2, 4 }, 0 },
  { JOURNEY_ROLE_CURVES, NULL, "curves", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_CURVE, NULL, "curve", R, 0, 0, INK, 3, { 0 }, 0 },
  { JOURNEY_ROLE_POINT, NULL, "point", F, INK, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_GAP_FLAGS, NULL, "gap-flags", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_GAP_FLAG, NULL, "gap-flag", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_GAP, NULL, "gap", 0, 0, 0, RED, 2, { 0 }, 0 },
  { JOURNEY_ROLE_FLAG, NULL, "flag", F, RED, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_FLAG_LABEL, NULL, "flag-label", F | BOLD | MIDDLE, WHITE, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_ROOMS, NULL, "rooms", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM, NULL, "room", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM_SPREAD, NULL, "room-spread", F, ROOM, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM_MEAN, NULL, "room-mean", F, WHITE, 1, ROOM, 2.5, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM_PILL, NULL, "room-pill", F, WHITE, 1, ROOM, 1.5, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM_LABEL, NULL, "room-label", F | BOLD | MIDDLE, ROOM, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_HANDLES, NULL, "handles", 0, 0, 0, 0, 0, { 0 }, 0 },
  /* The fill comes from the value. */
  { JOURNEY_ROLE_HANDLE, NULL, "handle", F, GREY, 1, WHITE, 2.5, { 0 }, 0 },

  { JOURNEY_ROLE_LEGEND, NULL, "legend", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LEGEND_ENTRY, NULL, "legend-entry", 0, 0, 0, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LEGEND_LABEL, NULL, "legend-label", F, INK_SOFT, 1, 0, 0, { 0 }, SIZE_CAPTION },

  /* GNOME's accent blue; the focus ring as the HIG draws it. */
  { JOURNEY_ROLE_SELECTION, NULL, "selection", 0, 0, 0, ACCENT, 3, { 0 }, 0 },
  { JOURNEY_ROLE_FOCUS, NULL, "focus", 0, 0, 0, 0x62a0ea, 2, { 0 }, 0 },
  { JOURNEY_ROLE_HOVER, NULL, "hover", 0, 0, 0, 0x99c1f1, 2, { 0 }, 0 },
  { JOURNEY_ROLE_DROP_TARGET, NULL, "drop-target", F, ACCENT, 0.12, ACCENT, 2, { 6, 4 }, 0 },
  { JOURNEY_ROLE_RUBBER_BAND, NULL, "rubber-band", F, ACCENT, 0.15, ACCENT, 1, { 0 }, 0 },
  { JOURNEY_ROLE_VALUE_LABEL, NULL, "value-label", F | BOLD, WHITE, 1, 0, 0, { 0 }, SIZE_BODY },
  { JOURNEY_ROLE_VALUE_LABEL_BACKGROUND, NULL, "value-label-background", F, INK, 0.9, 0, 0, { 0 }, 0 },
  /* The paper, nearly opaque: the card stays in its place, faint. */
  { JOURNEY_ROLE_DIMMED, NULL, "dimmed", F, WHITE, 0.75, 0, 0, { 0 }, 0 },
  /* A frozen header is paper over the map that scrolls under it, with a
   * hairline of a card's edge where the map goes under. */
  { JOURNEY_ROLE_FROZEN_HEADER, NULL, "frozen-header", F, WHITE, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_FROZEN_EDGE, NULL, "frozen-edge", 0, 0, 0, CARD_EDGE, 1.5, { 0 }, 0 },
  /* The live counts of a session: the accent, as what the canvas points at. */
  { JOURNEY_ROLE_LIVE_BADGE, NULL, "live-badge", F, ACCENT, 1, WHITE, 1.5, { 0 }, 0 },
  { JOURNEY_ROLE_LIVE_LABEL, NULL, "live-label", F | BOLD | MIDDLE, WHITE, 1, 0, 0, { 0 }, SIZE_CAPTION },
};

static const ThemeEntry variants[] = {
  { JOURNEY_ROLE_SCALE_STEP, "neutral", NULL, 0, 0, 0, GREY, 1.5, { 6, 5 }, 0 },

  { JOURNEY_ROLE_BLUEPRINT_LINE, "line-of-interaction", NULL, 0, 0, 0, INK_FAINT, 1.5, { 8, 6 }, 0 },
  { JOURNEY_ROLE_BLUEPRINT_LINE, "line-of-visibility", NULL, 0, 0, 0, 0x3d3846, 2.5, { 0 }, 0 },
  { JOURNEY_ROLE_BLUEPRINT_LINE, "line-of-internal-interaction", NULL, 0, 0, 0, INK_FAINT, 1.5, { 12, 4, 2, 4 }, 0 },

  { JOURNEY_ROLE_CARD, "major", NULL, F, WHITE, 1, GREY, 1.75, { 0 }, 0 },
  { JOURNEY_ROLE_CARD_TITLE, "major", NULL, F | BOLD, INK, 1, 0, 0, { 0 }, SIZE_BODY },

  { JOURNEY_ROLE_MARKER, "pain-points", NULL, F, RED, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_MARKER, "opportunities", NULL, F, OPPORTUNITY, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_MARKER, "actions", NULL, F, ACTION, 1, 0, 0, { 0 }, 0 },

  { JOURNEY_ROLE_NOTE_CARD, "pain-points", NULL, F, PAIN_TINT, 1, RED, 1.25, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_CARD, "opportunities", NULL, F, OPPORTUNITY_TINT, 1, OPPORTUNITY, 1.25, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_CARD, "actions", NULL, F, ACTION_TINT, 1, ACTION, 1.25, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_NUMBER, "pain-points", NULL, F, RED, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_NUMBER, "opportunities", NULL, F, OPPORTUNITY, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_NOTE_NUMBER, "actions", NULL, F, ACTION, 1, 0, 0, { 0 }, 0 },

  { JOURNEY_ROLE_CURVE, "as-is", NULL, R, 0, 0, INK, 3, { 10, 7 }, 0 },
  { JOURNEY_ROLE_CURVE, "measured", NULL, R, 0, 0, MEASURED, 3, { 0 }, 0 },
  /* Round dots: dashes of almost no length with round caps. */
  { JOURNEY_ROLE_CURVE, "to-be", NULL, R, 0, 0, TO_BE, 3.5, { 0.1, 7 }, 0 },
  { JOURNEY_ROLE_POINT, "measured", NULL, F, MEASURED, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_POINT, "to-be", NULL, F, WHITE, 1, TO_BE, 2.5, { 0 }, 0 },

  { JOURNEY_ROLE_ROOM_PILL, "disagrees", NULL, F, ROOM_FLAG, 1, ROOM_FLAG_EDGE, 1.5, { 0 }, 0 },
  { JOURNEY_ROLE_ROOM_LABEL, "disagrees", NULL, F | BOLD | MIDDLE, INK, 1, 0, 0, { 0 }, SIZE_CAPTION },

  /* Evidence levels: measured in the measured curve's colour, thin
   * evidence only outlined in it, assumed grey. */
  { JOURNEY_ROLE_LEVEL, "thin", NULL, F, WHITE, 1, MEASURED, 1.5, { 0 }, 0 },
  { JOURNEY_ROLE_LEVEL, "measured", NULL, F, MEASURED, 1, 0, 0, { 0 }, 0 },
  { JOURNEY_ROLE_LEVEL_LABEL, "thin", NULL, F | BOLD | MIDDLE, MEASURED, 1, 0, 0, { 0 }, SIZE_CAPTION },
  { JOURNEY_ROLE_LEVEL_LABEL, "measured", NULL, F | BOLD | MIDDLE, WHITE, 1, 0, 0, { 0 }, SIZE_CAPTION },
};

static const ThemeEntry *
lookup (JourneySceneRole  role,
        const char       *variant)
{
  g_assert (role < JOURNEY_N_ROLES);
  g_assert (roles[role].role == role);

  if (variant != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
      if (variants[i].role == role && strcmp (variants[i].variant, variant) == 0)
        return &variants[i];

  return &roles[role];
}

const char *
journey_theme_role_class (JourneySceneRole role)
{
  g_return_val_if_fail (role < JOURNEY_N_ROLES, "");

  return roles[role].klass;
}

void
journey_theme_paint (JourneySceneRole  role,
                     const char       *variant,
                     JourneyPaint     *paint)
{
  const ThemeEntry *e = lookup (role, variant);

  memset (paint, 0, sizeof *paint);
  paint->has_fill = (e->flags & F) != 0;
  paint->fill = e->fill;
  paint->fill_opacity = (e->flags & TINT) ? 1 : e->fill_opacity;
  paint->stroke = e->stroke;
  paint->stroke_width = e->stroke_width;
  paint->round = (e->flags & R) != 0;
  for (guint i = 0; i < JOURNEY_PAINT_MAX_DASH && e->dash[i] > 0; i++)
    paint->dash[paint->n_dash++] = e->dash[i];
}

void
journey_theme_font (JourneySceneRole    role,
                    const char         *variant,
                    const JourneyStyle *style,
                    JourneyFont        *font)
{
  const ThemeEntry *e = lookup (role, variant);

  memset (font, 0, sizeof *font);
  switch (e->size)
    {
    case SIZE_TITLE:    font->size = style->title_size; break;
    case SIZE_SUBTITLE: font->size = style->subtitle_size; break;
    case SIZE_STAGE:    font->size = style->stage_size; break;
    case SIZE_LANE:     font->size = style->lane_size; break;
    case SIZE_BODY:     font->size = style->body_size; break;
    case SIZE_CAPTION:  font->size = style->caption_size; break;
    case SIZE_NONE:
    default:            font->size = style->body_size; break;
    }
  font->bold = (e->flags & BOLD) != 0;
  font->italic = (e->flags & ITALIC) != 0;
  font->anchor = (e->flags & MIDDLE) ? JOURNEY_TEXT_ANCHOR_MIDDLE : JOURNEY_TEXT_ANCHOR_START;
}

static guint32 mix (guint32 a, guint32 b, double t);

guint32
journey_theme_data_fill (JourneySceneRole  role,
                         const char       *variant,
                         guint32           color)
{
  const ThemeEntry *e = lookup (role, variant);

  if (e->flags & TINT)
    return mix (WHITE, color, e->fill_opacity);
  return color;
}

guint32
journey_theme_parse_color (const char *color,
                           guint32     fallback)
{
  guint32 value = 0;

  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return fallback;

  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (color[i]);
      if (d < 0)
        return fallback;
      value = (value << 4) | (guint32) d;
    }

  return value;
}

guint32
journey_theme_stage_color (const char *color,
                           guint       index)
{
  return journey_theme_parse_color (color, stage_palette[index % G_N_ELEMENTS (stage_palette)]);
}

guint32
journey_theme_lane_color (const char      *color,
                          JourneyLaneKind  kind)
{
  guint32 fallback;

  switch (kind)
    {
    case JOURNEY_LANE_CUSTOMER: fallback = 0x3584e4; break;
    case JOURNEY_LANE_ONSTAGE:  fallback = 0x2ec27e; break;
    case JOURNEY_LANE_OFFSTAGE: fallback = 0xe66100; break;
    case JOURNEY_LANE_SUPPORT:  fallback = 0x813d9c; break;
    case JOURNEY_LANE_PHYSICAL:
    default:                    fallback = GREY; break;
    }
  return journey_theme_parse_color (color, fallback);
}

guint32
journey_theme_note_color (JourneyNoteKind kind)
{
  switch (kind)
    {
    case JOURNEY_NOTE_PAIN_POINT:
      return RED;
    case JOURNEY_NOTE_OPPORTUNITY:
      return OPPORTUNITY;
    case JOURNEY_NOTE_ACTION:
    case JOURNEY_N_NOTE_KINDS:
    default:
      return ACTION;
    }
}

static double
channel_luminance (guint32 c)
{
  double v = c / 255.0;
  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
luminance (guint32 rgb)
{
  return 0.2126 * channel_luminance ((rgb >> 16) & 0xff)
       + 0.7152 * channel_luminance ((rgb >> 8) & 0xff)
       + 0.0722 * channel_luminance (rgb & 0xff);
}

guint32
journey_theme_text_on (guint32 background)
{
  double white = 1.05 / (luminance (background) + 0.05);

  /* Stage names are large, bold text: 3:1 is enough (WCAG AA), and white
   * on a saturated colour reads better than dark when both pass. */
  return white >= 3 ? WHITE : INK;
}

static guint32
mix (guint32 a,
     guint32 b,
     double  t)
{
  guint32 out = 0;

  t = CLAMP (t, 0, 1);
  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;
      guint32 c = (guint32) lround (ca + (cb - ca) * t);
      out |= (c & 0xff) << shift;
    }
  return out;
}

guint32
journey_theme_handle_color (double fraction)
{
  if (!(fraction >= 0)) /* also NaN */
    fraction = 0;
  if (fraction < 0.5)
    return mix (RED, GREY, fraction * 2);
  return mix (GREY, GREEN, (fraction - 0.5) * 2);
}
