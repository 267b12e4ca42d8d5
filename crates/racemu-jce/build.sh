#!/usr/bin/env bash
# Builds racemu's Java key-store provider with the JDK alone (javac and jar; docs/java.md):
#   target/racemu-jce/racemu-jce.jar       providers, URL handlers, Java agent
#   target/racemu-jce/racemu-jce.security  for -Djava.security.properties= (class-path route)
#   target/racemu-jce/keytool              keytool that opens -keystore safkeyring://… rings
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${RACEMU_JCE_OUT:-$root/target/racemu-jce}
command -v javac >/dev/null || { echo "racemu-jce: javac not found (install a JDK, e.g. openjdk-17-jdk-headless)" >&2; exit 2; }
rm -rf "$out/classes"
mkdir -p "$out/classes"
javac --release 11 -Xlint:all -Werror -d "$out/classes" $(find "$here/src" -name '*.java' | sort)
cp -r "$here/META-INF" "$out/classes/"
printf 'Premain-Class: org.racemu.jce.Agent\nAgent-Class: org.racemu.jce.Agent\n' > "$out/manifest.txt"
jar --create --file "$out/racemu-jce.jar" --manifest "$out/manifest.txt" -C "$out/classes" .
# The JDK's provider list must stay numbered without gaps: the three providers follow the
# last security.provider.N of the JDK that built the jar.
javac_real=$(readlink -f "$(command -v javac)")
master="$(dirname "$(dirname "$javac_real")")/conf/security/java.security"
last=0
if [ -f "$master" ]; then
  last=$(sed -n 's/^security\.provider\.\([0-9][0-9]*\)=.*/\1/p' "$master" | sort -n | tail -1)
fi
{
  echo "# racemu's RACF key stores, appended to the JDK's provider list (-Djava.security.properties=)."
  echo "security.provider.$((last + 1))=IBMZSecurity"
  echo "security.provider.$((last + 2))=IBMJCECCA"
  echo "security.provider.$((last + 3))=IBMJCEHYBRID"
} > "$out/racemu-jce.security"
cp "$here/keytool" "$out/keytool"
chmod 755 "$out/keytool"
