/*
 * The process table.  Processes are found by pid through a small hash
 * table; the family tree (parent, first child, next sibling) is kept in
 * the control blocks themselves.  Pids count up and wrap at PID_MAX,
 * skipping pids still in use, as on Unix.
 */
#include "proc/proc.h"

#include <stddef.h>

#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/layout.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kstack.h"

#define PID_MAX 32768
#define HASH_SIZE 256

struct proc *current;
static struct proc *hash[HASH_SIZE];
static uint32_t nprocs;
static int last_pid;

struct proc *proc_find(int pid)
{
    for (struct proc *p = hash[(uint32_t)pid % HASH_SIZE]; p; p = p->hash_next)
        if (p->pid == pid)
            return p;
    return NULL;
}

static int next_pid(void)
{
    do {
        last_pid = last_pid >= PID_MAX - 1 ? 1 : last_pid + 1;
    } while (proc_find(last_pid));
    return last_pid;
}

static void hash_remove(struct proc *p)
{
    struct proc **link = &hash[(uint32_t)p->pid % HASH_SIZE];
    while (*link != p)
        link = &(*link)->hash_next;
    *link = p->hash_next;
}

/* Linux's rule for threads-max: one process per eight kernel stacks' worth
 * of RAM (128 MiB: 1,600), at least 20.  A process costs far less than
 * that (its stack, directory, control block and a few page tables), so a
 * fork bomb meets the cap, with memory to spare, before memory runs out. */
uint32_t proc_limit(void)
{
    uint32_t limit = frames_total() / (8 * KSTACK_SIZE / PAGE_SIZE);
    return limit < 20 ? 20 : limit > PROC_MAX ? PROC_MAX : limit;
}

struct proc *proc_alloc(struct proc *parent, int *err)
{
    *err = -EAGAIN;
    if (nprocs >= proc_limit())
        return NULL;
    *err = -ENOMEM;
    struct proc *p = kmalloc_aligned(sizeof *p, 16);
    if (!p)
        return NULL;
    /* The signal actions and FPU state are the creator's to fill. */
    memset(p, 0, offsetof(struct proc, sig_action));
    p->kstack_top = kstack_alloc();
    if (!p->kstack_top) {
        kfree(p);
        return NULL;
    }
    p->pid = next_pid();
    uint32_t h = (uint32_t)p->pid % HASH_SIZE;
    p->hash_next = hash[h];
    hash[h] = p;
    if (parent) {
        p->parent = parent;
        p->sibling = parent->children;
        parent->children = p;
    }
    nprocs++;
    return p;
}

static void unlink_child(struct proc *p)
{
    if (!p->parent)
        return;
    struct proc **link = &p->parent->children;
    while (*link != p)
        link = &(*link)->sibling;
    *link = p->sibling;
}

void proc_free(struct proc *p)
{
    unlink_child(p);
    hash_remove(p);
    kstack_free(p->kstack_top);
    kfree(p);
    nprocs--;
}

uint32_t proc_count(void)
{
    return nprocs;
}

void proc_for_each(void (*fn)(struct proc *p, void *ctx), void *ctx)
{
    for (int h = 0; h < HASH_SIZE; h++) {
        struct proc *next;
        for (struct proc *p = hash[h]; p; p = next) {
            next = p->hash_next;    /* fn may free p */
            fn(p, ctx);
        }
    }
}

void proc_set_name(struct proc *p, const char *name)
{
    strlcpy(p->name, name, sizeof p->name);
}

struct proc *proc_init_process(void)
{
    return proc_find(1);
}
