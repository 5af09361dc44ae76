/* sportello-document-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-document.h"

G_BEGIN_DECLS

/* An advice document's columns, described once, in the order a bundle
 * gives them (the five every record has, SPORTELLO_RECORD_COLUMNS, then
 * its own): the document's own SQL (sportello-document.c) and the
 * bundle's (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name) or REF (field, column, member, alias), as for the
 * contacts (sportello-contact-private.h). */
#define SPORTELLO_DOCUMENT_OWN_COLUMNS(TEXT, REF)                       \
  REF (SPORTELLO_DOCUMENT_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_DOCUMENT_TEMPLATE_ID, "template_id")                  \
  TEXT (SPORTELLO_DOCUMENT_TITLE, "title")                              \
  TEXT (SPORTELLO_DOCUMENT_BODY, "body")                                \
  TEXT (SPORTELLO_DOCUMENT_STATUS, "status")                            \
  TEXT (SPORTELLO_DOCUMENT_SENT_ON, "sent_on")
#define SPORTELLO_DOCUMENT_COLUMNS(TEXT, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_DOCUMENT) \
  SPORTELLO_DOCUMENT_OWN_COLUMNS (TEXT, REF)

G_END_DECLS
