/* SPDX-License-Identifier: EUPL-1.2 */
/* test_cues.c: judgement from cues, with the project's own rule data (rules/nl/cues.yml):
 * for each new cue class, the exact passage, its span and the cues named for the
 * message; and the refusals of a broken cues.yml, with their place. */
#include "unit_nl.h"
#include "match/morphology.h"
#include "tmpdir.h"

static struct th_lexicons *lexicons;
static struct th_partisan_model *model;
static struct th_cues *cues;
static struct th_word_table *words;
static struct th_morphology *morphology;
static struct th_scratch *scratch;

static int setup(void **state)
{
        (void)state;
        struct th_error err = {0};
        scratch = th_scratch_new();
        if (unit_nl_load(&lexicons, &model, &cues) < 0)
                return -1;
        /* with Dutch morphology, as the engine builds it */
        morphology = th_morphology_open("nl", &err);
        if (!morphology)
                return -1;
        struct th_word_morphology m = {.lang = "nl", .morphology = morphology};
        words = th_word_table_new(lexicons, &m, 1);
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        th_cues_free(cues);
        th_partisan_model_free(model);
        th_word_table_free(words);
        th_morphology_free(morphology);
        th_lexicons_free(lexicons);
        th_scratch_free(scratch);
        return 0;
}

/* Judge `text` with metadata `minister`, `party` and `account` (any may be NULL) as
 * "group/judgement@start-end:words|cues;..." */
static char *judge(const char *text, const char *minister, const char *party, const char *account)
{
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        if (minister)
                assert_int_equal(
                    th_meta_set(&doc.meta, "minister", &minister, 1, NULL, NULL, "t", 0, 0, &err),
                    0);
        if (party)
                assert_int_equal(
                    th_meta_set(&doc.meta, "party", &party, 1, NULL, NULL, "t", 0, 0, &err), 0);
        if (account)
                assert_int_equal(
                    th_meta_set(&doc.meta, "account", &account, 1, NULL, NULL, "t", 0, 0, &err), 0);
        struct th_word_index *x = th_word_index_build(words, scratch, doc.prose, doc.len);
        struct th_partisan_list parties = {0};
        struct th_judged_list out = {0};
        assert_non_null(x);
        assert_int_equal(th_partisan_judge(model, scratch, &doc, x, &parties, &err), 0);
        assert_int_equal(th_cues_judge(cues, model, scratch, &doc, x, &parties, &out, &err), 0);
        struct th_buf b = {0};
        for (size_t i = 0; i < out.nr; i++) {
                const struct th_judged_item *it = &out.v[i];
                th_buf_addf(&b, "%s/%s@%zu-%zu:%.*s|%s;", it->group, it->judgement, it->span.start,
                            it->span.end, (int)(it->span.end - it->span.start),
                            doc.text + it->span.start, it->cues);
        }
        th_judged_list_release(&out);
        free(parties.v);
        th_word_index_free(x);
        th_doc_release(&doc);
        return th_buf_detach(&b);
}

static void expect_meta(const char *text, const char *minister, const char *party,
                        const char *account, const char *want)
{
        char *got = judge(text, minister, party, account);
        assert_string_equal(got, want);
        free(got);
}

static void expect(const char *text, const char *minister, const char *want)
{
        expect_meta(text, minister, NULL, NULL, want);
}

static void ratings(void **state)
{
        (void)state;
        expect("Minister Jansen krijgt het meeste vertrouwen (58 procent).", NULL,
               "ratings/approval-of-minister@27-44:meeste vertrouwen|approval of a person, the "
               "minister, a figure;");
        expect("Het kabinet scoort in de peiling 38 procent.", NULL,
               "ratings/poll-score@25-32:peiling|a poll, the cabinet, a score, a figure;");
        expect("Staatssecretaris De Boer eindigt als derde in de peiling.", NULL,
               "ratings/poll-of-minister@49-56:peiling|a poll, the minister, a ranking;");
        expect("Zij is tevreden. Haar cijfer steeg van 6,1 naar 6,8.", "Jansen", "");
        expect("Uit de enquête blijkt: Dales is de minst sympathieke minister.", NULL,
               "ratings/superlative-title@36-62:minst sympathieke minister|a ranking;");
        expect("Minister Jansen opende. Haar cijfer steeg van 6,1 naar 6,8.", NULL,
               "ratings/person-score@24-35:Haar cijfer|a person's score, the minister, a figure;");
        /* a poll of something else, trust in an institution: no rating of the minister */
        expect("Minister Jansen toont de peiling van het grondwater: het daalde 12 procent.", NULL,
               "");
        expect("Het kabinet heeft vertrouwen in de gemeenten; 60 procent doet mee.", NULL, "");
        /* a poll of the parties' seats beside a minister */
        expect("De partij haalde 23 zetels. In de peilingen stond ze slecht, nu is ze tevreden. "
               "Minister Jansen sprak van een mooie avond.",
               NULL, "");
        /* a ranking said by a minister is no ranking of the minister */
        expect("Minister Bruins: fietsen en wandelen zijn het populairst onder jongeren.", NULL,
               "");
        expect("Minister Slob wordt door de helft van de kiezers vertrouwd.", NULL,
               "ratings/trusted-minister@14-58:wordt door de helft van de kiezers vertrouwd|trust "
               "in a person, the minister, a figure;");
        expect("De regeling wordt door de helft van de gemeenten gewaardeerd.", NULL, "");
        expect("Minister Slob staat op de tweede plek in de peiling.", NULL,
               "ratings/poll-of-minister@44-51:peiling|a poll, the minister, a ranking;");
        expect("In de eerste plaats wil minister Slob 5 procent meer geven.", NULL, "");
        expect("Mark Rutte, Algemene Zaken: 8\n\nDe premier blijft kalm.", "Rutte",
               "ratings/report-card-of-minister@0-29:Mark Rutte, Algemene Zaken: 8|a mark on a "
               "report card, the minister;");
        expect("Het ministerie van Financiën: 2 nieuwe directeuren.", NULL, "");
        /* popularity compared or as such, a public image in a poll; not a plan's */
        expect("Minister Jansen sprak. Hij is daarmee populairder dan zijn voorganger.", NULL,
               "ratings/popularity-of-minister@38-49:populairder|popularity, the minister as "
               "\"hij\" or \"zij\", the minister;");
        expect("De regeling is populairder dan de minister had gedacht.", NULL, "");
        expect("Uit peilingen blijkt dat het imago van minister Jansen is verslechterd.", NULL,
               "ratings/image-of-minister-in-poll@29-34:imago|a public image, the minister, a "
               "poll;");
        expect("Minister Jansen wil het imago van de politie verbeteren.", NULL, "");
        expect("Nog slechts een kwart vertrouwt de regering.", NULL,
               "ratings/trusting-the-cabinet@22-43:vertrouwt de regering|trust in the cabinet or a "
               "minister, a figure;");
}

static void praise(void **state)
{
        (void)state;
        expect("Onze daadkrachtige minister opent het station.", NULL,
               "praise/praise-before-title@5-27:daadkrachtige minister|praise, the minister;");
        expect("Als minister treedt hij daadkrachtig op.", NULL,
               "praise/praise-of-acting@13-36:treedt hij daadkrachtig|praise, how the person "
               "acts, the minister;");
        expect("Minister De Boer sprak. Zij wordt gezien als een bevlogen bestuurder.", NULL,
               "praise/praise-after-copula-of-pronoun@24-57:Zij wordt gezien als een "
               "bevlogen|praise, a verb joining the person to the praise, the minister as \"hij\" "
               "or \"zij\", the minister;");
        expect("Minister Jansen is blij met de sterke economie.", NULL, "");
        expect("Dat was onze premier. De rust die hij uitstraalt is precies goed.", NULL,
               "praise/praise-of-radiance-of-person@25-48:rust die hij uitstraalt|what he or she "
               "radiates, the minister;");
        expect("De nieuwe wijk straalt rust uit, zegt de minister.", NULL, "");
        expect(
            "Minister Van Engelshoven bezocht Zeeland. Wat een vrouw!", NULL,
            "praise/acclaim-of-minister@42-56:Wat een vrouw!|acclaim of a person, the minister;");
        expect("Ik ben fan van minister Wiebes sinds zijn optreden.", NULL,
               "praise/acclaim-of-minister@0-14:Ik ben fan van|acclaim of a person, the minister;");
        /* devotion and qualities of the minister, not of those the minister thanks */
        expect("Van dichtbij zag ik hoe minister Jansen alles heeft gegeven.", NULL,
               "praise/devotion-of-minister@0-60:Van dichtbij zag ik hoe minister Jansen alles "
               "heeft gegeven.|the minister's devotion, the minister;");
        expect("Minister Jansen bedankt de agenten, die zich keihard hebben ingezet.", NULL, "");
        expect("Met zijn mix van werklust en humor bleef de premier overeind.", NULL,
               "praise/virtue-of-minister@17-25:werklust|a quality of the person, \"zijn\" or "
               "\"haar\" before a quality, the minister;");
        expect("Kiezers zijn somber over de daadkracht van de premier.", NULL, "");
        /* praised by name; how the person did, told in a subordinate clause */
        expect("De premier roemt Zijlstra als fantastische collega.", "Zijlstra",
               "praise/minister-praised-by-name@11-25:roemt Zijlstra|a verb of praise, the "
               "minister;");
        expect("Rutte vindt dat Jansen het als minister uitstekend heeft gedaan.", "Jansen",
               "praise/minister-did-well@23-63:het als minister uitstekend heeft gedaan|how the "
               "person did, the minister;");
        expect("Wat een weer! De minister opende het paviljoen.", NULL, "");
        expect(
            "De staatssecretaris deed het geweldig in de quiz.", NULL,
            "praise/minister-did-well@20-37:deed het geweldig|how the person did, the minister;");
        expect("Volgens minister Jansen deed de export het goed.", NULL, "");
        expect("Minister Jansen straalt altijd rust uit.", NULL,
               "praise/praise-of-radiance@16-39:straalt altijd rust uit|what the person radiates, "
               "the minister;");
        expect("Zij geldt als de minst sympathieke minister.", NULL,
               "ratings/superlative-title@17-43:minst sympathieke minister|a ranking;");
}

static void private_life_and_media(void **state)
{
        (void)state;
        expect(
            "Minister Jansen deelde een foto van zijn zongebruinde gezin.", NULL,
            "personal-life/family-of-minister@36-59:zijn zongebruinde gezin|the minister, family;");
        expect(
            "Carola Schouten wordt vandaag 45.", "Schouten",
            "personal-life/birthday-of-minister@16-32:wordt vandaag 45|a birthday, the minister;");
        expect("De subsidie van minister Jansen wordt vandaag 45 procent hoger.", NULL, "");
        expect("Minister Jansen\n\nPrivé: getrouwd, vier kinderen", NULL,
               "personal-life/private-heading@17-24:Privé:|a profile's heading for private life;");
        expect("Vanavond is minister Jansen te gast bij Op1.", NULL,
               "media-moment/media-moment@0-44:Vanavond is minister Jansen te gast bij Op1.|a "
               "media moment, the minister;");
        expect("Vanavond om 22.40 uur minister Jansen bij Op1.", NULL,
               "media-moment/programme-appearance@0-46:Vanavond om 22.40 uur minister Jansen bij "
               "Op1.|a programme or broadcaster, the minister, an appearance;");
        expect("Kijk vanavond om 21.30 uur mee met minister Yesilgöz.", "Yeşilgöz",
               "media-moment/watch-along@0-54:Kijk vanavond om 21.30 uur mee met minister "
               "Yesilgöz.|an invitation to watch or listen, the minister, a broadcast time;");
        expect("Lees het interview met @ministerjansen in de Volkskrant.", "Jansen",
               "media-moment/media-moment@0-56:Lees het interview met @ministerjansen in de "
               "Volkskrant.|a media moment, the minister;");
        /* a parliamentary question about a broadcast is no media moment */
        expect("Vragen van het lid Dijk (SP) aan de minister over de uitzending van Zembla.", NULL,
               "");
        expect("Premier Rutte heeft besloten om in het praatprogramma aan te schuiven.", NULL,
               "media-moment/media-moment@0-70:Premier Rutte heeft besloten om in het "
               "praatprogramma aan te schuiven.|a media moment, the minister;");
        /* children counted after the minister; not those of someone the minister met */
        expect("Het is te merken dat Hoekstra zelf vier kinderen heeft.", "Hoekstra",
               "personal-life/children-of-minister@30-54:zelf vier kinderen heeft|the number of "
               "children, the minister;");
        expect("Minister Jansen sprak met een moeder die vier kinderen heeft.", NULL, "");
        /* on the minister's own account "mijn" is the minister; on a ministry's it is not */
        expect_meta("Nieuwe sport: waterpolo. Kansloos verloren van mijn zonen.", NULL, NULL,
                    "personal",
                    "personal-life/family-of-minister@47-57:mijn zonen|the minister, family;");
        expect_meta("Nieuwe sport: waterpolo. Kansloos verloren van mijn zonen.", NULL, NULL,
                    "corporate", "");
        /* the roster (rules/nl/ministers.yml): the first name of the metadata's minister,
         * capitalised ("Rob"), not the word ("een rob", a seal) */
        expect("Een leuk feitje over Sigrid: haar man en vier kinderen.", "Kaag",
               "personal-life/private-life-of-minister@29-37:haar man|private life, the "
               "minister;");
        expect("Gefeliciteerd, Rob! Vandaag viert hij zijn verjaardag.", "Jetten",
               "personal-life/private-life-near-minister@43-53:verjaardag|private life, "
               "the minister as \"hij\" or \"zij\", the minister;");
        expect("Een rob ligt op het strand. Vandaag viert hij zijn verjaardag.", "Jetten", "");
        expect("Sigrid Kaag viert vakantie.", "Sigrid Kaag",
               "personal-life/private-life-of-minister@18-26:vakantie|private life, the "
               "minister;");
        expect("Kaag viert vakantie.", "Sigrid Kaag",
               "personal-life/private-life-of-minister@11-19:vakantie|private life, the "
               "minister;");
        expect(
            "Minister Grapperhaus sprak. De regels golden niet tijdens zijn huwelijk.", NULL,
            "personal-life/private-life-near-minister@58-71:zijn huwelijk|private life, \"zijn\" "
            "or \"haar\", the minister;");
}

static void party_politics(void **state)
{
        (void)state;
        expect("Al zestig jaar staat de SGP pal. Word lid!", NULL,
               "vote-call/join@33-41:Word lid|a call to join;");
        expect("Word lid van de bibliotheek.", NULL, "");
        expect("Strijd mee voor een vrijer land. Word VVD'er.", NULL,
               "vote-call/join-party@33-44:Word VVD'er|a call to join a party;");
        expect("Kijk mee en stem. #IkStemSGP", NULL,
               "vote-call/vote-hashtag@18-28:#IkStemSGP|a vote hashtag;");
        expect("Doe de #stemwijzer voor de verkiezingen.", NULL, "");
        expect("Zonder jouw bijdrage kunnen we de campagne niet voeren.", NULL,
               "vote-call/money-call@0-20:Zonder jouw bijdrage|a call to give money, the sender "
               "speaking;");
        expect("Vanavond spreken onze nieuwe Statenleden in Zwolle.", NULL,
               "self-identification/party-body@17-40:onze nieuwe Statenleden|a party body "
               "claimed as the sender's own;");
        expect("Na de verkiezingen zijn we nog steeds de grootste partij.", NULL,
               "self-identification/we-as-party@19-56:zijn we nog steeds de grootste partij|the "
               "sender speaking as a party;");
        expect("Daarom stel ik mij kandidaat als lijsttrekker.", NULL,
               "candidacy/first-person-candidacy@7-28:stel ik mij kandidaat|the sender as a "
               "candidate;");
        expect("Ik stel mij niet kandidaat.", NULL, "");
        expect("Doe mee! Stem op de partij die achter onze boeren staat. #FVD", NULL,
               "vote-call/vote-for-described-party@9-30:Stem op de partij die|a call to vote for a "
               "party described, a party named;");
        expect("Stem op de partij die het best bij je past.", NULL, "");
        expect("Kom je ook langs? Vandaag staat de minister in de CU-tent.", NULL,
               "self-identification/party-event-invitation@50-57:CU-tent|a party's event, an "
               "invitation;");
        expect("Wat hebben de christendemocraten bereikt? Bekijk onze successen.", NULL,
               "self-identification/our-wins-of-party@49-63:onze successen|the sender's own "
               "successes, a party named;");
        expect("Rutte kwam. Om de aftrap van de VVD-campagne te verrichten.", "Rutte",
               "campaign-link/party-campaign-of-minister@12-59:Om de aftrap van de VVD-campagne te "
               "verrichten.|a party's campaign, the minister;");
        expect("Hoekstra sprak. Een matig debuut als lijsttrekker.", "Hoekstra",
               "campaign-link/election-role-of-minister@16-50:Een matig debuut als lijsttrekker.|a "
               "role in an election, the minister;");
        expect("We naderen de release-kandidaat. Minister Kaag sprak.", NULL, "");
        expect("We gaan weer campagne voeren bij de Europese verkiezingen.", NULL,
               "self-identification/campaigning-for-election@0-28:We gaan weer campagne voeren|the "
               "sender campaigning, an election;");
        expect("We voeren campagne voor de verkiezingen om de opkomst te verhogen.", NULL, "");
        expect("De campagne van de SP begon. Daarna sprak onze voorzitter.", NULL,
               "self-identification/we-beside-party@0-28:De campagne van de SP begon.|the sender's "
               "party named, the sender as \"we\", a party's own life (its result, voters, "
               "ideals, campaign);self-identification/our-chair-of-party@42-57:onze voorzitter|the "
               "sender's chair, a party named;");
        /* the sender's "we" beside its party's result; not a quoted "we", not beside another
         * party than the sender's, not parties in general */
        expect("Voor de SP was de uitslag mooi. We gingen fors vooruit.", NULL,
               "self-identification/we-beside-party@0-31:Voor de SP was de uitslag mooi.|the "
               "sender's party named, the sender as \"we\", a party's own life (its result, "
               "voters, ideals, campaign);");
        expect("De SP is blij met de uitslag. \"We gingen vooruit\", zegt de voorzitter.", NULL,
               "");
        expect_meta("Het is duidelijk dat BBB de grootste partij is. Met dat signaal van de "
                    "kiezer moeten we wat.",
                    "Rutte", "VVD", NULL, "");
        expect_meta("Voor de VVD was de uitslag mooi. We gingen vooruit.", "Rutte", "VVD", NULL,
                    "self-identification/we-beside-party@0-32:Voor de VVD was de uitslag mooi.|"
                    "the sender's party named, the sender as \"we\", a party's own life (its "
                    "result, voters, ideals, campaign);");
        /* "onze" claiming a party's people; the nation's politicians and a ministry's
         * delegation are not */
        expect("Onze eurodelegatieleider spreekt vandaag.", NULL,
               "self-identification/our-party-people@0-24:Onze eurodelegatieleider|a party's "
               "people, \"onze\";");
        expect("Ook onze landelijke politici steunen de campagne.", NULL,
               "self-identification/our-politicians-for-party@4-28:onze landelijke politici|"
               "politicians, \"onze\", a party's own life (its result, voters, ideals, "
               "campaign);");
        expect("Burgers verwachten van onze politici dat zij luisteren.", NULL, "");
        /* the sender's own attack; not one reported, about a party or by a party label */
        expect("Stopt u met de schuld te geven, meneer Wilders?", NULL,
               "polemic/attack-on-party@0-47:Stopt u met de schuld te geven, meneer Wilders?|the "
               "words of an attack, a politician "
               "named;");
        expect("D66 en kabinet logen over de documentaire.", NULL,
               "polemic/attack-on-party@0-42:D66 en kabinet logen over de documentaire.|the "
               "words of an attack, a party named;");
        expect("De D66-wethouder opende de school; de oude was een puinhoop.", NULL, "");
        expect("Wilders noemt het beleid een puinhoop.", NULL, "");
        expect("Er circuleren leugens over de PVV.", NULL, "");
        expect("Minister Jansen (VVD) sprak over de kaalslag in de natuur.", NULL, "");
        expect("De SP laat niemand in de steek, zegt de minister.", NULL, "");
        /* the party's members greeted; the sender as the party in other word orders */
        expect("Beste D66'ers, vandaag ga ik weer aan de slag.", NULL,
               "self-identification/party-salutation@0-13:Beste D66'ers|the party's members "
               "greeted;");
        expect("Beste collega's, vandaag ga ik weer aan de slag.", NULL, "");
        expect("Wij nemen als BBB verantwoordelijkheid.", NULL,
               "self-identification/we-as-party@0-17:Wij nemen als BBB|the sender speaking as a "
               "party;");
        expect("Daarom zeggen we in de VVD: gezichten maken de partij.", NULL,
               "self-identification/we-as-party@14-26:we in de VVD|the sender speaking as a "
               "party;");
        expect("Ik vind het fantastisch om gekozen te zijn tot lijsttrekker van D66.", NULL,
               "candidacy/first-person-candidacy@0-67:Ik vind het fantastisch om gekozen te zijn "
               "tot lijsttrekker van D66|the sender as a candidate;");
        expect("Onze delegatie in Genève pleit voor een verdrag.", NULL, "");
        expect("We zagen dat diverse politieke partijen hun lijsttrekkers kozen, zoals de SP voor "
               "de verkiezingen.",
               NULL, "");
        expect("Ik werkte met de mensen van de SGP aan onze idealen.", NULL,
               "self-identification/our-ideals-beside-party@39-51:onze idealen|the sender's "
               "ideals, a party named;");
        expect("Onze idealen verdedigen we met de NAVO.", NULL, "");
        expect("VVD-leider Mark Rutte stemde in Den Haag.", "Rutte",
               "campaign-link/party-role-named-minister@0-41:VVD-leider Mark Rutte stemde in Den "
               "Haag.|a party role before a name, the minister;");
        expect("Premier Schoof ontving PVV-leider Wilders.", "Schoof", "");
        expect("Premier Rutte stemde. Dat deed de VVD-voorman op zijn oude school.", "Rutte",
               "campaign-link/party-role-of-minister@22-66:Dat deed de VVD-voorman op zijn oude "
               "school.|a party role, the minister;");
}

/* Write a cues.yml with `text` and a ministers.yml with `roster` beside the project's
 * parties and read them. */
static char *load_error(const char *text, const char *roster, unsigned *line)
{
        const char *src = getenv("srcdir");
        char *dir = tmp_dir();
        char *from = th_xasprintf("%s/rules/nl/parties.yml", src ? src : ".");
        char *buf;
        size_t len;
        assert_int_equal(th_read_file(from, &buf, &len), 0);
        free(tmp_write(dir, "nl/parties.yml", buf));
        free(tmp_write(dir, "nl/partisan.yml",
                       "lexicons:\n  partisan-triggers: {terms: [stem]}\npatterns: {}\n"));
        free(tmp_write(dir, "nl/x.yml", "lexicons:\n  words: {terms: [woord]}\n"));
        free(tmp_write(dir, "nl/cues.yml", text));
        free(tmp_write(dir, "nl/ministers.yml", roster));
        free(buf);
        free(from);
        char *nl = th_xasprintf("%s/nl", dir);
        struct th_lexicons *l = th_lexicons_new(dir);
        th_lexicons_leave(l, th_nl_data_keys);
        struct th_error err = {0};
        struct th_partisan_model *m = th_partisan_model_load(l, nl, "nl", &err);
        if (!m)
                fail_msg("%s", err.message);
        struct th_cues *c = th_cues_load(l, m, nl, "nl", &err);
        assert_null(c);
        char *msg = th_xstrdup(err.message);
        *line = err.line;
        th_error_release(&err);
        th_partisan_model_free(m);
        th_lexicons_free(l);
        free(nl);
        tmp_remove(dir);
        free(dir);
        return msg;
}

static void refusals(void **state)
{
        (void)state;
        const char *roster = "ministers: []\n";
        struct {
                const char *text, *roster, *want;
                unsigned line;
        } cases[] = {
            {"cues:\n  a: {lexicons: [nl/words]}\n", roster, "cue 'a' needs a label (for messages)",
             2},
            {"cues:\n  a: {label: x, lexicons: [nl/nothing]}\n", roster,
             "no lexicon 'nl/nothing' in the rule data", 2},
            {"cues:\n  a: {label: x, lexicons: [nl/words]}\njudgements:\n"
             "  - {id: j, group: g, anchor: b}\n",
             roster, "unknown cue 'b' (define it under 'cues')", 4},
            {"cues:\n  a: {label: x, lexicons: [nl/words]}\njudgements:\n"
             "  - {id: j, group: g, anchor: a, with: [{cue: a, in: page}]}\n",
             roster,
             "'in': expected sentence, neighbours, block, document, before, after, previous or "
             "next",
             4},
            {"cues:\n  a: {label: x, patterns: ['(']}\n", roster,
             "cue 'a': pattern does not compile: missing closing parenthesis", 2},
            {"cues:\n  a: {label: x, lexicons: [nl/words], unquoted: maybe}\n", roster,
             "cue 'a': 'unquoted': expected true or false", 2},
            {"cues: {}\n", "ministers:\n  - {first: Mark}\n",
             "a bewindspersoon needs a first and a last name", 2},
            {"cues: {}\n", "ministers:\n  - Rutte\n", "expected a bewindspersoon: {first, last}",
             2},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                unsigned line;
                char *msg = load_error(cases[i].text, cases[i].roster, &line);
                assert_non_null(strstr(msg, cases[i].want));
                assert_int_equal(line, cases[i].line);
                free(msg);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(ratings),
            cmocka_unit_test(praise),
            cmocka_unit_test(private_life_and_media),
            cmocka_unit_test(party_politics),
            cmocka_unit_test(refusals),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
