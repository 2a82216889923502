/* journey-print-operation.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-print-operation"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-export.h"
#include "journey-layout.h"
#include "journey-painter.h"
#include "journey-print-operation.h"
#include "journey-scene.h"

/* A CSS pixel is 3/4 of a point: at full size, the map prints as large as
 * it shows at 100 %. */
#define POINTS_PER_PIXEL 0.75

struct _JourneyPrintOperation
{
  GtkPrintOperation   parent_instance;

  JourneyProject     *project;
  JourneyMap         *map;
  JourneyPrintLayout  layout;

  /* From begin-print to end-print: the map as it was when printing began. */
  JourneyLayout      *map_layout;
  JourneyScene       *scene;
  JourneyPainter     *painter;

  /* The "Layout" tab */
  GtkWidget          *fit_button;
};

G_DEFINE_FINAL_TYPE (JourneyPrintOperation, journey_print_operation, GTK_TYPE_PRINT_OPERATION)

/* Tiles needed along a side of @length points, pages of @page points. */
static guint
count_tiles (double length,
             double page)
{
  double step = page - JOURNEY_PRINT_OVERLAP;

  if (length <= page || step <= 0)
    return 1;
  return (guint) ceil ((length - JOURNEY_PRINT_OVERLAP) / step - 1e-9);
}

static void
printable_size (GtkPrintContext *context,
                double          *width,
                double          *height)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  *width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
}

/* The map as a scene, drawn by the painter: made when printing begins. */
static void
ensure_scene (JourneyPrintOperation *self)
{
  if (self->scene == NULL)
    {
      g_clear_pointer (&self->map_layout, journey_layout_free);
      self->scene = journey_export_scene_new (self->project, self->map, NULL, &self->map_layout);
    }
  if (self->painter == NULL)
    self->painter = journey_painter_new ();
}

static void
journey_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (operation);
  double width, height;

  /* The map as it is now. */
  g_clear_pointer (&self->scene, journey_scene_free);
  ensure_scene (self);

  printable_size (context, &width, &height);
  gtk_print_operation_set_n_pages (operation, (int) journey_print_operation_count_pages (self, width, height, NULL));
}

/* Dashed lines in the middle of the strips a tile shares with its
 * neighbours: both pages have the line at the same place of the map, so
 * cut one along it and lay it on the other with the lines meeting. */
static void
draw_overlap_marks (cairo_t *cr,
                    double   width,
                    double   height,
                    gboolean left,
                    gboolean right,
                    gboolean top,
                    gboolean bottom)
{
  static const double dash[] = { 4, 3 };
  const double m = JOURNEY_PRINT_OVERLAP / 2;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.4, 0.4, 0.4, 0.9);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  if (left)
    {
      cairo_move_to (cr, m, 0);
      cairo_line_to (cr, m, height);
    }
  if (right)
    {
      cairo_move_to (cr, width - m, 0);
      cairo_line_to (cr, width - m, height);
    }
  if (top)
    {
      cairo_move_to (cr, 0, m);
      cairo_line_to (cr, width, m);
    }
  if (bottom)
    {
      cairo_move_to (cr, 0, height - m);
      cairo_line_to (cr, width, height - m);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
journey_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (operation);
  double width, height;

  printable_size (context, &width, &height);
  journey_print_operation_draw_page_on (self, gtk_print_context_get_cairo_context (context), page_nr, width, height);
}

static void
journey_print_operation_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (operation);

  g_clear_pointer (&self->scene, journey_scene_free);
  g_clear_pointer (&self->map_layout, journey_layout_free);
  g_clear_pointer (&self->painter, journey_painter_free);
}

static GtkWidget *
journey_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fit = gtk_check_button_new_with_mnemonic (_("_Fit the map to one page"));
  GtkWidget *tile = gtk_check_button_new_with_mnemonic (_("_Tile the map at full size across pages"));
  GtkWidget *note = gtk_label_new (_("Neighbouring pages overlap by a centimetre; dashed lines mark where."));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (tile), GTK_CHECK_BUTTON (fit));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->layout == JOURNEY_PRINT_FIT ? fit : tile), TRUE);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_margin_start (note, 28);
  gtk_box_append (GTK_BOX (box), fit);
  gtk_box_append (GTK_BOX (box), tile);
  gtk_box_append (GTK_BOX (box), note);

  g_set_weak_pointer (&self->fit_button, fit);
  return box;
}

static void
journey_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                             GtkWidget         *widget)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (operation);

  if (self->fit_button != NULL)
    self->layout = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->fit_button))
                   ? JOURNEY_PRINT_FIT : JOURNEY_PRINT_TILE;
}

static void
journey_print_operation_finalize (GObject *object)
{
  JourneyPrintOperation *self = JOURNEY_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->fit_button);
  g_clear_pointer (&self->scene, journey_scene_free);
  g_clear_pointer (&self->map_layout, journey_layout_free);
  g_clear_pointer (&self->painter, journey_painter_free);
  g_clear_object (&self->map);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (journey_print_operation_parent_class)->finalize (object);
}

static void
journey_print_operation_class_init (JourneyPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = journey_print_operation_finalize;
  print_class->begin_print = journey_print_operation_begin_print;
  print_class->draw_page = journey_print_operation_draw_page;
  print_class->end_print = journey_print_operation_end_print;
  print_class->create_custom_widget = journey_print_operation_create_custom_widget;
  print_class->custom_widget_apply = journey_print_operation_custom_widget_apply;
}

static void
journey_print_operation_init (JourneyPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  /* A journey is wide. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Layout"));
}

JourneyPrintOperation *
journey_print_operation_new (JourneyProject *project,
                             JourneyMap     *map)
{
  JourneyPrintOperation *self;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  self = g_object_new (JOURNEY_TYPE_PRINT_OPERATION, NULL);
  self->project = g_object_ref (project);
  self->map = g_object_ref (map);
  if (map->title != NULL && map->title[0] != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), map->title);
  return self;
}

JourneyPrintLayout
journey_print_operation_get_layout (JourneyPrintOperation *self)
{
  g_return_val_if_fail (JOURNEY_IS_PRINT_OPERATION (self), JOURNEY_PRINT_FIT);

  return self->layout;
}

void
journey_print_operation_set_layout (JourneyPrintOperation *self,
                                    JourneyPrintLayout     layout)
{
  g_return_if_fail (JOURNEY_IS_PRINT_OPERATION (self));

  self->layout = layout;
}

guint
journey_print_operation_count_pages (JourneyPrintOperation *self,
                                     double                 width,
                                     double                 height,
                                     guint                 *n_columns)
{
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) scene = NULL;
  JourneyScene *measured = self->scene;
  guint columns, rows;

  g_return_val_if_fail (JOURNEY_IS_PRINT_OPERATION (self), 0);

  if (self->layout == JOURNEY_PRINT_FIT)
    {
      if (n_columns != NULL)
        *n_columns = 1;
      return 1;
    }

  if (measured == NULL)
    {
      scene = journey_export_scene_new (self->project, self->map, NULL, &layout);
      measured = scene;
    }
  columns = count_tiles (journey_scene_get_width (measured) * POINTS_PER_PIXEL, width);
  rows = count_tiles (journey_scene_get_height (measured) * POINTS_PER_PIXEL, height);
  if (n_columns != NULL)
    *n_columns = columns;
  return columns * rows;
}

/* Draws page @page_nr onto @cr, whose user space is in points with the
 * origin at the top left of a printable area of @width × @height. */
void
journey_print_operation_draw_page_on (JourneyPrintOperation *self,
                                      cairo_t               *cr,
                                      int                    page_nr,
                                      double                 width,
                                      double                 height)
{
  double scene_width, scene_height;

  g_return_if_fail (JOURNEY_IS_PRINT_OPERATION (self));
  g_return_if_fail (cr != NULL);

  ensure_scene (self);
  scene_width = journey_scene_get_width (self->scene);
  scene_height = journey_scene_get_height (self->scene);
  if (scene_width <= 0 || scene_height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (self->layout == JOURNEY_PRINT_FIT)
    {
      double scale = MIN (width / scene_width, height / scene_height);

      /* Centred on the page. */
      cairo_translate (cr, (width - scene_width * scale) / 2, (height - scene_height * scale) / 2);
      cairo_scale (cr, scale, scale);
      journey_painter_draw (self->painter, self->scene, cr, NULL);
    }
  else
    {
      guint n_columns = count_tiles (scene_width * POINTS_PER_PIXEL, width);
      guint n_rows = count_tiles (scene_height * POINTS_PER_PIXEL, height);
      guint column = (guint) page_nr % n_columns;
      guint row = (guint) page_nr / n_columns;
      double x = column * (width - JOURNEY_PRINT_OVERLAP);
      double y = row * (height - JOURNEY_PRINT_OVERLAP);
      JourneyRect clip = {
        x / POINTS_PER_PIXEL, y / POINTS_PER_PIXEL, width / POINTS_PER_PIXEL, height / POINTS_PER_PIXEL
      };

      cairo_save (cr);
      cairo_translate (cr, -x, -y);
      cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
      journey_painter_draw (self->painter, self->scene, cr, &clip);
      cairo_restore (cr);

      draw_overlap_marks (cr, width, height,
                          column > 0, column + 1 < n_columns,
                          row > 0, row + 1 < n_rows);
    }

  cairo_restore (cr);
}

