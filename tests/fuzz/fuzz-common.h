/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every libFuzzer target shares: the entry points' prototypes (the
 * build's -Wmissing-prototypes wants them), the start-up that turns GLib
 * warnings and criticals (ours or a decoder's) into crashes, so that a
 * g_return_if_fail() hit by odd input is reported like any other bug. */
#pragma once

#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        len);

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch; abort() it does, and it saves the input. */
static inline GLogWriterOutput
pf_fuzz_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
pf_fuzz_init (void)
{
  g_log_set_writer_func (pf_fuzz_log_writer, NULL, NULL);
  /* The core's messages are translatable; the fuzzers need them as
   * written. */
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* libFuzzer calls this once, before the first input. A target with more
 * to set up defines PF_FUZZ_INIT_MORE as its function before including
 * this file. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  pf_fuzz_init ();
#ifdef PF_FUZZ_INIT_MORE
  PF_FUZZ_INIT_MORE ();
#endif
  return 0;
}

/* The fixed day the targets call "today", so that a crash found on one day
 * reproduces on any other. */
static inline void
pf_fuzz_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 26, G_DATE_NOVEMBER, 2026);
}
