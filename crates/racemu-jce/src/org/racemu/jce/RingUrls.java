package org.racemu.jce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;
import java.util.List;
import java.util.Locale;

/**
 * The URL handlers of IBM's RACF key stores: safkeyring, safkeyringjce, safkeyringjcecca,
 * safkeyringjcehybrid, safkeyringhybrid and safkeyringhw. As IBM's handler does, a URL is
 * kept as written (not parsed as generic URL syntax), so user IDs with {@code #}, {@code @}
 * or {@code $} and ring names with dots and mixed case reach racemu intact; racemu reads
 * every shape ({@code //OWNER/RING}, {@code ///RING}, {@code //RING}, {@code ////OWNER/RING}).
 * Found through META-INF/services (class path, or the agent's jar).
 */
public final class RingUrls extends URLStreamHandlerProvider {
    /** The schemes, lower case. */
    public static final List<String> SCHEMES = List.of("safkeyring", "safkeyringjce",
            "safkeyringjcecca", "safkeyringjcehybrid", "safkeyringhybrid", "safkeyringhw");

    /** Whether {@code text} is a {@code safkeyring*://} reference. */
    static boolean isRingReference(String text) {
        int colon = text.indexOf("://");
        return colon > 0 && SCHEMES.contains(text.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    @Override
    public URLStreamHandler createURLStreamHandler(String protocol) {
        return SCHEMES.contains(protocol.toLowerCase(Locale.ROOT)) ? new Handler() : null;
    }

    /** One scheme's handler: the URL as written, opened as a {@link RingStream}. */
    static final class Handler extends URLStreamHandler {
        @Override
        protected void parseURL(URL u, String spec, int start, int limit) {
            // The whole text after "scheme:", '#' included (a RACF user ID may hold one).
            String rest = spec.substring(Math.min(start, spec.length()));
            setURL(u, u.getProtocol(), "", -1, null, null, rest, null, null);
        }

        @Override
        protected String toExternalForm(URL u) {
            return u.getProtocol() + ":" + u.getPath();
        }

        @Override
        protected boolean equals(URL a, URL b) {
            return toExternalForm(a).equals(toExternalForm(b));
        }

        @Override
        protected int hashCode(URL u) {
            return toExternalForm(u).hashCode();
        }

        @Override
        protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new RingStream(toExternalForm(u));
                }

                @Override
                public OutputStream getOutputStream() throws IOException {
                    throw new IOException("racemu: " + toExternalForm(u)
                            + " is not written through a URL; change the ring with RACDCERT (docs/java.md)");
                }
            };
        }
    }
}
