package org.racemu.jce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the JSON document `racemu keyring open` prints (RFC 8259): objects become
 * {@link Map}s in document order, arrays {@link List}s, numbers {@link Long}s, and
 * {@code null}, {@code true}, {@code false} themselves. Anything else is an IOException.
 */
final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value that is the whole of {@code text}. */
    static Object parse(String text) throws IOException {
        Json p = new Json(text);
        Object v = p.value();
        p.blanks();
        if (p.at != text.length()) {
            throw p.error("text after the document");
        }
        return v;
    }

    private IOException error(String what) {
        return new IOException("racemu: unreadable keyring open document (" + what + " at offset " + at + ")");
    }

    private void blanks() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private Object value() throws IOException {
        blanks();
        if (at >= text.length()) {
            throw error("end of text");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (text.startsWith("null", at)) {
                    at += 4;
                    return null;
                }
                if (text.startsWith("true", at)) {
                    at += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("false", at)) {
                    at += 5;
                    return Boolean.FALSE;
                }
                return number();
        }
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        blanks();
        if (at < text.length() && text.charAt(at) == '}') {
            at++;
            return m;
        }
        while (true) {
            blanks();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("expected a member name");
            }
            String k = string();
            blanks();
            expect(':');
            m.put(k, value());
            blanks();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array() throws IOException {
        List<Object> l = new ArrayList<>();
        at++;
        blanks();
        if (at < text.length() && text.charAt(at) == ']') {
            at++;
            return l;
        }
        while (true) {
            l.add(value());
            blanks();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private void expect(char c) throws IOException {
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private String string() throws IOException {
        StringBuilder b = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    at += 4;
                    break;
                default: b.append(e);
            }
        }
        throw error("unterminated string");
    }

    private Long number() throws IOException {
        int start = at;
        while (at < text.length() && "-0123456789".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return Long.valueOf(text.substring(start, at));
        } catch (NumberFormatException x) {
            throw error("expected a value");
        }
    }
}
