/* sportello-client-page-private.h: what the client page's files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-client-page.h"
#include "sportello-client-attachments.h"
#include "sportello-client-grants.h"

G_BEGIN_DECLS

struct _SportelloClientPage
{
  AdwNavigationPage   parent_instance;

  SportelloContext   *context;
  SportelloDatabase  *db;        /* the context's */
  SportelloClient    *client;
  GListModel         *contacts;
  GPtrArray          *rows;   /* the rows made for the groups, removed on reload */

  GtkLabel           *name_label;
  GtkWidget          *edit_button;
  GtkMenuButton      *menu_button;
  GMenuModel         *client_menu;
  GtkLabel           *status_label;
  GtkLabel           *category_label;
  AdwPreferencesGroup *company_group;
  AdwPreferencesGroup *privacy_group;
  AdwPreferencesGroup *desk_group;
  GtkListBox         *contacts_list;
  AdwPreferencesGroup *meetings_group;
  GtkListBox         *open_follow_ups_list;
  GtkListBox         *meetings_list;
  GListModel         *meetings;
  GListModel         *open_follow_ups;
  AdwPreferencesGroup *assessments_group;
  GtkListBox         *assessments_list;
  GListModel         *assessments;
  SportelloClientGrants *grants_group;
  SportelloClientAttachments *attachments_group;
  AdwPreferencesGroup *documents_group;
  GtkMenuButton      *new_document_button;
  GtkListBox         *documents_list;
  GListModel         *documents;

  /* what an empty group shows, as Attachments does: one dim row */
  GtkWidget          *contacts_empty;
  GtkWidget          *meetings_empty;
  GtkWidget          *assessments_empty;
  GtkWidget          *documents_empty;

  /* the groups under the client's own fields, filled after the first frame */
  GtkBox             *groups_box;
  GtkWidget          *events_group;
  gboolean            loaded;
  gboolean            hidden;     /* between hiding and showing */
  guint               fill_idle;
  guint               fill_step;  /* the next of the fill's steps */
  GdkFrameClock      *frame_clock;
  gulong              after_paint_id;
};

enum {
  SPORTELLO_CLIENT_PAGE_OPEN_MEETING,
  SPORTELLO_CLIENT_PAGE_OPEN_ASSESSMENT,
  SPORTELLO_CLIENT_PAGE_OPEN_DOCUMENT,
  SPORTELLO_CLIENT_PAGE_OPEN_CLIENT,
  SPORTELLO_CLIENT_PAGE_TRASHED,
  _SPORTELLO_CLIENT_PAGE_N_SIGNALS
};

extern guint _sportello_client_page_signals[_SPORTELLO_CLIENT_PAGE_N_SIGNALS];

void _sportello_client_page_show_error         (SportelloClientPage *self,
                                                const GError        *error);
gboolean sportello_client_page_get_loaded       (SportelloClientPage *self);
void _sportello_client_page_ensure_loaded      (SportelloClientPage *self);
void _sportello_client_page_class_init_actions (GtkWidgetClass      *widget_class);
gboolean _sportello_client_page_export_contacts (SportelloClientPage *self,
                                                 GFile               *file,
                                                 guint               *n_cards,
                                                 GError             **error);

void       _sportello_client_page_set_tooltip          (GtkWidget           *widget,
                                                        const char          *text);
gpointer   _sportello_client_page_item_of_row          (GListModel          *model,
                                                        GtkWidget           *widget);
GtkWidget *_sportello_client_page_empty_list_new       (GtkListBox          *list,
                                                        const char          *title,
                                                        const char          *subtitle);

/* sportello-client-page-groups.c: the groups under the client's fields */
gboolean   _sportello_client_page_fill_next_group      (SportelloClientPage *self);
void       _sportello_client_page_fill_groups          (SportelloClientPage *self);
void       _sportello_client_page_fill_fields_below    (SportelloClientPage *self);

/* sportello-client-page-contacts.c: the People group */
void       _sportello_client_page_contacts_add_action  (GtkWidget           *widget,
                                                        const char          *action_name,
                                                        GVariant            *param);
void       _sportello_client_page_contact_activated_cb (SportelloClientPage *self,
                                                        GtkListBoxRow       *row);
GtkWidget *_sportello_client_page_create_contact_row   (gpointer             item,
                                                        gpointer             user_data);

G_END_DECLS
