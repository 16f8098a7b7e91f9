/*
 * Lookup in the exception table the linker gathers from every .ex_table
 * section.  The table is tiny (a handful of copy loops), so a linear scan
 * is the clearest and fast enough: it runs only when a copy faults.
 */
#include "kernel/extable.h"

extern const struct extable_entry __ex_table_start[], __ex_table_end[];

bool extable_fixup(struct trapframe *tf)
{
    for (const struct extable_entry *e = __ex_table_start; e < __ex_table_end; e++) {
        if (e->insn == tf->eip) {
            tf->eip = e->fixup;
            return true;
        }
    }
    return false;
}
