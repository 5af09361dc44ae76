/* sportello-event-page.h: one event, its registrations and attendance
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-event.h"
#include "sportello-record-page.h"
#include "sportello-registration-dialog.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_EVENT_PAGE (sportello_event_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloEventPage, sportello_event_page, SPORTELLO, EVENT_PAGE, SportelloRecordPage)

SportelloEventPage *sportello_event_page_new        (SportelloContext   *context,
                                                     const char         *uuid,
                                                     GError            **error);
SportelloEvent     *sportello_event_page_get_event  (SportelloEventPage *self);
/* what the Add Registration dialog does, for tests: someone new when
 * @contact_uuid is NULL */
gboolean            sportello_event_page_register   (SportelloEventPage *self,
                                                     const char         *contact_uuid,
                                                     const char         *name,
                                                     const char         *email,
                                                     const char         *firm);
/* what Import Attendance and Export Certificates do after their file dialog */
void                sportello_event_page_import_attendance   (SportelloEventPage *self,
                                                              GFile              *file);
/* draws the certificates on a worker; a toast says how it went */
void                sportello_event_page_export_certificates (SportelloEventPage *self,
                                                              GFile              *file);

SportelloRegistrationDialog *sportello_event_page_open_registration (SportelloEventPage *self,
                                                                     const char         *uuid);
void                sportello_event_page_make_follow_ups (SportelloEventPage *self);
AdwDialog          *sportello_event_page_edit_certificate_template (SportelloEventPage *self);
void                sportello_event_page_flush_certificate_template (AdwDialog *dialog);

G_END_DECLS
