/* sportello-clients-section-private.h: what the Clients section's files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-client-slots.h"
#include "sportello-clients-section.h"
#include "sportello-context.h"

G_BEGIN_DECLS

struct _SportelloClientsSection
{
  GtkWidget            parent_instance;

  AdwSplitButton      *new_button;

  SportelloContext    *context;
  SportelloDatabase   *db;        /* the context's */
  SportelloClientList *list;
  SportelloClientSlots *slots;    /* the list as the list view shows it */
  GStrv                tags;
  GCancellable        *tags_cancellable;   /* the tags being read */

  /* Deleted but not gone yet: purged when the toast goes away */
  GPtrArray           *pending_deletes;
  AdwToast            *delete_toast;

  AdwNavigationView   *navigation_view;
  AdwNavigationPage   *list_page;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkDropDown         *sort_dropdown;
  AdwBanner           *retention_banner;

  /* Rows bound to a client found by its notes, waiting for one lookup of
   * why for them all, after the frame that shows them */
  GPtrArray           *match_rows;
  GPtrArray           *bound_rows;   /* all the rows bound to a client */
  guint                match_idle;
  GCancellable        *match_cancellable;   /* cancelled in dispose */

  /* the next client page, its widgets made in idle time */
  SportelloClientPage *spare_page;
  guint                spare_idle;

  /* the list view gets the clients after its first frame */
  GdkFrameClock       *first_frame_clock;
  gulong               first_frame_id;
};

void _sportello_clients_section_show_error        (SportelloClientsSection *self,
                                                   const GError            *error);

/* sportello-clients-section-csv.c */
void _sportello_clients_section_import_csv_action (GtkWidget               *widget,
                                                   const char              *action_name,
                                                   GVariant                *param);
void _sportello_clients_section_export_csv_action (GtkWidget               *widget,
                                                   const char              *action_name,
                                                   GVariant                *param);

G_END_DECLS
