/* sportello-vcard.h: the people of firms as vCards (RFC 6350)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

char     *sportello_vcard_export_to_string (SportelloDatabase   *db,
                                            const char * const  *client_uuids,
                                            guint               *n_cards,
                                            GError             **error);
gboolean  sportello_vcard_export           (SportelloDatabase   *db,
                                            const char * const  *client_uuids,
                                            const char          *path,
                                            guint               *n_cards,
                                            GError             **error);
char     *sportello_vcard_fold_line        (const char          *line);
char     *sportello_vcard_escape           (const char          *text);

G_END_DECLS
