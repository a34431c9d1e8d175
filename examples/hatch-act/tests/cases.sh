#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# cases.sh: the labelled cases of rules/en/hatch-act.yml through the installed twohats,
# with this build's plugin first in the plugin path.  The cases are run from a folder of
# their own, with a configuration that leaves the Dutch rules out.
set -eu
mkdir -p cases
cp "$srcdir/rules/en/hatch-act.yml" "$srcdir/tests/.twohats.yml" cases/
exec "$TWOHATS" test cases/hatch-act.yml
