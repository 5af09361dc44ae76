/* sportello-grant-call-page.h: one grant call, the firms that fit it and its applications
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-grant-call.h"
#include "sportello-grant-match.h"
#include "sportello-record-page.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_GRANT_CALL_PAGE (sportello_grant_call_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantCallPage, sportello_grant_call_page, SPORTELLO, GRANT_CALL_PAGE, SportelloRecordPage)

SportelloGrantCallPage *sportello_grant_call_page_new      (SportelloContext       *context,
                                                            const char             *uuid,
                                                            GError                **error);
SportelloGrantCall     *sportello_grant_call_page_get_call (SportelloGrantCallPage *self);
GtkListBox             *sportello_grant_call_page_get_matches (SportelloGrantCallPage *self);

char                   *sportello_grant_match_describe     (SportelloGrantMatch    *match);

AdwDialog          *sportello_grant_call_page_pick      (SportelloGrantCallPage *self,
                                                        const char             *criterion);

G_END_DECLS
