/*
 * execve: replace the calling process's program (docs/exec.md).
 *
 * Everything that can fail happens before the point of no return: the
 * arguments are copied into the kernel, the file is found and checked
 * (fs/elf.c), a complete new address space is built with the program's
 * segments and its initial stack.  Only then is the old address space
 * dropped and the trap frame pointed at the new entry point, so a failed
 * exec leaves the caller exactly as it was.
 */
#include "fs/exec.h"

#include "fs/dev.h"
#include "fs/elf.h"
#include "fs/fscontext.h"
#include "fs/namei.h"
#include "kernel/fpu.h"
#include "kernel/gdt.h"
#include "kernel/limits.h"
#include "kernel/string.h"
#include "kernel/uapi/auxv.h"
#include "kernel/uapi/errno.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/pte.h"
#include "mm/region.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/signal.h"

#define HEAD_SIZE 4096u
#define MAX_SCRIPT_DEPTH 4

/* ---- argument strings, copied into the kernel ---- */

struct exec_args {
    char *buf;                      /* argv strings, then envp strings */
    size_t used, cap;
    int argc, envc;
};

static int args_append(struct exec_args *a, const char *s, size_t len)
{
    if (a->used + len + 1 > ARG_MAX)
        return -E2BIG;
    if (a->used + len + 1 > a->cap) {
        size_t cap = a->cap ? a->cap : 1024;
        while (cap < a->used + len + 1)
            cap *= 2;
        char *n = kmalloc(cap);
        if (!n)
            return -ENOMEM;
        memcpy(n, a->buf, a->used);
        kfree(a->buf);
        a->buf = n;
        a->cap = cap;
    }
    memcpy(a->buf + a->used, s, len);
    a->buf[a->used + len] = 0;
    a->used += len + 1;
    return 0;
}

/* Copy a NULL-terminated user array of user strings. */
static int args_from_user(struct exec_args *a, const char *const *uvec, int *count)
{
    char *tmp = kpage_alloc();
    if (!tmp)
        return -ENOMEM;
    int err = 0;
    for (int i = 0; uvec && !err; i++) {
        uint32_t p;
        if (get_user_u32(&p, uvec + i) < 0) {
            err = -EFAULT;
            break;
        }
        if (!p)
            break;
        long len = strncpy_from_user(tmp, (const char *)p, PATH_MAX);
        if (len == -ENAMETOOLONG)
            err = -E2BIG;           /* one argument longer than a page */
        else if (len < 0)
            err = (int)len;
        else if (!(err = args_append(a, tmp, (size_t)len)))
            (*count)++;
    }
    kpage_free(tmp);
    return err;
}

/* The i-th string of the buffer (argv first, then envp). */
static const char *args_nth(const struct exec_args *a, int i)
{
    const char *s = a->buf;
    while (i-- > 0)
        s += strlen(s) + 1;
    return s;
}

static void args_free(struct exec_args *a)
{
    kfree(a->buf);
    a->buf = NULL;
}

/* ---- "#!" scripts ---- */

/* Rewrite the arguments for an interpreter: interp [arg] path argv[1..]. */
static int script_args(struct exec_args *a, const char *path, const char *interp,
                       const char *opt)
{
    struct exec_args n = {0};
    int err = args_append(&n, interp, strlen(interp));
    n.argc = 1;
    if (!err && opt) {
        err = args_append(&n, opt, strlen(opt));
        n.argc++;
    }
    if (!err) {
        err = args_append(&n, path, strlen(path));
        n.argc++;
    }
    for (int i = 1; i < a->argc + a->envc && !err; i++) {
        const char *s = args_nth(a, i);
        err = args_append(&n, s, strlen(s));
        if (i < a->argc)
            n.argc++;
        else
            n.envc++;
    }
    args_free(a);
    *a = n;
    return err;
}

/* Parse "#!interp [arg]\n" in place; returns the interpreter or NULL. */
static char *parse_shebang(char *head, size_t len, char **opt)
{
    if (len < 3 || head[0] != '#' || head[1] != '!')
        return NULL;
    size_t end = 2;
    while (end < len && end < 256 && head[end] != '\n')
        end++;
    head[end] = 0;
    char *p = head + 2;
    while (*p == ' ' || *p == '\t')
        p++;
    char *interp = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    *opt = NULL;
    if (*p) {
        *p++ = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        char *q = p + strlen(p);
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
            *--q = 0;
        if (*p)
            *opt = p;
    }
    return *interp ? interp : NULL;
}

/* ---- building the new address space ---- */

static uint32_t page_down(uint32_t a) { return a & ~0xfffu; }
static uint32_t page_up(uint32_t a) { return (a + 0xfffu) & ~0xfffu; }

static uint32_t region_flags(uint32_t pf)
{
    return VM_READ | VM_TEXT | (pf & ELF_PF_W ? VM_WRITE : 0) | (pf & ELF_PF_X ? VM_EXEC : 0);
}

/* Add the region of a segment; a first page shared with the previous
 * segment stays in the previous region, which gains this one's rights. */
static int add_segment_region(struct vm_space *vm, const struct elf_segment *s)
{
    uint32_t start = page_down(s->vaddr), end = page_up(s->vaddr + s->memsz);
    struct vm_region *prev = region_find(vm, start);
    if (prev) {
        prev->flags |= region_flags(s->flags);
        start = prev->end;
    }
    return start < end ? region_add(vm, start, end, region_flags(s->flags)) : 0;
}

/* The frame behind page va of the new space, allocating a zeroed one. */
static uint8_t *page_frame(struct vm_space *vm, uint32_t va, bool writable, int *err)
{
    uint32_t pa = vm_translate(vm, va);
    if (!pa) {
        pa = frame_alloc();
        if (!pa) {
            *err = -ENOMEM;
            return NULL;
        }
        memset(PHYS_TO_VIRT(pa), 0, FRAME_SIZE);
        *err = vm_map(vm, va, pa, writable ? PTE_W : 0);
        if (*err) {
            frame_unref(pa);
            return NULL;
        }
    } else if (writable) {
        *vm_pte_lookup(vm, va) |= PTE_W;
    }
    return PHYS_TO_VIRT(pa & ~0xfffu);
}

/* Copy a segment's file bytes into its pages; the rest of its memory is
 * demand-zero (bss), including the tail of the last file page. */
static int load_segment(struct vm_space *vm, struct inode *ino, const struct elf_segment *s)
{
    int err = add_segment_region(vm, s);
    uint32_t file_end = s->vaddr + s->filesz;
    bool writable = s->flags & ELF_PF_W;
    for (uint32_t va = page_down(s->vaddr); va < file_end && !err; va += FRAME_SIZE) {
        uint8_t *frame = page_frame(vm, va, writable, &err);
        if (!frame)
            break;
        uint32_t from = va < s->vaddr ? s->vaddr : va;
        uint32_t to = va + FRAME_SIZE < file_end ? va + FRAME_SIZE : file_end;
        long n = ino->ops->kread(ino, s->offset + (from - s->vaddr), frame + (from - va),
                                 to - from);
        if (n != (long)(to - from))
            err = n < 0 ? (int)n : -EIO;
    }
    return err;
}

static int load_image(struct vm_space *vm, struct inode *ino, const struct elf_image *img)
{
    for (uint32_t i = 0; i < img->nseg; i++) {
        int err = load_segment(vm, ino, &img->seg[i]);
        if (err)
            return err;
    }
    vm->brk_start = vm->brk = page_up(img->end);
    int err = region_add(vm, vm->brk, vm->brk, VM_READ | VM_WRITE | VM_HEAP);
    if (!err)
        err = region_add(vm, USER_STACK_LOW, USER_STACK_TOP, VM_READ | VM_WRITE | VM_STACK);
    return err;
}

/* ---- the initial stack (System V i386 ABI) ---- */

struct stack_builder {
    uint32_t sp;
    int err;
};

static uint32_t push_bytes(struct stack_builder *b, const void *data, size_t len)
{
    b->sp -= (uint32_t)len;
    if (!b->err && copy_to_user((void *)b->sp, data, len) < 0)
        b->err = -ENOMEM;           /* only a failed demand-zero page */
    return b->sp;
}

static uint32_t hwcap(void)
{
    uint32_t a = 1, bx, c, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(bx), "=c"(c), "=d"(d));
    return d;
}

/* Strings at the top, then (16-byte aligned at argc) argc, argv, NULL,
 * envp, NULL, auxv.  Runs with the new space loaded. */
static int build_stack(struct vm_space *vm, const struct exec_args *a, const char *path,
                       const struct elf_image *img, uint32_t *sp_out)
{
    struct stack_builder b = {USER_STACK_TOP, 0};
    int n = a->argc + a->envc;
    uint32_t *ptrs = kmalloc((size_t)(n + 1) * 4);
    if (!ptrs)
        return -ENOMEM;
    for (int i = n - 1; i >= 0; i--) {
        const char *s = args_nth(a, i);
        ptrs[i] = push_bytes(&b, s, strlen(s) + 1);
    }
    vm->arg_start = a->argc ? ptrs[0] : b.sp;
    vm->env_end = USER_STACK_TOP;
    vm->env_start = a->envc ? ptrs[a->argc] : USER_STACK_TOP;
    vm->arg_end = vm->env_start;
    uint32_t execfn = push_bytes(&b, path, strlen(path) + 1);
    uint32_t platform = push_bytes(&b, "i686", 5);
    uint8_t rnd[16];
    random_bytes(rnd, sizeof rnd);
    uint32_t random = push_bytes(&b, rnd, sizeof rnd);

    uint32_t auxv[] = {AT_PHDR, img->phdr_vaddr, AT_PHENT, img->phentsize,
                       AT_PHNUM, img->phnum, AT_PAGESZ, 4096, AT_BASE, 0,
                       AT_FLAGS, 0, AT_ENTRY, img->entry, AT_UID, 0, AT_EUID, 0,
                       AT_GID, 0, AT_EGID, 0, AT_HWCAP, hwcap(), AT_CLKTCK, 100,
                       AT_SECURE, 0, AT_RANDOM, random, AT_PLATFORM, platform,
                       AT_EXECFN, execfn, AT_NULL, 0};
    uint32_t words = 1 + (uint32_t)a->argc + 1 + (uint32_t)a->envc + 1 +
                     sizeof auxv / 4;
    b.sp = ((b.sp - words * 4) & ~15u) + words * 4;   /* argc lands 16-aligned */
    push_bytes(&b, auxv, sizeof auxv);
    uint32_t zero = 0;
    push_bytes(&b, &zero, 4);
    push_bytes(&b, ptrs + a->argc, (size_t)a->envc * 4);
    push_bytes(&b, &zero, 4);
    push_bytes(&b, ptrs, (size_t)a->argc * 4);
    uint32_t argc = (uint32_t)a->argc;
    *sp_out = push_bytes(&b, &argc, 4);
    kfree(ptrs);
    return b.err;
}

/* ---- putting it together ---- */

static int read_head(struct inode *ino, uint8_t *head, size_t *len)
{
    if (S_ISDIR(ino->mode) || !S_ISREG(ino->mode))
        return -EACCES;
    if (!(ino->mode & 0111))
        return -EACCES;
    if (!ino->ops->kread)
        return -ENOEXEC;
    long n = ino->ops->kread(ino, 0, head, HEAD_SIZE);
    if (n < 0)
        return (int)n;
    *len = (size_t)n;
    return 0;
}

static uint64_t file_size(struct inode *ino)
{
    struct stat64 st;
    return ino->ops->stat && ino->ops->stat(ino, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* The path of the file itself: symlinks in the last component replaced
 * by their targets (so exec of /proc/self/exe or of /bin/sh -> busybox
 * records the real program), made absolute. */
static void real_path(const char *path, char *out, size_t size)
{
    char *target = kpage_alloc();
    strlcpy(out, path, size);
    for (int links = 0; target && links < SYMLINK_MAX_FOLLOW; links++) {
        struct inode *ino;
        if (namei_at(current->fs->cwd, out, 0, &ino) < 0)
            break;
        long n = S_ISLNK(ino->mode) && ino->ops->readlink
                     ? ino->ops->readlink(ino, target, PATH_MAX - 1) : -1;
        inode_put(ino);
        if (n <= 0)
            break;
        target[n] = 0;
        char *slash = strrchr(out, '/');
        if (target[0] == '/' || !slash)
            strlcpy(out, target, size);
        else
            strlcpy(slash + 1, target, size - (size_t)(slash + 1 - out));
    }
    kpage_free(target);
    if (out[0] != '/') {
        char *rel = kpage_alloc();
        long len = rel ? vfs_path_of(current->fs->cwd, rel, PATH_MAX) : -1;
        if (len > 0) {
            if (len > 1)
                strlcpy(rel + len, "/", PATH_MAX - (size_t)len);
            strlcpy(rel + strlen(rel), out, PATH_MAX - strlen(rel));
            strlcpy(out, rel, size);
        }
        kpage_free(rel);
    }
}

/* Point of no return: the new image becomes the process's. */
static void commit(struct vm_space *vm, const struct elf_image *img, uint32_t sp,
                   const char *path)
{
    struct proc *p = current;
    struct vm_space *old = p->vm;
    p->vm = vm;
    vm_destroy(old);
    fs_context_exec(p->fs);
    signal_reset_for_exec(p);
    memset(p->tls, 0, sizeof p->tls);
    gdt_load_tls(p->tls);
    fpu_reset(p->fpu);
    fpu_restore(p->fpu);
    const char *base = path;
    for (const char *s = path; *s; s++)
        if (*s == '/' && s[1])
            base = s + 1;
    proc_set_name(p, base);
    struct trapframe *tf = proc_frame(p);
    memset(tf, 0, sizeof *tf);
    tf->eip = img->entry;
    tf->esp = sp;
    tf->cs = SEL_UCODE;
    tf->ss = tf->ds = tf->es = SEL_UDATA;
    tf->eflags = 0x202;             /* interrupts on */
    tf->trapno = T_SYSCALL;
}

static int exec_image(struct inode *ino, const uint8_t *head, size_t len,
                      struct exec_args *a, const char *path, bool linked)
{
    char exe[sizeof current->exe];
    if (linked || path[0] != '/')
        real_path(path, exe, sizeof exe);   /* before the old image goes */
    else
        strlcpy(exe, path, sizeof exe);
    struct elf_image *img = kmalloc(sizeof *img);
    if (!img)
        return -ENOMEM;
    int err = elf_check(head, len, file_size(ino), USER_STACK_LOW, img);
    struct vm_space *vm = err ? NULL : vm_create();
    if (!err && !vm)
        err = -ENOMEM;
    if (!err)
        err = load_image(vm, ino, img);
    uint32_t sp = 0;
    struct vm_space *mine = current->vm;
    if (!err) {
        vm_switch(vm);
        err = build_stack(vm, a, path, img, &sp);
        if (err)
            vm_switch(mine);
    }
    if (err) {
        vm_destroy(vm);
    } else {
        commit(vm, img, sp, path);
        strlcpy(current->exe, exe, sizeof current->exe);
    }
    kfree(img);
    return err;
}

static int exec_file(const char *path, struct exec_args *a, int depth)
{
    /* Looked up without following a final symlink first: most programs
     * are no link, and then the path given is the program's own. */
    struct inode *ino;
    int err = namei_at(current->fs->cwd, path, 0, &ino);
    bool linked = !err && S_ISLNK(ino->mode);
    if (linked) {
        inode_put(ino);
        err = namei_at(current->fs->cwd, path, LOOKUP_FOLLOW, &ino);
    }
    if (err)
        return err;
    uint8_t *head = kpage_alloc();     /* HEAD_SIZE bytes */
    size_t len = 0;
    if (!head)
        err = -ENOMEM;
    if (!err)
        err = read_head(ino, head, &len);
    char *opt, *interp = err ? NULL : parse_shebang((char *)head, len, &opt);
    if (interp) {
        if (depth >= MAX_SCRIPT_DEPTH)
            err = -ELOOP;
        if (!err)
            err = script_args(a, path, interp, opt);
        if (!err)
            err = exec_file(args_nth(a, 0), a, depth + 1);
    } else if (!err) {
        err = exec_image(ino, head, len, a, path, linked);
    }
    kpage_free(head);
    inode_put(ino);
    return err;
}

long sys_execve(const char *upath, const char *const *uargv, const char *const *uenvp)
{
    char *path = kpage_alloc();
    if (!path)
        return -ENOMEM;
    struct exec_args a = {0};
    long err = strncpy_from_user(path, upath, PATH_MAX);
    if (err >= 0)
        err = args_from_user(&a, uargv, &a.argc);
    if (err >= 0)
        err = args_from_user(&a, uenvp, &a.envc);
    if (err >= 0)
        err = exec_file(path, &a, 0);
    args_free(&a);
    kpage_free(path);
    return err < 0 ? err : 0;
}

int exec_kernel(const char *path, const char *const *argv, const char *const *envp)
{
    struct exec_args a = {0};
    int err = 0;
    for (int i = 0; argv[i] && !err; i++, a.argc++)
        err = args_append(&a, argv[i], strlen(argv[i]));
    for (int i = 0; envp[i] && !err; i++, a.envc++)
        err = args_append(&a, envp[i], strlen(envp[i]));
    if (!err)
        err = exec_file(path, &a, 0);
    args_free(&a);
    return err;
}
