#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# .ci/deb.sh: build the Debian packages twohats and twohats-dev from this checkout
# (dpkg-buildpackage -us -uc -b, which runs the test suite), lint them with lintian
# (any error or warning fails), install them in a clean Debian chroot made with
# mmdebstrap (or, where no chroot can be made, on this machine), and run the
# installed twohats there: the bundled examples, a PDF, the man pages, pkg-config,
# the Dutch messages, and the out-of-tree example plugin built against twohats-dev.
#
# The build runs in a temporary copy of the tree (the tracked files and the untracked
# ones git does not ignore), so the checkout stays clean.  The packages, the build log
# and lintian's output are left in $DEB_OUT (default: ${TMPDIR:-/tmp}/twohats-deb),
# where each run first removes those of the run before.  Set DEB_CHROOT=no to install on this machine instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
out=${DEB_OUT:-${TMPDIR:-/tmp}/twohats-deb}
t0=$SECONDS
step() { printf '== deb: %s (%ss)\n' "$*" "$((SECONDS - t0))"; }
die() { printf 'deb.sh: %s\n' "$*" >&2; exit 1; }

apt_get() {
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 -y -qq "$@"
}
updated=no
apt_update() { [ $updated = yes ] || { apt_get update && updated=yes; }; }

# The packaging tools; locales for the Dutch locale, in which the suite runs twohats.
step "packaging tools"
tools=(dpkg-dev debhelper fakeroot lintian mmdebstrap locales git)
missing=()
for p in "${tools[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	apt_update
	apt_get install --no-install-recommends "${missing[@]}"
fi
locale -a | grep -qi '^nl_NL\.utf8$' || $SUDO localedef -i nl_NL -f UTF-8 nl_NL.UTF-8

# The package's version must be the one configure.ac gives upstream.
version=$(dpkg-parsechangelog -l debian/changelog -S Version)
upstream=$(sed -n 's/^AC_INIT(\[twohats\], *\[\([^]]*\)\].*/\1/p' configure.ac)
[ "${version%-*}" = "$upstream" ] ||
	die "debian/changelog is at $version but configure.ac at $upstream: add a debian/changelog entry for $upstream-1"
arch=$(dpkg --print-architecture)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/twohats-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
src="$scratch/twohats-$upstream"
mkdir "$src"
git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -x -C "$src"
mkdir -p "$out"
rm -f "$out"/twohats*_*.deb "$out"/twohats_*.changes "$out"/twohats_*.buildinfo \
	"$out/build.log" "$out/lintian.txt" "$out/lintian-overrides.txt"

step "build dependencies"
if ! (cd "$src" && dpkg-checkbuilddeps) 2>/dev/null; then
	apt_update
	apt_get build-dep --no-install-recommends "$src"
fi

step "dpkg-buildpackage -us -uc -b (configure, make, make check, install)"
if ! (cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1; then
	tail -n 120 "$out/build.log"
	die "dpkg-buildpackage failed; the whole log is $out/build.log"
fi
# the test suite's totals, as the build printed them, and what it skipped
case " ${DEB_BUILD_OPTIONS:-} " in
*" nocheck "*) echo "DEB_BUILD_OPTIONS=nocheck: the build ran no test suite" ;;
*)
	grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$out/build.log" ||
		die "the build ran no test suite"
	grep -E '^SKIP:' "$out/build.log" | sed 's/^/   /' || true
	;;
esac
changes="twohats_${version}_${arch}.changes"
debs=("twohats_${version}_${arch}.deb" "twohats-dev_${version}_${arch}.deb")
for f in "$changes" "${debs[@]}"; do
	[ -f "$scratch/$f" ] || die "the build made no $f"
done
# everything the .changes names (the packages, the debug symbols, the .buildinfo)
find "$scratch" -maxdepth 1 -type f -name "*_${version}_*" -exec cp {} "$out/" \;

step "lintian (fails on any error or warning; info tags shown)"
lintian_status=0
lintian --fail-on error,warning --display-info --tag-display-limit 0 \
	"$out/$changes" >"$out/lintian.txt" 2>&1 || lintian_status=$?
grep -v '^running with root privileges' "$out/lintian.txt" || true
[ "$lintian_status" = 0 ] || die "lintian failed (status $lintian_status)"
echo "lintian: no error and no warning"
# The overridden tags (debian/*.lintian-overrides), for the record.  Not in the run
# above: lintian 2.116 counts a shown override at its tag's severity for --fail-on.
lintian --display-info --show-overrides --tag-display-limit 0 "$out/$changes" 2>/dev/null |
	grep '^O:' | tee "$out/lintian-overrides.txt" || true

# The checks of the installed packages, run as root where they are installed: in the
# chroot (all of them) or on this machine (all but installing the example plugin,
# which would stay behind in the system's plugin folder).
cat >"$scratch/check.sh" <<'EOF'
set -eu
where=$1 version=$2 dir=$3
cd "$dir"
fail() { echo "installed twohats: $*" >&2; exit 1; }
command -v twohats >/dev/null || fail "no twohats on PATH"
[ "$(command -v twohats)" = /usr/bin/twohats ] || fail "twohats is $(command -v twohats), not /usr/bin/twohats"

status=0
found=$(/usr/bin/twohats examples/ 2>&1) || status=$?
printf '%s\n' "$found" | tail -n 2
[ "$status" = 1 ] || fail "twohats examples/ ended with status $status, not 1 (findings)"
printf '%s\n' "$found" | grep -Eq '^[1-9][0-9]* findings? \(' || fail "no findings in the examples"
printf '%s\n' "$found" | grep -Eq '\[[a-z-]+/[a-z-]+\]$' || fail "no rule id in the report"

/usr/bin/twohats --list-rules | grep -q '^party-politics/vote-call ' || fail "--list-rules: the plugins did not load"
status=0
pdf=$(/usr/bin/twohats persbericht.pdf 2>&1) || status=$?
[ "$status" -le 1 ] && printf '%s\n' "$pdf" | grep -q ' in 1 document' ||
	fail "the PDF reader: status $status: $pdf"

for page in twohats twohats.yml twohats-rules twohats-plugin; do
	man -w "$page" >/dev/null || fail "man -w $page"
done
man -w twohats
man -L nl -w twohats | grep -q '/nl/' || fail "no Dutch twohats(1)"
pc=$(pkg-config --modversion twohats) || fail "pkg-config knows no twohats"
[ "$pc" = "$version" ] || fail "pkg-config --modversion twohats says $pc, not $version"
echo "pkg-config --modversion twohats: $pc"
[ -f "$(pkg-config --variable=includedir twohats)/twohats/plugin.h" ] || fail "no twohats/plugin.h"
plugindir=$(pkg-config --variable=plugindir twohats)
[ -f "$plugindir/office_premises.so" ] || fail "pkg-config's plugindir $plugindir holds no twohats plugin"
help=$(env -u LANGUAGE -u LC_MESSAGES LC_ALL=nl_NL.UTF-8 /usr/bin/twohats --help | head -n 1)
[ "$help" = "Gebruik: twohats [OPTIES] PAD..." ] || fail "no Dutch messages: $help"
echo "Dutch: $help"

# the out-of-tree example plugin, built against twohats-dev
cd hatch-act
./bootstrap >bootstrap.log 2>&1 || { tail -n 30 bootstrap.log; fail "hatch-act: bootstrap"; }
./configure --prefix=/usr >configure.log 2>&1 || { tail -n 30 configure.log; fail "hatch-act: configure"; }
make >make.log 2>&1 || { tail -n 30 make.log; fail "hatch-act: make"; }
make check >check.log 2>&1 || { cat check.log test-suite.log 2>/dev/null; fail "hatch-act: make check"; }
grep -E '^# (PASS|FAIL):' check.log
if [ "$where" = chroot ]; then
	make install >install.log 2>&1 || { tail -n 30 install.log; fail "hatch-act: make install"; }
	found=$(printf 'Vote Republican on November 5!\n' |
		/usr/bin/twohats --meta channel=social --meta account=corporate --format line - || true)
	case $found in
	*hatch-act/official-partisan*) echo "the installed twohats runs the plugin installed through twohats.pc" ;;
	*) fail "the installed twohats did not run the installed hatch-act plugin: $found" ;;
	esac
fi
echo "installed twohats: all checks passed ($where)"
EOF
stage="$scratch/stage"
mkdir "$stage"
cp -r "$src/examples" "$stage/examples"
cp -r "$src/examples/hatch-act" "$stage/hatch-act"
cp "$src/tests/data/documents/persbericht.pdf" "$stage/"
cp "$scratch/check.sh" "$stage/"
for f in "${debs[@]}"; do cp "$out/$f" "$stage/"; done

# What the checks need besides the packages: man, pkg-config, the Dutch locale, and
# what builds a plugin with autotools.
extra=man-db,pkg-config,locales,build-essential,autoconf,automake,libtool
chroot=no
if [ "${DEB_CHROOT:-yes}" != no ]; then
	step "mmdebstrap: a clean $(. /etc/os-release && echo "$VERSION_CODENAME") chroot with the packages installed"
	codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
	mirror=()
	[ -f /etc/apt/sources.list.d/debian.sources ] && mirror=(/etc/apt/sources.list.d/debian.sources)
	# The essential hook marks that the chroot itself could be made: a failure after it
	# (the packages do not install, a check fails) fails this script; one before it (no
	# mirror, no privileges for a chroot) falls back to installing on this machine.
	mm_status=0
	$SUDO mmdebstrap --variant=apt \
		--include="$extra" \
		--include="$stage/${debs[0]}" --include="$stage/${debs[1]}" \
		--hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
		--essential-hook="touch '$scratch/bootstrapped'" \
		--customize-hook="cp -r '$stage' \"\$1/tmp/twohats-ci\"" \
		--customize-hook="chroot \"\$1\" localedef -i nl_NL -f UTF-8 nl_NL.UTF-8" \
		--customize-hook="chroot \"\$1\" sh /tmp/twohats-ci/check.sh chroot '$upstream' /tmp/twohats-ci" \
		"$codename" /dev/null "${mirror[@]}" || mm_status=$?
	if [ "$mm_status" = 0 ]; then
		chroot=yes
	elif [ -e "$scratch/bootstrapped" ]; then
		die "the packages failed in the clean chroot (mmdebstrap status $mm_status)"
	else
		echo "deb.sh: mmdebstrap could not make a chroot (status $mm_status): installing on this machine"
	fi
fi
if [ $chroot = no ]; then
	step "installing the packages on this machine (no chroot)"
	apt_update
	apt_get install --no-install-recommends man-db pkg-config build-essential autoconf automake libtool
	apt_get install --reinstall --no-install-recommends "${debs[@]/#/$stage/}"
	(cd "$stage" && sh check.sh host "$upstream" "$stage")
fi
step "done: packages in $out, installed and checked $([ $chroot = yes ] && echo "in a clean chroot" || echo "on this machine")"
