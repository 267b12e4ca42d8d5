package org.racemu.jce;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a safkeyring URL's stream is: a marker that names its ring. Its bytes are the URL
 * itself, so code that copies the stream (or a stub file holding it) loads the same ring.
 */
public final class RingStream extends ByteArrayInputStream {
    private final String reference;

    /** The stream of {@code reference} (a safkeyring*:// URL as written). */
    public RingStream(String reference) {
        super((reference + "\n").getBytes(StandardCharsets.UTF_8));
        this.reference = reference;
    }

    /** The ring reference as written. */
    public String reference() {
        return reference;
    }
}
