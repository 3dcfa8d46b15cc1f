/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The OCR-B references the MRZ reader compares cells with. They are
 * rendered from Debian's fonts-ocr-b when the project is built (by
 * pf-mrz-glyphs-gen.c) and compiled in, so the reader needs no font at run
 * time.
 *
 * Every reference is a cell of PF_MRZ_GLYPH_WIDTH x PF_MRZ_GLYPH_HEIGHT
 * pixels, 0 for paper and 255 for ink. The cell is one advance of the font
 * wide (723 font units of 1000 to the em), centred on the glyph's advance;
 * pixels are square, PF_MRZ_GLYPH_UNITS font units a side, and the
 * baseline is the bottom edge of row PF_MRZ_GLYPH_BASELINE - 1. Variants
 * differ in stroke weight and blur, in the order of
 * PF_MRZ_GLYPH_WEIGHTS x PF_MRZ_GLYPH_BLURS, the first weight the
 * nominal one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PF_MRZ_GLYPH_WIDTH     16
#define PF_MRZ_GLYPH_HEIGHT    24
#define PF_MRZ_GLYPH_SIZE      (PF_MRZ_GLYPH_WIDTH * PF_MRZ_GLYPH_HEIGHT)
#define PF_MRZ_GLYPH_ADVANCE   723.0
#define PF_MRZ_GLYPH_UNITS     (PF_MRZ_GLYPH_ADVANCE / PF_MRZ_GLYPH_WIDTH)
#define PF_MRZ_GLYPH_BASELINE  21

/* Stroke weight changes, in font units added to each side of a stroke, and
 * gaussian blurs, in cell pixels. */
#define PF_MRZ_GLYPH_WEIGHTS   { 0.0, -12.0, 12.0 }
#define PF_MRZ_GLYPH_N_WEIGHTS 3
#define PF_MRZ_GLYPH_BLURS     { 0.4, 1.0, 1.7, 2.4 }
#define PF_MRZ_GLYPH_N_BLURS   4
#define PF_MRZ_GLYPH_N_VARIANTS (PF_MRZ_GLYPH_N_WEIGHTS * PF_MRZ_GLYPH_N_BLURS)

/* In the order of pf_mrz_classes: 0-9, A-Z, <. */
#define PF_MRZ_GLYPH_N_CLASSES 37

extern const guint8 pf_mrz_glyphs[PF_MRZ_GLYPH_N_CLASSES][PF_MRZ_GLYPH_N_VARIANTS]
                                  [PF_MRZ_GLYPH_SIZE];

G_END_DECLS
