/*
 * Self-tests of the memory layer, on the real MMU.  Every test measures
 * free frames and heap bytes before and after (heap_trim first, so the
 * heap's cached slabs do not blur the count) and demands they match.
 */
#include "kernel/ktest.h"
#include "kernel/layout.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/cow.h"
#include "mm/fault.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kspace.h"
#include "mm/kstack.h"
#include "mm/pte.h"
#include "mm/region.h"
#include "mm/uaccess.h"
#include "mm/vmalloc.h"

#define BASE 0x10000000u
#define PG 4096u

struct counts {
    uint32_t frames;
    size_t heap;
};

static struct counts measure(void)
{
    heap_trim();
    return (struct counts){frames_free(), heap_bytes_in_use()};
}

#define KT_SAME_COUNTS(before)                                            \
    do {                                                                  \
        struct counts now_ = measure();                                   \
        KT_EQ(now_.frames, (before).frames);                              \
        KT_EQ(now_.heap, (before).heap);                                  \
    } while (0)

/* A space with a writable region of n pages at BASE, each page holding
 * its index in its first word (written through copy_to_user, so every page
 * is demand-zero faulted in on the way). */
static struct vm_space *space_with_pages(uint32_t n)
{
    struct vm_space *s = vm_create();
    if (!s || region_add(s, BASE, BASE + n * PG, VM_READ | VM_WRITE) < 0)
        return NULL;
    vm_switch(s);
    for (uint32_t i = 0; i < n; i++)
        if (put_user_u32((void *)(BASE + i * PG), i) < 0)
            return NULL;
    return s;
}

static uint32_t word_at(struct vm_space *s, uint32_t i)
{
    uint32_t v = 0xffffffff;
    vm_switch(s);
    get_user_u32(&v, (void *)(BASE + i * PG));
    return v;
}

static int write_word(struct vm_space *s, uint32_t i, uint32_t v)
{
    vm_switch(s);
    return put_user_u32((void *)(BASE + i * PG), v);
}

KTEST(frame_alloc_free_exact)
{
    struct counts before = measure();
    uint32_t f[64];
    for (int i = 0; i < 64; i++) {
        f[i] = frame_alloc();
        KT_CHECK(f[i] != 0);
        KT_EQ(frame_refs(f[i]), 1);
    }
    KT_EQ(frames_free(), before.frames - 64);
    KT_CHECK(frame_ref(f[0]));
    KT_EQ(frame_unref(f[0]), 1);
    for (int i = 0; i < 64; i++)
        frame_unref(f[i]);
    KT_SAME_COUNTS(before);
}

KTEST(heap_random_sizes)
{
    struct counts before = measure();
    static void *p[200];
    static size_t n[200];
    uint32_t seed = 12345;
    for (int round = 0; round < 4000; round++) {
        seed = seed * 1103515245 + 12345;
        int i = (seed >> 8) % 200;
        if (p[i]) {
            KT_EQ(((unsigned char *)p[i])[n[i] - 1], (unsigned char)i);
            kfree(p[i]);
            p[i] = NULL;
        } else {
            n[i] = 1 + (seed >> 12) % (round % 10 ? 900 : 20000);
            p[i] = kmalloc(n[i]);
            KT_CHECK(p[i] != NULL);
            memset(p[i], i, n[i]);
        }
    }
    for (int i = 0; i < 200; i++) {
        kfree(p[i]);
        p[i] = NULL;
    }
    KT_SAME_COUNTS(before);
}

KTEST(vm_destroy_frees_all)
{
    struct counts before = measure();
    /* 1100 pages span two page tables; add a far region for a third. */
    struct vm_space *s = space_with_pages(1100);
    KT_CHECK(s != NULL);
    KT_CHECK(region_add(s, 0xbff00000, 0xc0000000, VM_READ | VM_WRITE) == 0);
    KT_CHECK(put_user_u32((void *)0xbffffffc, 7) == 0);
    KT_EQ(vm_resident_pages(s), 1101);
    KT_EQ(word_at(s, 1099), 1099);
    vm_destroy(s);
    KT_CHECK(vm_current() == NULL);
    KT_SAME_COUNTS(before);
}

KTEST(demand_zero)
{
    struct counts before = measure();
    struct vm_space *s = vm_create();
    KT_CHECK(s && region_add(s, BASE, BASE + 16 * PG, VM_READ | VM_WRITE) == 0);
    vm_switch(s);
    KT_EQ(vm_resident_pages(s), 0);             /* no frame before a touch */
    uint32_t buf[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    KT_EQ(copy_from_user(buf, (void *)(BASE + 5 * PG + 100), sizeof buf), 0);
    for (int i = 0; i < 8; i++)
        KT_EQ(buf[i], 0);
    KT_EQ(vm_resident_pages(s), 1);
    vm_destroy(s);
    KT_SAME_COUNTS(before);
}

/* A new directory's kernel half links the kernel's own page tables
 * (mm/kspace.c) rather than copying them, so a kernel mapping made after
 * vm_create, here a vmalloc page, shows through the new space at once. */
KTEST(kernel_half_shared)
{
    struct counts before = measure();
    struct vm_space *s = vm_create();
    KT_CHECK(s != NULL);
    for (uint32_t i = 0; i < USER_PDES; i++)
        KT_EQ(s->pd[i], 0);
    KT_EQ(memcmp(s->pd + USER_PDES, kspace_pdes(), (1024 - USER_PDES) * 4), 0);
    volatile uint32_t *p = vmalloc(1);
    KT_CHECK(p != NULL);
    /* Walk s's directory by hand: a missing mapping fails the test here
     * instead of faulting in kernel mode below. */
    uint32_t va = (uint32_t)p, pde = s->pd[PDX(va)];
    KT_CHECK(pde & PTE_P);
    uint32_t pte = ((uint32_t *)PHYS_TO_VIRT(PTE_ADDR(pde)))[PTX(va)];
    KT_CHECK(pte & PTE_P);
    KT_EQ(PTE_ADDR(pte), kspace_translate(va));
    /* And the MMU agrees: a store made with s in CR3 lands in that frame. */
    vm_switch(s);
    *p = 0x4b5a;
    vm_switch(NULL);
    KT_EQ(*(uint32_t *)PHYS_TO_VIRT(PTE_ADDR(pte)), 0x4b5a);
    vfree((void *)p, 1);
    vm_destroy(s);
    KT_SAME_COUNTS(before);
}

KTEST(cow_clone_costs_no_pages)
{
    struct counts before = measure();
    struct vm_space *a = space_with_pages(512);
    KT_CHECK(a != NULL);
    uint32_t free_before_clone = frames_free();
    struct vm_space *b = vm_clone(a);
    KT_CHECK(b != NULL);
    /* One page directory: the tables and pages are shared. */
    KT_EQ(free_before_clone - frames_free(), 1);
    KT_EQ(vm_shared_bytes(), 512 * PG);
    vm_destroy(b);
    KT_EQ(vm_shared_bytes(), 0);
    vm_destroy(a);
    KT_SAME_COUNTS(before);
}

KTEST(cow_child_write_isolated)
{
    struct counts before = measure();
    struct vm_space *parent = space_with_pages(8);
    KT_CHECK(parent != NULL);
    struct vm_space *child = vm_clone(parent);
    KT_CHECK(child != NULL);
    KT_EQ(write_word(child, 3, 0xc0c0), 0);
    KT_EQ(word_at(child, 3), 0xc0c0);
    KT_EQ(word_at(parent, 3), 3);
    KT_EQ(word_at(child, 4), 4);                /* untouched pages shared */
    KT_CHECK(vm_translate(child, BASE + 4 * PG) == vm_translate(parent, BASE + 4 * PG));
    KT_CHECK(vm_translate(child, BASE + 3 * PG) != vm_translate(parent, BASE + 3 * PG));
    vm_destroy(child);
    vm_destroy(parent);
    KT_SAME_COUNTS(before);
}

KTEST(cow_parent_write_isolated)
{
    struct counts before = measure();
    struct vm_space *parent = space_with_pages(8);
    KT_CHECK(parent != NULL);
    struct vm_space *child = vm_clone(parent);
    KT_CHECK(child != NULL);
    KT_EQ(write_word(parent, 0, 0xaaaa), 0);
    KT_EQ(word_at(parent, 0), 0xaaaa);
    KT_EQ(word_at(child, 0), 0);
    KT_EQ(write_word(child, 0, 0xbbbb), 0);    /* now the last reference */
    KT_EQ(word_at(parent, 0), 0xaaaa);
    KT_EQ(word_at(child, 0), 0xbbbb);
    vm_destroy(parent);
    vm_destroy(child);
    KT_SAME_COUNTS(before);
}

KTEST(cow_three_way)
{
    struct counts before = measure();
    struct vm_space *a = space_with_pages(4);
    KT_CHECK(a != NULL);
    struct vm_space *b = vm_clone(a), *c = vm_clone(a);
    KT_CHECK(b && c);
    KT_EQ(frame_refs(PTE_ADDR(a->pd[PDX(BASE)])), 3);   /* one table, 3 users */
    KT_EQ(write_word(b, 1, 0xb), 0);
    /* b has its own table now; a and c still share theirs, marked COW. */
    KT_EQ(frame_refs(PTE_ADDR(a->pd[PDX(BASE)])), 2);
    KT_CHECK(*vm_pte_lookup(a, BASE + PG) & PTE_COW);
    KT_EQ(write_word(c, 1, 0xc), 0);
    KT_EQ(write_word(a, 1, 0xa), 0);
    KT_EQ(word_at(a, 1), 0xa);
    KT_EQ(word_at(b, 1), 0xb);
    KT_EQ(word_at(c, 1), 0xc);
    KT_EQ(word_at(c, 2), 2);
    /* A clone of a clone keeps the marks: d shares c's pages three ways. */
    struct vm_space *d = vm_clone(c);
    KT_CHECK(d != NULL);
    KT_EQ(write_word(d, 2, 0xd), 0);
    KT_EQ(word_at(a, 2), 2);
    KT_EQ(word_at(c, 2), 2);
    KT_EQ(word_at(d, 2), 0xd);
    vm_destroy(a);
    vm_destroy(b);
    vm_destroy(c);
    vm_destroy(d);
    KT_SAME_COUNTS(before);
}

KTEST(cow_last_ref_no_copy)
{
    struct counts before = measure();
    struct vm_space *a = space_with_pages(4);
    KT_CHECK(a != NULL);
    struct vm_space *b = vm_clone(a);
    KT_CHECK(b != NULL);
    KT_EQ(write_word(b, 0, 1), 0);      /* b copies the table, pages go COW */
    vm_destroy(b);
    uint32_t pa = vm_translate(a, BASE + 2 * PG);
    uint32_t free_now = frames_free();
    KT_EQ(write_word(a, 2, 0x77), 0);    /* last reference: taken over */
    KT_EQ(frames_free(), free_now);
    KT_EQ(vm_translate(a, BASE + 2 * PG), pa);
    KT_EQ(word_at(a, 2), 0x77);
    vm_destroy(a);
    KT_SAME_COUNTS(before);
}

KTEST(copy_to_user_into_cow)
{
    struct counts before = measure();
    struct vm_space *a = space_with_pages(2);
    KT_CHECK(a != NULL);
    struct vm_space *b = vm_clone(a);
    KT_CHECK(b != NULL);
    vm_switch(b);
    char msg[] = "written by the kernel";
    KT_EQ(copy_to_user((void *)(BASE + 8), msg, sizeof msg), 0);
    char got[32];
    KT_EQ(copy_from_user(got, (void *)(BASE + 8), sizeof msg), 0);
    KT_CHECK(strcmp(got, msg) == 0);
    vm_switch(a);
    KT_EQ(copy_from_user(got, (void *)(BASE + 8), sizeof msg), 0);
    KT_CHECK(got[0] == 0);              /* the parent's page was not touched */
    vm_destroy(a);
    vm_destroy(b);
    KT_SAME_COUNTS(before);
}

KTEST(copy_from_user_bad_ptr_efault)
{
    struct counts before = measure();
    struct vm_space *s = space_with_pages(1);
    KT_CHECK(s != NULL);
    KT_CHECK(region_add(s, BASE + 4 * PG, BASE + 5 * PG, VM_READ) == 0);
    char buf[64];
    KT_EQ(copy_from_user(buf, (void *)(BASE + 2 * PG), 4), -EFAULT);   /* no region */
    KT_EQ(copy_from_user(buf, (void *)0, 4), -EFAULT);                 /* NULL */
    KT_EQ(copy_from_user(buf, (void *)KERNEL_BASE, 4), -EFAULT);       /* kernel */
    KT_EQ(copy_from_user(buf, (void *)(USER_TOP - 2), 4), -EFAULT);    /* crossing */
    KT_EQ(copy_to_user((void *)(BASE + 4 * PG), buf, 4), -EFAULT);     /* read-only */
    KT_EQ(copy_from_user(buf, (void *)(BASE + PG - 2), 4), -EFAULT);   /* half bad */
    KT_EQ(copy_to_user((void *)0xc0100000, buf, 4), -EFAULT);
    KT_EQ(strncpy_from_user(buf, (void *)(BASE + 2 * PG), sizeof buf), -EFAULT);
    KT_EQ(copy_to_user((void *)BASE, "abc", 4), 0);
    KT_EQ(strncpy_from_user(buf, (void *)BASE, sizeof buf), 3);
    KT_CHECK(strcmp(buf, "abc") == 0);
    KT_EQ(strncpy_from_user(buf, (void *)BASE, 3), -ENAMETOOLONG);
    vm_destroy(s);
    KT_SAME_COUNTS(before);
}

/* Take every free frame (kept in a chain through the frames themselves). */
static uint32_t grab_all_frames(void)
{
    uint32_t chain = 0, f;
    while ((f = frame_alloc()) != 0) {
        *(uint32_t *)PHYS_TO_VIRT(f) = chain;
        chain = f;
    }
    return chain;
}

static void release_frames(uint32_t chain)
{
    while (chain) {
        uint32_t next = *(uint32_t *)PHYS_TO_VIRT(chain);
        frame_unref(chain);
        chain = next;
    }
}

KTEST(clone_oom_no_leak)
{
    struct counts before = measure();
    struct vm_space *a = space_with_pages(16);
    KT_CHECK(a != NULL);
    struct vm_space *b = vm_clone(a);
    KT_CHECK(b != NULL);
    void *spare = kmalloc(64);      /* a slab with room, for the test's needs */
    struct counts mid = measure();
    uint32_t chain = grab_all_frames();
    KT_CHECK(vm_clone(a) == NULL);      /* refused up front: no reserve left */
    KT_EQ(write_word(b, 0, 9), -EFAULT);            /* COW fault: no frame */
    KT_CHECK(mm_fault_out_of_memory());
    KT_EQ(word_at(b, 0), 0);
    release_frames(chain);
    KT_EQ(frames_free(), mid.frames);
    KT_EQ(write_word(b, 0, 9), 0);
    kfree(spare);
    vm_destroy(b);
    vm_destroy(a);
    KT_SAME_COUNTS(before);
}

/* Take references on a frame until its count is full; returns how many. */
static uint32_t ref_to_max(uint32_t pa)
{
    uint32_t n = 0;
    while (frame_ref(pa))
        n++;
    return n;
}

/* A clone that fails after the child's directory exists.  The parent has
 * two page tables and the second one's count is full, so vm_clone takes a
 * reference on the first table, marks it shared, then cannot reference the
 * second and destroys the half-built child.  That must give back the
 * directory, the region list and the first table's reference. */
KTEST(clone_fails_midway_no_leak)
{
    const uint32_t far = 1024;                  /* first page of the next table */
    struct counts before = measure();
    struct vm_space *a = space_with_pages(2);
    KT_CHECK(a != NULL);
    uint32_t far_va = BASE + far * PG;
    KT_CHECK(region_add(a, far_va, far_va + PG, VM_READ | VM_WRITE) == 0);
    KT_EQ(write_word(a, far, 0xf0), 0);
    uint32_t *pde = &a->pd[PDX(BASE)];
    uint32_t first = PTE_ADDR(*pde), second = PTE_ADDR(a->pd[PDX(far_va)]);
    struct counts mid = measure();
    uint32_t extra = ref_to_max(second);
    KT_CHECK(vm_clone(a) == NULL);
    KT_CHECK(*pde & PDE_SHARED);        /* so it failed in the loop, not before */
    for (uint32_t k = 0; k < extra; k++)
        frame_unref(second);
    KT_EQ(frame_refs(first), 1);
    KT_EQ(frame_refs(second), 1);
    KT_SAME_COUNTS(mid);
    /* The parent still works.  Its first table was left marked shared, so
     * (with the TLB flushed) a write there faults and takes the table back
     * without a copy: its count is 1. */
    vm_switch(NULL);
    KT_EQ(word_at(a, 1), 1);
    KT_EQ(write_word(a, 1, 0x11), 0);
    KT_CHECK((*pde & PTE_W) && !(*pde & PDE_SHARED));
    KT_EQ(write_word(a, far, 0xf1), 0);
    KT_EQ(frames_free(), mid.frames);
    KT_EQ(word_at(a, 1), 0x11);
    KT_EQ(word_at(a, far), 0xf1);
    struct vm_space *b = vm_clone(a);           /* and it can be cloned */
    KT_CHECK(b != NULL);
    vm_destroy(b);
    vm_destroy(a);
    KT_SAME_COUNTS(before);
}

KTEST(brk_and_mmap)
{
    struct counts before = measure();
    struct vm_space *s = vm_create();
    KT_CHECK(s != NULL);
    s->brk_start = s->brk = 0x08100000;
    KT_CHECK(region_add(s, s->brk, s->brk, VM_READ | VM_WRITE | VM_HEAP) == 0);
    vm_switch(s);
    KT_EQ(vm_brk(s, 0x08100000 + 3 * PG + 5), 0x08100000 + 3 * PG + 5);
    KT_EQ(put_user_u32((void *)(0x08100000 + 3 * PG), 1), 0);
    KT_EQ(vm_brk(s, 0x08000000), 0x08100000 + 3 * PG + 5);     /* refused */
    KT_EQ(vm_brk(s, 0x08100000 + PG), 0x08100000 + PG);        /* shrink */
    KT_EQ(put_user_u32((void *)(0x08100000 + 3 * PG), 1), -EFAULT);
    long m = vm_mmap(s, 0, 10 * PG, 3, 0x22);     /* RW, private|anonymous */
    /* An address above 2 GiB is a negative long: errors are -4095..-1. */
    KT_CHECK((uint32_t)m < 0xfffff000u && (m & 0xfff) == 0);
    KT_CHECK((uint32_t)m + 10 * PG <= USER_MMAP_TOP);
    KT_EQ(put_user_u32((void *)(m + 9 * PG), 5), 0);
    KT_EQ(vm_munmap(s, (uint32_t)m + 2 * PG, PG), 0);           /* a hole */
    KT_EQ(put_user_u32((void *)(m + 2 * PG), 5), -EFAULT);
    KT_EQ(put_user_u32((void *)(m + 3 * PG), 5), 0);
    KT_EQ(vm_mmap(s, 0, 0, 3, 0x22), -EINVAL);
    KT_EQ(vm_mmap(s, 0, PG, 3, 0x21), -EINVAL);                /* shared */
    vm_destroy(s);
    KT_SAME_COUNTS(before);
}

KTEST(kstack_and_vmalloc_exact)
{
    struct counts before = measure();
    uint32_t top = kstack_alloc();
    KT_CHECK(top != 0);
    ((volatile uint32_t *)top)[-1] = 1;                 /* mapped and writable */
    ((volatile uint32_t *)(top - KSTACK_SIZE))[0] = 2;
    char *big = vmalloc(5);
    KT_CHECK(big != NULL);
    memset(big, 0x42, 5 * PG);
    vfree(big, 5);
    char *page = kpage_alloc();
    KT_CHECK(page != NULL && ((uint32_t)page & (PG - 1)) == 0);
    memset(page, 0x17, PG);
    kpage_free(page);
    kstack_free(top);
    KT_SAME_COUNTS(before);
}
