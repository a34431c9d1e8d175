# SPDX-License-Identifier: EUPL-1.2
# config.sh: configuration discovery, --config, --no-config, --print-config.
. "$srcdir/tests/cli/lib.sh"
plan 12

mkdir -p "$work/p/inner/deep"
text="Zaterdag viert de minister haar verjaardag in het Catshuis."
echo "$text" >"$work/p/a.md"
echo "$text" >"$work/p/inner/deep/b.md"
printf 'rules:\n  office-premises/private-use: error\n' >"$work/p/.twohats.yml"
printf 'rules:\n  office-premises/private-use: off\n' >"$work/p/inner/.twohats.yml"

run --format line "$work/p/a.md" "$work/p/inner/deep/b.md"
is "$out" "$work/p/a.md:1:33: error: private event \"verjaardag\" at government premise \"Catshuis\": private use of representative premises calls for restraint (HANDBOEK-2021) [office-premises/private-use]" "the nearest configuration wins, per file"
is "$status" 1 "a configured error fails"

run --format line --no-config "$work/p/a.md"
has "$out" "info: private event" "--no-config uses the built-in defaults"

run --format line --config "$work/p/inner/.twohats.yml" "$work/p/a.md"
is "$out" "" "--config replaces discovery"

printf 'plugins:\n  office-premises: false\n' >"$work/p/inner/.twohats.yml"
run --format line "$work/p/inner/deep/b.md"
is "$out" "" "a plugin disabled by configuration does not run"

printf 'metadata:\n  - files: "deep/*.md"\n    channel: agenda\n    location: Catshuis\n    event: private\nplugins:\n  office-premises:\n    enabled: true\n' >"$work/p/inner/.twohats.yml"
run --format line "$work/p/inner/deep/b.md"
has "$out" "private event at representative premise \"Catshuis\" (metadata location and event)" "metadata defaults by path glob"

run --print-config "$work/p/inner/deep/b.md" --meta minister=Jansen
is "$out" "# configuration for $work/p/inner/deep/b.md: $(cd "$work/p/inner" && pwd -P)/.twohats.yml
extensions: [md, markdown, txt, jsonl, html, htm, docx, odt, pdf]
rules:
  core/unjustified-suppression: warning
  core/invalid-suppression: warning
  core/invalid-utf8: warning
  core/too-many-findings: warning
  campaign-timing/candidate-in-office-voice: warning
  campaign-timing/media-moment: warning
  campaign-timing/new-campaign: info
  image-building/praise: warning
  image-building/ratings: warning
  image-building/personal-life: info
  image-building/persona-focus: info
  office-premises/campaign-use: warning
  office-premises/private-use: info
  party-politics/vote-call: error
  party-politics/passage: error
  social-media/corporate-partisan: error
  social-media/hybrid-untagged: error
  social-media/civil-service-partisan: error
  social-media/personal-supported: warning
plugins:
  core:  # (built in) 0.2.0
    enabled: true
  declarative:  # (built in) 0.2.0
    enabled: true
  campaign-timing:  # $builddir/plugins/campaign_timing 1.0.0
    enabled: true
    options:
      window-tweede-kamer: 42
      window-eerste-kamer: 42
      window-gemeenteraad: 42
      window-provinciale-staten: 42
      window-waterschappen: 42
      window-europees-parlement: 42
  image-building:  # $builddir/plugins/image_building 1.0.0
    enabled: true
    options:
      share: 50
      min-sentences: 4
      max-policy-share: 25
  office-premises:  # $builddir/plugins/office_premises 1.0.0
    enabled: true
  party-politics:  # $builddir/plugins/party_politics 1.0.0
    enabled: true
  social-media:  # $builddir/plugins/social_media 1.0.0
    enabled: true
metadata:
  channel: \"agenda\"
  location: \"Catshuis\"
  event: \"private\"
  minister: \"Jansen\"" "--print-config shows the effective configuration"

run --print-config "$work/p/a.md"
has "$out" "  office-premises/private-use: error  # configured" "--print-config marks configured severities"

printf 'metadata:\n  - files: "*.md"\n    account: official\n' >"$work/p/inner/.twohats.yml"
run "$work/p/inner/deep/b.md"
is "$status" 2 "an invalid metadata default: status 2"
is "$err" "twohats: $(cd "$work/p/inner" && pwd -P)/.twohats.yml:3:14: invalid value 'official' for metadata 'account'; expected corporate, hybrid (hybride), personal (persoonlijk)" "an invalid metadata default is named with its place"

printf -- '---\nchannel: web\n---\nOpname campagnevideo in de ministerskamer.\n' >"$work/fm.md"
run --format line --meta channel=agenda --meta location=Catshuis --meta event=campaign "$work/fm.md"
has "$out" "campaign event at government premise \"Catshuis\"" "--meta adds metadata over front matter"
run --format line --meta channel=tv "$work/fm.md"
is "$err" "twohats: --meta: invalid value 'tv' for metadata 'channel'; expected speech, press-release, web, newsletter, social, agenda, letter, interview, party" "an invalid --meta value"
