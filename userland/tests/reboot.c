/*
 * reboot(88) as Linux checks it: without both magic numbers, or with a
 * command it does not know, it is EINVAL and nothing happens; the four
 * second magic numbers Linux accepts are all accepted (shown with the
 * harmless CAD_OFF).  Then LINUX_REBOOT_CMD_POWER_OFF switches the machine
 * off from this process, which is not init: nothing after it runs.
 */
#include "t.h"

/* Linux's numbers, written out: the ABI is what is tested. */
#define NR_REBOOT 88
#define MAGIC1 0xfee1deadu
#define CMD_CAD_OFF 0u
#define CMD_POWER_OFF 0x4321fedcu

static const unsigned magic2[] = {0x28121969u, 0x05121996u, 0x16041998u, 0x20112000u};

int main(void)
{
    CHECK_EQ(raw4(NR_REBOOT, 0x12345678, magic2[0], CMD_POWER_OFF, 0), -EINVAL);
    CHECK_EQ(raw4(NR_REBOOT, MAGIC1, 0x12345678, CMD_POWER_OFF, 0), -EINVAL);
    CHECK_EQ(raw4(NR_REBOOT, MAGIC1, magic2[0], 0x1234, 0), -EINVAL);
    for (int i = 0; i < 4; i++)
        CHECK_EQ(raw4(NR_REBOOT, MAGIC1, magic2[i], CMD_CAD_OFF, 0), 0);
    printf("reboot: wrong magic or command EINVAL, all four magic2 accepted\n");
    fflush(stdout);
    raw4(NR_REBOOT, MAGIC1, magic2[0], CMD_POWER_OFF, 0);
    printf("FAIL: still running after the power-off\n");
    return 1;
}
