/* sportello-backups-page.h: Preferences → Backups
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_BACKUPS_PAGE (sportello_backups_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloBackupsPage, sportello_backups_page, SPORTELLO, BACKUPS_PAGE, AdwPreferencesPage)

SportelloBackupsPage *sportello_backups_page_new            (SportelloApplication *application);
void                  sportello_backups_page_refresh        (SportelloBackupsPage *self);
guint                 sportello_backups_page_get_n_backups  (SportelloBackupsPage *self);
gboolean              sportello_backups_page_is_working     (SportelloBackupsPage *self);

G_END_DECLS
