/* sportello-database.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPORTELLO_STORE_ERROR (sportello_store_error_quark ())

typedef enum
{
  SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
  SPORTELLO_STORE_ERROR_TOO_NEW,
  SPORTELLO_STORE_ERROR_NOT_WRITABLE,
  SPORTELLO_STORE_ERROR_SQL,
  SPORTELLO_STORE_ERROR_NOT_FOUND,
  SPORTELLO_STORE_ERROR_INVALID,
  SPORTELLO_STORE_ERROR_DUPLICATE,
  SPORTELLO_STORE_ERROR_DISK_FULL,     /* I/O: exit 74 */
  SPORTELLO_STORE_ERROR_LOCKED,        /* held by another program: exit 74 */
  SPORTELLO_STORE_ERROR_IO,            /* cannot read or write the file: exit 74 */
} SportelloStoreError;

/* PRAGMA application_id of every Sportello database: “SPRT” (docs/database.md) */
#define SPORTELLO_DATABASE_APPLICATION_ID 0x53505254

#define SPORTELLO_TYPE_DATABASE (sportello_database_get_type ())

G_DECLARE_FINAL_TYPE (SportelloDatabase, sportello_database, SPORTELLO, DATABASE, GObject)

GQuark             sportello_store_error_quark          (void);
char              *sportello_database_default_dir       (void);
SportelloDatabase *sportello_database_open              (const char         *data_dir,
                                                         GError            **error);
const char        *sportello_database_get_path          (SportelloDatabase  *self);
int                sportello_database_get_schema_version (SportelloDatabase *self);
int                sportello_database_latest_schema_version (void);
void               sportello_database_set_origin        (SportelloDatabase  *self,
                                                         const char         *consultant,
                                                         const char         *hub);
const char        *sportello_database_get_consultant    (SportelloDatabase  *self);
const char        *sportello_database_get_hub           (SportelloDatabase  *self);
gboolean           sportello_database_begin             (SportelloDatabase  *self,
                                                         GError            **error);
gboolean           sportello_database_commit            (SportelloDatabase  *self,
                                                         GError            **error);
void               sportello_database_rollback          (SportelloDatabase  *self);
gboolean           sportello_database_exec              (SportelloDatabase  *self,
                                                         const char         *sql,
                                                         GError            **error);
char              *sportello_now_utc                    (void);
char              *sportello_new_uuid                   (void);

/* The kinds of record SportelloDatabase::changed names, as its detail:
 * connect to “changed::client” to hear of clients only. */
#define SPORTELLO_CHANGE_CLIENT     "client"
#define SPORTELLO_CHANGE_CONTACT    "contact"
#define SPORTELLO_CHANGE_MEETING    "meeting"
#define SPORTELLO_CHANGE_FOLLOW_UP  "follow-up"
#define SPORTELLO_CHANGE_DOCUMENT   "document"
#define SPORTELLO_CHANGE_TEMPLATE   "template"
#define SPORTELLO_CHANGE_CHECKLIST  "checklist"
#define SPORTELLO_CHANGE_ASSESSMENT "assessment"
#define SPORTELLO_CHANGE_EVENT        "event"
#define SPORTELLO_CHANGE_REGISTRATION "registration"
#define SPORTELLO_CHANGE_GRANT_CALL "grant-call"
#define SPORTELLO_CHANGE_GRANT_APPLICATION "grant-application"
#define SPORTELLO_CHANGE_ATTACHMENT "attachment"

void               sportello_database_notify_changed    (SportelloDatabase  *self,
                                                         const char         *kind);

G_END_DECLS
