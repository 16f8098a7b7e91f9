/*
 * /sbin/poweroff: write cached data back, then switch the machine off
 * (reboot system call with LINUX_REBOOT_CMD_POWER_OFF).  Tests use it to
 * end a QEMU run.
 */
#include <stdio.h>
#include <unistd.h>
#include <err.h>
#include <sys/reboot.h>

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: poweroff\n");
        return 2;
    }
    sync();
    reboot(RB_POWER_OFF);
    err(1, "reboot");
}
