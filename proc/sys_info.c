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

static char hostname[65] = "cowix";

long sys_sethostname(const char *uname, int len)
{
    char name[65];
    if (len < 0 || len > 64)
        return -EINVAL;
    if (copy_from_user(name, uname, (size_t)len) < 0)
        return -EFAULT;
    name[len] = 0;
    memcpy(hostname, name, sizeof hostname);
    return 0;
}

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

long sys_syslog(int type, char *ubuf, int len)
{
    if (type == SYSLOG_ACTION_SIZE_BUFFER)
        return 16384;
    if (type != SYSLOG_ACTION_READ_ALL)
        return type >= 0 && type <= 10 ? 0 : -EINVAL;
    if (len < 0)
        return -EINVAL;
    char *tmp = kmalloc(16384);
    if (!tmp)
        return -ENOMEM;
    size_t n = console_log_read(tmp, (size_t)len < 16384 ? (size_t)len : 16384);
    long r = copy_to_user(ubuf, tmp, n) < 0 ? -EFAULT : (long)n;
    kfree(tmp);
    return r;
}

long sys_uname(struct new_utsname *ubuf)
{
    struct new_utsname u;
    memset(&u, 0, sizeof u);
    strlcpy(u.sysname, "Cowix", sizeof u.sysname);
    strlcpy(u.nodename, hostname, sizeof u.nodename);
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
