package io.paysuite.cashier.keys;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues self-signed X.509 certificates with BouncyCastle (the JDK can verify certificates but
 * has no public API to issue one; BouncyCastle is the well-kept library for it).
 */
public final class SelfSignedCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    public record Issued(KeyPair keyPair, X509Certificate certificate) {
    }

    public static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("no RSA", e);
        }
    }

    /**
     * @param commonName the subject's CN
     * @param dnsNames   subject alternative names (TLS clients check the host against these)
     * @param ipAddresses subject alternative IP addresses
     */
    public static Issued issue(String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
        try {
            KeyPair keyPair = rsa2048();
            X500Name subject = new X500Name("CN=" + commonName + ",O=Paysuite");
            Instant now = Instant.now();
            // 16 random bytes, positive: the serial merchants name in Paysuite-Serial
            BigInteger serial = new BigInteger(1, RANDOM.generateSeed(16)).setBit(127);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
                GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
                int i = 0;
                for (String dns : dnsNames) {
                    names[i++] = new GeneralName(GeneralName.dNSName, dns);
                }
                for (String ip : ipAddresses) {
                    names[i++] = new GeneralName(GeneralName.iPAddress, ip);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
            return new Issued(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }
}
