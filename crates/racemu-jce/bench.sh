#!/usr/bin/env bash
# KeyStore.load of a ten-certificate ring through JCERACFKS against KeyStore.load of the same
# ring's PKCS#12 export (AES-256 and --legacy), in one JVM each (docs/performance.md).
# Usage: crates/racemu-jce/bench.sh [ROUNDS]   (after cargo build -p racemu)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-20}
racemu=${RACEMU_BIN:-$root/target/debug/racemu}
"$here/build.sh"
jce=$root/target/racemu-jce
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/racf.db
run() { "$racemu" --db "$db" exec "$1" >/dev/null 2>&1; }
run "ADDUSER BENCH"
run "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Bench CA')) NISTECC SIZE(256) WITHLABEL('Bench CA') NOTAFTER(DATE(2029-12-31))"
run "RACDCERT ID(BENCH) ADDRING(Ten)"
run "RACDCERT ID(BENCH) CONNECT(CERTAUTH LABEL('Bench CA') RING(Ten) USAGE(CERTAUTH))"
for i in 1 2 3 4 5 6 7 8 9; do
  run "RACDCERT ID(BENCH) GENCERT SUBJECTSDN(CN('server$i')) NISTECC SIZE(256) SIGNWITH(CERTAUTH LABEL('Bench CA')) WITHLABEL('Server $i') NOTAFTER(DATE(2029-12-31))"
  run "RACDCERT ID(BENCH) CONNECT(LABEL('Server $i') RING(Ten))"
done
run "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)"
run "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BENCH) ACCESS(READ)"
run "SETROPTS RACLIST(FACILITY DIGTRING DIGTCERT) REFRESH"
"$racemu" --db "$db" --user BENCH keyring export BENCH/Ten --format pkcs12 --out "$work/ten.p12" --password secret 2>/dev/null
"$racemu" --db "$db" --user BENCH keyring export BENCH/Ten --format pkcs12 --legacy --out "$work/legacy.p12" --password secret 2>/dev/null
javac -d "$work/classes" "$here/test/RingBench.java"
for p12 in ten.p12 legacy.p12; do
  java "-javaagent:$jce/racemu-jce.jar" "-Dracemu.bin=$racemu" "-Dracemu.db=$db" -Dracemu.user=BENCH \
    -cp "$work/classes" RingBench safkeyring://BENCH/Ten "$work/$p12" secret "$rounds"
done
