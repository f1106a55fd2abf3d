# Sourced by bin/serve and bin/test. Finds Python 3.12+, creates .venv, and (re)installs the
# project when pyproject.toml changed since the last install. Nothing else needs to be set up.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RIGHTSDESK_VENV:-$ROOT/.venv}"

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

quiet_pip() {  # drop pip's notes about this machine's unused local package indexes; keep the rest
  grep -v "^WARNING: Location 'file://" >&2 || true
}

is_suitable() {  # $1: an interpreter; true when it runs and is Python 3.12 or newer
  "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
  local candidate dir
  if [ -n "${PYTHON:-}" ]; then
    is_suitable "$PYTHON" && { echo "$PYTHON"; return 0; }
    die "PYTHON=$PYTHON is not Python 3.12 or newer (or lacks the venv module)."
  fi
  for candidate in python3.13 python3.12 python3.14 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && is_suitable "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*; do  # pyenv builds not on PATH
    if [ -x "$dir/bin/python3" ] && is_suitable "$dir/bin/python3"; then
      echo "$dir/bin/python3"; return 0
    fi
  done
  return 1
}

install_test_tools() {  # axe-core for the browser tests, from package-lock.json, when it changed
  local want stamp="$ROOT/node_modules/.installed"
  [ -f "$ROOT/package-lock.json" ] || return 0
  want="$(sha256sum <"$ROOT/package-lock.json" | cut -c1-16)"
  grep -qx "$want" "$stamp" 2>/dev/null && return 0
  if ! command -v npm >/dev/null 2>&1; then
    say "npm is missing: the accessibility checks (axe-core) will be skipped. On Debian/Ubuntu: apt install nodejs npm"
    return 0
  fi
  say "Installing the browser-test tools (axe-core) from package-lock.json"
  (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed (see above)"
  echo "$want" >"$stamp"
}

bootstrap() {  # $1: the extra to install ("" for the app alone, "test" for the test suite)
  local extra="$1" python want stamp spec
  if [ -x "$VENV/bin/python" ] && ! is_suitable "$VENV/bin/python"; then
    say "Recreating $VENV: it was made with a Python older than 3.12."
    rm -rf "$VENV"
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    python="$(find_python)" || die "Rightsdesk needs Python 3.12 or newer, and none was found.
Tried \$PYTHON, python3.13, python3.12, python3.14, python3 and ~/.pyenv/versions/3.12+.
Install one (e.g. 'pyenv install 3.12' or your system's python3.12 package with venv),
or point PYTHON at it: PYTHON=/path/to/python3.12 $0"
    say "Creating the virtual environment in $VENV with $python ($("$python" --version 2>&1))"
    "$python" -m venv "$VENV" || die "could not create $VENV (on Debian/Ubuntu: apt install python3-venv)"
  fi
  stamp="$VENV/.installed"
  want="$(sha256sum <"$ROOT/pyproject.toml" | cut -c1-16)"
  # Installed for this pyproject.toml with the extra we need (or with "test", a superset)?
  if ! grep -qx "$want ${extra:-base}" "$stamp" 2>/dev/null && ! grep -qx "$want test" "$stamp" 2>/dev/null; then
    say "Installing Rightsdesk's dependencies${extra:+ and its $extra tools} into $VENV (only when pyproject.toml changes)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip 2>&1 | quiet_pip
    # The code runs from this checkout (manage.py puts it on sys.path); only the dependencies
    # listed in pyproject.toml are installed.
    "$VENV/bin/python" - "$ROOT/pyproject.toml" "$extra" >"$VENV/requirements.txt" <<'PY'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
wanted = list(project["dependencies"])
if sys.argv[2]:
    wanted += [r for r in project["optional-dependencies"][sys.argv[2]] if not r.startswith(project["name"])]
print("\n".join(wanted))
PY
    "$VENV/bin/python" -m pip install --quiet -r "$VENV/requirements.txt" 2>&1 | quiet_pip \
      || die "pip install failed (see above)"
    echo "$want ${extra:-base}" >"$stamp"
  fi
  if [ "$extra" = test ]; then
    install_test_tools
  fi
  export PATH="$VENV/bin:$PATH"
  export VIRTUAL_ENV="$VENV"
  cd "$ROOT"
  "$VENV/bin/python" -c 'import weasyprint' >/dev/null 2>&1 || die "WeasyPrint cannot load its system libraries (Pango, HarfBuzz).
On Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
On macOS: brew install pango.   Then run this command again."
}
