/* sportello-certificate-template-dialog.h: the hub's certificate template
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CERTIFICATE_TEMPLATE_DIALOG (sportello_certificate_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloCertificateTemplateDialog, sportello_certificate_template_dialog,
                      SPORTELLO, CERTIFICATE_TEMPLATE_DIALOG, AdwDialog)

SportelloCertificateTemplateDialog *sportello_certificate_template_dialog_new   (SportelloContext                   *context);
void                                sportello_certificate_template_dialog_flush (SportelloCertificateTemplateDialog *self);

G_END_DECLS
