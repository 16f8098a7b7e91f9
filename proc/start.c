/*
 * The first process.  Cowix follows the order the seeds recommend: init
 * is created, exec'd, and entered through iret before anything forks;
 * every later process is a fork of it or of its descendants.
 */
#include "proc/start.h"

#include "kernel/fpu.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "mm/vm.h"
#include "proc/sched.h"

void proc_start(uint32_t quantum_ticks)
{
    sched_init(quantum_ticks);
}

struct proc *proc_spawn_first(void (*fn)(void *), void *arg)
{
    int err;
    struct proc *p = proc_alloc(NULL, &err);
    if (!p)
        panic("cannot create the first process (%d)", err);
    p->vm = vm_create();
    if (!p->vm)
        panic("cannot create the first address space");
    p->pgid = p->sid = 0;           /* as on Linux: init leads nothing yet */
    proc_set_name(p, "init");
    memset(p->sig_action, 0, sizeof p->sig_action);    /* all SIG_DFL */
    fpu_reset(p->fpu);
    p->start_tick = sched_ticks();
    sched_prepare_kernel_entry(p, fn, arg);
    sched_make_runnable(p);
    return p;
}
