#!/usr/bin/env bash
# Regenerates docs/painladder.1 from the command definitions with swift-argument-parser's
# GenerateManual plugin. Run it after changing a command, an option or a help text: the test
# ManualPageTests fails while the page lacks a command or option the binary has.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# A stale page from an earlier run must not be taken for this one.
find "$root/.build/plugins" -name painladder.1 -delete 2>/dev/null || true
# A debug build is enough for the help text and reuses the tests' build.
swift package plugin generate-manual --configuration debug --authors "PainLadder developers"
page="$(find "$root/.build/plugins" -name painladder.1 | head -1)"
[ -n "$page" ] || { echo "make-manual.sh: the plugin wrote no painladder.1" >&2; exit 1; }
cp "$page" "$root/docs/painladder.1"
echo "docs/painladder.1 updated"
