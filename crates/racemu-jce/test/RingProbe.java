import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What Liberty and Zowe do with a RACF key store, one scenario a line from standard input
 * (racemu's Java tests, crates/racemu/tests/java_jce.rs), so one JVM runs a group:
 *   load TYPE URL       KeyStore.getInstance(TYPE), load(new URL(URL).openStream(), "password")
 *   writes TYPE URL     load, then in-memory writes, load(null, null) + setKeyEntry, store()
 *   provider TYPE       the provider that serves TYPE
 *   exec COMMAND        racemu exec COMMAND (-Dracemu.bin, -Dracemu.db), to change the ring
 *   user USERID         the application's user ID from now on (-Dracemu.user)
 * Each prints one line: what the key store holds, or the exception and its cause.
 */
public final class RingProbe {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] w = line.split(" ", 3);
            try {
                switch (w[0]) {
                    case "load":
                        System.out.println(line + " -> " + describe(load(w[1], w[2])));
                        break;
                    case "writes":
                        System.out.println(line + " -> " + writes(w[1], w[2]));
                        break;
                    case "provider":
                        System.out.println(line + " -> " + KeyStore.getInstance(w[1]).getProvider().getName());
                        break;
                    case "user":
                        System.setProperty("racemu.user", w[1]);
                        System.out.println(line + " -> ok");
                        break;
                    case "exec":
                        System.out.println(line + " -> rc " + exec(line.substring(5)));
                        break;
                    default:
                        System.out.println(line + " -> unknown scenario");
                }
            } catch (Exception e) {
                System.out.println(line + " -> " + failure(e));
            }
            System.out.flush();
        }
    }

    static KeyStore load(String type, String url) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(new URL(url).openStream(), "password".toCharArray());
        return ks;
    }

    static String failure(Throwable e) {
        String s = e.getClass().getName() + ": " + e.getMessage();
        if (e.getCause() != null) {
            s += " | cause " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
        return s;
    }

    static String describe(KeyStore ks) throws Exception {
        List<String> out = new ArrayList<>();
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                Key k = ks.getKey(a, null);
                out.add("[" + a + "] key " + k.getAlgorithm() + " chain " + ks.getCertificateChain(a).length);
            } else {
                out.add("[" + a + "] trusted");
            }
        }
        return ks.size() + " entries: " + String.join(", ", out);
    }

    static String writes(String type, String url) throws Exception {
        KeyStore ks = load(type, url);
        List<String> aliases = Collections.list(ks.aliases());
        String keyAlias = null;
        for (String a : aliases) {
            if (ks.isKeyEntry(a)) {
                keyAlias = a;
            }
        }
        Certificate first = ks.getCertificate(aliases.get(0));
        ks.setCertificateEntry("Added In Memory", first);
        ks.deleteEntry(aliases.get(0));
        String after = describe(ks);
        KeyStore empty = KeyStore.getInstance(type);
        empty.load(null, null);
        String tomcat = "";
        if (keyAlias != null) {
            empty.setKeyEntry("tomcat", ks.getKey(keyAlias, "x".toCharArray()), "".toCharArray(),
                    ks.getCertificateChain(keyAlias));
            tomcat = describe(empty);
        }
        String stored;
        try {
            ks.store(new java.io.ByteArrayOutputStream(), "password".toCharArray());
            stored = "stored";
        } catch (IOException e) {
            stored = failure(e);
        }
        return after + "; load(null): " + tomcat + "; store: " + stored;
    }

    static int exec(String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("racemu.bin"), "--db",
                System.getProperty("racemu.db"), "exec", command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
