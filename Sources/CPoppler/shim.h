#ifndef MINUTES_CPOPPLER_SHIM_H
#define MINUTES_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <cairo.h>
#endif
