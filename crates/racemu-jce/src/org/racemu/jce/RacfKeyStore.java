package org.racemu.jce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JCERACFKS, JCECCARACFKS and JCEHYBRIDRACFKS key stores: a key ring as R_datalib gives
 * it to the application's user ID, read through {@code racemu keyring open} on every load.
 *
 * <p>Aliases are RACF labels with case and blanks kept. A PERSONAL certificate whose private
 * key is released is a key entry (its chain completed from the ring's certificates); every
 * other certificate is a trusted-certificate entry; NOTRUST certificates are not there. The
 * DEFAULT certificate comes first. A load fails whole, with IBM's text, when a PERSONAL
 * certificate's key is withheld. Any password is accepted. Entries can be set and deleted in
 * memory; {@link #engineStore} refuses: rings change through RACDCERT.
 */
public class RacfKeyStore extends KeyStoreSpi {
    private static final class Entry {
        final X509Certificate[] chain;
        final PrivateKey key;
        final Date created;

        Entry(X509Certificate[] chain, PrivateKey key, Date created) {
            this.chain = chain;
            this.key = key;
            this.created = created;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The longest ring reference a stream may carry. */
    private static final int MAX_REFERENCE = 4096;

    /** The ring reference in a stream: a safkeyring URL's bytes or a stub file holding one. */
    static String reference(InputStream stream) throws IOException {
        if (stream instanceof RingStream) {
            return ((RingStream) stream).reference();
        }
        byte[] bytes = stream.readNBytes(MAX_REFERENCE + 1);
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (bytes.length > MAX_REFERENCE || !RingUrls.isRingReference(text)) {
            throw new IOException("racemu: a RACF key store is loaded from a safkeyring:// URL's"
                    + " stream or a file holding one safkeyring:// URL (docs/java.md)");
        }
        return text;
    }

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException {
        entries.clear();
        if (stream == null) {
            return;
        }
        String reference = reference(stream);
        List<Map<String, Object>> listed = RingRequest.open(reference);
        List<X509Certificate> all = new ArrayList<>();
        Map<String, Object[]> byLabel = new LinkedHashMap<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Map<String, Object> e : listed) {
                String label = String.valueOf(e.get("label"));
                byte[] der = Base64.getDecoder().decode(String.valueOf(e.get("certificate")));
                X509Certificate cert = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
                all.add(cert);
                boolean personal = "PERSONAL".equals(e.get("usage"));
                Object key = e.get("private_key");
                Object withheld = e.get("key_withheld");
                if (personal && key == null && withheld != null) {
                    throw new IOException("The private key of " + label
                            + " is not available or no authority to access the private key",
                            new RacemuHint(String.valueOf(withheld)));
                }
                PrivateKey pk = null;
                if (personal && key != null) {
                    pk = privateKey(cert, Base64.getDecoder().decode(String.valueOf(key)));
                }
                boolean dflt = Boolean.TRUE.equals(e.get("default"));
                if (byLabel.containsKey(label)) {
                    continue;
                }
                if (dflt) {
                    Map<String, Object[]> reordered = new LinkedHashMap<>();
                    reordered.put(label, new Object[] {cert, pk});
                    reordered.putAll(byLabel);
                    byLabel = reordered;
                } else {
                    byLabel.put(label, new Object[] {cert, pk});
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("racemu: a certificate or key of " + reference + " does not parse", e);
        }
        for (Map.Entry<String, Object[]> m : byLabel.entrySet()) {
            X509Certificate cert = (X509Certificate) m.getValue()[0];
            PrivateKey pk = (PrivateKey) m.getValue()[1];
            X509Certificate[] chain = pk == null ? new X509Certificate[] {cert} : chain(cert, all);
            entries.put(m.getKey(), new Entry(chain, pk, cert.getNotBefore()));
        }
    }

    private static PrivateKey privateKey(X509Certificate cert, byte[] pkcs8) throws GeneralSecurityException {
        String alg = cert.getPublicKey().getAlgorithm();
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The certificate and its issuers as far as the ring holds them. */
    private static X509Certificate[] chain(X509Certificate leaf, List<X509Certificate> ring) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate at = leaf;
        while (chain.size() < 10 && !at.getIssuerX500Principal().equals(at.getSubjectX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : ring) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(at.getIssuerX500Principal())) {
                    try {
                        at.verify(c.getPublicKey());
                        issuer = c;
                        break;
                    } catch (GeneralSecurityException e) {
                        // Same name, other key: not this certificate's issuer.
                    }
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            at = issuer;
        }
        return chain.toArray(new X509Certificate[0]);
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) throws IOException {
        throw new IOException("racemu: a RACF key ring is not written through KeyStore.store();"
                + " change it with RACDCERT (racemu run or racemu exec), see docs/java.md");
    }

    @Override
    public Key engineGetKey(String alias, char[] password) {
        Entry e = entries.get(alias);
        return e == null ? null : e.key;
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        Entry e = entries.get(alias);
        return e == null || e.key == null ? null : e.chain.clone();
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        Entry e = entries.get(alias);
        return e == null ? null : e.chain[0];
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        Entry e = entries.get(alias);
        return e == null ? null : new Date(e.created.getTime());
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
            throws KeyStoreException {
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
            throw new KeyStoreException("racemu: a key entry needs a private key and its certificate chain");
        }
        X509Certificate[] c = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            if (!(chain[i] instanceof X509Certificate)) {
                throw new KeyStoreException("racemu: only X.509 certificates are held");
            }
            c[i] = (X509Certificate) chain[i];
        }
        entries.put(alias, new Entry(c, (PrivateKey) key, new Date()));
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        throw new KeyStoreException("racemu: protected key bytes are not supported; pass the PrivateKey");
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        if (!(cert instanceof X509Certificate)) {
            throw new KeyStoreException("racemu: only X.509 certificates are held");
        }
        Entry e = entries.get(alias);
        if (e != null && e.key != null) {
            throw new KeyStoreException("racemu: " + alias + " is a key entry");
        }
        entries.put(alias, new Entry(new X509Certificate[] {(X509Certificate) cert}, null, new Date()));
    }

    @Override
    public void engineDeleteEntry(String alias) {
        entries.remove(alias);
    }

    @Override
    public Enumeration<String> engineAliases() {
        return Collections.enumeration(new ArrayList<>(entries.keySet()));
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return entries.containsKey(alias);
    }

    @Override
    public int engineSize() {
        return entries.size();
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        Entry e = entries.get(alias);
        return e != null && e.key != null;
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        Entry e = entries.get(alias);
        return e != null && e.key == null;
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        for (Map.Entry<String, Entry> m : entries.entrySet()) {
            if (m.getValue().chain[0].equals(cert)) {
                return m.getKey();
            }
        }
        return null;
    }
}
