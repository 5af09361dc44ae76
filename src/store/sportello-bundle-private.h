/* sportello-bundle-private.h: what the bundle's files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundle code is split by what it does: sportello-bundle.c describes
 * each kind of record, sportello-bundle-export.c writes a bundle,
 * sportello-bundle-read.c reads one and sportello-bundle-check.c checks
 * it, sportello-bundle-apply.c writes what it holds into the database,
 * sportello-bundle-attachments.c the attachments' bytes.
 *
 * A large import sets aside, inside its transaction, what keeps derived
 * data current row by row, writes its rows, and builds that data again
 * once (sportello-bundle-apply.c). The bundle benchmark makes the sqlite3 tool
 * load the same bundle the same way, from these same statements.
 */

#pragma once

#include "sportello-bundle.h"
#include "sportello-database.h"
#include "sportello-json-scanner.h"

G_BEGIN_DECLS

/* what is set aside: rows of type, name and the SQL that makes it again */
#define SPORTELLO_BULK_TRIGGERS_SQL \
  "SELECT 'TRIGGER', name, sql FROM sqlite_schema WHERE type = 'trigger' AND " \
  "(name LIKE '%\\_fts\\_%' ESCAPE '\\' OR name LIKE 'meetings\\_last\\_%' ESCAPE '\\')"
/* the secondary indexes of the tables that take many rows; the clients
 * keep theirs, which the duplicate check reads */
#define SPORTELLO_BULK_INDEXES_SQL \
  "SELECT 'INDEX', name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND " \
  "tbl_name IN ('contacts', 'meetings', 'follow_ups', 'assessments', 'documents')"

/* what the meetings_last_* triggers keep, for every client at once */
#define SPORTELLO_LAST_MEETINGS_SQL \
  "UPDATE clients SET last_meeting_at = (SELECT max (starts_at) FROM meetings WHERE client_id = clients.id)"

#define SPORTELLO_FTS_INDEXES "clients_fts", "meetings_fts", "follow_ups_fts"

/* A printf format, the FTS5 table as %1$s: rebuilt with a 64 MiB
 * in-memory hash (fewer segments to write and merge), then FTS5's own
 * default of 1 MiB again */
#define SPORTELLO_FTS_BULK_REBUILD_SQL \
  "INSERT INTO %1$s (%1$s, rank) VALUES ('hashsize', 67108864);" \
  "INSERT INTO %1$s (%1$s) VALUES ('rebuild');" \
  "INSERT INTO %1$s (%1$s, rank) VALUES ('hashsize', 1048576);"

/* ---------------------------------------------- the kinds of record ---- */

typedef enum
{
  COL_TEXT = 's',
  COL_INT = 'i',    /* integer or null */
  COL_BOOL = 'b',
  COL_REF = 'r',    /* the UUID of a record of the parent kind */
  COL_CONTACT = 'c', /* the UUID of a contact, or null */
  COL_CONTENT = 'x', /* an attachment's bytes in base64, from the content file its expr (the SHA-256) names;
                      * last of its kind, and no column of the table (sportello-bundle-attachments.c) */
} ColumnType;

typedef struct
{
  const char *key;      /* the member in the bundle */
  ColumnType  type;
  const char *expr;     /* what export selects */
  const char *column;   /* in the table; NULL for COL_CONTENT */
} Column;

typedef struct
{
  const char   *array;
  const char   *table;
  const char   *from;
  const char   *client_uuid;   /* expression of the owning client's UUID */
  int           parent;        /* kind of the referenced record (COL_REF), or -1 */
  const Column *columns;
  guint         n_columns;
  const char   *own_from;      /* for kinds that exist without a client: the table alone */
  gboolean      own_whole_only; /* own_from only for the whole database, not for templates alone */
} RecordSpec;

/* sportello-bundle.c: every kind's columns, in the bundle's order, from
 * each kind's own list (sportello-KIND-private.h) */
extern const RecordSpec _sportello_bundle_specs[SPORTELLO_N_RECORD_KINDS];

/* ---------------------------------------------------- a bundle read ---- */

/* A record as read: one cell per column of its kind, in the spec's order.
 * Its strings live in the bundle's string chunk. */
typedef struct
{
  guint8 type;    /* SportelloJsonType, or CELL_MISSING */
  union
  {
    const char *string;
    gint64      integer;
    gboolean    boolean;
  };
} Cell;

#define CELL_MISSING 0xff

/* every kind's first three columns (COMMON) */
#define RECORD_UUID(cells)       ((cells)[0].string)
#define RECORD_UPDATED_AT(cells) ((cells)[2].string)

enum
{
  HEADER_FORMAT,
  HEADER_VERSION,
  HEADER_EXPORTED_AT,
  HEADER_CONSULTANT,
  HEADER_HUB,
  N_HEADER_CELLS
};

struct _SportelloBundle
{
  GStringChunk *strings;
  GPtrArray    *records[SPORTELLO_N_RECORD_KINDS];   /* Cell[n_columns] */
  GPtrArray    *problems;
  Cell          header[N_HEADER_CELLS];
  gboolean      exported_by_is_object;
  guint8        arrays[SPORTELLO_N_RECORD_KINDS];    /* how each array was found: ARRAY_* */
  SportelloProgressFunc progress;
  gpointer              progress_data;
  GHashTable           *choices;      /* uuid → SportelloConflictPolicy, per conflict */
  GHashTable           *merges;       /* their client's uuid → ours, for duplicates */
};

enum
{
  ARRAY_MISSING,
  ARRAY_FOUND,
  ARRAY_NOT_AN_ARRAY,
  ARRAY_TWICE,
};

static inline int
column_index (const RecordSpec *spec,
              const char       *key,
              int               guess)
{
  /* records usually come with their keys in the spec's order */
  if (guess >= 0 && (guint) guess < spec->n_columns && g_str_equal (spec->columns[guess].key, key))
    return guess;

  for (guint i = 0; i < spec->n_columns; i++)
    if (g_str_equal (spec->columns[i].key, key))
      return (int) i;
  return -1;
}

static inline const char *
cell_text (const Cell *cell)
{
  return cell->type == SPORTELLO_JSON_STRING ? cell->string : NULL;
}

/* A member of a record, if it is a string */
static inline const char *
text_member (SportelloRecordKind  kind,
             const Cell          *cells,
             const char          *key)
{
  int i = column_index (&_sportello_bundle_specs[kind], key, -1);

  return i >= 0 ? cell_text (&cells[i]) : NULL;
}

/* sportello-bundle.c: the progress function said to stop */
gboolean   _sportello_bundle_cancelled        (GError              **error);

/* sportello-bundle-check.c */
G_GNUC_PRINTF (3, 4)
void       _sportello_bundle_problem          (SportelloBundle      *bundle,
                                               const char           *path,
                                               const char           *format,
                                               ...);
void       _sportello_bundle_check_record     (SportelloBundle      *bundle,
                                               SportelloRecordKind   kind,
                                               guint                 index,
                                               Cell                 *cells,
                                               GHashTable           *uuids);
void       _sportello_bundle_check_references (SportelloBundle      *bundle,
                                               GHashTable          **uuids);
GPtrArray *_sportello_bundle_check_header     (SportelloBundle      *bundle,
                                               gboolean             *fatal);

/* sportello-bundle-attachments.c: an attachment's inline bytes */
char     *_sportello_bundle_check_attachment (const char         *content,
                                              const char         *sha256,
                                              gint64              size,
                                              const char        **member);
gboolean  _sportello_bundle_store_attachment (SportelloDatabase  *db,
                                              const char         *content,
                                              const char         *sha256,
                                              GError            **error);

/* for the tests: fail after this many written rows (0: never)
 * (sportello-bundle-apply.c) */
void      _sportello_bundle_set_fail_after   (guint               n_rows);
/* for the tests: an export fails as on a full disk after this many records
 * (sportello-bundle-export.c) */
void      _sportello_bundle_set_export_fail_after (guint          n_rows);

G_END_DECLS
