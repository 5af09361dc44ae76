/* sportello-email.h: a file handed to the user's mail client, through the portal
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_EMAIL_ERROR (sportello_email_error_quark ())

typedef enum
{
  SPORTELLO_EMAIL_ERROR_NO_PORTAL,   /* no e-mail portal on the session bus */
  SPORTELLO_EMAIL_ERROR_FAILED,      /* the portal or the mail client failed */
} SportelloEmailError;

GQuark    sportello_email_error_quark     (void);

char     *sportello_email_attachment_path (const char           *file_name,
                                           GError              **error);
void      sportello_email_compose         (GtkWidget            *parent,
                                           const char           *address,
                                           const char           *subject,
                                           GFile                *attachment,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  sportello_email_compose_finish  (GAsyncResult         *result,
                                           GError              **error);
void      sportello_email_send            (GtkWidget            *parent,
                                           const char           *address,
                                           const char           *subject,
                                           GFile                *attachment);

G_END_DECLS
