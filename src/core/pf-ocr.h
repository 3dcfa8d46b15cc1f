/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printed text recognition: the one door to Tesseract. Not for use
 * outside src/core. */
#pragma once

#include <gio/gio.h>

#include "pf-finding.h"

G_BEGIN_DECLS

/* A word Tesseract read. Its text is zeroed when freed. */
typedef struct
{
  char   *text;        /* UTF-8 */
  PfRect  box;         /* pixels of the image read */
  double  confidence;  /* 0..1 */
  int     line;        /* words on one text line share it, counted from 0 */
} PfOcrWord;

GPtrArray  *pf_ocr_read_words   (const guint8  *grey,
                                 int            width,
                                 int            height,
                                 gsize          stride,
                                 GCancellable  *cancellable,
                                 GError       **error);
const char *pf_ocr_get_data_dir (void);
void        pf_ocr_word_free    (PfOcrWord     *word);

G_END_DECLS
