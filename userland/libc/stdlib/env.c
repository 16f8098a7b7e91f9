/*
 * The environment: environ is a NULL-terminated array of "NAME=value"
 * strings.  At startup it points at the strings the kernel put on the
 * stack; the first setenv that adds a variable moves the array to the heap
 * (`owned`), where later changes can grow it.  Strings replaced by setenv
 * are not freed: the caller may still hold them (getenv's result).
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>

char **environ;
static char **owned;            /* environ, when it is our heap copy */

/* Index of the entry for `name` (len bytes), or -1. */
static int find(const char *name, size_t len)
{
    for (int i = 0; environ && environ[i]; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
            return i;
    return -1;
}

static int count(void)
{
    int n = 0;
    while (environ && environ[n])
        n++;
    return n;
}

char *getenv(const char *name)
{
    size_t len = strlen(name);
    int i = find(name, len);
    return i < 0 ? NULL : environ[i] + len + 1;
}

/* Put "NAME=value" string s in place of entry i, or append it if i < 0. */
static int put(char *s, int i)
{
    if (i >= 0) {
        environ[i] = s;
        return 0;
    }
    int n = count();
    char **array = realloc(owned, (n + 2) * sizeof *array);
    if (!array)
        return -1;
    if (environ != owned)
        memcpy(array, environ, n * sizeof *array);
    array[n] = s;
    array[n + 1] = NULL;
    environ = owned = array;
    return 0;
}

static int valid_name(const char *name)
{
    if (name == NULL || *name == '\0' || strchr(name, '=')) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

int setenv(const char *name, const char *value, int overwrite)
{
    if (!valid_name(name))
        return -1;
    size_t len = strlen(name), vlen = strlen(value);
    int i = find(name, len);
    if (i >= 0 && !overwrite)
        return 0;

    char *s = malloc(len + vlen + 2);
    if (!s)
        return -1;
    memcpy(s, name, len);
    s[len] = '=';
    memcpy(s + len + 1, value, vlen + 1);
    if (put(s, i) < 0) {
        free(s);
        return -1;
    }
    return 0;
}

int putenv(char *string)
{
    char *eq = strchr(string, '=');
    if (!eq)
        return unsetenv(string);
    return put(string, find(string, (size_t)(eq - string)));
}

int unsetenv(const char *name)
{
    if (!valid_name(name))
        return -1;
    int i = find(name, strlen(name));
    if (i < 0)
        return 0;
    /* Moving entries in the kernel's array is fine: it is ours to edit. */
    do {
        environ[i] = environ[i + 1];
    } while (environ[++i]);
    return 0;
}

int clearenv(void)
{
    free(owned);
    owned = NULL;
    environ = NULL;
    return 0;
}
