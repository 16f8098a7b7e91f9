/*
 * Parameter expansion: $NAME, $1, $?, $@ ... and the ${...} forms:
 *
 *   ${name}            the value
 *   ${#name}           its length
 *   ${name:-word}      word if name is unset or empty (without ':': unset)
 *   ${name:=word}      the same, and assign word to name
 *   ${name:+word}      word if name is set and not empty, else nothing
 *   ${name:?word}      error (word is the message) if unset or empty
 *   ${name#pattern}    remove the shortest prefix matching the pattern
 *   ${name##pattern}   ... the longest prefix
 *   ${name%pattern}    ... the shortest suffix
 *   ${name%%pattern}   ... the longest suffix
 */
#ifndef USERLAND_SH_PARAM_H
#define USERLAND_SH_PARAM_H

#include "userland/sh/fields.h"

/* Expand the parameter whose '$' is at s into b; returns the end of it. */
const char *expand_param(struct builder *b, const char *s, int quoted);

#endif
