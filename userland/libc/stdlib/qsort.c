/*
 * qsort and bsearch.
 *
 * qsort is a quicksort: the pivot is the median of the first, middle and
 * last elements (so sorted input is not the worst case), short ranges are
 * finished by insertion sort, and the loop recurses only into the smaller
 * part, which bounds the stack depth by log2(n).
 */
#include <stdlib.h>
#include <stdint.h>

#define SMALL 8

typedef int (*compare_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    if (a == b)
        return;
    for (; size >= 4 && ((uintptr_t)a | (uintptr_t)b) % 4 == 0; size -= 4) {
        uint32_t t = *(uint32_t *)a;
        *(uint32_t *)a = *(uint32_t *)b;
        *(uint32_t *)b = t;
        a += 4;
        b += 4;
    }
    while (size-- > 0) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (char *p = base + i * size; p > base && cmp(p - size, p) > 0;
             p -= size)
            swap(p - size, p, size);
}

/* Order a, b, c so that *b is the median; returns b. */
static char *median3(char *a, char *b, char *c, size_t size, compare_fn cmp)
{
    if (cmp(a, b) > 0)
        swap(a, b, size);
    if (cmp(b, c) > 0) {
        swap(b, c, size);
        if (cmp(a, b) > 0)
            swap(a, b, size);
    }
    return b;
}

/*
 * Partition base[0..n-1] around a median-of-three pivot, moved to the
 * front.  Returns the pivot's final index: everything before is <= pivot,
 * everything after is >= pivot.
 */
static size_t partition(char *base, size_t n, size_t size, compare_fn cmp)
{
    char *last = base + (n - 1) * size;
    swap(base, median3(base, base + n / 2 * size, last, size, cmp), size);

    size_t i = 1, j = n - 1;
    for (;;) {
        while (i <= j && cmp(base + i * size, base) < 0)
            i++;
        while (j >= i && cmp(base + j * size, base) > 0)
            j--;
        if (i >= j)
            break;
        swap(base + i * size, base + j * size, size);
        i++;
        j--;
    }
    swap(base, base + j * size, size);
    return j;
}

void qsort(void *array, size_t n, size_t size, compare_fn cmp)
{
    char *base = array;

    while (n > SMALL) {
        size_t p = partition(base, n, size, cmp);
        size_t left = p, right = n - p - 1;
        if (left < right) {
            qsort(base, left, size, cmp);
            base += (p + 1) * size;
            n = right;
        } else {
            qsort(base + (p + 1) * size, right, size, cmp);
            n = left;
        }
    }
    insertion_sort(base, n, size, cmp);
}

void *bsearch(const void *key, const void *array, size_t n, size_t size,
              compare_fn cmp)
{
    const char *base = array;

    while (n > 0) {
        const char *mid = base + n / 2 * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            base = mid + size;
            n = n - n / 2 - 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}
