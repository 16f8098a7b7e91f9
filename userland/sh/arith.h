/*
 * Arithmetic expansion: the expression inside $((...)), after its
 * parameters have been expanded, evaluated in 64-bit signed integers.
 *
 *   numbers     42  0x2a  052 (octal)
 *   variables   by name, without $ (unset or empty: 0)
 *   operators   ( )  unary + - ! ~  * / %  + -  << >>  < <= > >=  == !=
 *               &  ^  |  &&  ||  ?:  = *= /= %= += -= <<= >>= &= ^= |=
 *               with C's precedence; && || ?: evaluate only what they need
 */
#ifndef USERLAND_SH_ARITH_H
#define USERLAND_SH_ARITH_H

/* 0 with *value set, or -1 after reporting the error (expand_fail). */
int arith_eval(const char *expr, long long *value);

#endif
