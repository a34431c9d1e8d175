/* SPDX-License-Identifier: EUPL-1.2 */
/* test_markdown.c: which bytes of a Markdown document are prose. */
#include "unit.h"

/* Is the text `what` (first occurrence) prose, byte for byte? */
static int is_prose(const struct th_doc *doc, const char *what)
{
        const char *at = strstr(doc->text, what);
        assert_non_null(at);
        size_t off = (size_t)(at - doc->text);
        return memcmp(doc->prose + off, what, strlen(what)) == 0;
}

static int is_blank(const struct th_doc *doc, const char *what)
{
        const char *at = strstr(doc->text, what);
        assert_non_null(at);
        for (size_t i = (size_t)(at - doc->text); i < (size_t)(at - doc->text) + strlen(what); i++)
                if (doc->prose[i] != ' ' && doc->prose[i] != '\n')
                        return 0;
        return 1;
}

static void code_links_html_are_not_prose(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        const char *text = "Zie `campagnevideo` en [de brief](https://example.org/campagneteam).\n"
                           "\n"
                           "```\nopname campagnevideo in de ministerskamer\n```\n"
                           "\n"
                           "<div>campagneteam in het Catshuis</div>\n"
                           "\n"
                           "Bron: <https://www.nu.nl/verhagen-cda-campagne.html> en **vet**.\n"
                           "\n"
                           "[^1]: Voetnoot over de campagnevideo.\n";
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        assert_true(is_blank(&doc, "`campagnevideo`"));
        assert_true(is_prose(&doc, "de brief"));
        assert_true(is_blank(&doc, "(https://example.org/campagneteam)"));
        assert_true(is_blank(&doc, "opname campagnevideo in de ministerskamer"));
        assert_true(is_blank(&doc, "<div>campagneteam in het Catshuis</div>"));
        assert_true(is_blank(&doc, "https://www.nu.nl/verhagen-cda-campagne.html"));
        assert_true(is_prose(&doc, "vet"));
        assert_true(is_blank(&doc, "**"));
        assert_true(is_blank(&doc, "Voetnoot over de campagnevideo."));
        assert_int_equal(doc.html.nr, 1); /* the <div> block; an autolink is not raw HTML */
        th_doc_release(&doc);
}

static void blockquote_is_reported_speech(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        const char *text =
            "De brief zegt:\n\n> Die ondersteuning dient dezelfde te zijn.\n\nEinde.\n";
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        size_t inside = (size_t)(strstr(text, "ondersteuning") - text);
        size_t outside = (size_t)(strstr(text, "Einde") - text);
        assert_true(th_doc_in_quote(&doc, inside));
        assert_false(th_doc_in_quote(&doc, outside));
        assert_false(th_doc_in_quote(&doc, 0));
        th_doc_release(&doc);
}

static void blocks_separate_sentences(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        const char *text = "# Kop zonder punt\nEerste alinea\n\n- punt een\n- punt twee\n";
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        assert_int_equal(doc.sentences.nr, 4);
        assert_string_equal(unit_span(&doc, &doc.sentences, 0), "Kop zonder punt");
        assert_string_equal(unit_span(&doc, &doc.sentences, 1), "Eerste alinea");
        assert_string_equal(unit_span(&doc, &doc.sentences, 3), "punt twee");
        th_doc_release(&doc);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(code_links_html_are_not_prose),
            cmocka_unit_test(blockquote_is_reported_speech),
            cmocka_unit_test(blocks_separate_sentences),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
