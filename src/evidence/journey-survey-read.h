/* journey-survey-read.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * JourneySurveyReader: the rows of a survey export, streaming (SPEC §11).
 * Bytes go in block by block; the encoding (UTF-8 with or without a BOM,
 * UTF-16 with a BOM, Windows-1252) and the separator (`,` `;` tab, or
 * Excel's `sep=` first line) are detected from the first block unless
 * given; the text is parsed with libcsv, and every row comes out with the
 * physical line it begins on (CR, LF and CRLF each end a line, inside
 * quoted cells too).  No cell grows past JOURNEY_SURVEY_MAX_CELL bytes and
 * no row past JOURNEY_SURVEY_MAX_CELLS cells, so memory does not grow with
 * the file, whatever it holds.
 */

typedef enum
{
  JOURNEY_SURVEY_ENCODING_AUTO,
  JOURNEY_SURVEY_ENCODING_UTF8,
  JOURNEY_SURVEY_ENCODING_UTF16LE,
  JOURNEY_SURVEY_ENCODING_UTF16BE,
  JOURNEY_SURVEY_ENCODING_WINDOWS_1252,
} JourneySurveyEncoding;

#define JOURNEY_SURVEY_MAX_CELL  (1024 * 1024)
#define JOURNEY_SURVEY_MAX_CELLS 4096
/* The size of a read. */
#define JOURNEY_SURVEY_BLOCK_SIZE (256 * 1024)

#define JOURNEY_SURVEY_ERROR (journey_survey_error_quark ())

typedef enum
{
  JOURNEY_SURVEY_ERROR_NOT_TEXT,   /* binary data: not a CSV file */
  JOURNEY_SURVEY_ERROR_TOO_LONG,   /* a cell or a row over the limits */
  JOURNEY_SURVEY_ERROR_NO_HEADER,  /* no header row, or no column to use */
  JOURNEY_SURVEY_ERROR_NO_ROWS,    /* no row could be used */
  JOURNEY_SURVEY_ERROR_CANCELLED,
} JourneySurveyError;

GQuark journey_survey_error_quark (void);

typedef struct
{
  guint64       line;     /* the physical line the row begins on, from 1 */
  guint         n_cells;
  const char  **cells;    /* NUL-terminated UTF-8 (when !invalid) */
  const gsize  *lengths;
  const char   *invalid;  /* NULL, or why the row cannot be read ("a NUL byte") */
} JourneySurveyRow;

/* Returns FALSE (and sets @error) to stop reading. */
typedef gboolean (*JourneySurveyRowFunc) (const JourneySurveyRow *row,
                                          gpointer                user_data,
                                          GError                **error);

typedef struct _JourneySurveyReader JourneySurveyReader;

JourneySurveyReader  *journey_survey_reader_new           (JourneySurveyEncoding  encoding,
                                                           char                   separator,
                                                           JourneySurveyRowFunc   func,
                                                           gpointer               user_data);
void                  journey_survey_reader_free          (JourneySurveyReader   *self);
gboolean              journey_survey_reader_feed          (JourneySurveyReader   *self,
                                                           const char            *bytes,
                                                           gsize                  length,
                                                           GError               **error);
gboolean              journey_survey_reader_flush         (JourneySurveyReader   *self,
                                                           GError               **error);
gboolean              journey_survey_reader_finish        (JourneySurveyReader   *self,
                                                           GError               **error);
char                **journey_survey_row_dup_cells        (const JourneySurveyRow *row);
JourneySurveyEncoding journey_survey_reader_get_encoding  (JourneySurveyReader   *self);
char                  journey_survey_reader_get_separator (JourneySurveyReader   *self);
guint64               journey_survey_reader_get_bytes     (JourneySurveyReader   *self);

const char           *journey_survey_encoding_to_string   (JourneySurveyEncoding  encoding);
gboolean              journey_survey_encoding_from_string (const char            *name,
                                                           JourneySurveyEncoding *encoding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySurveyReader, journey_survey_reader_free)

G_END_DECLS
