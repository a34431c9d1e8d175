/*
 * twohats/plugin.h: the whole contract between twohats and a rule plugin.
 *
 * A plugin is a shared object (a libtool module) that exports one function,
 * `<module>_LTX_twohats_plugin_v1`, returning a pointer to a static const
 * `struct th_plugin`.  Write it with the TWOHATS_PLUGIN() macro below.  The
 * plugin includes this header and nothing else of twohats: everything it may
 * ask of the host comes through the `struct th_host` function table handed to
 * init() and check(), so a plugin has no undefined symbols into the host.
 *
 * ABI policy.  TH_ABI_MAJOR changes when anything below is reordered,
 * removed or changes meaning; it is part of the entry symbol's name, so a
 * host never calls a plugin of another major.  TH_ABI_MINOR grows when a
 * field is appended to `struct th_plugin` or a function to `struct th_host`.
 * The host loads a plugin whose major equals its own and whose minor is not
 * newer than its own; anything else is refused with a message naming the
 * file and both versions.
 *
 * Ownership.  Everything the host passes (documents, strings, spans) is
 * borrowed for the duration of the call.  Everything a plugin reports is
 * copied by the host.  Lexicons and patterns obtained in init() belong to the
 * host and live until after fini().  A plugin frees in fini() what its
 * init() allocated.
 *
 * Threading.  check() may be called for several documents at once from
 * several threads: the state made by init() is read-only afterwards, and
 * per-call scratch belongs to the `struct th_ctx` of that call.
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
#define TH_ABI_MINOR 0

#if defined(_WIN32)
#define TH_EXPORT __declspec(dllexport)
#else
#define TH_EXPORT __attribute__((visibility("default")))
#endif

/* Severities, in rising order.  TH_SEV_OFF disables a rule. */
enum th_severity { TH_SEV_OFF = 0, TH_SEV_INFO = 1, TH_SEV_WARNING = 2, TH_SEV_ERROR = 3 };

/* Return values of init() and check(). */
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

/* Kinds of party-political content (GUIDELINES, "Shared notion"). */
enum th_partisan_kind {
        TH_PARTISAN_VOTE_CALL = 1, /* vote, membership or money call for a party or candidate */
        TH_PARTISAN_SELF_ID = 2,   /* the sender speaks as a party: "wij als CDA" */
        TH_PARTISAN_SLOGAN = 3,    /* a party slogan in its period */
        TH_PARTISAN_HASHTAG = 4,   /* a party hashtag: "#TeamD66" */
        TH_PARTISAN_POLEMIC = 5,   /* an attack on a named party */
};

/* One party-political passage of a document. */
struct th_partisan {
        enum th_partisan_kind kind;
        struct th_span span;     /* the words that make it party-political */
        struct th_span sentence; /* the sentence they stand in */
        const char *party;       /* canonical party id ("D66"), or NULL */
        int quoted;              /* inside quotation marks or a blockquote */
};

/* An election of the calendar in the rule data. */
struct th_election {
        const char *type; /* "tweede-kamer", "gemeenteraad", ... */
        const char *date; /* YYYY-MM-DD */
        int official;     /* 0 when the date is not from an official source */
};

/* A fix: replace the bytes of `span` with `replacement` (UTF-8, copied). */
struct th_fix {
        struct th_span span;
        const char *replacement;
};

/*
 * Host services.  The table is append-only within a major: a plugin that
 * needs a function added after ABI 1.0 checks `minor` first.
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
         * once; call in init().  Returns NULL and records the reason when the
         * lexicon does not exist or its data is broken. */
        const struct th_lexicon *(*lexicon)(struct th_ctx *ctx, const char *name);

        /* Find the first match of `lex` in subject[start, len).  Returns 1
         * and fills `out` on a match, 0 when there is none, and -1 when the
         * match limit was hit (the host records the reason).  Matching is
         * case-insensitive, with Unicode word boundaries, diacritics as
         * written or left out, and typographic apostrophes. */
        int (*lexicon_find)(struct th_ctx *ctx, const struct th_lexicon *lex, const char *subject,
                            size_t len, size_t start, struct th_lexicon_match *out);

        /* Compile a PCRE2 pattern (UTF, Unicode properties, caseless
         * unless the pattern says otherwise) with JIT and limits; call in
         * init().  Returns NULL and records the reason on a bad pattern. */
        struct th_pattern *(*pattern_compile)(struct th_ctx *ctx, const char *pattern);
        /* As lexicon_find(), for a pattern; `out` is the whole match. */
        int (*pattern_find)(struct th_ctx *ctx, const struct th_pattern *pat, const char *subject,
                            size_t len, size_t start, struct th_span *out);

        /* Report a finding of `rule` (an id from the plugin's rule table)
         * at `span` with `message`; `fix` may be NULL.  The host copies
         * everything.  Returns TH_ERROR for an unknown rule id or a span
         * outside the document. */
        int (*report)(struct th_ctx *ctx, const char *rule, struct th_span span,
                      const char *message, const struct th_fix *fix);

        /* The party-political passages of the document, judged once per
         * document by the host from rules/nl (parties.yml, partisan.yml),
         * in document order.  Neutral mentions (parliamentary references,
         * coalition composition) are not among them.  Returns 0 and fills
         * *items (borrowed for the call) and *count, or -1 with the reason
         * recorded. */
        int (*doc_partisan)(struct th_ctx *ctx, const struct th_doc *doc,
                            const struct th_partisan **items, size_t *count);
        /* The canonical id of a party name or abbreviation ("d'66" ->
         * "D66"), or NULL when it is no party of the registry. */
        const char *(*party_id)(struct th_ctx *ctx, const char *name);
        /* The first party named in subject[start, len): its id, with its
         * place in `out`; NULL when none is named. */
        const char *(*party_find)(struct th_ctx *ctx, const char *subject, size_t len, size_t start,
                                  struct th_span *out);

        /* The election calendar (rules/nl/elections.yml), in date order.
         * election() returns 0 and fills `out`, or -1 past the end or when
         * the calendar cannot be read (the reason is then recorded). */
        size_t (*election_count)(struct th_ctx *ctx);
        int (*election)(struct th_ctx *ctx, size_t index, struct th_election *out);

        /* As report(), but at most at severity `at_most` (the configured
         * severity when that is lower): for findings in reported speech. */
        int (*report_at_most)(struct th_ctx *ctx, const char *rule, enum th_severity at_most,
                              struct th_span span, const char *message, const struct th_fix *fix);

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

/* The descriptor a plugin returns; static const, never written by the host. */
struct th_plugin {
        unsigned major; /* TH_ABI_MAJOR the plugin was built with */
        unsigned minor; /* TH_ABI_MINOR the plugin was built with */
        size_t size;    /* sizeof(struct th_plugin) */
        const char *name;
        const char *version;
        const char *summary;
        const struct th_rule *rules;     /* {0}-terminated, at least one rule */
        const struct th_option *options; /* {0}-terminated, or NULL */
        /* Optional: prepare read-only state.  Runs once, after options are
         * validated, only when one of the plugin's rules is enabled. */
        int (*init)(const struct th_host *host, struct th_ctx *ctx, void **state);
        /* Required: check one document and report findings. */
        int (*check)(const struct th_host *host, struct th_ctx *ctx, const struct th_doc *doc,
                     void *state);
        /* Optional: free what init() made. */
        void (*fini)(void *state);
};

/* Initialise a descriptor's version fields. */
#define TH_PLUGIN_HEADER TH_ABI_MAJOR, TH_ABI_MINOR, sizeof(struct th_plugin)

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
