#define _XOPEN_SOURCE 700
#include "fuzz_support.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void remove_scratch(void)
{
    if (scratch[0])
        nftw(scratch, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void die(const char *what, const char *path)
{
    fprintf(stderr, "fuzz: %s %s\n", what, path);
    abort();
}

const char *fuzz_scratch(void)
{
    if (scratch[0])
        return scratch;
    const char *base = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/appraise-fuzz-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(scratch))
        die("cannot make a scratch folder", scratch);
    atexit(remove_scratch);
    return scratch;
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        die("cannot write", path);
}

void fuzz_copy_dir(const char *from, const char *to)
{
    if (mkdir(to, 0700) != 0 && access(to, W_OK) != 0)
        die("cannot make", to);
    DIR *d = opendir(from);
    if (!d)
        die("cannot list", from);
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        char src[4096], dst[4096];
        struct stat st;
        snprintf(src, sizeof src, "%s/%s", from, ent->d_name);
        snprintf(dst, sizeof dst, "%s/%s", to, ent->d_name);
        if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        FILE *f = fopen(src, "rb");
        char *buf = malloc((size_t)st.st_size + 1);
        if (!f || !buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
            die("cannot read", src);
        fclose(f);
        fuzz_write_file(dst, buf, (size_t)st.st_size);
        free(buf);
    }
    closedir(d);
}

char *fuzz_text(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}
