/*
 * Running out of file descriptors: a process gets exactly 256 (what
 * getrlimit(RLIMIT_NOFILE) says), then open, dup, F_DUPFD and pipe fail
 * with -EMFILE - a failed pipe leaving no half behind - while a full table
 * still forks, and closing everything gives the kernel back every file
 * and inode it used.  (That open(O_CREAT) with a full table creates
 * nothing is fuzz_regress's case creat_at_emfile.)
 */
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "t.h"
#include "robust.h"

#define LIMIT 256

static int count_open(void)
{
    int n = 0;
    for (int fd = 0; fd < LIMIT + 8; fd++)
        n += raw(__NR_fcntl64, fd, F_GETFD, 0) >= 0;
    return n;
}

/* Fill the table with /dev/null; returns how many descriptors it took. */
static int fill_table(void)
{
    int n = 0;
    while (raw(__NR_open, (long)"/dev/null", O_RDONLY, 0) >= 0)
        n++;
    return n;
}

static void full_table_fails_cleanly(void)
{
    CHECK_EQ(raw(__NR_open, (long)"/dev/null", O_RDONLY, 0), -EMFILE);
    CHECK_EQ(raw(__NR_dup, 0, 0, 0), -EMFILE);
    CHECK_EQ(raw(__NR_fcntl64, 0, F_DUPFD, 0), -EMFILE);
    int p[2] = {-1, -1};
    CHECK_EQ(raw(__NR_pipe, (long)p, 0, 0), -EMFILE);
    CHECK(p[0] == -1 && p[1] == -1);
    /* With one slot free, a pipe (which needs two) still fails, and the
     * slot is still free afterwards. */
    CHECK(close(LIMIT - 1) == 0);
    CHECK_EQ(raw(__NR_pipe, (long)p, 0, 0), -EMFILE);
    CHECK_EQ(count_open(), LIMIT - 1);
    CHECK_EQ(raw(__NR_dup, 0, 0, 0), LIMIT - 1);
    /* Out-of-range targets are errors of their own. */
    CHECK_EQ(raw(__NR_dup2, 0, LIMIT, 0), -EBADF);
    CHECK_EQ(raw(__NR_fcntl64, 0, F_DUPFD, LIMIT), -EINVAL);
}

static void child_with_full_table(void)
{
    _exit(count_open() == LIMIT ? 0 : 1);
}

int main(void)
{
    struct leak_check leaks;
    leak_check_begin(&leaks);
    struct rlimit rl;
    CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
    CHECK_EQ(rl.rlim_cur, LIMIT);
    int had = count_open();
    int got = fill_table();
    printf("%d descriptors were open, %d more opened, then EMFILE\n", had, got);
    CHECK_EQ(had + got, LIMIT);
    full_table_fails_cleanly();
    int status = in_child(child_with_full_table);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (int fd = had; fd < LIMIT; fd++)
        CHECK(close(fd) == 0);
    CHECK_EQ(count_open(), had);
    CHECK(!leak_check_end(&leaks, "exhaust_fds: leak"));
    pass("exhaust_fds");
    return 0;
}
