/* case_image: reading the `image` of a result or a node, and finding,
 * reading and identifying its file (case_image.h). */
/* realpath() is an X/Open function. */
#define _XOPEN_SOURCE 700
#include "case_image.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <zlib.h>

#include "case_file.h"
#include "case_path.h"
#include "case_tables.h"
#include "chunk_file.h"
#include "mem.h"

/* ---- the image table ------------------------------------------------------ */

/* Whether name ends in .png, .jpg or .jpeg (any case). */
static bool image_extension(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && !strchr(dot, '/') &&
           (strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".jpg") == 0 ||
            strcasecmp(dot, ".jpeg") == 0);
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* Adds a copy of im to the case's list of images, which check reads. */
static int list_image(tables_ctx *x, const case_image *im)
{
    case_def *c = x->images_to;
    case_image *grown = mem_grow(c->images, &c->cap_images, c->n_images + 1, sizeof *c->images);
    if (!grown)
        return tables_oom(x);
    c->images = grown;
    case_image *to = &c->images[c->n_images];
    memset(to, 0, sizeof *to);
    to->line = im->line;
    if (!(to->file = mem_strdup(im->file)) || !(to->alt = mem_strdup(im->alt))) {
        mem_free(to->file);
        return tables_oom(x);
    }
    c->n_images++;
    return 0;
}

static int read_image_table(tables_ctx *x, int t, case_image *im)
{
    if (tables_check_keys(x, t, CASE_LEVEL_IMAGE) ||
        tables_get_string(x, t, "file", true, &im->file, NULL) ||
        tables_get_string(x, t, "alt", false, &im->alt, NULL))
        return -1;
    const char *problem = case_path_name_problem(im->file);
    size_t mark = tables_path_push(x, "file");
    int rc = 0;
    if (problem)
        rc = tables_fail(x,
                         "image \"%s\" is refused (%s): name a file in the case's folder, such as "
                         "\"images/ecg.png\"",
                         im->file, problem);
    else if (!image_extension(im->file))
        rc = tables_fail(x, "image \"%s\": only PNG and JPEG images are shown; save it as .png",
                         im->file);
    tables_path_pop(x, mark);
    if (rc == 0 && (!im->alt || blank(im->alt)))
        rc = tables_fail(x,
                         "image \"%s\" needs alt: what the image shows, in words, for those who "
                         "cannot see it (alt = \"12-lead ECG: …\")",
                         im->file);
    if (rc == 0 && x->images_to && !x->resolved)
        rc = list_image(x, im);
    return rc;
}

int tables_read_image(tables_ctx *x, int t, case_image *im, bool *dynamic)
{
    lua_State *L = x->L;
    size_t mark;
    memset(im, 0, sizeof *im);
    int type = tables_field(x, t, "image", &mark);
    im->line = srcmap_line(x->map, x->path);
    int rc = 0;
    if (type == LUA_TNIL || tables_dynamic_here(x, dynamic))
        rc = 0;
    else if (type == LUA_TSTRING)
        rc = tables_fail(x,
                         "an image needs its description too: write image = { file = \"%s\", "
                         "alt = \"what the image shows, in words\" }",
                         lua_tostring(L, -1));
    else if (type != LUA_TTABLE)
        rc = tables_fail(x,
                         "expected an image such as { file = \"images/ecg.png\", alt = \"12-lead "
                         "ECG: …\" }, got a %s",
                         tables_type_name(L, -1));
    else
        rc = read_image_table(x, lua_gettop(L), im);
    tables_unfield(x, mark);
    if (rc != 0) {
        mem_free(im->file);
        mem_free(im->alt);
        memset(im, 0, sizeof *im);
    }
    return rc;
}

/* ---- the file ------------------------------------------------------------------ */

void case_image_fail(apperr *e, const char *case_file, const case_image *im, const char *fmt, ...)
{
    char msg[800];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    apperr_set(e, APPERR_INPUT, case_file, im->line, "image \"%s\": %s", im->file, msg);
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* A PNG's size from its IHDR chunk; false when the header is not there. */
static bool png_size(const unsigned char *b, size_t n, unsigned long *w, unsigned long *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n < 24 || memcmp(b, sig, 8) != 0 || be32(b + 8) != 13 || memcmp(b + 12, "IHDR", 4) != 0)
        return false;
    *w = be32(b + 16);
    *h = be32(b + 20);
    return true;
}

/* Whether the chunks of a PNG run whole, each with its checksum right, to
 * IEND. A file cut short or damaged is told here, before the decoder
 * (whose library would print its own complaint on the terminal). */
static bool png_chunks_whole(const unsigned char *b, size_t n)
{
    size_t i = 8;
    while (i + 12 <= n) {
        unsigned long len = be32(b + i);
        if (len > n - i - 12)
            return false;
        if (crc32(0L, b + i + 4, (uInt)(len + 4)) != be32(b + i + 8 + len))
            return false;
        if (memcmp(b + i + 4, "IEND", 4) == 0)
            return true;
        i += 12 + len;
    }
    return false;
}

/* A JPEG's size from its first start-of-frame marker; false when none
 * comes before the end of the headers. */
static bool jpeg_size(const unsigned char *b, size_t n, unsigned long *w, unsigned long *h)
{
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF)
        return false;
    size_t i = 2;
    while (i + 4 <= n) {
        if (b[i] != 0xFF)
            return false;
        unsigned m = b[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            return false; /* the end, or the scan, before any frame */
        unsigned len = be16(b + i + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > n)
                return false;
            *h = be16(b + i + 5);
            *w = be16(b + i + 7);
            return true;
        }
        i += 2 + (size_t)len;
    }
    return false;
}

/* The file of im, resolved, inside the folder of case_file; NULL with e. */
static char *find_file(const char *case_file, const case_image *im, apperr *e)
{
    char *dir = case_path_dir(case_file);
    char *root = dir ? realpath(dir, NULL) : NULL;
    size_t n = dir ? strlen(dir) + strlen(im->file) + 2 : 0;
    char *joined = dir ? malloc(n) : NULL;
    char *real = NULL;
    if (!dir || !joined) {
        apperr_set(e, APPERR_ENV, case_file, im->line, "out of memory");
        goto done;
    }
    snprintf(joined, n, "%s/%s", dir, im->file);
    const char *problem = case_path_name_problem(im->file);
    if (problem) {
        case_image_fail(e, case_file, im, "refused (%s): name a file in the case's folder",
                        problem);
        goto done;
    }
    real = realpath(joined, NULL);
    if (!real && errno == ENOENT)
        case_image_fail(e, case_file, im,
                        "no such file (looked for %s): put the image in the case's folder, or "
                        "correct its name",
                        joined);
    else if (!real)
        case_image_fail(e, case_file, im, "cannot be read (%s): %s", joined, strerror(errno));
    else if (!case_path_inside(real, root)) {
        case_image_fail(e, case_file, im,
                        "refused: %s leads outside the case's folder (through a symbolic link); "
                        "put the file itself there",
                        joined);
        free(real);
        real = NULL;
    }
done:
    free(dir);
    free(root);
    free(joined);
    return real;
}

int case_image_read(const char *case_file, const case_image *im, case_image_data *out, apperr *e)
{
    memset(out, 0, sizeof *out);
    char *real = find_file(case_file, im, e);
    if (!real)
        return -1;
    char why[160];
    int fd = chunk_file_open(real, true, why, sizeof why);
    free(real);
    if (fd < 0) {
        case_image_fail(e, case_file, im, "cannot be read: %s", why);
        return -1;
    }
    struct stat st;
    size_t len = 0;
    int err = 0;
    unsigned char *b = NULL;
    if (fstat(fd, &st) != 0)
        err = errno;
    else if ((unsigned long long)st.st_size > CASE_IMAGE_FILE_MAX)
        err = EFBIG;
    else if (!(b = (unsigned char *)case_file_read_fd(fd, (size_t)st.st_size, &len, &err)) && !err)
        err = ENOMEM;
    close(fd);
    if (!err && len > CASE_IMAGE_FILE_MAX)
        err = EFBIG;
    if (err) {
        mem_free(b);
        if (err == ENOMEM)
            apperr_set(e, APPERR_ENV, case_file, im->line, "out of memory");
        else if (err == EFBIG)
            case_image_fail(e, case_file, im,
                            "the file is larger than %zu MiB: save it smaller (a few hundred KB "
                            "is plenty)",
                            CASE_IMAGE_FILE_MAX >> 20);
        else
            case_image_fail(e, case_file, im, "cannot be read: %s", strerror(err));
        return -1;
    }
    unsigned long w = 0, h = 0;
    const char *problem = NULL;
    if (png_size(b, len, &w, &h))
        out->kind = CASE_IMAGE_PNG;
    else if (jpeg_size(b, len, &w, &h))
        out->kind = CASE_IMAGE_JPEG;
    else
        problem = "the file is not a PNG or JPEG image (or its header is cut short): save the "
                  "image again as PNG";
    char size[200];
    if (!problem && (w == 0 || h == 0 || w > CASE_IMAGE_SIDE_MAX || h > CASE_IMAGE_SIDE_MAX)) {
        snprintf(size, sizeof size,
                 "its header says %lu x %lu pixels: an image may have 1 to %d pixels a side; "
                 "save it smaller",
                 w, h, CASE_IMAGE_SIDE_MAX);
        problem = size;
    }
    if (!problem && out->kind == CASE_IMAGE_PNG && !png_chunks_whole(b, len))
        problem = "the PNG is cut short or damaged (its chunks do not run whole to the end): "
                  "save the image again";
    if (problem) {
        mem_free(b);
        case_image_fail(e, case_file, im, "%s", problem);
        return -1;
    }
    out->bytes = b;
    out->len = len;
    out->width = (int)w;
    out->height = (int)h;
    return 0;
}

void case_image_data_free(case_image_data *d)
{
    if (!d)
        return;
    mem_free(d->bytes);
    memset(d, 0, sizeof *d);
}

int case_image_check_file(const char *case_file, const case_image *im, apperr *e)
{
    case_image_data d;
    int rc = case_image_read(case_file, im, &d, e);
    case_image_data_free(&d);
    return rc;
}
