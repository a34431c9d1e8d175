# SPDX-License-Identifier: EUPL-1.2
# documents.sh: the formats advisers have (HTML, Word, OpenDocument, PDF) give the same
# findings as the Markdown they were made from, at positions their own viewers show.
. "$srcdir/tests/cli/lib.sh"
plan 16

docs="$srcdir/tests/data/documents"
lint() { run --format line --no-config --meta channel=web "$docs/$1"; out=$(printf '%s\n' "$out" | sed "s|^$docs/||; s|: [^[]*\[| [|"); }

lint persbericht.md
is "$out" "persbericht.md:3:92 [office-premises/campaign-use]
persbericht.md:5:1 [party-politics/vote-call]" "Markdown: the source"
lint persbericht.html
is "$out" "persbericht.html:14:43 [office-premises/campaign-use]
persbericht.html:17:13 [party-politics/vote-call]" "HTML: at their line and column in the source; script, style, comment, title and attributes are no text"
is "$(python3 "$srcdir/tests/cli/lsp_client.py" "$TWOHATS" "$(cd "$docs" && pwd)/persbericht.html")" \
	"office-premises/campaign-use 13:42-13:80" "HTML in the language server: at the same place, counted from 0"
run_stdin "$(cat "$docs/persbericht.html")" --format line --no-config --meta channel=web --stdin-filename x.html -
is "$(printf '%s\n' "$out" | sed 's|: [^[]*\[| [|')" "x.html:14:43 [office-premises/campaign-use]
x.html:17:13 [party-politics/vote-call]" "HTML on standard input with --stdin-filename x.html"
lint persbericht.docx
is "$out" "persbericht.docx:2:92 [office-premises/campaign-use]
persbericht.docx:3:1 [party-politics/vote-call]" "Word: paragraph and character"
lint persbericht.odt
is "$out" "persbericht.odt:2:92 [office-premises/campaign-use]
persbericht.odt:3:1 [party-politics/vote-call]" "OpenDocument: paragraph and character"
lint persbericht.pdf
is "$out" "persbericht.pdf:1:3:1 [office-premises/campaign-use]
persbericht.pdf:1:4:1 [party-politics/vote-call]" "PDF: page, line and column as poppler lays the page out"

run --no-config --meta channel=web "$docs/persbericht.docx"
has "$out" "    2 | Vandaag opende de minister het nieuwe station in Zwolle." "the text format shows the paragraph"

cp "$docs/persbericht.docx" "$work/nota.docx"
run --fix --no-config --meta channel=web "$work/nota.docx"
is "$err" "twohats: $work/nota.docx: cannot fix a Word file; apply the fix where the text is written" "--fix refuses a Word file"

cp "$docs/persbericht.docx" "$work/sheet.xlsx"
run --no-config "$work/sheet.xlsx"
is "$err" "twohats: $work/sheet.xlsx: cannot read this file: it is a ZIP archive (an Excel, PowerPoint or other Office file?), not text; twohats reads .md, .markdown, .txt, .jsonl, .html, .htm, .docx, .odt, .pdf" "a file of another type is refused by name, not read as text"
printf 'not a zip' >"$work/broken.docx"
run --no-config "$work/broken.docx"
is "$status" 2 "a Word file that cannot be read: status 2, never clean"
run --no-config --format json "$work/broken.docx"
is "$(printf '%s' "$out" | python3 -c 'import json, sys; print(json.load(sys.stdin)["errors"][0]["message"])')" "cannot read this Word file: Not a zip archive" "... and the JSON output carries the error"
run --no-config --format sarif "$work/broken.docx"
printf '%s\n' "$out" >"$work/broken.sarif"
is "$(/usr/bin/python3 -c '
import json, sys, jsonschema
doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, json.load(open(sys.argv[1])), cls=jsonschema.Draft4Validator)
print(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"])
' "$srcdir/tests/data/sarif/sarif-schema-2.1.0.json" "$work/broken.sarif" 2>&1)" "cannot read this Word file: Not a zip archive" "... and so does SARIF, valid against its schema"
run --no-config --format checkstyle "$work/broken.docx"
has "$out" 'severity="error" message="cannot read this Word file: Not a zip archive" source="twohats.input"' "... and checkstyle"

# A scan: one empty page and no text layer (a minimal PDF, written here).
python3 - "$work/scan.pdf" <<'EOF'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
pdf, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n%s\nendobj\n" % (i, o)
xref = len(pdf)
pdf += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
open(sys.argv[1], "wb").write(pdf)
EOF
run --no-config "$work/scan.pdf"
is "$status: $err" "2: twohats: $work/scan.pdf: cannot read this PDF: it has no text (a scan?); give it a text layer first, for example with ocrmypdf" "a PDF without text is not clean: status 2 and why"

mkdir -p "$work/folder"
cp "$docs/persbericht.odt" "$docs/persbericht.html" "$work/folder/"
cp "$docs/persbericht.docx" "$work/folder/a.xlsx"
cp "$docs/persbericht.docx" "$work/folder/b.xlsx"
printf 'x' >"$work/folder/c.png"
run --no-config --meta channel=web "$work/folder"
has "$out" "3 files in folders skipped: .xlsx (2), .png (1)" "a folder: its documents are read, and what was skipped is counted by type"
exit $((failures > 0))
