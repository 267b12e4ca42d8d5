#!/usr/bin/env bash
# Builds the racemu Python package into a virtual environment (target/py-venv, or
# $RACEMU_VENV) and runs its pytest tests and mypy --strict. The wheel's racemu binary is a
# dev-profile build in the workspace's target/ directory, so after `cargo test` it is quick.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${RACEMU_VENV:-$root/target/py-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# maturin's build hooks call the maturin command: the environment's scripts come first.
export PATH="$venv/bin:$PATH"
"$venv/bin/python" -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" pytest mypy requests types-requests
# No build isolation: the maturin just installed builds the wheel.
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-build-isolation "$here"
cd "$here"
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests
"$venv/bin/python" -m mypy --strict --cache-dir "$root/target/mypy-cache" python tests
