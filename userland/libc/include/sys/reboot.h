/*
 * reboot(): halt, power off or restart the machine (root only).  The RB_*
 * commands are the kernel's LINUX_REBOOT_CMD_* values.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <kernel/uapi/reboot.h>

#define RB_AUTOBOOT    LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM LINUX_REBOOT_CMD_HALT
#define RB_POWER_OFF   LINUX_REBOOT_CMD_POWER_OFF
#define RB_ENABLE_CAD  LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD LINUX_REBOOT_CMD_CAD_OFF

int reboot(int cmd);

#endif
