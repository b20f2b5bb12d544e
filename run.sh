#!/usr/bin/env bash
# Notulist in one command: set up, read in examples/, make a key, start the service.
#   ./run.sh                      # http://127.0.0.1:8000/
#   PORT=8080 HOST=0.0.0.0 ./run.sh
# Idempotent: a second run reuses .venv, the store in $NOTULIST_DATA_DIR (default .notulist) and the key.
set -euo pipefail
cd "$(dirname "$0")"

export NOTULIST_DATA_DIR="${NOTULIST_DATA_DIR:-.notulist}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
PYTHON="${PYTHON:-python3}"
KEY_FILE="$NOTULIST_DATA_DIR/admin.key"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# 1. virtual environment and the package (pip runs only when pyproject.toml changed)
if [ ! -x .venv/bin/python ]; then
  say "Python-omgeving maken (.venv)"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Notulist heeft Python 3.11 of nieuwer nodig (gevonden: $("$PYTHON" --version))." >&2; exit 1; }
  "$PYTHON" -m venv .venv || {
    rm -rf .venv
    echo "Kan geen Python-omgeving maken. Op Debian/Ubuntu: sudo apt-get install python3-venv" >&2
    exit 1
  }
fi
# shellcheck disable=SC1091
source .venv/bin/activate
STAMP=.venv/.notulist-installed
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] || ! command -v notulist >/dev/null; then
  say "Notulist installeren (pip install -e '.[test]'; de eerste keer duurt dit enkele minuten)"
  python -m pip install --quiet --upgrade pip
  python -m pip install --quiet -e '.[test]'
  touch "$STAMP"
else
  say "Python-omgeving is er al (.venv)"
fi

# scanned PDFs need Tesseract with its Dutch model (Debian packages); without it they are refused
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx nld; then
  say "Let op: Tesseract (Nederlands) ontbreekt; gescande PDF's worden geweigerd. Installeer met:"
  echo "    sudo apt-get install tesseract-ocr tesseract-ocr-nld poppler-utils" >&2
fi

# 2. the examples (a second run reports 'unchanged')
mkdir -p "$NOTULIST_DATA_DIR"
say "Voorbeelden inlezen (examples/)"
notulist ingest examples/
notulist meetings

# 3. an admin key, kept (mode 600) in the data dir so that a second run shows the same key
KEY=""
if [ -f "$KEY_FILE" ] && notulist keys check < "$KEY_FILE" >/dev/null 2>&1; then
  KEY="$(cat "$KEY_FILE")"
  say "Bestaande beheerderssleutel gebruikt ($KEY_FILE)"
else
  say "Beheerderssleutel maken"
  KEY="$(notulist keys create --role admin --name beheerder 2>/dev/null | tail -n 1)"
  (umask 077 && printf '%s\n' "$KEY" > "$KEY_FILE")
fi

# 4. the service
if python - "$HOST" "$PORT" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(0)  # in use
sys.exit(1)
PY
then
  echo "Poort $PORT is al in gebruik. Kies een andere, bijvoorbeeld: PORT=8080 ./run.sh" >&2
  exit 1
fi

URL="http://$HOST:$PORT/"
cat <<MSG

  Notulist start op:  $URL
  API-sleutel (beheerder, alle reeksen):
  $KEY

  Open de pagina en plak de sleutel; API-documentatie op ${URL}docs
  Meer sleutels:  notulist keys create --role secretary   (of reader; --series NAAM beperkt tot een reeks)
  Stoppen: Ctrl+C

MSG
exec notulist serve --host "$HOST" --port "$PORT"
