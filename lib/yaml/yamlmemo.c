/* SPDX-License-Identifier: EUPL-1.2 */
/* yamlmemo.c: parsed YAML documents in the memo (see yamlmemo.h). */
#include "yaml/yamlmemo.h"
#include "base/util.h"
#include "cache/memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The value: 32-bit words.  The document's implicit flags and marks, the node count,
 * then each node: type, style, tag length, start and end marks, then the scalar's
 * length and bytes, or the items, or the key and value of each pair, then the tag's
 * bytes; bytes padded to a word.
 */

/* The key: libyaml's version (another may place nodes otherwise), then the text. */
static char *key_of(const char *text, size_t len, size_t *klen)
{
        const char *v = yaml_get_version_string();
        size_t n = strlen(v);
        char *key = th_xmalloc(n + 1 + len);
        memcpy(key, v, n);
        key[n] = '\n';
        memcpy(key + n + 1, text, len);
        *klen = n + 1 + len;
        return key;
}

static void put_word(struct th_buf *b, size_t w)
{
        uint32_t u = (uint32_t)w;
        th_buf_add(b, (const char *)&u, sizeof(u));
}

/* The length, the bytes and one to four NULs (a reader uses them in place). */
static void put_bytes(struct th_buf *b, const void *p, size_t n)
{
        put_word(b, n);
        th_buf_add(b, p, n);
        th_buf_add(b, "\0\0\0\0", 4 - n % 4);
}

static void put_mark(struct th_buf *b, yaml_mark_t m)
{
        put_word(b, m.index);
        put_word(b, m.line);
        put_word(b, m.column);
}

/* Whether the nodes form a tree whose children come after their parents, as libyaml
 * builds a document without aliases.  Only such a document is kept, and one read back
 * must be one: a damaged entry cannot make a cycle (a walk without end) or a node shared
 * a billion-fold. */
static int is_tree(const yaml_document_t *doc)
{
        size_t nodes = (size_t)(doc->nodes.top - doc->nodes.start);
        unsigned char *seen = th_xcalloc(nodes + 1, 1);
        int ok = 1;
        for (size_t i = 1; i <= nodes && ok; i++) {
                const yaml_node_t *n = &doc->nodes.start[i - 1];
                const int *c = NULL, *end = NULL;
                if (n->type == YAML_SEQUENCE_NODE) {
                        c = n->data.sequence.items.start;
                        end = n->data.sequence.items.top;
                } else if (n->type == YAML_MAPPING_NODE) {
                        c = (const int *)n->data.mapping.pairs.start;
                        end = (const int *)n->data.mapping.pairs.top;
                }
                for (; c && c < end && ok; c++) {
                        ok = *c > (int)i && (size_t)*c <= nodes && !seen[*c];
                        if (ok)
                                seen[*c] = 1;
                }
        }
        free(seen);
        return ok;
}

void th_yaml_memo_put(const char *text, size_t len, const yaml_document_t *doc)
{
        /* Documents with directives or aliases are not kept: they are parsed each time. */
        if (len < TH_YAML_MEMO_MIN || len > TH_YAML_MEMO_MAX || !th_memo_on() || doc->version_directive ||
            doc->tag_directives.start != doc->tag_directives.end || !is_tree(doc))
                return;
        struct th_buf b = {0};
        put_word(&b, (size_t)doc->start_implicit);
        put_word(&b, (size_t)doc->end_implicit);
        put_mark(&b, doc->start_mark);
        put_mark(&b, doc->end_mark);
        put_word(&b, (size_t)(doc->nodes.top - doc->nodes.start));
        for (const yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++) {
                put_word(&b, n->type);
                put_word(&b, n->type == YAML_SCALAR_NODE     ? (size_t)n->data.scalar.style
                             : n->type == YAML_SEQUENCE_NODE ? (size_t)n->data.sequence.style
                                                             : (size_t)n->data.mapping.style);
                put_mark(&b, n->start_mark);
                put_mark(&b, n->end_mark);
                if (n->type == YAML_SCALAR_NODE) {
                        put_bytes(&b, n->data.scalar.value, n->data.scalar.length);
                } else if (n->type == YAML_SEQUENCE_NODE) {
                        put_word(&b, (size_t)(n->data.sequence.items.top -
                                              n->data.sequence.items.start));
                        for (const yaml_node_item_t *i = n->data.sequence.items.start;
                             i < n->data.sequence.items.top; i++)
                                put_word(&b, (size_t)*i);
                } else {
                        put_word(&b,
                                 (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start));
                        for (const yaml_node_pair_t *p = n->data.mapping.pairs.start;
                             p < n->data.mapping.pairs.top; p++) {
                                put_word(&b, (size_t)p->key);
                                put_word(&b, (size_t)p->value);
                        }
                }
                const char *tag = (const char *)n->tag;
                put_bytes(&b, tag ? tag : "", tag ? strlen(tag) : 0);
        }
        size_t klen;
        char *key = key_of(text, len, &klen);
        th_memo_put(TH_MEMO_YAML, key, klen, b.s, b.len);
        free(key);
        th_buf_release(&b);
}

/* A reader of the value's words that fails, once and for good, at its end. */
struct reader {
        const uint32_t *w;
        size_t at, n;
        int bad;
};

static size_t word(struct reader *r)
{
        if (r->at >= r->n) {
                r->bad = 1;
                return 0;
        }
        return r->w[r->at++];
}

/* The next `count` words, in place (NULL when the value ends first). */
static const uint32_t *words(struct reader *r, size_t count)
{
        if (r->bad || count > r->n - r->at) {
                r->bad = 1;
                return NULL;
        }
        r->at += count;
        return r->w + r->at - count;
}

/* The next bytes, in place: put_bytes() ended them with a NUL, as libyaml's are. */
static yaml_char_t *bytes(struct reader *r, size_t *len)
{
        size_t n = word(r);
        const uint32_t *w = words(r, n / 4 + 1);
        if (w && ((const char *)w)[n] != '\0')
                r->bad = 1;
        *len = n;
        /* the document is only read: its texts may be the memo's */
        return r->bad ? NULL : (yaml_char_t *)(uintptr_t)w;
}

static yaml_mark_t mark(struct reader *r)
{
        yaml_mark_t m;
        m.index = word(r);
        m.line = word(r);
        m.column = word(r);
        return m;
}

/* The next `count` node indexes, in place, each of a node in [1, nodes]. */
static int *indexes(struct reader *r, size_t count, size_t nodes)
{
        const uint32_t *w = words(r, count);
        for (size_t i = 0; w && i < count; i++)
                r->bad |= w[i] < 1 || w[i] > nodes;
        return r->bad ? NULL : (int *)(uintptr_t)w;
}

/* The nodes, into doc->nodes; NULL texts and items when damaged. */
static void read_nodes(struct reader *r, yaml_document_t *doc, size_t nodes)
{
        for (size_t i = 0; i < nodes && !r->bad; i++) {
                yaml_node_t *n = doc->nodes.top++;
                memset(n, 0, sizeof(*n));
                n->type = (yaml_node_type_t)word(r);
                size_t style = word(r), len = 0, count;
                n->start_mark = mark(r);
                n->end_mark = mark(r);
                switch (n->type) {
                case YAML_SCALAR_NODE:
                        n->data.scalar.style = (yaml_scalar_style_t)style;
                        n->data.scalar.value = bytes(r, &n->data.scalar.length);
                        break;
                case YAML_SEQUENCE_NODE:
                        n->data.sequence.style = (yaml_sequence_style_t)style;
                        count = word(r);
                        n->data.sequence.items.start = indexes(r, count, nodes);
                        n->data.sequence.items.top = n->data.sequence.items.end =
                            n->data.sequence.items.start + (r->bad ? 0 : count);
                        break;
                case YAML_MAPPING_NODE:
                        n->data.mapping.style = (yaml_mapping_style_t)style;
                        count = word(r);
                        n->data.mapping.pairs.start =
                            (yaml_node_pair_t *)indexes(r, 2 * count, nodes);
                        n->data.mapping.pairs.top = n->data.mapping.pairs.end =
                            n->data.mapping.pairs.start + (r->bad ? 0 : count);
                        break;
                default:
                        r->bad = 1;
                }
                n->tag = bytes(r, &len);
        }
}

int th_yaml_memo_get(const char *text, size_t len, yaml_document_t *doc)
{
        if (len < TH_YAML_MEMO_MIN || len > TH_YAML_MEMO_MAX || !th_memo_on())
                return -1;
        size_t klen, vlen;
        char *key = key_of(text, len, &klen);
        const void *v = th_memo_get(TH_MEMO_YAML, key, klen, &vlen);
        free(key);
        if (!v)
                return -1;
        struct reader r = {v, 0, vlen / 4, vlen % 4 != 0};
        yaml_document_t d;
        memset(&d, 0, sizeof(d));
        d.start_implicit = (int)word(&r);
        d.end_implicit = (int)word(&r);
        d.start_mark = mark(&r);
        d.end_mark = mark(&r);
        size_t nodes = word(&r);
        /* each node takes at least 11 words: a count beyond that is damage */
        if (r.bad || nodes > (r.n - r.at) / 11)
                return -1;
        d.nodes.start = d.nodes.top = th_xmalloc((nodes ? nodes : 1) * sizeof(yaml_node_t));
        d.nodes.end = d.nodes.start + nodes;
        read_nodes(&r, &d, nodes);
        if (r.bad || r.at != r.n || !is_tree(&d)) {
                free(d.nodes.start);
                return -1;
        }
        *doc = d;
        return 0;
}
