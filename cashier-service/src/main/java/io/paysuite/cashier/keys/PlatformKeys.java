package io.paysuite.cashier.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The platform's signing key and the certificates merchants verify our responses and
 * notifications with ({@code GET /api/v1/platform-certificates}).
 *
 * <p>Layout of {@code paysuite.cashier.keys.dir}: {@code platform-key.pem} (PKCS#8, the current
 * key) and {@code platform-cert.pem} (its certificate); older certificates kept during a rotation
 * are {@code platform-cert-*.pem} and stay listed until they expire, so merchants can still verify
 * what was signed before. The serial number is the certificate's, in upper-case hex, as WeChat Pay
 * names its platform certificates.
 */
@Component
public class PlatformKeys {

    /** Platform certificates live five years, like WeChat Pay's. */
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    public record PlatformCertificate(String serialNo, Instant effectiveTime, Instant expireTime, String certificatePem,
                                      String publicKeyPem) {
    }

    private final PrivateKey signingKey;
    private final String signingSerial;
    private final List<PlatformCertificate> certificates;

    public PlatformKeys(KeyProperties keys) {
        Path dir = keys.dir();
        Path keyFile = dir.resolve("platform-key.pem");
        Path certFile = dir.resolve("platform-cert.pem");
        if (keys.generateIfMissing() && !Files.exists(keyFile)) {
            SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("Paysuite platform", List.of(), List.of(), VALIDITY);
            // the pair is written as one file first so two racing instances never mix a key and a certificate
            byte[] both = KeyFiles.createOnce(dir.resolve("platform-pair.pem"), () -> (KeyFiles.pem("PRIVATE KEY",
                    issued.keyPair().getPrivate().getEncoded()) + pemOf(issued.certificate())).getBytes(StandardCharsets.US_ASCII));
            String pair = new String(both, StandardCharsets.US_ASCII);
            int split = pair.indexOf("-----BEGIN CERTIFICATE-----");
            KeyFiles.createOnce(keyFile, () -> pair.substring(0, split).getBytes(StandardCharsets.US_ASCII));
            KeyFiles.createOnce(certFile, () -> pair.substring(split).getBytes(StandardCharsets.US_ASCII));
        }
        this.signingKey = KeyFiles.rsaPrivateKey(read(keyFile));
        X509Certificate current = KeyFiles.certificate(read(certFile));
        this.signingSerial = serialOf(current);
        this.certificates = loadCertificates(dir);
    }

    private static List<PlatformCertificate> loadCertificates(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Instant now = Instant.now();
            return files.filter(p -> p.getFileName().toString().matches("platform-cert.*\\.pem"))
                    .map(p -> KeyFiles.certificate(read(p)))
                    .filter(c -> c.getNotAfter().toInstant().isAfter(now))
                    .map(c -> new PlatformCertificate(serialOf(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                            pemOf(c), KeyFiles.pem("PUBLIC KEY", c.getPublicKey().getEncoded())))
                    .sorted(Comparator.comparing(PlatformCertificate::effectiveTime).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    static String pemOf(X509Certificate certificate) {
        try {
            return KeyFiles.pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (set paysuite.cashier.keys.dir, or generate-if-missing in the local profile)", e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingSerial() {
        return signingSerial;
    }

    public List<PlatformCertificate> certificates() {
        return certificates;
    }
}
