#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""yaml-labels.py: the labels of rules/nl/cues.yml as gettext entries for po/twohats.pot.

A finding's message names the cues that fired by their labels ("cues: a call to join, a
party named"); the nl service translates each label through the text domain "twohats",
so the labels belong in its catalogue like the messages of the sources.
Usage: python3 po/yaml-labels.py rules/nl/cues.yml >> po/twohats.pot (make update-po).
"""
import json
import sys

import yaml

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    data = yaml.safe_load(f)
for name, cue in (data.get("cues") or {}).items():
    label = cue.get("label") if isinstance(cue, dict) else None
    if label:
        print(f"\n#. the label of cue '{name}', in a finding's list of cues")
        print(f"#: {path}")
        print(f"msgid {json.dumps(label, ensure_ascii=False)}")
        print('msgstr ""')
