#ifndef COACHING_KIOSK_CPANGOCAIRO_H
#define COACHING_KIOSK_CPANGOCAIRO_H
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#endif
