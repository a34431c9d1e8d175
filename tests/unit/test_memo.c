/* SPDX-License-Identifier: EUPL-1.2 */
/* test_memo.c: the memo on disk (cache/memo.h) and its three users: entries come back
 * after a save, aligned; a damaged, foreign or linked file is passed over; the memo keeps
 * no more than its bound; patterns, lemmas and YAML documents from the memo are the ones
 * worked out without it, and a damaged YAML entry is parsed again instead. */
#include "unit.h"
#include "cache/memo.h"
#include "match/match.h"
#include "match/morphology.h"
#include "yaml/yamldoc.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static char dir[64];

static int setup(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "%s/memo-test.XXXXXX", getenv("TMPDIR") ? "." : "/tmp");
        return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
        (void)state;
        th_memo_close();
        char *cmd = th_xasprintf("rm -rf '%s'", dir);
        int rc = system(cmd);
        free(cmd);
        return rc;
}

/* A fresh memo folder below the test's. */
static char *fresh(const char *name)
{
        th_memo_close();
        char *d = th_xasprintf("%s/%s", dir, name);
        assert_int_equal(th_memo_open(d), 0);
        return d;
}

static void reopen(const char *d)
{
        th_memo_close(); /* saves */
        assert_int_equal(th_memo_open(d), 0);
}

static void corrupt_byte(const char *d, off_t at)
{
        char *path = th_xasprintf("%s/memo.bin", d);
        int fd = open(path, O_RDWR);
        assert_true(fd >= 0);
        unsigned char c;
        assert_int_equal(pread(fd, &c, 1, at), 1);
        c ^= 0x5a;
        assert_int_equal(pwrite(fd, &c, 1, at), 1);
        close(fd);
        free(path);
}

static void kept_across_runs(void **state)
{
        (void)state;
        size_t n;
        th_memo_close();
        assert_int_equal(th_memo_on(), 0);
        th_memo_put(TH_MEMO_LEMMAS, "k", 1, "v", 1); /* no memo open: nothing kept */
        char *d = fresh("a");
        assert_null(th_memo_get(TH_MEMO_LEMMAS, "k", 1, &n));
        th_memo_put(TH_MEMO_LEMMAS, "campagnes", 9, "campagne", 9);
        th_memo_put(TH_MEMO_PATTERN, "campagnes", 9, "other kind", 10);
        th_memo_put(TH_MEMO_LEMMAS, "campagnes", 9, "second", 6); /* kept already */
        reopen(d);
        const char *v = th_memo_get(TH_MEMO_LEMMAS, "campagnes", 9, &n);
        assert_non_null(v);
        assert_int_equal(n, 9);
        assert_string_equal(v, "campagne");
        assert_int_equal((uintptr_t)v % 8, 0);
        v = th_memo_get(TH_MEMO_PATTERN, "campagnes", 9, &n);
        assert_int_equal(n, 10);
        assert_memory_equal(v, "other kind", 10);
        assert_null(th_memo_get(TH_MEMO_YAML, "campagnes", 9, &n));
        struct stat st;
        assert_int_equal(stat(d, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0700);
        char *path = th_xasprintf("%s/memo.bin", d);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0600);
        free(path);
        free(d);
}

static void damaged_foreign_or_linked_files_are_passed_over(void **state)
{
        (void)state;
        size_t n;
        char *d = fresh("b");
        th_memo_put(TH_MEMO_LEMMAS, "gezinnen", 8, "gezin", 6);
        th_memo_close();
        /* the value: after the file's head (40 bytes), the entry's (32) and its key (8) */
        corrupt_byte(d, 80); /* its sum no longer holds */
        assert_int_equal(th_memo_open(d), 0);
        assert_null(th_memo_get(TH_MEMO_LEMMAS, "gezinnen", 8, &n));
        th_memo_put(TH_MEMO_LEMMAS, "gezinnen", 8, "gezin", 6); /* and replaced at the save */
        reopen(d);
        assert_non_null(th_memo_get(TH_MEMO_LEMMAS, "gezinnen", 8, &n));
        char *path = th_xasprintf("%s/memo.bin", d);
        th_memo_close();
        assert_int_equal(chmod(path, 0666), 0); /* writable by others */
        assert_int_equal(th_memo_open(d), 0);
        assert_null(th_memo_get(TH_MEMO_LEMMAS, "gezinnen", 8, &n));
        th_memo_close();
        assert_int_equal(chmod(path, 0600), 0);
        char *link = th_xasprintf("%s/elsewhere.bin", d);
        assert_int_equal(rename(path, link), 0);
        assert_int_equal(symlink("elsewhere.bin", path), 0);
        assert_int_equal(th_memo_open(d), 0);
        assert_null(th_memo_get(TH_MEMO_LEMMAS, "gezinnen", 8, &n));
        free(link);
        free(path);
        free(d);
}

static void unusable_folder_means_no_memo(void **state)
{
        (void)state;
        th_memo_close();
        char *file = th_xasprintf("%s/plain-file", dir);
        FILE *f = fopen(file, "w");
        assert_non_null(f);
        fclose(f);
        char *below = th_xasprintf("%s/sub", file);
        assert_int_equal(th_memo_open(below), -1);
        assert_int_equal(th_memo_on(), 0);
        assert_int_equal(th_memo_open(""), -1);
        free(below);
        free(file);
}

static void bounded(void **state)
{
        (void)state;
        size_t n, value = 1u << 20, kept = 0;
        char *big = th_xcalloc(1, value);
        char *d = fresh("c");
        for (unsigned i = 0; i < 40; i++) {
                char key[16];
                snprintf(key, sizeof(key), "k%u", i);
                big[0] = (char)i;
                th_memo_put(TH_MEMO_PATTERN, key, strlen(key), big, value);
                kept += th_memo_get(TH_MEMO_PATTERN, key, strlen(key), &n) != NULL;
        }
        assert_int_equal(kept, TH_MEMO_MAX_BYTES / value - 1); /* each entry has a head */
        reopen(d);
        assert_non_null(th_memo_get(TH_MEMO_PATTERN, "k0", 2, &n));
        assert_null(th_memo_get(TH_MEMO_PATTERN, "k39", 3, &n));
        free(big);
        free(d);
}

static void patterns_from_the_memo_match_as_compiled(void **state)
{
        (void)state;
        const char *src = "(?<!\\p{L})stem (?:op|voor) (\\p{Lu}\\w+)";
        const char *text = "Morgen: stem op Jansen en stem voor Pietersen.";
        char *d = fresh("d");
        char why[128];
        size_t at, ov[2][4];
        for (int run = 0; run < 2; run++) { /* compiled, then from the memo */
                struct th_regex *re = th_regex_compile(src, why, sizeof(why), &at);
                assert_non_null(re);
                struct th_scratch *s = th_scratch_new();
                assert_int_equal(th_regex_find(re, s, text, strlen(text), 20, ov[run], 2), 1);
                th_scratch_free(s);
                th_regex_free(re);
                reopen(d);
        }
        assert_memory_equal(ov[0], ((size_t[]){26, 45, 36, 45}), sizeof(ov[0]));
        assert_memory_equal(ov[1], ov[0], sizeof(ov[0]));
        /* The code is read from the memo at the first match; a memo closed by then (its
         * code gone) leaves the pattern to be compiled again, with the same result. */
        struct th_regex *re = th_regex_compile(src, why, sizeof(why), &at);
        th_memo_close();
        struct th_scratch *s = th_scratch_new();
        size_t again[4];
        assert_int_equal(th_regex_find(re, s, text, strlen(text), 20, again, 2), 1);
        assert_memory_equal(again, ov[0], sizeof(again));
        th_scratch_free(s);
        th_regex_free(re);
        reopen(d);
        /* a pattern that does not compile is still refused, at its place */
        assert_null(th_regex_compile("stem (op", why, sizeof(why), &at));
        assert_int_equal(at, 8);
        free(d);
}

static void lemmas_from_the_memo_need_no_hunspell(void **state)
{
        (void)state;
        char *d = fresh("e");
        struct th_error err = {0};
        const char *out[8], *words[] = {"kandidaten", "gezinnen", "onbekendwoordxyz"};
        size_t counts[3];
        char first[3][64];
        for (int run = 0; run < 2; run++) {
                struct th_morphology *m = th_morphology_open("nl", &err);
                assert_non_null(m);
                th_morphology_want(m, "kand", 4);
                for (size_t i = 0; i < 3; i++) {
                        size_t k = th_morphology_lemmas(m, words[i], strlen(words[i]), out, 8);
                        if (!run) {
                                counts[i] = k;
                                snprintf(first[i], sizeof(first[i]), "%s", k ? out[k - 1] : "");
                        } else {
                                assert_int_equal(k, counts[i]);
                                assert_string_equal(k ? out[k - 1] : "", first[i]);
                        }
                }
                assert_int_equal(th_morphology_lookups(m), run ? 0 : 3);
                th_morphology_free(m);
                reopen(d);
        }
        assert_string_equal(first[0], "kandidaat");
        assert_int_equal(counts[2], 0);
        /* another set of wanted words is another dictionary: asked again */
        struct th_morphology *m = th_morphology_open("nl", &err);
        th_morphology_want(m, "gezi", 4);
        th_morphology_lemmas(m, "kandidaten", 10, out, 8);
        assert_int_equal(th_morphology_lookups(m), 1);
        th_morphology_free(m);
        free(d);
}

/* Every node of `n`, with its kind, text and place, as one string. */
static void dump(const struct th_yamldoc *y, const struct th_ynode *n, struct th_buf *b)
{
        unsigned el, ec;
        th_yamldoc_end(y, n, &el, &ec);
        th_buf_addf(b, "%s@%u:%u-%u:%u", th_yamldoc_kind(n), th_yamldoc_line(y, n),
                    th_yamldoc_col(y, n), el, ec);
        if (th_yamldoc_type(n) == TH_YSCALAR)
                th_buf_addf(b, "=%s;", th_yamldoc_scalar(n));
        for (size_t i = 0; th_yamldoc_type(n) == TH_YLIST && i < th_yamldoc_count(n); i++)
                dump(y, th_yamldoc_item(y, n, i), b);
        for (size_t i = 0; th_yamldoc_type(n) == TH_YMAP && i < th_yamldoc_count(n); i++) {
                const struct th_ynode *key;
                const struct th_ynode *v = th_yamldoc_pair(y, n, i, &key);
                dump(y, key, b);
                dump(y, v, b);
        }
        th_buf_adds(b, "|");
}

static char *load_dump(const char *text)
{
        struct th_yamldoc y;
        struct th_error err = {0};
        assert_int_equal(th_yamldoc_load(&y, "t.yml", text, strlen(text), 2, TH_ERR_USAGE, &err),
                         0);
        struct th_buf b = {0};
        dump(&y, th_yamldoc_root(&y), &b);
        th_yamldoc_release(&y);
        return th_buf_detach(&b);
}

static char *yaml_text(void)
{
        struct th_buf t = {0};
        th_buf_adds(&t, "# rules\nname: \"vote-call\"\nterms:\n");
        for (int i = 0; i < 60; i++)
                th_buf_addf(&t, "  - {term: 'stem op %d', weight: %d}\n", i, i % 7);
        th_buf_adds(&t, "block: |\n  two\n  lines\nempty: []\nnone: {}\n");
        return th_buf_detach(&t);
}

static void yaml_from_the_memo_is_the_parsed_document(void **state)
{
        (void)state;
        char *text = yaml_text();
        th_memo_close();
        char *parsed = load_dump(text);
        char *d = fresh("f");
        free(load_dump(text)); /* kept */
        reopen(d);
        char *memo = load_dump(text);
        assert_string_equal(memo, parsed);
        free(memo);
        /* and it is the memo's document that is read: another text's entry, put under this
         * text, is what a load of this text gives */
        char *other = th_xasprintf("%s# more\nmore: [1, 2]\n", text), *other_parsed;
        size_t vn, klen = strlen(yaml_get_version_string()) + 1 + strlen(other);
        char *key = th_xasprintf("%s\n%s", yaml_get_version_string(), other);
        free(load_dump(other));
        other_parsed = load_dump(other);
        const void *kept = th_memo_get(TH_MEMO_YAML, key, klen, &vn);
        assert_non_null(kept);
        unsigned char *v = th_xmalloc(vn);
        memcpy(v, kept, vn);
        free(fresh("f2"));
        free(key);
        klen = strlen(yaml_get_version_string()) + 1 + strlen(text);
        key = th_xasprintf("%s\n%s", yaml_get_version_string(), text);
        th_memo_put(TH_MEMO_YAML, key, klen, v, vn);
        memo = load_dump(text);
        assert_string_equal(memo, other_parsed);
        free(memo);
        free(v);
        free(key);
        free(other);
        free(other_parsed);
        free(d);
        free(parsed);
        free(text);
}

static void damaged_yaml_entries_are_parsed_again(void **state)
{
        (void)state;
        th_memo_close();
        char *text = yaml_text(), *parsed = load_dump(text);
        char *d = fresh("g");
        free(load_dump(text));
        /* the entry as yamlmemo.c keys it */
        size_t vn, klen = strlen(yaml_get_version_string()) + 1 + strlen(text);
        char *key = th_xasprintf("%s\n%s", yaml_get_version_string(), text);
        const void *v = th_memo_get(TH_MEMO_YAML, key, klen, &vn);
        assert_non_null(v);
        unsigned char *good = th_xmalloc(vn), *bad = th_xmalloc(vn);
        memcpy(good, v, vn);
        srand(7);
        for (int trial = 0; trial < 300; trial++) {
                size_t n = trial < 100 ? vn * (size_t)trial / 100 : vn; /* cut short, or */
                memcpy(bad, good, vn);
                for (int k = 0; trial >= 100 && k < 1 + trial % 4; k++) /* words changed */
                        bad[(size_t)rand() % vn] = (unsigned char)rand();
                char *sub = th_xasprintf("g%d", trial);
                free(fresh(sub));
                free(sub);
                th_memo_put(TH_MEMO_YAML, key, klen, bad, n);
                char *got = load_dump(text);
                /* cut short: parsed again; changed: parsed again, or (a changed character
                 * or place) still a tree, which the dump walks to its end */
                if (trial < 100)
                        assert_string_equal(got, parsed);
                free(got);
        }
        free(good);
        free(bad);
        free(key);
        free(d);
        free(parsed);
        free(text);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(kept_across_runs),
            cmocka_unit_test(damaged_foreign_or_linked_files_are_passed_over),
            cmocka_unit_test(unusable_folder_means_no_memo),
            cmocka_unit_test(bounded),
            cmocka_unit_test(patterns_from_the_memo_match_as_compiled),
            cmocka_unit_test(lemmas_from_the_memo_need_no_hunspell),
            cmocka_unit_test(yaml_from_the_memo_is_the_parsed_document),
            cmocka_unit_test(damaged_yaml_entries_are_parsed_again),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
