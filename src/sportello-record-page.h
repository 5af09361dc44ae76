/* sportello-record-page.h: a page that edits one record
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_RECORD_PAGE (sportello_record_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SportelloRecordPage, sportello_record_page, SPORTELLO, RECORD_PAGE, AdwNavigationPage)

/* Brings back what a delete removed, from what delete_record() kept */
typedef gboolean (*SportelloRestoreFunc) (SportelloDatabase  *database,
                                          gpointer            kept,
                                          GError            **error);

/* A record's own save function (sportello_meeting_save(), …), cast */
typedef gboolean (*SportelloRecordSaveFunc) (gpointer            record,
                                             SportelloDatabase  *database,
                                             GError            **error);

struct _SportelloRecordPageClass
{
  AdwNavigationPageClass parent_class;

  /* how long after the last change what is on screen is stored */
  guint                 autosave_delay_ms;
  /* the toast after a delete that can be undone, e.g. “Meeting deleted” */
  const char           *deleted_message;
  /* what undoes a delete; NULL when a delete is not undone */
  SportelloRestoreFunc  restore;
  GDestroyNotify        kept_free;

  /* stores what is on screen (autosave calls it) */
  gboolean (*save)          (SportelloRecordPage  *self,
                             GError              **error);
  /* stores at once whatever waits; chain up */
  void     (*flush)         (SportelloRecordPage  *self);
  /* removes the record; @kept gets what restore needs to bring it back */
  gboolean (*delete_record) (SportelloRecordPage  *self,
                             gpointer             *kept,
                             GError              **error);
};

SportelloContext  *sportello_record_page_get_context  (SportelloRecordPage *self);
SportelloDatabase *sportello_record_page_get_database (SportelloRecordPage *self);
GObject           *sportello_record_page_get_record   (SportelloRecordPage *self);
void               sportello_record_page_changed      (SportelloRecordPage *self);
GBinding          *sportello_record_page_bind         (SportelloRecordPage *self,
                                                       GBinding            *binding);
void               sportello_record_page_flush        (SportelloRecordPage *self);
void               sportello_record_page_set_untouched (SportelloRecordPage *self,
                                                        gboolean             untouched);
void               sportello_record_page_touched      (SportelloRecordPage *self);
void               sportello_record_page_stored       (SportelloRecordPage *self);
void               sportello_record_page_delete       (SportelloRecordPage *self);
void               sportello_record_page_class_install_delete (SportelloRecordPageClass *klass,
                                                              const char               *action_name);
void               sportello_record_page_toast        (SportelloRecordPage *self,
                                                       AdwToast            *toast);
void               sportello_record_page_toast_error  (SportelloRecordPage *self,
                                                       const GError        *error);

/* What a delete keeps of a record and the records that hang off it (a
 * meeting's follow-ups, an event's registrations), for pages whose
 * restore and kept_free are the two functions below */
gpointer           sportello_record_page_keep         (gpointer                 record,
                                                       SportelloRecordSaveFunc  save,
                                                       GListModel              *children,
                                                       SportelloRecordSaveFunc  save_child);
gboolean           sportello_record_page_restore_kept (SportelloDatabase       *database,
                                                       gpointer                 kept,
                                                       GError                 **error);
void               sportello_record_page_kept_free    (gpointer                 kept);

G_END_DECLS
