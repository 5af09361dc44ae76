/* sportello-client-attachments.h: the files that belong to a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_ATTACHMENTS (sportello_client_attachments_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientAttachments, sportello_client_attachments, SPORTELLO, CLIENT_ATTACHMENTS, AdwPreferencesGroup)

void        sportello_client_attachments_set_client   (SportelloClientAttachments *self,
                                                       SportelloContext           *context,
                                                       const char                 *client_uuid);
void        sportello_client_attachments_add_files    (SportelloClientAttachments *self,
                                                       GFile                     **files,
                                                       guint                       n_files);
void        sportello_client_attachments_choose       (SportelloClientAttachments *self);
GtkListBox *sportello_client_attachments_get_list     (SportelloClientAttachments *self);
gboolean    sportello_client_attachments_is_busy      (SportelloClientAttachments *self);
void        sportello_client_attachments_clear_copies (void);

G_END_DECLS
