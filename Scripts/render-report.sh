#!/usr/bin/env bash
# Renders a report page to PNG with headless Chromium, for people to look at: the screen,
# the screen in greyscale (as a black-and-white printer would), the page at the widths of
# A4 and US Letter, and the printed pages on each paper (print style sheet; printed to PDF,
# then to PNG when pdftoppm, from poppler-utils, is there).
# Usage: Scripts/render-report.sh PAGE.html [OUTDIR]   (nothing it writes belongs in git)
set -euo pipefail
page="$(realpath "$1")"
out="${2:-$(dirname "$page")}"
mkdir -p "$out"
base="$(basename "$page" .html)"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "render-report: chromium not found (apt-get install -y chromium)" >&2; exit 1; }
shot() { # name width height
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$out/$base-$1.png" --window-size="$2,$3" "file://$page" >/dev/null 2>&1
  echo "$out/$base-$1.png"
}
variant() { # name css: a copy of the page with `css` added to its style sheet
  local copy="$out/$base-$1.html"
  sed "s|</style>|$2</style>|" "$page" > "$copy"
  echo "$copy"
}
shot screen 1280 2400
grey="$(variant grey 'html{filter:grayscale(1)}')"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --screenshot="$out/$base-screen-grey.png" --window-size=1280,2400 "file://$grey" >/dev/null 2>&1
echo "$out/$base-screen-grey.png"
# Paper widths at 96 dpi: A4 210 mm = 794 px, US Letter 8.5 in = 816 px.
shot a4-width 794 3200
shot letter-width 816 3200
for paper in A4 Letter; do
  # The page leaves the paper to the printer; here each paper is asked for in turn.
  sized="$(variant "$paper" "@page{size:$paper}")"
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$base-$paper.pdf" "file://$sized" >/dev/null 2>&1 || true
  if [ -s "$out/$base-$paper.pdf" ] && command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 "$out/$base-$paper.pdf" "$out/$base-print-$paper"
    ls "$out/$base-print-$paper"*.png
  fi
done
