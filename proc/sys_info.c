/*
 * uname, sysinfo and reboot.
 *
 * sysinfo's `sharedram` is, in Cowix, the memory shared copy-on-write
 * between processes: how user space (the `free` tool, the tests) sees
 * fork sharing pages instead of copying them.
 */
#include "proc/sys_info.h"

#include "kernel/clock.h"
#include "kernel/console.h"
#include "kernel/power.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/reboot.h"
#include "mm/cow.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

long sys_uname(struct new_utsname *ubuf)
{
    struct new_utsname u;
    memset(&u, 0, sizeof u);
    strlcpy(u.sysname, "Cowix", sizeof u.sysname);
    strlcpy(u.nodename, "cowix", sizeof u.nodename);
    strlcpy(u.release, "6.1.0-cowix", sizeof u.release);  /* C libraries check it */
    strlcpy(u.version, "#1 Cowix copy-on-write kernel", sizeof u.version);
    strlcpy(u.machine, "i686", sizeof u.machine);
    strlcpy(u.domainname, "(none)", sizeof u.domainname);
    return copy_to_user(ubuf, &u, sizeof u);
}

long sys_sysinfo(struct sysinfo *ubuf)
{
    struct sysinfo si;
    memset(&si, 0, sizeof si);
    heap_trim();                    /* cached empty slabs count as free */
    si.uptime = (int32_t)(clock_monotonic_ns() / 1000000000);
    si.totalram = frames_total() * FRAME_SIZE;
    si.freeram = frames_free() * FRAME_SIZE;
    si.sharedram = vm_shared_bytes();
    si.procs = (uint16_t)proc_count();
    si.mem_unit = 1;
    return copy_to_user(ubuf, &si, sizeof si);
}

long sys_reboot(uint32_t magic1, uint32_t magic2, uint32_t cmd, void *arg)
{
    (void)arg;
    if (magic1 != LINUX_REBOOT_MAGIC1 ||
        (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
         magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
        return -EINVAL;
    switch (cmd) {
    case LINUX_REBOOT_CMD_POWER_OFF:
    case LINUX_REBOOT_CMD_HALT:
        kprintf("reboot: power off\n");
        power_off(0);
    case LINUX_REBOOT_CMD_RESTART:
        kprintf("reboot: restarting\n");
        power_reboot();
    case LINUX_REBOOT_CMD_CAD_ON:
    case LINUX_REBOOT_CMD_CAD_OFF:
        return 0;
    default:
        return -EINVAL;
    }
}
