/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The camera's streaming thread and the analysis worker both produce faster
 * than the main thread may take; both only ever want the newest item shown.
 * A single slot plus one idle source does that without a queue. */

#include "config.h"

#include "pf-mailbox.h"

struct _PfMailbox
{
  GMainContext         *context;
  PfMailboxDeliverFunc  deliver;
  gpointer              user_data;
  GDestroyNotify        item_free;

  /* Shared with the posting threads. */
  GMutex                lock;
  gpointer              item;
  gint64                posted_at;
  GSource              *source;
};

/**
 * pf_mailbox_new:
 * @context: (nullable): where items are delivered; %NULL for the global
 *   default context
 * @deliver: called on @context with each delivered item
 * @item_free: frees an item, delivered or replaced
 *
 * Returns: (transfer full): a new mailbox; free it with pf_mailbox_free()
 *   on @context's thread once nothing posts any more
 */
PfMailbox *
pf_mailbox_new (GMainContext         *context,
                PfMailboxDeliverFunc  deliver,
                gpointer              user_data,
                GDestroyNotify        item_free)
{
  PfMailbox *self;

  g_return_val_if_fail (deliver != NULL, NULL);
  g_return_val_if_fail (item_free != NULL, NULL);

  self = g_new0 (PfMailbox, 1);
  self->context = context != NULL ? g_main_context_ref (context) : g_main_context_ref (g_main_context_default ());
  self->deliver = deliver;
  self->user_data = user_data;
  self->item_free = item_free;
  g_mutex_init (&self->lock);

  return self;
}

static gboolean
deliver_cb (gpointer data)
{
  PfMailbox *self = data;
  PfMailboxDeliverFunc deliver = self->deliver;
  GDestroyNotify item_free = self->item_free;
  gpointer user_data = self->user_data;
  gpointer item;
  gint64 posted_at;

  g_mutex_lock (&self->lock);
  item = g_steal_pointer (&self->item);
  posted_at = self->posted_at;
  g_clear_pointer (&self->source, g_source_unref);
  g_mutex_unlock (&self->lock);

  /* The receiver may free the mailbox from inside deliver(); nothing of
   * self is touched after it. */
  if (item != NULL)
    {
      deliver (item, posted_at, user_data);
      item_free (item);
    }

  return G_SOURCE_REMOVE;
}

/**
 * pf_mailbox_post:
 * @item: (transfer full): the new item
 *
 * Callable from any thread.
 *
 * Returns: %TRUE when @item replaced one that was never delivered
 */
gboolean
pf_mailbox_post (PfMailbox *self,
                 gpointer   item)
{
  gpointer replaced;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  g_mutex_lock (&self->lock);
  replaced = g_steal_pointer (&self->item);
  self->item = item;
  self->posted_at = g_get_monotonic_time ();
  if (self->source == NULL)
    {
      /* Above the redraw priority's idle level, so that a busy main
       * loop still shows frames promptly. */
      self->source = g_idle_source_new ();
      g_source_set_priority (self->source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->source, deliver_cb, self, NULL);
      g_source_set_static_name (self->source, "[pf] mailbox");
      g_source_attach (self->source, self->context);
    }
  g_mutex_unlock (&self->lock);

  /* Freed outside the lock: an image's release zeroes megabytes. */
  if (replaced != NULL)
    self->item_free (replaced);

  return replaced != NULL;
}

/**
 * pf_mailbox_clear:
 *
 * Drops the waiting item, if any, without delivering it.
 */
void
pf_mailbox_clear (PfMailbox *self)
{
  gpointer item;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  item = g_steal_pointer (&self->item);
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  g_mutex_unlock (&self->lock);

  if (item != NULL)
    self->item_free (item);
}

void
pf_mailbox_free (PfMailbox *self)
{
  if (self == NULL)
    return;

  pf_mailbox_clear (self);
  g_mutex_clear (&self->lock);
  g_main_context_unref (self->context);
  g_free (self);
}
