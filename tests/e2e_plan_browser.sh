#!/usr/bin/env bash
# e2e_plan_browser.sh - the HTML plan in a real browser, as a family gets
# it: headless Chromium prints it to PDF, which must be A4 with every line
# inside the page and all the plan's words in it (pdftotext); and shows it
# on a phone 390 px wide, where no element may stick out past the screen's
# right edge (measured in the page, which is loaded in a 390 px frame:
# headless Chromium will not make a window that narrow). The screenshot is
# kept for a person to look at. `tidy` must find nothing to say.
#
# Skips (exit 77) when chromium, pdftotext or tidy is missing.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_plan_browser.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_in() { # file needle what
	grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in it:"; sed 's/^/    /' "$1" | head -40 >&2; }
}

for tool in chromium pdftotext pdfinfo tidy; do
	command -v "$tool" > /dev/null || { echo "$tool not found: skipping (Debian: chromium, poppler-utils, tidy)"; exit 77; }
done
browser() { # chromium, quietly, with no profile of anyone's
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$work/profile" "$@" 2> "$work/chromium.err"
}

"$bin" build --quiet --data "$src/data/doncaster" --out "$work/store.db" > /dev/null ||
	{ echo "cannot build the store"; exit 1; }
"$bin" records add-sample AB --records "$work/records.db" > /dev/null || { echo "cannot add a session"; exit 1; }
# A shared note with a word too long for a phone's line, as people paste addresses.
long="Bring_this:_https://www.example.org/apprenticeships/search?keywords=software_developer_level_3_doncaster_and_nearby"
if command -v sqlite3 > /dev/null; then
	sqlite3 "$work/records.db" "INSERT INTO note VALUES (1, 2, '2026-12-01 10:00', '$long', 1)" ||
		{ echo "cannot add the note"; exit 1; }
fi
"$bin" plan export --db "$work/store.db" --records "$work/records.db" --session 1 --format html \
	--out "$work/plan.html" || { echo "cannot export the plan"; exit 1; }

# --- the HTML itself ----------------------------------------------------------------
tidy -q -e "$work/plan.html" > "$work/tidy.out" 2>&1 || { fail "tidy has something to say:"; cat "$work/tidy.out" >&2; }

# --- printed on A4 -----------------------------------------------------------------------
browser --no-pdf-header-footer --print-to-pdf="$work/plan.pdf" "file://$work/plan.html" > /dev/null
[ -s "$work/plan.pdf" ] || { fail "no PDF was printed"; cat "$work/chromium.err" >&2; }
pdfinfo "$work/plan.pdf" > "$work/pdfinfo" 2>&1
expect_in "$work/pdfinfo" "(A4)" "the PDF's page size"
width=$(sed -n 's/^Page size: *\([0-9.]*\) x.*/\1/p' "$work/pdfinfo")
pdftotext -bbox "$work/plan.pdf" "$work/bbox.html" 2> /dev/null
widest=$(grep -o 'xMax="[0-9.]*"' "$work/bbox.html" | tr -dc '0-9.\n' | sort -n | tail -1)
awk -v w="${widest:-0}" -v page="${width:-0}" 'BEGIN { exit !(w > 0 && page > 0 && w <= page) }' ||
	fail "a line of the PDF ends at ${widest:-?} pt, past the page's ${width:-?} pt"
pdftotext "$work/plan.pdf" "$work/plan.txt"
# Every word a family needs is on paper (pdftotext keeps each line's words together).
for words in "Your careers action plan" "For: AB" "School: Sample Academy" \
	"Your adviser: Sam Sample - careers@school.example, 01302 000000" \
	"Next meeting: Tuesday 12 Jan 2027 at 10:30" "What happens next" \
	"Visit the college open evening" "Your parent or carer" "12 Mar 2027" \
	"Your shortlist" "Open evening is in March." "Appendix: where the information comes from"; do
	expect_in "$work/plan.txt" "$words" "the printed plan"
done
grep -qF "Likes building things" "$work/plan.txt" && fail "an adviser-only note was printed"

# --- on a phone, 390 px wide ----------------------------------------------------------------
cat > "$work/phone.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>390 px</title>
<style>body { margin: 0; } iframe { border: 0; width: 390px; height: 6000px; display: block; }</style>
</head><body><iframe id="phone" src="plan.html"></iframe>
<script>
document.getElementById("phone").addEventListener("load", function () {
  var d = this.contentDocument, view = d.documentElement.clientWidth, right = 0, what = "none";
  d.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > right) { right = r.right; what = e.tagName.toLowerCase(); }
  });
  /* Text can run out of its box: measure the words themselves too. */
  var walk = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT), node;
  while ((node = walk.nextNode())) {
    var range = d.createRange(), r;
    range.selectNodeContents(node);
    r = range.getBoundingClientRect();
    if (r.width > 0 && r.right > right) { right = r.right; what = "text in " + node.parentNode.tagName.toLowerCase(); }
  }
  document.body.setAttribute("data-layout", "view=" + view + " scroll=" +
    d.documentElement.scrollWidth + " right=" + Math.ceil(right) + " widest=" + what +
    " words=" + d.body.innerText.length);
});
</script></body></html>
EOF
browser --allow-file-access-from-files --window-size=500,900 --virtual-time-budget=5000 \
	--dump-dom "file://$work/phone.html" > "$work/phone.dom"
layout=$(grep -o 'data-layout="[^"]*"' "$work/phone.dom")
echo "390 px: $layout"
read -r view scroll right < <(echo "$layout" | sed 's/.*view=\([0-9]*\) scroll=\([0-9]*\) right=\([0-9]*\).*/\1 \2 \3/')
if [ -z "${view:-}" ] || [ "$view" -lt 300 ] || [ "$view" -gt 390 ]; then
	fail "the plan was not laid out 390 px wide ($layout)"
elif [ "$scroll" -gt "$view" ] || [ "$right" -gt "$view" ]; then
	fail "something is wider than a 390 px phone: $layout"
fi
browser --hide-scrollbars --allow-file-access-from-files --window-size=390,2400 \
	--screenshot="$work/phone.png" "file://$work/phone.html" > /dev/null
[ -s "$work/phone.png" ] || fail "no screenshot at 390 px"
if [ -n "${CAREERS_KEEP_SCREENSHOT:-}" ]; then
	cp "$work/phone.png" "$CAREERS_KEEP_SCREENSHOT"
	cp "$work/plan.pdf" "${CAREERS_KEEP_SCREENSHOT%.png}.pdf"
fi

[ "$failures" -eq 0 ] && echo "e2e_plan_browser: all checks passed"
exit $((failures > 0))
