/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PfMailbox:
 *
 * A one-slot hand-over from any thread to one main context. It holds only
 * the newest item: posting while an item still waits replaces (and frees)
 * the old one, so a slow receiver never builds up a queue.
 */
typedef struct _PfMailbox PfMailbox;

/**
 * PfMailboxDeliverFunc:
 * @item: (transfer none): the newest item; freed after the call
 * @posted_at: g_get_monotonic_time() when it was posted
 * @user_data: the data given to pf_mailbox_new()
 */
typedef void (*PfMailboxDeliverFunc) (gpointer item,
                                      gint64   posted_at,
                                      gpointer user_data);

PfMailbox *pf_mailbox_new    (GMainContext         *context,
                              PfMailboxDeliverFunc  deliver,
                              gpointer              user_data,
                              GDestroyNotify        item_free);
gboolean   pf_mailbox_post   (PfMailbox            *self,
                              gpointer              item);
void       pf_mailbox_clear  (PfMailbox            *self);
void       pf_mailbox_free   (PfMailbox            *self);

G_END_DECLS
