/*
 * getopt() is declared in <unistd.h>; this header exists for programs
 * that include it by habit.
 */
#ifndef _GETOPT_H
#define _GETOPT_H
#include <unistd.h>
#endif
