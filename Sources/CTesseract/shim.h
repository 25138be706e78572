#ifndef MINUTES_CTESSERACT_SHIM_H
#define MINUTES_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#endif
