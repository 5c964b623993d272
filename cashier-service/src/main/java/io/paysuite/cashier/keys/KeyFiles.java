package io.paysuite.cashier.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Supplier;

/** PEM reading and writing, and first-writer-wins creation of key files shared by several instances. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Creates {@code target} with {@code content} unless it exists. Several instances starting at
     * once each write a temporary file and link it into place; exactly one wins and the others
     * read the winner's file, so they all end with the same key.
     */
    public static byte[] createOnce(Path target, Supplier<byte[]> content) {
        try {
            if (Files.exists(target)) {
                return Files.readAllBytes(target);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
            try {
                Files.write(tmp, content.get());
                try {
                    // a hard link fails if the target exists: the atomic "create if absent" a rename lacks
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException lost) {
                    // another instance won
                } catch (UnsupportedOperationException | IOException noLinks) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException lost) {
                        // another instance won, or the file system cannot tell; read what is there
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target, e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static byte[] derOf(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    public static PrivateKey rsaPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(derOf(pem)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    public static PublicKey rsaPublicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(derOf(pem)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an RSA public key (SubjectPublicKeyInfo PEM)", e);
        }
    }

    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes()));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }
}
