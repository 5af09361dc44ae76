/* sportello-bundle.h: the JSON handoff between colleagues and hubs
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-crypt.h"
#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_BUNDLE_FORMAT   "sportello-bundle"
#define SPORTELLO_BUNDLE_VERSION  1
/* A bundle larger than this is refused before it is read */
#define SPORTELLO_BUNDLE_MAX_SIZE (1024 * 1024 * 1024)
#define SPORTELLO_BUNDLE_MAX_PROBLEMS 50

#define SPORTELLO_BUNDLE_ERROR (sportello_bundle_error_quark ())

typedef enum
{
  SPORTELLO_BUNDLE_ERROR_INVALID,    /* bad data: exit 65 */
  SPORTELLO_BUNDLE_ERROR_IO,         /* cannot read or write: exit 74 */
} SportelloBundleError;

typedef enum
{
  SPORTELLO_CONFLICT_NEWER,     /* the side changed last wins */
  SPORTELLO_CONFLICT_OURS,      /* keep what is in the database */
  SPORTELLO_CONFLICT_THEIRS,    /* take what is in the bundle */
} SportelloConflictPolicy;

typedef enum
{
  SPORTELLO_RECORD_KIND_CLIENT,
  SPORTELLO_RECORD_KIND_CONTACT,
  SPORTELLO_RECORD_KIND_MEETING,
  SPORTELLO_RECORD_KIND_FOLLOW_UP,
  SPORTELLO_RECORD_KIND_CHECKLIST,    /* checklist versions the assessments use */
  SPORTELLO_RECORD_KIND_ASSESSMENT,
  SPORTELLO_RECORD_KIND_DOCUMENT,
  SPORTELLO_RECORD_KIND_TEMPLATE,
  SPORTELLO_RECORD_KIND_EVENT,        /* the events the registrations are for */
  SPORTELLO_RECORD_KIND_REGISTRATION,
  SPORTELLO_RECORD_KIND_GRANT_CALL,         /* all of them, or those the applications refer to */
  SPORTELLO_RECORD_KIND_GRANT_APPLICATION,
  SPORTELLO_RECORD_KIND_ATTACHMENT,         /* files of the clients, their bytes inline */
  SPORTELLO_N_RECORD_KINDS
} SportelloRecordKind;

typedef struct
{
  guint new_records;
  guint updated;
  guint unchanged;
  guint conflicts;
  guint duplicates;    /* new clients whose VAT number is already in the database */
} SportelloImportCounts;

typedef struct _SportelloBundle SportelloBundle;

GQuark           sportello_bundle_error_quark    (void);

/* Called from the thread that reads, exports or applies, now and then:
 * how much is done of the total. Returning %FALSE stops the work, which
 * then fails with %G_IO_ERROR_CANCELLED and changes nothing. */
typedef gboolean (*SportelloProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

gboolean         sportello_bundle_export         (SportelloDatabase       *db,
                                                  const char * const      *client_uuids,
                                                  const char              *path,
                                                  GError                 **error);
gboolean         sportello_bundle_export_with_progress (SportelloDatabase *db,
                                                  const char * const      *client_uuids,
                                                  const char              *path,
                                                  SportelloProgressFunc    func,
                                                  gpointer                 user_data,
                                                  GError                 **error);
gboolean         sportello_bundle_export_full    (SportelloDatabase       *db,
                                                  const char * const      *client_uuids,
                                                  const char              *path,
                                                  const char              *passphrase,
                                                  SportelloProgressFunc    func,
                                                  gpointer                 user_data,
                                                  GError                 **error);
char            *sportello_bundle_default_name   (SportelloDatabase       *db,
                                                  const char              *client_uuid);

SportelloBundle *sportello_bundle_load           (const char              *path,
                                                  GError                 **error);
SportelloBundle *sportello_bundle_load_with_progress (const char          *path,
                                                  SportelloProgressFunc    func,
                                                  gpointer                 user_data,
                                                  GError                 **error);
SportelloBundle *sportello_bundle_load_full      (const char              *path,
                                                  const char              *passphrase,
                                                  SportelloProgressFunc    func,
                                                  gpointer                 user_data,
                                                  GError                 **error);
gboolean         sportello_bundle_is_protected   (const char              *path);
SportelloBundle *sportello_bundle_load_bytes     (GBytes                  *bytes,
                                                  GError                 **error);
void             sportello_bundle_free           (SportelloBundle         *bundle);
GPtrArray       *sportello_bundle_get_problems   (SportelloBundle         *bundle);
guint            sportello_bundle_count          (SportelloBundle         *bundle,
                                                  SportelloRecordKind      kind);
const char      *sportello_bundle_get_exported_by (SportelloBundle        *bundle,
                                                  const char             **hub);
gboolean         sportello_bundle_preview        (SportelloBundle         *bundle,
                                                  SportelloDatabase       *db,
                                                  SportelloImportCounts    counts[SPORTELLO_N_RECORD_KINDS],
                                                  GError                 **error);
gboolean         sportello_bundle_apply          (SportelloBundle         *bundle,
                                                  SportelloDatabase       *db,
                                                  SportelloConflictPolicy  policy,
                                                  const char              *file_name,
                                                  SportelloImportCounts    counts[SPORTELLO_N_RECORD_KINDS],
                                                  GError                 **error);
const char      *sportello_record_kind_label     (SportelloRecordKind      kind);


typedef struct
{
  SportelloRecordKind  kind;
  char                *uuid;
  char                *description;        /* a client's name, a document's title… */
  char                *ours_updated_at;
  char                *theirs_updated_at;
  char                *existing_uuid;         /* duplicates: the client of ours it matches */
  char                *existing_description;
} SportelloConflict;

GPtrArray       *sportello_bundle_list_conflicts (SportelloBundle         *bundle,
                                                  SportelloDatabase       *db,
                                                  GError                 **error);
GPtrArray       *sportello_bundle_list_duplicates (SportelloBundle        *bundle,
                                                  SportelloDatabase       *db,
                                                  GError                 **error);
void             sportello_bundle_merge          (SportelloBundle         *bundle,
                                                  const char              *theirs,
                                                  const char              *ours);
void             sportello_bundle_choose         (SportelloBundle         *bundle,
                                                  const char              *uuid,
                                                  SportelloConflictPolicy  choice);
void             sportello_conflict_free         (SportelloConflict       *conflict);

void             sportello_bundle_set_progress   (SportelloBundle         *bundle,
                                                  SportelloProgressFunc    func,
                                                  gpointer                 user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloBundle, sportello_bundle_free)

G_END_DECLS
