/*
 * The kernel's ELF checker (fs/elf.c) against mutated real executables, on
 * the host with AddressSanitizer and UBSan (`make fuzz-host`).
 *
 *   elf_host ITERATIONS SEED FILE...
 *
 * Each iteration takes one of the FILEs (the Cowix programs), mutates it
 * (userland/tests/hostile_mutate.h, the mutations /tests/hostile_elf runs
 * in the guest) and checks what elf_check promises exec: -ENOEXEC, or
 * segments that lie in user space, inside the file and no bigger in the
 * file than in memory, and an entry point in user space.  A sanitizer
 * report or a broken promise prints the iteration, which with the same
 * SEED repeats the mutant.  The last line is "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>

#include "fs/elf.c"
#include "userland/tests/hostile_mutate.h"

#include "mm/vm.h"

#define SEGMENT_TOP USER_STACK_LOW     /* what fs/exec.c checks segments against */
#define MAX_FILE  (1 << 20)
#define MAX_FILES 64

struct sample {
    uint8_t *data;
    uint32_t size;
};

static struct sample samples[MAX_FILES];

static int load(const char *path, struct sample *s)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    s->data = malloc(MAX_FILE);
    s->size = s->data ? (uint32_t)fread(s->data, 1, MAX_FILE, f) : 0;
    fclose(f);
    return s->size ? 0 : -1;
}

/* What exec relies on when elf_check says yes; NULL if all holds. */
static const char *broken_promise(const struct elf_image *img, uint32_t file_size)
{
    if (img->nseg > ELF_MAX_SEGMENTS)
        return "too many segments";
    if (img->entry >= SEGMENT_TOP)
        return "entry point outside user space";
    for (uint32_t i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];
        if (s->filesz > s->memsz)
            return "a segment larger in the file than in memory";
        if ((uint64_t)s->vaddr + s->memsz > SEGMENT_TOP)
            return "a segment outside user space";
        if ((uint64_t)s->offset + s->filesz > file_size)
            return "a segment past the end of the file";
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: elf_host ITERATIONS SEED FILE...\n");
        return 2;
    }
    long iterations = strtol(argv[1], NULL, 0);
    uint32_t seed = (uint32_t)strtoul(argv[2], NULL, 0);
    int nfiles = 0;
    for (int i = 3; i < argc && nfiles < MAX_FILES; i++)
        nfiles += load(argv[i], &samples[nfiles]) == 0;
    static uint8_t buf[MAX_FILE];
    long passed = 0, failed = 0, accepted = 0;
    for (long n = 0; n < iterations; n++) {
        rng_seed(seed, (uint32_t)n);
        const struct sample *s = &samples[below((uint32_t)nfiles)];
        struct elf_file f = {buf, s->size};
        memcpy(buf, s->data, s->size);
        mutate_elf(&f);
        struct elf_image img;
        uint32_t head = f.size < 4096 ? f.size : 4096;   /* what exec reads first */
        int r = elf_check(buf, head, f.size, SEGMENT_TOP, &img);
        const char *why = r == -ENOEXEC ? NULL : r ? "neither 0 nor -ENOEXEC"
                                                    : broken_promise(&img, f.size);
        accepted += r == 0;
        if (why) {
            printf("not ok iteration %ld (seed %u): %s\n", n, seed, why);
            failed++;
        } else {
            passed++;
        }
    }
    printf("# %d files, %ld mutants, %ld accepted\n", nfiles, iterations, accepted);
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
