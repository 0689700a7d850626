#!/usr/bin/env bash
# Install check, as a user would: build the wheel, install it with no extras into a fresh venv for
# every Python that requires-python admits (3.10-3.13, those found on this machine), then run
# `briefing --help` and `briefing build` on a copy of seeds/ from an empty folder outside the checkout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-python3}
"$python" -m pip wheel -q --no-deps --no-build-isolation -w "$work/dist" "$root" 2>/dev/null ||
  "$python" -m pip wheel -q --no-deps -w "$work/dist" "$root"
wheel=$(ls "$work"/dist/briefing-*.whl)
mkdir -p "$work/seeds" "$work/empty"
cp "$root"/seeds/*.txt "$work/seeds/"
checked=0
for version in 3.10 3.11 3.12 3.13; do
  py=""
  for candidate in "$(command -v "python$version" || true)" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import sys' 2>/dev/null; then
      py=$candidate
      break
    fi
  done
  if [ -z "$py" ]; then
    echo "install check: python$version not found, skipped"
    continue
  fi
  venv="$work/venv-$version"
  "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel" 2>&1 | grep -v '^WARNING: Location' || true
  (
    cd "$work/empty"
    "$venv/bin/briefing" --help >/dev/null
    for cmd in build analyze serve daily send; do "$venv/bin/briefing" "$cmd" --help >/dev/null; done
    "$venv/bin/briefing" build "$work/seeds" --out "$work/out-$version" -q
    for kind in pdf html json; do test -s "$work/out-$version/brief.$kind"; done
  )
  echo "install check: python$version ok (wheel with no extras: --help, every command's --help, build)"
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "install check: no Python 3.10-3.13 found" >&2; exit 1; }
