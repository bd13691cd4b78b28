#!/usr/bin/env bash
# Installs painladder under a prefix:
#   $PREFIX/bin/painladder                              the binary (release, Swift stdlib linked in)
#   $PREFIX/share/painladder/Data/                      the formulary it reads (found from bin/../share)
#   $PREFIX/share/man/man1/painladder.1                 the manual page (docs/painladder.1)
#   $PREFIX/share/bash-completion/completions/painladder
#   $PREFIX/share/zsh/site-functions/_painladder
#   $PREFIX/share/fish/vendor_completions.d/painladder.fish
#
# Usage: Scripts/install.sh [--prefix DIR] [--binary PATH]
#   --prefix  default $PREFIX, else /usr/local
#   --binary  install this already built binary instead of building a release (the tests do)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${PREFIX:-/usr/local}"
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --binary) binary="$2"; shift 2 ;;
    --binary=*) binary="${1#--binary=}"; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
if [ -z "$binary" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib --product painladder)
  binary="$root/.build/release/painladder"
fi
[ -x "$binary" ] || { echo "install.sh: no executable at '$binary'" >&2; exit 66; }

install -d "$prefix/bin" "$prefix/share/painladder" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
  "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/painladder"
rm -rf "$prefix/share/painladder/Data"
cp -R "$root/Data" "$prefix/share/painladder/Data"
chmod -R a+rX,go-w "$prefix/share/painladder/Data"
install -m 0644 "$root/docs/painladder.1" "$prefix/share/man/man1/painladder.1"
# The completion scripts come from the installed binary itself, so they match its commands.
"$prefix/bin/painladder" --generate-completion-script bash > "$prefix/share/bash-completion/completions/painladder"
"$prefix/bin/painladder" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_painladder"
"$prefix/bin/painladder" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/painladder.fish"
echo "installed painladder in $prefix ($("$prefix/bin/painladder" --version | head -1))"
