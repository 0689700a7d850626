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
mkdir -p "$work/seeds" "$work/empty" "$work/site"
cp "$root"/seeds/*.txt "$work/seeds/"
# an article in another language, so the language identifier's model (py3langid) is loaded too
cat > "$work/seeds/zz-porto.txt" <<'TXT'
Porto reabre depois das obras

A autoridade portuária reabriu o porto norte na segunda-feira, depois de uma semana de obras no
paredão, e o primeiro ferry atracou pouco depois das nove com duzentos passageiros a bordo.

Os pescadores esperaram desde a madrugada à entrada do porto, disseram os responsáveis.
TXT
# a web page of our own, served on 127.0.0.1, so the web inputs' run-time packages are exercised too
cat > "$work/site/talks.html" <<'HTML'
<!DOCTYPE html><html><head><title>Ministers agree to resume fisheries talks</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Ministers agree to resume fisheries talks</h1>
<p>Fisheries ministers from the two countries agreed on Tuesday to resume talks on quotas for the
northern cod stock, after a pause of almost two years.</p>
<p>"We have a shared interest in a healthy stock and in the towns that depend on it," said Maria
Lindqvist, the fisheries minister, after the meeting in Tromso.</p>
<p>Officials said a first round of technical talks would be held in March, with a ministerial
meeting to follow before the summer season opens.</p></article>
<footer>Share this article. Subscribe to our newsletter.</footer></body></html>
HTML
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
    grep -q '"language": "pt"' "$work/out-$version/brief.json"   # set aside, not analysed as English
    port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$venv/bin/python" -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 50); do "$venv/bin/python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break; sleep 0.1; done
    "$venv/bin/briefing" analyze --json -q --cache-dir "$work/cache-$version" "http://127.0.0.1:$port/talks.html" > "$work/web-$version.json"
    kill "$server"
    grep -q "Maria Lindqvist" "$work/web-$version.json"
  )
  echo "install check: python$version ok (wheel with no extras: --help, every command's --help, build with a page in Portuguese set aside, a URL)"
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "install check: no Python 3.10-3.13 found" >&2; exit 1; }
