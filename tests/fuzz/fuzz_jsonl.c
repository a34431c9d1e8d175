/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_jsonl.c: a libFuzzer target for JSON Lines input (lib/input/input.c):
 * how a record becomes a unit of text with metadata, and then the document that
 * unit is built into, as the command line does for posts.jsonl.
 * Build and run with tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "fuzz_common.h"
#include "input/input.h"

/* Stop after this many records: a unit costs a document build. */
enum { MAX_UNITS = 256 };

struct seen {
        size_t units;
};

static int take_unit(struct th_unit *u, void *data)
{
        struct seen *seen = data;
        if (!u->name || strncmp(u->name, "fuzz.jsonl:", 11) != 0 ||
            (!u->text && !(u->error && u->error->message)))
                abort(); /* a unit has a text, or says why the record could not be read */
        if (u->error)
                return 0;
        struct th_doc doc;
        struct th_error err = {0};
        struct th_doc_options opt = {u->markup, (int)(seen->units & 1), NULL, u->fields,
                                     fuzz_conventions()};
        /* The document takes the text over, as th_session_read() does. */
        if (th_doc_build(&doc, u->name, u->text, u->len, &opt, &err) == 0 && doc.len > u->len)
                abort();
        th_doc_release(&doc);
        th_error_release(&err);
        return ++seen->units < MAX_UNITS ? 0 : -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void)argc;
        (void)argv;
        fuzz_conventions();
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct seen seen = {0};
        if (th_input_jsonl("fuzz.jsonl", "fuzz.jsonl", (const char *)data, size, fuzz_conventions(),
                           take_unit, &seen) < 0 &&
            seen.units < MAX_UNITS)
                abort(); /* only the callback stops the records */
        return 0;
}
