package io.paysuite.cashier.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * HTTPS on first local run: a self-signed certificate for {@code localhost} and {@code 127.0.0.1}
 * in {@code keys/tls.p12}, its certificate also as {@code keys/tls-cert.pem} for clients to trust.
 * Production turns {@code paysuite.cashier.keys.tls-self-signed} off and configures
 * {@code server.ssl.*} with its own key store; this customizer then does nothing.
 */
@Component
public class SelfSignedTls implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String ALIAS = "cashier";
    /** Guards only a local, self-signed key; a real key store comes with its own secret. */
    static final String PASSWORD = "paysuite-local";

    private final KeyProperties keys;

    public SelfSignedTls(KeyProperties keys) {
        this.keys = keys;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!keys.tlsSelfSigned()) {
            return;
        }
        Path dir = keys.dir().toAbsolutePath();
        Path store = dir.resolve("tls.p12");
        byte[] p12 = KeyFiles.createOnce(store, SelfSignedTls::newKeyStore);
        KeyFiles.createOnce(dir.resolve("tls-cert.pem"), () -> certificatePem(p12));
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setKeyStore(store.toUri().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(PASSWORD);
        ssl.setKeyAlias(ALIAS);
        factory.setSsl(ssl);
    }

    private static byte[] newKeyStore() {
        try {
            SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("localhost", List.of("localhost"),
                    List.of("127.0.0.1"), Duration.ofDays(825));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, issued.keyPair().getPrivate(), PASSWORD.toCharArray(),
                    new Certificate[] {issued.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the self-signed TLS key store", e);
        }
    }

    private static byte[] certificatePem(byte[] p12) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new java.io.ByteArrayInputStream(p12), PASSWORD.toCharArray());
            return KeyFiles.pem("CERTIFICATE", keyStore.getCertificate(ALIAS).getEncoded()).getBytes(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the TLS key store", e);
        }
    }
}
