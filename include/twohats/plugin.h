/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * twohats/plugin.h: the whole contract between twohats and a rule plugin.
 *
 * A plugin is a shared object (a libtool module) that exports one function,
 * `<module>_LTX_twohats_plugin_v1`, returning a pointer to a static const
 * `struct th_plugin`.  Write it with the TWOHATS_PLUGIN() macro below.  The
 * plugin includes this header (and the headers of the services it uses,
 * such as <twohats/nl.h>) and nothing else of twohats: everything it may ask
 * of the host comes through the `struct th_host` function table handed to
 * init() and check(), so a plugin has no undefined symbols into the host.
 *
 *     static const struct th_plugin plugin = {
 *         TH_PLUGIN_HEADER,
 *         .name = "example",
 *         .version = "1.0.0",
 *         .summary = "flags the word 'example'",
 *         .rules = rules,
 *         .init = init,
 *         .check = check,
 *         .fini = fini,
 *     };
 *     TWOHATS_PLUGIN(example, plugin)
 *
 * ABI policy.  TH_ABI_MAJOR changes when anything below is reordered,
 * removed or changes meaning; it is part of the entry symbol's name, so a
 * host never calls a plugin of another major.  TH_ABI_MINOR grows when a
 * field is appended to `struct th_plugin` or a function to `struct th_host`.
 * The host loads a plugin whose major equals its own and whose minor is not
 * newer than its own; anything else is refused with a message naming the
 * file and both versions.  A descriptor built against an older minor is
 * shorter: the host reads a field after `check` only when the descriptor's
 * `size` covers it, so every field after `check` is optional.
 *
 * Ownership.  Everything the host passes (documents, strings, spans) is
 * borrowed for the duration of the call.  Everything a plugin reports is
 * copied by the host.  Lexicons, patterns and service tables obtained in
 * init() belong to the host and live until after fini().  A plugin keeps
 * what init() prepares in `*state` (never in file statics: two engines in
 * one process each init() the plugin) and frees it in fini().
 *
 * Threading.  The host calls a plugin from one thread at a time and checks
 * one document at a time per engine.  The state made by init() is
 * read-only afterwards and per-call scratch belongs to the `struct th_ctx`
 * of the call, so that a host may later run one engine per thread.
 *
 * The full description is in twohats-plugin(3).
 */
#ifndef TWOHATS_PLUGIN_H
#define TWOHATS_PLUGIN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TH_ABI_MAJOR 1
#define TH_ABI_MINOR 1

#if defined(_WIN32)
#define TH_EXPORT __declspec(dllexport)
#else
#define TH_EXPORT __attribute__((visibility("default")))
#endif

/* Severities, in rising order.  TH_SEV_OFF disables a rule. */
enum th_severity { TH_SEV_OFF = 0, TH_SEV_INFO = 1, TH_SEV_WARNING = 2, TH_SEV_ERROR = 3 };

/* What init(), check() and every fallible host call return. */
enum th_status { TH_OK = 0, TH_ERROR = 1 };

/* A span of the document: byte offsets into the text, end exclusive. */
struct th_span {
        size_t start;
        size_t end;
};

/* Opaque host-side objects. */
struct th_doc;     /* the document being checked */
struct th_ctx;     /* the host side of one init() or one check() call */
struct th_lexicon; /* a compiled named term list from rules/<lang>/NAME.yml */
struct th_pattern; /* a compiled regular expression */

/* What lexicon_find() found: where, and which entry (its `term`). */
struct th_lexicon_match {
        struct th_span span;
        const char *term; /* borrowed from the lexicon; lives as long as it */
};

/* A fix: replace the bytes of `span` with `replacement` (UTF-8, copied). */
struct th_fix {
        struct th_span span;
        const char *replacement;
};

/*
 * The head of a service's function table.  A service is a named, separately
 * versioned set of functions that a front-end registers with the host (the
 * Dutch model is the service "nl", <twohats/nl.h>), in the manner of
 * SQLite's fts5_api or the shared APIs of Redis modules.  Its `major`
 * changes when a function is removed or changes meaning; its `minor` grows
 * when one is appended; `size` is the size of the whole table in the host.
 */
struct th_service {
        const char *name;
        unsigned major;
        unsigned minor;
        size_t size;
};

/*
 * Host services.  Every call that can fail returns enum th_status: TH_OK, or
 * TH_ERROR with the reason recorded for the host to report (the plugin then
 * returns TH_ERROR from init() or check()).  Whether something was found is
 * told through an out parameter.  The table is append-only within a major:
 * a plugin that needs a function added after ABI 1.0 checks `minor` first.
 */
struct th_host {
        unsigned major; /* the host's TH_ABI_MAJOR */
        unsigned minor; /* the host's TH_ABI_MINOR */
        size_t size;    /* sizeof(struct th_host) in the host */

        /* The document.  Text is UTF-8 without byte-order mark or front
         * matter removed: offsets are those of the file as read.  The prose
         * view has the same length, with every byte that is not prose (code,
         * markup, raw HTML, link destinations, front matter, suppression
         * comments) replaced by a space, so spans found in it are spans of
         * the text.  Neither is NUL-terminated. */
        const char *(*doc_text)(const struct th_doc *doc, size_t *len);
        const char *(*doc_prose)(const struct th_doc *doc, size_t *len);
        const char *(*doc_path)(const struct th_doc *doc);

        /* Metadata value `index` (0 for a single value) of `key`, or NULL.
         * Known keys hold canonical values (`account: hybride` reads as
         * "hybrid").  doc_meta_span() gives where the value was written in
         * the text (front matter), and returns 0 when it came from
         * elsewhere (configuration, JSON Lines record, command line). */
        const char *(*doc_meta)(const struct th_doc *doc, const char *key, size_t index);
        int (*doc_meta_span)(const struct th_doc *doc, const char *key, struct th_span *out);

        /* Sentences of the prose, in order; a sentence never spans two
         * blocks.  doc_in_quote() tells whether an offset lies inside
         * quotation marks or a blockquote (reported speech). */
        size_t (*doc_sentence_count)(const struct th_doc *doc);
        struct th_span (*doc_sentence)(const struct th_doc *doc, size_t index);
        int (*doc_in_quote)(const struct th_doc *doc, size_t offset);

        /* Blocks of the prose, in order: paragraphs, headings, list items,
         * table cells (in plain text: paragraphs between blank lines).  An
         * agenda item is a block. */
        size_t (*doc_block_count)(const struct th_doc *doc);
        struct th_span (*doc_block)(const struct th_doc *doc, size_t index);

        /* The plugin's option `name`: in check(), as the configuration that
         * applies to the document sets it (validated against the plugin's
         * option table), else its declared default; in init(), the declared
         * default, since documents of several configurations share one init().
         * NULL for a name the plugin did not declare. */
        const char *(*option)(struct th_ctx *ctx, const char *name);

        /* Named lexicons, `<lang>/<name>` (e.g. "nl/premises"), compiled
         * once; call in init().  Fails when the lexicon does not exist or
         * its data is broken. */
        enum th_status (*lexicon)(struct th_ctx *ctx, const char *name,
                                  const struct th_lexicon **out);

        /* Find the first match of `lex` in subject[start, len): *found is 1
         * and `out` filled on a match, 0 when there is none.  Fails when the
         * match limit was hit.  Matching is case-insensitive, with Unicode
         * word boundaries, diacritics as written or left out, and
         * typographic apostrophes. */
        enum th_status (*lexicon_find)(struct th_ctx *ctx, const struct th_lexicon *lex,
                                       const char *subject, size_t len, size_t start,
                                       struct th_lexicon_match *out, int *found);

        /* Compile a PCRE2 pattern (UTF, Unicode properties, caseless
         * unless the pattern says otherwise) with JIT and limits; call in
         * init().  Fails on a bad pattern. */
        enum th_status (*pattern_compile)(struct th_ctx *ctx, const char *pattern,
                                          struct th_pattern **out);
        /* As lexicon_find(), for a pattern; `out` is the whole match. */
        enum th_status (*pattern_find)(struct th_ctx *ctx, const struct th_pattern *pat,
                                       const char *subject, size_t len, size_t start,
                                       struct th_span *out, int *found);

        /* Report a finding of `rule` (an id from the plugin's rule table)
         * at `span`, with a message formatted as printf() does; `fix` may
         * be NULL.  The host copies everything.  Fails for an unknown rule
         * id or a span outside the document. */
        enum th_status (*report)(struct th_ctx *ctx, const char *rule, struct th_span span,
                                 const struct th_fix *fix, const char *fmt, ...)
#if defined(__GNUC__)
            __attribute__((format(printf, 5, 6)))
#endif
            ;
        /* As report(), but at most at severity `at_most` (the configured
         * severity when that is lower): for findings in reported speech. */
        enum th_status (*report_at_most)(struct th_ctx *ctx, const char *rule,
                                         enum th_severity at_most, struct th_span span,
                                         const struct th_fix *fix, const char *fmt, ...)
#if defined(__GNUC__)
            __attribute__((format(printf, 6, 7)))
#endif
            ;

        /* The function table of service `name` (struct th_service first),
         * when the host has it at major `major` and at least minor `minor`.
         * Fails, naming what the host has, otherwise; call in init(). */
        enum th_status (*service)(struct th_ctx *ctx, const char *name, unsigned major,
                                  unsigned minor, const void **out);

        /* Record why init() or check() is about to return TH_ERROR. */
        void (*fail)(struct th_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
            __attribute__((format(printf, 2, 3)))
#endif
            ;
};

/* One rule of a plugin.  Tables end with an all-zero entry. */
struct th_rule {
        const char *id;            /* "plugin/rule", stable: used in config and output */
        enum th_severity severity; /* default; configuration may override */
        const char *summary;       /* one line */
        const char *explanation;   /* what, why with its sources, examples, suppression */
};

/* Types of plugin options, validated by the host. */
enum th_option_type { TH_OPT_STRING = 0, TH_OPT_BOOL = 1, TH_OPT_INT = 2, TH_OPT_NUMBER = 3 };

/* One option a plugin accepts under `plugins: NAME: options:`. */
struct th_option {
        const char *name;
        enum th_option_type type;
        const char *default_value; /* as it would be written in YAML */
        const char *summary;
};

/* The descriptor a plugin returns; static const, never written by the host.
 * Fields up to `check` are required; later ones are optional (see the ABI
 * policy above).  Write it with designated initialisers. */
struct th_plugin {
        unsigned major; /* TH_ABI_MAJOR the plugin was built with */
        unsigned minor; /* TH_ABI_MINOR the plugin was built with */
        size_t size;    /* sizeof(struct th_plugin) */
        const char *name;
        const char *version;
        const char *summary;
        const struct th_rule *rules;     /* {0}-terminated, at least one rule */
        const struct th_option *options; /* {0}-terminated, or NULL */
        /* Optional: prepare read-only state in *state.  Runs once, after
         * options are validated, only when one of the plugin's rules is
         * enabled. */
        enum th_status (*init)(const struct th_host *host, struct th_ctx *ctx, void **state);
        /* Required: check one document and report findings. */
        enum th_status (*check)(const struct th_host *host, struct th_ctx *ctx,
                                const struct th_doc *doc, void *state);
        /* Optional: free what init() made.  Also called when init() failed,
         * with what it had put in *state (NULL when nothing). */
        void (*fini)(void *state);
        /* Since 1.1, optional: the gettext text domain of the plugin's texts.  The host
         * translates the rules' summaries and explanations and the formats of report()
         * through it (dgettext); the plugin binds it to its folder in init() if it is not
         * the host's (bindtextdomain) and translates the words it passes as arguments. */
        const char *textdomain;
};

/* Initialise a descriptor's version fields. */
#define TH_PLUGIN_HEADER                                                                           \
        .major = TH_ABI_MAJOR, .minor = TH_ABI_MINOR, .size = sizeof(struct th_plugin)

/*
 * Export the descriptor `desc` of module `module` (the module's file name
 * with every character that is not a letter or digit replaced by '_').
 */
#define TWOHATS_PLUGIN(module, desc)                                                               \
        TH_EXPORT const struct th_plugin *module##_LTX_twohats_plugin_v1(void);                    \
        const struct th_plugin *module##_LTX_twohats_plugin_v1(void)                               \
        {                                                                                          \
                return &(desc);                                                                    \
        }

#ifdef __cplusplus
}
#endif

#endif /* TWOHATS_PLUGIN_H */
