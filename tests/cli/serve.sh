# SPDX-License-Identifier: EUPL-1.2
# serve.sh: `twohats serve` over loopback, as its clients meet it: the /v1 JSON API with
# exact findings, LanguageTool's /v2 with the requests its clients send (recorded in
# tests/data/languagetool) and UTF-16 offsets, every error status, the access log and
# the drain on SIGTERM.
. "$srcdir/tests/cli/lib.sh"
. "$srcdir/tests/cli/serve_lib.sh"
plan 56

serve_start --no-config --threads 2 --max-body 64K --meta channel=social --meta account=corporate

# post BODY [CURL ARGS]: POST BODY as JSON to /v1/check
post() {
	body=$1
	shift
	request POST /v1/check -H 'Content-Type: application/json' --data-binary "$body" "$@"
}

request GET /healthz
is "$code $body" '200 {"status":"ok","version":"'"$version"'","threads":2,"busy":0,"queue":{"length":0,"capacity":64}}' "GET /healthz reports health, threads and the queue"

text='Mooie dag 😀. Stem op 15 maart op de VVD!'
post '{"text": "'"$text"'"}'
run_stdin "$text" --no-config --format json --meta channel=social --meta account=corporate --stdin-filename text.txt -
is "$code" 200 "POST /v1/check answers 200"
is "$body" "$(printf '%s\n' "$out" | sed 's/"text.txt"/"text"/')" "... with the object of --format json, the server's --meta applied"
has "$body" '"column": 14,
      "end_line": 1,
      "end_column": 41,
      "offset": 16,
      "length": 27,
      "rule": "social-media/corporate-partisan"' "... at the exact span after the emoji (characters in columns, bytes in offsets)"

post '{"text": "Op 29 oktober stem ik D66.", "meta": {"account": "hybrid", "party": "D66"}}'
has "$body" '"rule": "social-media/hybrid-untagged"' "a request's metadata goes over the server's"
has "$body" '"fix": {
        "offset": 26,
        "length": 0,
        "replacement": " #D66"
      }' "... and fixes are included"

post '{"text": "**Stem op de VVD!**", "format": "markdown"}'
has "$body" '"column": 3,' "\"format\": \"markdown\" reads the markup as markup"

data=$(base64 -w0 "$srcdir/tests/data/documents/persbericht.docx")
post '{"file": {"name": "persbericht.docx", "data": "'"$data"'"}, "meta": {"channel": "press-release"}}'
run --no-config --format json --meta channel=social --meta account=corporate --meta channel=press-release "$srcdir/tests/data/documents/persbericht.docx"
is "$(printf '%s' "$body" | json_get 'd["findings"]')" "$(printf '%s' "$out" | json_get 'd["findings"]' | sed "s|$srcdir/tests/data/documents/||g")" "an uploaded Word file gives the findings of the command line"
is "$(printf '%s' "$body" | json_get 'd["documents"][0]["text"][int(d["findings"][0]["offset"]):][:13]')" "campagnevideo" "... and the text read out of it, which its offsets index"

request GET /v1/rules
is "$(printf '%s' "$body" | json_get 'len(d["rules"])')" "$(($("$TWOHATS" --no-config --list-rules | wc -l) - 1))" "GET /v1/rules lists every rule"
has "$body" '{"id":"social-media/corporate-partisan","plugin":"social-media","severity":"error","summary":"' "... with id, plugin, severity and summary"

request GET /v1/rules/social-media/corporate-partisan
run --no-config --explain social-media/corporate-partisan
is "$(printf '%s' "$body" | json_get 'd["explanation"]')" "$(printf '%s\n' "$out" | sed '1,3d')" "GET /v1/rules/ID gives the explanation of --explain"

request GET /v1/rules/no-such/rule
is "$code $body" '404 {"error":{"status":404,"message":"unknown rule '"'no-such/rule'"' (GET /v1/rules lists them)"}}' "an unknown rule is a 404"

if locale -a 2>/dev/null | grep -qi '^nl_NL.utf-\?8$'; then
	post '{"text": "'"$text"'"}' -H 'Accept-Language: nl-NL,nl;q=0.9,en;q=0.5'
	has "$body" '"message": "partijpolitieke inhoud' "Accept-Language: nl answers in Dutch"
	request GET /v1/rules/social-media/corporate-partisan -H 'Accept-Language: nl'
	lacks "$body" '"summary":"party-political' "... the rules' texts too"
	post '{"text": "'"$text"'"}' -H 'Accept-Language: de, en;q=0.8, nl;q=0.2'
	has "$body" '"message": "party-political content' "... and English when the client prefers another language"
else
	for i in 1 2 3; do echo "ok $((count += 1)) # SKIP no nl_NL.UTF-8 locale"; done
fi

# errors: each with its status and a JSON body that says what is wrong and where
post '{"text": "Stem", }'
is "$code $body" '400 {"error":{"status":400,"message":"bad JSON at line 1, column 18: string or '"'}'"' expected near '"'}'"'","line":1,"column":18}}' "bad JSON is a 400 with its line and column"
post '{"text": 5}'
is "$code $body" '400 {"error":{"status":400,"message":"\"text\" must be a string","field":"text"}}' "a wrong type is a 400 naming the field"
post '{"txt": "Stem"}'
is "$code $body" '400 {"error":{"status":400,"message":"unknown field \"txt\"; expected text, format, file and meta","field":"txt"}}' "an unknown field is a 400"
post '{"text": "Stem", "meta": {"channel": "tv"}}'
is "$code" 400 "bad metadata is a 400"
has "$body" '"message":"invalid value '"'tv'"' for metadata '"'channel'"'; expected speech, press-release,' "... that says what is allowed"
has "$body" '"field":"meta.channel"' "... and names the field"
post '{"text": "Stem", "meta": {"date": 5}}'
is "$code $body" '400 {"error":{"status":400,"message":"meta.date must be a string or a list of strings","field":"meta.date"}}' "metadata of the wrong type is a 400"
post '{"text": "Stem", "format": "docx"}'
is "$code" 400 "an unknown format is a 400"
post "$(printf '{"text": "Stem \377"}')"
is "$code" 400 "invalid UTF-8 is a 400"
has "$body" '"message":"bad JSON at line 1, column 15: unable to decode byte 0xff' "... that says where"
post '{"file": {"name": "x.docx", "data": "no base64!"}}'
is "$code $body" '400 {"error":{"status":400,"message":"x.docx: \"file\".\"data\" is not base64","field":"file"}}' "a file that is not base64 is a 400"
request POST /v1/check -H 'Content-Type: text/plain' --data-binary 'Stem op de VVD'
is "$code" 415 "a body that is not JSON is a 415"
head -c 70000 /dev/zero | tr '\0' 'a' | sed 's/^/{"text": "/; s/$/"}/' >"$work/big.json"
request POST /v1/check -H 'Content-Type: application/json' --data-binary "@$work/big.json"
is "$code $body" '413 {"error":{"status":413,"message":"the request body is over the limit of 65536 bytes"}}' "a body over --max-body is a 413"
request POST /v1/check -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary "@$work/big.json"
is "$code" 413 "... also when it comes in chunks without a length"
request GET /v1/check
is "$code $body" '405 {"error":{"status":405,"message":"/v1/check takes POST"}}' "a wrong method is a 405"
has "$headers" 'Allow: POST' "... with an Allow header"
request GET /nowhere
is "$code" 404 "an unknown path is a 404"

# LanguageTool's protocol, with the requests its clients send
for client in libreoffice libreoffice-7.4 lt-office-extension language_tool_python browser-addon-legacy; do
	request POST /v2/check --data-binary "@$srcdir/tests/data/languagetool/$client.request"
	is "$(printf '%s' "$body" | json_get '[(m["offset"], m["length"], m["rule"]["id"], m["context"]["offset"], m["sentence"]) for m in d["matches"]]')" "[(14, 27, 'social-media/corporate-partisan', 14, 'Stem op 15 maart op de VVD!')]" "/v2/check from $client: the match at UTF-16 offset 14 after the emoji"
done
request POST '/v2/check?c=1&instanceId=48213%3A1767225600000&v=standalone' --data-binary "@$srcdir/tests/data/languagetool/browser-addon.request"
is "$(printf '%s' "$body" | json_get '[(m["offset"], m["length"]) for m in d["matches"]]')" "[(14, 27)]" "the browser add-on's annotated text without markup"
request POST /v2/check --data-binary "@$srcdir/tests/data/languagetool/annotated-data.request"
is "$(printf '%s' "$body" | json_get '[(m["offset"], m["length"], m["context"]["text"].encode("utf-16-le")[2 * m["context"]["offset"]:][:2 * m["context"]["length"]].decode("utf-16-le")) for m in d["matches"]]')" "[(16, 51, 'Stem op 15 maart** op de [VVD](https://www.vvd.nl)!')]" "annotated text: offsets in the text with its markup, markup not read as prose"
is "$(printf '%s' "$body" | json_get 'sorted(d["matches"][0].keys()), sorted(d["matches"][0]["rule"].keys()), sorted(d["matches"][0]["rule"]["category"].keys()), d["matches"][0]["replacements"], sorted(d.keys()), sorted(d["software"].keys()), sorted(d["language"].keys())')" "(['context', 'contextForSureMatch', 'ignoreForIncompleteSentence', 'length', 'message', 'offset', 'replacements', 'rule', 'sentence', 'shortMessage', 'type'], ['category', 'description', 'id', 'issueType'], ['id', 'name'], [], ['language', 'matches', 'software', 'warnings'], ['apiVersion', 'buildDate', 'name', 'premium', 'status', 'version'], ['code', 'detectedLanguage', 'name'])" "... every key LanguageTool's clients read"
request POST /v2/check --data 'text=Op 29 oktober stem ik D66.&language=nl&meta.account=hybrid&meta.party=D66'
is "$(printf '%s' "$body" | json_get '[(m["rule"]["id"], m["replacements"]) for m in d["matches"]]')" "[('social-media/hybrid-untagged', [{'value': 'Op 29 oktober stem ik D66. #D66'}])]" "meta.KEY fields set metadata; a fix is a replacement"
request POST /v2/check --data-binary "@$srcdir/tests/data/languagetool/libreoffice.request" --data 'disabledRules=social-media/corporate-partisan'
is "$(printf '%s' "$body" | json_get 'd["matches"]')" "[]" "disabledRules turns a rule off"
request POST /v2/check --data-binary "@$srcdir/tests/data/languagetool/browser-addon-legacy.request" --data 'mode=textLevelOnly'
is "$(printf '%s' "$body" | json_get 'd["matches"]')" "[]" "mode=textLevelOnly has none (the add-on asks twice)"
request POST /v2/check --data 'text=Stem op de VVD&language=en-US'
is "$(printf '%s' "$body" | json_get 'd["matches"], d["language"]["code"]')" "([], 'en-US')" "another language: no findings, not an error"
request POST /v2/check --data 'text=Stem op de VVD'
is "$code $body" "400 Error: missing or malformed 'language' (nl, nl-NL or auto)" "a missing language is LanguageTool's plain-text 400"
has "$headers" 'Access-Control-Allow-Origin: *' "... with the CORS header LanguageTool sends"
request GET /v2/languages
is "$body" '[{"name":"Dutch","code":"nl","longCode":"nl"},{"name":"Dutch (Belgium)","code":"nl","longCode":"nl-BE"},{"name":"Dutch (Netherlands)","code":"nl","longCode":"nl-NL"}]' "GET /v2/languages lists Dutch and its variants"
request POST /v2/configinfo --data-binary "@$srcdir/tests/data/languagetool/lt-office-extension-configinfo.request"
has "$body" '"parameter":{"maxTextLength":65536},"rules":[{"ruleId":"core/unjustified-suppression","description":"' "/v2/configinfo answers the office extension"

request GET /
is "$code" 200 "GET / is the review page"
has "$headers" "Content-Security-Policy: default-src 'none'" "... which may load nothing from elsewhere"

request GET /healthz
is "$code" 200 "after all that, the server answers"
lacks "$(cat "$work/serve.log")" "Stem op" "the access log holds no request text"
has "$(cat "$work/serve.log")" '"POST /v2/check" 400 ' "... but a line a request, with its status"
serve_stop
is "$serve_status" 0 "SIGTERM stops the server with status 0"

# the drain: a request under way when SIGTERM comes (its body half sent) is answered
serve_start --no-config --threads 1
python3 "$srcdir/tests/cli/serve_client.py" drain "$url" "$serve_pid" >"$work/drain.out"
serve_wait
is "$(cat "$work/drain.out") $serve_status" "200 0" "SIGTERM during a request: it is answered, then status 0"
