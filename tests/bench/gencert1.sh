#!/usr/bin/env bash
# Benchmark (issue 9 item 12): how long one `racemu exec` process takes to GENCERT one P-256
# certificate into an existing store, start-up to exit, against a LISTRING process (no key).
# Prints the median and the spread of N runs (default 30) of each. A benchmark, not a test.
#   usage: tests/bench/gencert1.sh [N]        (RACEMU=path/to/racemu to pick a binary)
set -euo pipefail
N=${1:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${RACEMU:-$root/target/release/racemu}
if [ ! -x "$bin" ]; then cargo build -q --release -p racemu --manifest-path "$root/Cargo.toml"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/racf.db
"$bin" --db "$db" exec "RACDCERT ID(BENCH) ADDRING(R)" >/dev/null 2>&1
python3 - "$bin" "$db" "$N" <<'PY'
import statistics, subprocess, sys, time
binary, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run(cmd):
    t = time.perf_counter()
    subprocess.run([binary, "--db", db, "exec", cmd], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000
gen = [run(f"RACDCERT ID(BENCH) GENCERT SUBJECTSDN(CN('host{i}')) NISTECC SIZE(256) WITHLABEL('c{i}')")
       for i in range(n)]
lst = [run("RACDCERT ID(BENCH) LISTRING(R)") for _ in range(n)]
for name, v in (("GENCERT NISTECC 256", gen), ("LISTRING (no key)", lst)):
    print(f"{name:20} median {statistics.median(v):6.1f} ms  min {min(v):6.1f}  max {max(v):6.1f}  ({n} processes)")
PY
