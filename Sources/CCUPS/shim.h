#ifndef COACHING_KIOSK_CCUPS_H
#define COACHING_KIOSK_CCUPS_H
#include <cups/cups.h>
#include <cups/ipp.h>
#endif
