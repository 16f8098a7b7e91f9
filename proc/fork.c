/*
 * fork: a new process that is a copy of the caller.
 *
 * The child gets its own control block and kernel stack, a copy-on-write
 * clone of the address space (mm/cow.c: no page is copied now), a copy of
 * the file table (every open file shared, as POSIX says), the signal
 * dispositions and mask, and the parent's trap frame with eax = 0.  Its
 * kernel stack is arranged so that the first switch to it "returns" into
 * trap_return: parent and child both leave the same int 0x80, one with the
 * child's pid and one with 0.
 */
#include "proc/fork.h"

#include "fs/fscontext.h"
#include "kernel/fpu.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/sched.h"
#include "mm/cow.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"

static void copy_identity(struct proc *child, struct proc *parent)
{
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    memcpy(child->name, parent->name, sizeof child->name);
    memcpy(child->exe, parent->exe, sizeof child->exe);
    child->sig_blocked = parent->sig_blocked;
    memcpy(child->sig_action, parent->sig_action, sizeof child->sig_action);
    child->sig_altstack = parent->sig_altstack;
    memcpy(child->tls, parent->tls, sizeof child->tls);
    child->start_tick = sched_ticks();
    fpu_save(parent->fpu);          /* the parent's live registers */
    memcpy(child->fpu, parent->fpu, sizeof child->fpu);
}

static struct proc *do_fork(long *result)
{
    struct proc *parent = current;
    int err;
    struct proc *child = proc_alloc(parent, &err);
    if (!child) {
        *result = err;
        return NULL;
    }
    child->vm = vm_clone(parent->vm);
    child->fs = fs_context_clone(parent->fs);
    if (!child->vm || (parent->fs && !child->fs)) {
        vm_destroy(child->vm);
        fs_context_release(child->fs);
        proc_free(child);
        *result = -ENOMEM;
        return NULL;
    }
    copy_identity(child, parent);
    struct trapframe *tf = proc_frame(child);
    *tf = *proc_frame(parent);
    tf->eax = 0;
    sched_prepare_user_return(child);
    *result = child->pid;
    return child;
}

long sys_fork(void)
{
    long result;
    struct proc *child = do_fork(&result);
    if (child)
        sched_make_runnable(child);
    return result;
}

/* vfork may share memory with the parent until exec; a copy-on-write fork
 * is just as cheap and simpler to get right. */
long sys_vfork(void)
{
    return sys_fork();
}

#define CLONE_FORK_FLAGS (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | \
                          CLONE_PARENT_SETTID | 0xff)

/* clone as C libraries use it for fork(): no shared memory, no threads. */
long sys_clone(uint32_t flags, uint32_t newsp, int *parent_tid, uint32_t tls,
               int *child_tid)
{
    (void)tls;
    if (flags & ~CLONE_FORK_FLAGS)
        return -EINVAL;             /* threads are not supported */
    long result;
    struct proc *child = do_fork(&result);
    if (!child)
        return result;
    if (newsp)
        proc_frame(child)->esp = newsp;
    if (flags & CLONE_PARENT_SETTID)
        put_user_u32(parent_tid, (uint32_t)child->pid);
    if (flags & CLONE_CHILD_SETTID) {
        struct vm_space *mine = vm_current();
        vm_switch(child->vm);       /* the write lands in the child's copy */
        put_user_u32(child_tid, (uint32_t)child->pid);
        vm_switch(mine);
    }
    if (flags & CLONE_CHILD_CLEARTID)
        child->clear_child_tid = (uint32_t)child_tid;
    sched_make_runnable(child);
    return result;
}
