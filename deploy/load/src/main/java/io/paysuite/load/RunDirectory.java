package io.paysuite.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the local run wrote for its users under its run directory: the demo merchant (app id, key serial,
 * private key), the demo buyers (id, payment password), the TLS certificate to trust.
 */
public record RunDirectory(String merchantId, String appId, String serialNo, PrivateKey merchantKey, Path tlsCert,
                           List<Buyer> buyers) {

    public record Buyer(String buyerId, String phone, String payPassword) {
    }

    public static RunDirectory read(Path dir) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode merchant = json.readTree(dir.resolve("demo-merchant.json").toFile());
            List<Buyer> buyers = new ArrayList<>();
            for (JsonNode b : json.readTree(dir.resolve("demo-buyers.json").toFile())) {
                buyers.add(new Buyer(b.get("buyer_id").asText(), b.get("phone").asText(), b.get("pay_password").asText()));
            }
            return new RunDirectory(merchant.get("merchant_id").asText(), merchant.get("app_id").asText(),
                    merchant.get("serial_no").asText(), privateKey(dir.resolve("demo-merchant.pem")),
                    dir.resolve("keys/tls-cert.pem"), List.copyOf(buyers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local run's demo data under " + dir.toAbsolutePath()
                    + " (start bin/run-local first, from this directory, or pass --run-dir)", e);
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pem, e);
        }
    }
}
