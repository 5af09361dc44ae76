/* sportello-json-scanner.h: reads JSON a value at a time, from a stream
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPORTELLO_JSON_SCANNER_ERROR (sportello_json_scanner_error_quark ())

typedef enum
{
  SPORTELLO_JSON_SCANNER_ERROR_SYNTAX,   /* not JSON, or cut short */
} SportelloJsonScannerError;

typedef enum
{
  SPORTELLO_JSON_NULL,
  SPORTELLO_JSON_BOOLEAN,
  SPORTELLO_JSON_INTEGER,
  SPORTELLO_JSON_DOUBLE,     /* a number with a fraction or exponent, or too large */
  SPORTELLO_JSON_STRING,
  SPORTELLO_JSON_OBJECT,     /* read through, not kept */
  SPORTELLO_JSON_ARRAY,      /* read through, not kept */
} SportelloJsonType;

typedef struct
{
  SportelloJsonType  type;
  gboolean           boolean;
  gint64             integer;
  const char        *string;   /* the scanner's own: valid until its next call; it may
                                * hold NUL characters (\u0000), @length says where it ends */
  gsize              length;
} SportelloJsonValue;

typedef struct _SportelloJsonScanner SportelloJsonScanner;

GQuark                sportello_json_scanner_error_quark (void);

SportelloJsonScanner *sportello_json_scanner_new_for_data   (const char            *data,
                                                             gsize                  length);
SportelloJsonScanner *sportello_json_scanner_new_for_stream (GInputStream          *stream);
SportelloJsonScanner *_sportello_json_scanner_new_for_stream_sized (GInputStream *stream,
                                                                    gsize         buffer_size);
void                  sportello_json_scanner_free           (SportelloJsonScanner  *scanner);

goffset               sportello_json_scanner_get_offset     (SportelloJsonScanner  *scanner);
gboolean              sportello_json_scanner_peek           (SportelloJsonScanner  *scanner,
                                                             char                  *next,
                                                             GError               **error);
gboolean              sportello_json_scanner_expect         (SportelloJsonScanner  *scanner,
                                                             char                   c,
                                                             GError               **error);
gboolean              sportello_json_scanner_enter          (SportelloJsonScanner  *scanner,
                                                             char                   open,
                                                             gboolean              *entered,
                                                             GError               **error);
gboolean              sportello_json_scanner_next           (SportelloJsonScanner  *scanner,
                                                             char                   close,
                                                             guint                  index,
                                                             gboolean              *more,
                                                             GError               **error);
gboolean              sportello_json_scanner_read_key       (SportelloJsonScanner  *scanner,
                                                             const char           **key,
                                                             GError               **error);
gboolean              sportello_json_scanner_read_value     (SportelloJsonScanner  *scanner,
                                                             SportelloJsonValue    *value,
                                                             GError               **error);
gboolean              sportello_json_scanner_end            (SportelloJsonScanner  *scanner,
                                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloJsonScanner, sportello_json_scanner_free)

G_END_DECLS
