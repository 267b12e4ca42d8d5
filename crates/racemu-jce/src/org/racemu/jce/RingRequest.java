package org.racemu.jce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code racemu keyring open} for one ring reference and returns its document: the
 * entries R_datalib gives the application's user ID, or IBM's error as an IOException.
 *
 * <p>Who the application is: {@code -Dracemu.user}, else {@code RACEMU_USER}, else
 * {@code user.name} in upper case. The store: {@code -Dracemu.db}, else {@code RACEMU_DB}
 * (read by racemu itself). The binary: {@code -Dracemu.bin}, else {@code RACEMU_BIN}, else
 * {@code racemu} on PATH.
 */
final class RingRequest {
    /** The only document format this reader knows. */
    static final String FORMAT = "racemu-keyring-open/1";

    private RingRequest() {
    }

    /** The RACF user ID the application runs under. */
    static String user() {
        String u = System.getProperty("racemu.user");
        if (u == null || u.isBlank()) {
            u = System.getenv("RACEMU_USER");
        }
        if (u == null || u.isBlank()) {
            u = System.getProperty("user.name", "IBMUSER");
        }
        return u.trim().toUpperCase(Locale.ROOT);
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The entries of {@code reference} as racemu's document lists them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> open(String reference) throws IOException {
        String bin = setting("racemu.bin", "RACEMU_BIN", "racemu");
        List<String> cmd = new ArrayList<>();
        cmd.add(bin);
        String db = System.getProperty("racemu.db");
        if (db != null && !db.isBlank()) {
            cmd.add("--db");
            cmd.add(db);
        }
        cmd.add("--user");
        cmd.add(user());
        cmd.add("keyring");
        cmd.add("open");
        cmd.add(reference);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IOException("racemu: cannot run " + bin
                    + " (set -Dracemu.bin or RACEMU_BIN to the racemu binary)", e);
        }
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "racemu-stderr");
        drain.setDaemon(true);
        drain.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(p.getInputStream(), out);
        int rc;
        try {
            rc = p.waitFor();
            drain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("racemu: interrupted while reading " + reference, e);
        }
        String stderr = err.toString(StandardCharsets.UTF_8).trim();
        if (rc != 0 && rc != 8) {
            throw new IOException("racemu keyring open " + reference + " failed (exit status " + rc
                    + ")" + (stderr.isEmpty() ? "" : ": " + stderr));
        }
        Object doc = Json.parse(out.toString(StandardCharsets.UTF_8));
        if (!(doc instanceof Map) || !FORMAT.equals(((Map<String, Object>) doc).get("format"))) {
            throw new IOException("racemu: keyring open did not print a " + FORMAT + " document");
        }
        Map<String, Object> d = (Map<String, Object>) doc;
        Object error = d.get("error");
        if (error instanceof Map) {
            Map<String, Object> e = (Map<String, Object>) error;
            throw new IOException("R_datalib (IRRSDL00) error: " + e.get("description") + " ("
                    + e.get("saf_rc") + ", " + e.get("racf_rc") + ", " + e.get("racf_reason") + ")",
                    new RacemuHint(String.valueOf(e.get("hint"))));
        }
        Object entries = d.get("entries");
        if (!(entries instanceof List)) {
            throw new IOException("racemu: keyring open document without entries");
        }
        for (Object e : (List<Object>) entries) {
            if (!(e instanceof Map)) {
                throw new IOException("racemu: keyring open document with an entry that is not an object");
            }
        }
        return (List<Map<String, Object>>) entries;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (InputStream i = in) {
            int n;
            while ((n = i.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // The process ended; what was read is what there is.
        }
    }
}
