/*
 * Fork isolation across three generations: each process writes its own
 * values into data, bss, heap and stack, forks, lets the child overwrite
 * them all, and checks after the child is gone that it still sees its own.
 */
#include "t.h"

static int data_var = 7;
static int bss_var;
static char bss_block[3 * 4096];

struct vars {
    int *heap;
    char *heap_block;
    int *stack;
};

static void set_all(struct vars *v, int value)
{
    data_var = value;
    bss_var = value;
    memset(bss_block, value, sizeof bss_block);
    *v->heap = value;
    memset(v->heap_block, value, 64 * 1024);
    *v->stack = value;
}

static void check_all(struct vars *v, int value)
{
    CHECK_EQ(data_var, value);
    CHECK_EQ(bss_var, value);
    CHECK_EQ(bss_block[0], value);
    CHECK_EQ(bss_block[sizeof bss_block - 1], value);
    CHECK_EQ(*v->heap, value);
    CHECK_EQ(v->heap_block[0], value);
    CHECK_EQ(v->heap_block[64 * 1024 - 1], value);
    CHECK_EQ(*v->stack, value);
}

static void generation(struct vars *v, int level)
{
    set_all(v, level);
    if (level < 3) {
        fflush(stdout);
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            check_all(v, level);        /* the child starts with a copy */
            generation(v, level + 1);
            _exit(0);
        }
        int status;
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    check_all(v, level);
    printf("generation %d (pid %d): data, bss, heap and stack intact\n", level, getpid());
}

int main(void)
{
    int on_stack = 0;
    struct vars v = {malloc(sizeof(int)), malloc(64 * 1024), &on_stack};
    CHECK(v.heap && v.heap_block);
    generation(&v, 1);
    pass("forkiso");
    return 0;
}
