/*
 * nosys NR...: calls each system call number twice with no arguments and
 * checks that it fails with -ENOSYS.  Booted with strace=1, the kernel logs
 * each number once (the system test counts the lines); numbers beyond the
 * table and negative ones take another path in entry.asm.
 */
#include "t.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        long nr = strtol(argv[i], NULL, 0);
        CHECK_EQ(raw(nr, 0, 0, 0), -ENOSYS);
        CHECK_EQ(raw(nr, 0, 0, 0), -ENOSYS);
    }
    printf("nosys: %d numbers gave ENOSYS twice\n", argc - 1);
    return 0;
}
