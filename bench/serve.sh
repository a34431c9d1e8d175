#!/bin/bash
# SPDX-License-Identifier: EUPL-1.2
# serve.sh: `twohats serve` under load on loopback, with Debian's wrk.  It
# POSTs one ~2 KB Dutch social post (corporate account, one party-political
# sentence, so there is a finding) to /v1/check as JSON at 1, 2 and 16
# connections, and the same post to LanguageTool's /v2/check (urlencoded
# form) at 2, and prints req/s and the p50/p99 latency of each.  (The server
# gets --meta channel=social --meta account=corporate, so /v2 does the same
# work.)  Then the server's VmRSS after a warm-up and after 100,000 more
# requests: growth beyond allocator noise would be a leak.  Server threads:
# nproc; wrk shares the machine, so the figures are a floor.  It fails if
# wrk is missing, the server dies or any response is not 2xx.  Run it from
# a built tree:  bash bench/serve.sh [SECONDS-PER-RUN]        (default 10)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dur=${1:-10}
tw="$top/twohats"
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
command -v wrk >/dev/null || { echo "serve.sh: wrk not found: apt-get install wrk" >&2; exit 1; }
[ -x "$tw" ] || { echo "serve.sh: $tw missing: build twohats first (make)" >&2; exit 1; }
tmp=$(mktemp -d) pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

post="Vanaf 1 april kunt u de huurtoeslag voor 2027 aanvragen via Mijn toeslagen. \
Heeft u al toeslag, dan hoeft u niets te doen: wij berekenen het nieuwe bedrag zelf en sturen u \
voor eind maart een beschikking. Klopt uw inkomen of uw huur niet meer, geef de wijziging dan \
binnen vier weken door. Zo voorkomt u dat u later veel moet terugbetalen.

Wat verandert er? De inkomensgrens gaat omhoog en de eigen bijdrage wordt voor de meeste \
huishoudens lager. Gemiddeld krijgt een alleenstaande met een laag inkomen ongeveer 18 euro per \
maand meer. Woont u samen met iemand die ouder is dan 21 jaar, dan telt het inkomen van uw \
medebewoner mee. Dat was al zo, maar veel mensen vergeten het.

Twijfelt u of u recht heeft? Doe dan eerst de proefberekening op onze website. Die duurt ongeveer \
tien minuten en u heeft alleen uw huurcontract, uw jaaropgave en het inkomen van uw huisgenoten \
nodig. Lukt het niet online, bel dan de BelastingTelefoon op werkdagen van 8.00 tot 20.00 uur. \
U kunt ook langskomen bij een Steunpunt Belastingen en Toeslagen in uw gemeente; daar helpen \
vrijwilligers u gratis bij het invullen.

Let op: wij vragen u nooit per sms, WhatsApp of e-mail om uw DigiD-code of uw bankgegevens. \
Krijgt u zo'n bericht, klik dan niet op de link en meld het bij de Fraudehelpdesk.

Verhuist u dit jaar, krijgt u een kind of gaat u samenwonen? Ook dan kan uw toeslag veranderen. \
Geef zulke wijzigingen zo snel mogelijk door, het liefst in de maand waarin ze ingaan. Wie te laat \
is, krijgt soms een terugvordering die in termijnen betaald kan worden.

Stem op 15 maart op de VVD!

Meer weten over de wijzigingen in 2027? Kijk op onze website onder Huurtoeslag of volg dit account \
voor de belangrijkste data. Heeft u een vraag over uw eigen situatie, stuur ons dan een \
privebericht, maar zet er geen burgerservicenummer in. Wij reageren op werkdagen binnen een dag. \
Deel dit bericht gerust met familie, buren of vrienden die er misschien recht op hebben. #huurtoeslag"
# JSON body (the post has no quotes, backslashes or tabs: only newlines to escape).
printf '{"text": "%s", "meta": {"channel": "social", "account": "corporate"}}' \
	"$(printf '%s' "$post" | awk '{ printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }')" >"$tmp/v1.body"
# Form body for /v2/check: percent-encode every byte but the unreserved ones.
{ printf 'language=nl&text='
  printf '%s' "$post" | od -An -v -tx1 | tr -s ' \n' '\n\n' | grep . | while read -r h; do
	case $h in 2d|2e|3[0-9]|4[1-9a-f]|5[0-9a]|5f|6[1-9a-f]|7[0-9a]|7e) printf "\\x$h" ;;
	*) printf '%%%s' "$h" ;; esac
  done; } >"$tmp/v2.body"
for v in v1:application/json v2:application/x-www-form-urlencoded; do
	printf 'local f = assert(io.open("%s", "rb"))\nwrk.method = "POST"\nwrk.body = f:read("*a")\nf:close()\nwrk.headers["Content-Type"] = "%s"\n' \
		"$tmp/${v%%:*}.body" "${v#*:}" >"$tmp/${v%%:*}.lua"
done

"$tw" serve --listen 127.0.0.1:0 --no-config --threads "$(nproc)" \
	--meta channel=social --meta account=corporate 2>"$tmp/log" & pid=$!
port=""
for _ in $(seq 100); do
	port=$(sed -n '1s|^twohats serve: listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/log")
	[ -n "$port" ] && break
	kill -0 "$pid" 2>/dev/null || { echo "serve.sh: server died:" >&2; cat "$tmp/log" >&2; exit 1; }
	sleep 0.1
done
[ -n "$port" ] || { echo "serve.sh: server did not report its port" >&2; exit 1; }
url="http://127.0.0.1:$port"
if command -v curl >/dev/null; then    # the post must give its finding on both APIs
	curl -sf -H 'Content-Type: application/json' --data-binary @"$tmp/v1.body" "$url/v1/check" | grep -q '"rule"' &&
	curl -sf --data-binary @"$tmp/v2.body" "$url/v2/check" | grep -q '"matches":\[{' ||
		{ echo "serve.sh: the post gave no finding" >&2; exit 1; }
fi
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }

total=0 bad=0 table=""
# run NAME CONNECTIONS SECONDS PATH: one wrk run; adds to total/bad, sets line
run() {
	local t=$(($2 < 2 ? $2 : 2)) out n non err
	out=$(wrk -c "$2" -t "$t" -d "${3}s" --latency -s "$tmp/$1.lua" "$url$4" 2>&1) || true
	kill -0 "$pid" 2>/dev/null || { echo "serve.sh: FAILED: the server died during $1 -c $2; its log ends:" >&2
		tail -n 5 "$tmp/log" >&2; pid=""; exit 1; }
	n=$(awk '/ requests in / { print $1 }' <<<"$out")
	non=$(awk -F: '/Non-2xx or 3xx responses/ { print $2 + 0 }' <<<"$out")
	err=$(awk -F'[ ,]+' '/Socket errors/ { print $5 + $7 + $9 + $11 }' <<<"$out")
	total=$((total + n)) bad=$((bad + ${non:-0}))
	if [ "${non:-0}" -gt 0 ] || [ "${err:-0}" -gt 0 ]; then
		echo "FAIL $1 -c $2: ${non:-0} non-2xx responses, ${err:-0} socket errors" >&2
		bad=$((bad + ${err:-0}))
	fi
	line=$(awk -v c="$2 ($4)" '/^Requests\/sec:/ { r = $2 } $1 == "50%" { p50 = $2 }
		$1 == "99%" { p99 = $2 } END { printf "| %s | %.0f | %s | %s |", c, r, p50, p99 }' <<<"$out")
}

echo "twohats $("$tw" --version | head -n 1 | cut -d' ' -f2), nproc $(nproc), server threads $(nproc), $dur s per run"
echo "post: $(printf '%s' "$post" | wc -c) bytes; /v1 body $(wc -c <"$tmp/v1.body"), /v2 body $(wc -c <"$tmp/v2.body")"
run v1 2 2 /v1/check; total=0            # warm-up, not counted
rss0=$(rss)
for c in 1 2 16; do run v1 "$c" "$dur" /v1/check; table+="$line"$'\n'; done
run v2 2 "$dur" /v2/check; table+="$line"$'\n'
while [ "$total" -lt 100000 ]; do run v1 16 "$dur" /v1/check; done
rss1=$(rss)

printf '\n| connections | req/s | p50 | p99 |\n|---|---|---|---|\n%s\n' "$table"
awk -v a="$rss0" -v b="$rss1" -v n="$total" 'BEGIN { printf "memory: VmRSS %.1f MB after warm-up, %.1f MB after %d more requests: growth %+.1f MB (%+.1f%%)\n",
	a / 1024, b / 1024, n, (b - a) / 1024, a ? 100 * (b - a) / a : 0 }'
echo "non-2xx responses or socket errors: $bad"
[ "$bad" -eq 0 ] || { echo "serve.sh: FAILED: $bad requests did not get a 2xx response" >&2; exit 1; }
