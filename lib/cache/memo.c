/* SPDX-License-Identifier: EUPL-1.2 */
/* memo.c: the memo of rule-data work, kept on disk (see memo.h). */
#include <config.h>

#include "cache/memo.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file: this header, then the entries, each an entry_head, its key and its value,
 * each padded with zeros to 8 bytes (so that values read in place are aligned). */
struct file_head {
        char magic[16];   /* MAGIC */
        char version[16]; /* PACKAGE_VERSION: another twohats may work things out otherwise */
        uint64_t bytes;   /* of the entries */
};
#define MAGIC "twohats-memo 4"

/* Each value has a sum of its own, checked when a run first asks for it: a run pays for
 * the entries it uses, not for the whole memo (2.8 MB took 3.5 million instructions to
 * sum, an eighth of a short post's run). */
struct entry_head {
        uint32_t kind, klen;
        uint64_t vlen;
        uint64_t hash; /* key_hash(): a read need not hash every key again */
        uint64_t sum;  /* th_hash_words() of the value, from 0 */
};

struct entry {
        const unsigned char *key, *val; /* in the file as read, or in `own` */
        size_t klen, vlen;
        uint64_t hash;
        enum th_memo_kind kind;
        uint64_t sum;
        int checked; /* its sum held (or this run made it) */
        int bad;     /* its sum did not hold: passed over, and left out of the next save */
        int used;    /* found or kept by this run: what a save of a full memo keeps */
        void *own;   /* the allocation holding val and key, for an entry of this run */
};

static struct {
        pthread_mutex_t lock;
        char *dir;           /* NULL: off */
        unsigned char *file; /* the file, mapped (entries point into it) */
        size_t file_size;
        struct entry *v;
        size_t nr, alloc;
        uint32_t *slots; /* open addressing: entry index + 1, 0 for empty */
        size_t nslots;
        size_t bytes_all, bytes_used; /* of the file the entries (all, or used) make */
        int read; /* memo.bin is read on the first get or put: --version needs none of it */
        int dirty, at_exit;
} memo = {.lock = PTHREAD_MUTEX_INITIALIZER};

static size_t pad8(size_t n)
{
        return (n + 7) & ~(size_t)7;
}

static uint64_t key_hash(enum th_memo_kind kind, const void *key, size_t klen)
{
        uint64_t h = th_hash_words((uint64_t)kind << 32 ^ klen, key, klen);
        h ^= h >> 33;
        return h * 0xff51afd7ed558ccdull;
}

static size_t entry_bytes(size_t klen, size_t vlen)
{
        return sizeof(struct entry_head) + pad8(klen) + pad8(vlen);
}

static struct entry *find(enum th_memo_kind kind, const void *key, size_t klen, uint64_t h)
{
        if (!memo.nslots)
                return NULL;
        for (size_t i = h & (memo.nslots - 1);; i = (i + 1) & (memo.nslots - 1)) {
                uint32_t s = memo.slots[i];
                if (!s)
                        return NULL;
                struct entry *e = &memo.v[s - 1];
                if (e->hash == h && e->kind == kind && e->klen == klen && !e->bad &&
                    !memcmp(e->key, key, klen))
                        return e;
        }
}

static void slot_in(size_t index)
{
        for (size_t i = memo.v[index].hash & (memo.nslots - 1);; i = (i + 1) & (memo.nslots - 1))
                if (!memo.slots[i]) {
                        memo.slots[i] = (uint32_t)index + 1;
                        return;
                }
}

/* Add an entry (not there yet); the table stays at most half full. */
static struct entry *add(enum th_memo_kind kind, const unsigned char *key, size_t klen,
                         const unsigned char *val, size_t vlen, uint64_t h, uint64_t sum)
{
        if (memo.nr == memo.alloc) {
                memo.alloc = memo.alloc ? 2 * memo.alloc : 256;
                memo.v = th_xrealloc(memo.v, memo.alloc * sizeof(*memo.v));
        }
        struct entry *e = &memo.v[memo.nr++];
        *e = (struct entry){.key = key,
                            .val = val,
                            .klen = klen,
                            .vlen = vlen,
                            .hash = h,
                            .kind = kind,
                            .sum = sum};
        if (2 * memo.nr > memo.nslots) {
                free(memo.slots);
                memo.nslots = memo.nslots ? 2 * memo.nslots : 1024;
                memo.slots = th_xcalloc(memo.nslots, sizeof(*memo.slots));
                for (size_t i = 0; i < memo.nr; i++)
                        slot_in(i);
        } else {
                slot_in(memo.nr - 1);
        }
        memo.bytes_all += entry_bytes(klen, vlen);
        return e;
}

static void forget(void)
{
        for (size_t i = 0; i < memo.nr; i++)
                free(memo.v[i].own);
        free(memo.v);
        free(memo.slots);
        if (memo.file)
                munmap(memo.file, memo.file_size);
        memo.v = NULL;
        memo.slots = NULL;
        memo.file = NULL;
        memo.nr = memo.alloc = memo.nslots = memo.bytes_all = memo.bytes_used = 0;
        memo.dirty = 0;
}

static char *file_path(const char *suffix)
{
        return th_xasprintf("%s/memo.bin%s", memo.dir, suffix);
}

/* The entries of buf[0, n), a file's body, in place; 0, or -1 when they are not well formed. */
static int read_entries(const unsigned char *buf, size_t n)
{
        for (size_t at = 0; at < n;) {
                struct entry_head eh;
                if (n - at < sizeof(eh))
                        return -1;
                memcpy(&eh, buf + at, sizeof(eh));
                at += sizeof(eh);
                if (eh.kind < TH_MEMO_PATTERN || eh.kind > TH_MEMO_PATTERN_FACTS ||
                    eh.klen > n - at || pad8(eh.klen) > n - at ||
                    eh.vlen > n - at - pad8(eh.klen) || pad8(eh.vlen) > n - at - pad8(eh.klen))
                        return -1;
                const unsigned char *key = buf + at, *val = key + pad8(eh.klen);
                at += pad8(eh.klen) + pad8(eh.vlen);
                if (!find(eh.kind, key, eh.klen, eh.hash))
                        add(eh.kind, key, eh.klen, val, eh.vlen, eh.hash, eh.sum);
        }
        return 0;
}

/* Read memo.bin, when it is the user's own and whole; anything else is passed over. */
static void read_file(void)
{
        char *path = file_path("");
        int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        free(path);
        struct stat st;
        struct file_head head;
        if (fd < 0)
                return;
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
            (st.st_mode & 022) || (size_t)st.st_size < sizeof(head) ||
            (size_t)st.st_size > sizeof(head) + TH_MEMO_MAX_BYTES) {
                close(fd);
                return;
        }
        /* Mapped, not read: a run touches the pages of the entries it uses, from the page
         * cache, rather than copying the whole file (2.5 MB: 620 page faults of its own).
         * The file is never written in place (a save renames a new one over it), so the
         * mapping holds what was there when it was opened. */
        size_t size = (size_t)st.st_size;
        void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (map == MAP_FAILED)
                return;
        unsigned char *buf = map;
        memcpy(&head, buf, sizeof(head));
        size_t body = size - sizeof(head);
        if (memcmp(head.magic, MAGIC, sizeof(MAGIC)) ||
            strncmp(head.version, PACKAGE_VERSION, sizeof(head.version)) || head.bytes != body) {
                munmap(map, size);
                return;
        }
        memo.file = buf;
        memo.file_size = size;
        if (read_entries(buf + sizeof(head), body) != 0)
                forget();
}

/* mkdir -p, each folder made private (as the XDG base directory specification asks). */
static int make_dirs(const char *dir)
{
        char *p = th_xstrdup(dir);
        int rc = 0;
        for (char *s = p + 1;; s++) {
                if (*s != '/' && *s)
                        continue;
                char c = *s;
                *s = '\0';
                if (mkdir(p, 0700) != 0 && errno != EEXIST)
                        rc = -1;
                *s = c;
                if (!c || rc)
                        break;
        }
        struct stat st;
        if (rc == 0 && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)))
                rc = -1;
        free(p);
        return rc;
}

static void save_at_exit(void)
{
        th_memo_save();
}

int th_memo_open(const char *dir)
{
        if (!dir || !*dir || make_dirs(dir) != 0)
                return -1;
        pthread_mutex_lock(&memo.lock);
        if (!memo.dir) {
                memo.dir = th_xstrdup(dir);
                memo.read = 0;
                if (!memo.at_exit)
                        memo.at_exit = atexit(save_at_exit) == 0;
        }
        pthread_mutex_unlock(&memo.lock);
        return 0;
}

/* The memo, read from its file the first time it is asked.  Under the lock. */
static int ready(void)
{
        if (memo.dir && !memo.read) {
                memo.read = 1;
                read_file();
        }
        return memo.dir != NULL;
}

int th_memo_on(void)
{
        pthread_mutex_lock(&memo.lock);
        int on = memo.dir != NULL;
        pthread_mutex_unlock(&memo.lock);
        return on;
}

const void *th_memo_get(enum th_memo_kind kind, const void *key, size_t klen, size_t *vlen)
{
        uint64_t h = key_hash(kind, key, klen);
        pthread_mutex_lock(&memo.lock);
        struct entry *e = ready() ? find(kind, key, klen, h) : NULL;
        if (e && !e->checked) {
                e->checked = 1;
                if (th_hash_words(0, e->val, e->vlen) != e->sum) {
                        e->bad = 1;
                        memo.dirty = 1; /* the next save leaves it out */
                        e = NULL;
                }
        }
        if (e && !e->used) {
                e->used = 1;
                memo.bytes_used += entry_bytes(e->klen, e->vlen);
        }
        pthread_mutex_unlock(&memo.lock);
        if (e)
                *vlen = e->vlen;
        return e ? e->val : NULL;
}

void th_memo_put(enum th_memo_kind kind, const void *key, size_t klen, const void *val, size_t vlen)
{
        uint64_t h = key_hash(kind, key, klen);
        size_t bytes = entry_bytes(klen, vlen);
        pthread_mutex_lock(&memo.lock);
        if (ready() && memo.bytes_used <= TH_MEMO_MAX_BYTES &&
            bytes <= TH_MEMO_MAX_BYTES - memo.bytes_used && !find(kind, key, klen, h)) {
                /* The value first, at the allocation's aligned start, then the key. */
                unsigned char *own = th_xmalloc(pad8(vlen) + klen + 1);
                memcpy(own, val, vlen);
                memcpy(own + pad8(vlen), key, klen);
                struct entry *e =
                    add(kind, own + pad8(vlen), klen, own, vlen, h, th_hash_words(0, val, vlen));
                e->own = own;
                e->checked = 1;
                e->used = 1;
                memo.bytes_used += bytes;
                memo.dirty = 1;
        }
        pthread_mutex_unlock(&memo.lock);
}

static const unsigned char zeros[8];

/* Write one padded piece. */
static int put_piece(FILE *f, const void *p, size_t n)
{
        return fwrite(p, 1, n, f) == n && fwrite(zeros, 1, pad8(n) - n, f) == pad8(n) - n ? 0 : -1;
}

/* Write the entries to `f`: all of them, or when they would not fit, those this run used
 * while they fit. */
static int write_file(FILE *f)
{
        int all = memo.bytes_all <= TH_MEMO_MAX_BYTES;
        struct file_head head = {MAGIC, "", 0};
        snprintf(head.version, sizeof(head.version), "%s", PACKAGE_VERSION);
        int rc = fwrite(&head, sizeof(head), 1, f) == 1 ? 0 : -1;
        for (size_t i = 0; i < memo.nr && rc == 0; i++) {
                const struct entry *e = &memo.v[i];
                size_t bytes = entry_bytes(e->klen, e->vlen);
                if ((!all && !e->used) || e->bad || bytes > TH_MEMO_MAX_BYTES - head.bytes)
                        continue;
                struct entry_head eh = {e->kind, (uint32_t)e->klen, e->vlen, e->hash, e->sum};
                rc = put_piece(f, &eh, sizeof(eh));
                if (rc == 0)
                        rc = put_piece(f, e->key, e->klen);
                if (rc == 0)
                        rc = put_piece(f, e->val, e->vlen);
                head.bytes += bytes;
        }
        if (rc == 0 && (fseek(f, 0, SEEK_SET) != 0 || fwrite(&head, sizeof(head), 1, f) != 1))
                rc = -1;
        return rc;
}

int th_memo_save(void)
{
        pthread_mutex_lock(&memo.lock);
        int rc = 0;
        if (memo.dir && memo.dirty) {
                char *path = file_path(""), *tmp = file_path(".XXXXXX");
                int fd = mkstemp(tmp);
                FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
                if (!f) {
                        rc = -1;
                        if (fd >= 0)
                                close(fd);
                } else {
                        rc = write_file(f);
                        rc |= fclose(f) != 0 ? -1 : 0;
                        if (rc == 0)
                                rc = rename(tmp, path);
                }
                if (fd >= 0 && rc != 0)
                        unlink(tmp);
                memo.dirty = rc != 0;
                free(path);
                free(tmp);
        }
        pthread_mutex_unlock(&memo.lock);
        return rc;
}

void th_memo_close(void)
{
        th_memo_save();
        pthread_mutex_lock(&memo.lock);
        forget();
        free(memo.dir);
        memo.dir = NULL;
        pthread_mutex_unlock(&memo.lock);
}
