/*
 * Concurrent writers: four processes each write their own file and append
 * records to one shared file through O_APPEND.  Every record must arrive
 * whole (a single write is never interleaved with another) and none may be
 * lost.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "t.h"

#define WRITERS 4
#define RECORDS 300

static void writer(int id)
{
    char own[32], rec[200];
    snprintf(own, sizeof own, "/tmp/own-%d", id);
    int mine = open(own, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int shared = open("/tmp/shared", O_WRONLY | O_APPEND);
    CHECK(mine >= 0 && shared >= 0);
    for (int i = 0; i < RECORDS; i++) {
        int len = snprintf(rec, sizeof rec, "<%d:%04d:", id, i);
        int pad = 10 + (i * 37 + id * 11) % 150;        /* varied sizes */
        memset(rec + len, 'a' + id, (size_t)pad);
        len += pad;
        rec[len++] = '>';
        rec[len++] = '\n';
        CHECK_EQ(write(shared, rec, (size_t)len), len);
        CHECK_EQ(write(mine, rec, (size_t)len), len);
    }
    close(mine);
    close(shared);
    _exit(0);
}

int main(void)
{
    int fd = open("/tmp/shared", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    close(fd);
    fflush(stdout);
    for (int id = 0; id < WRITERS; id++)
        if (fork() == 0)
            writer(id);
    for (int id = 0; id < WRITERS; id++) {
        int status;
        CHECK(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    struct stat st;
    CHECK(stat("/tmp/shared", &st) == 0);
    char *all = malloc((size_t)st.st_size + 1);
    fd = open("/tmp/shared", O_RDONLY);
    CHECK(read(fd, all, (size_t)st.st_size) == st.st_size);
    all[st.st_size] = 0;
    close(fd);
    int seen[WRITERS] = {0}, lines = 0;
    long own_total = 0;
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        int id, seq;
        CHECK(sscanf(line, "<%d:%d:", &id, &seq) == 2);
        CHECK(id >= 0 && id < WRITERS && seq == seen[id]);     /* in order, none lost */
        seen[id]++;
        char *body = strchr(line + 3, ':') + 1;
        size_t len = strlen(body);
        CHECK(body[len - 1] == '>');
        for (size_t i = 0; i + 1 < len; i++)
            CHECK_EQ(body[i], 'a' + id);                       /* not interleaved */
    }
    for (int id = 0; id < WRITERS; id++) {
        CHECK_EQ(seen[id], RECORDS);
        char own[32];
        snprintf(own, sizeof own, "/tmp/own-%d", id);
        CHECK(stat(own, &st) == 0);
        own_total += st.st_size;
        CHECK(unlink(own) == 0);
    }
    CHECK(stat("/tmp/shared", &st) == 0 && st.st_size == own_total);
    CHECK(unlink("/tmp/shared") == 0);
    printf("%d records from %d writers, whole and in order\n", lines, WRITERS);
    pass("append");
    return 0;
}
