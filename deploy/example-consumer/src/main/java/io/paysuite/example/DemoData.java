package io.paysuite.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the local run seeded for us to use (its demo seed writes both files into the run directory):
 * the demo merchant ({@code demo-merchant.json}) and one of the demo buyers with the passwords it
 * logs in and pays with ({@code demo-buyers.json}). A real consumer has its own merchant and its own
 * buyers; only the source of these values differs.
 */
public record DemoData(String merchantId, DemoBuyer buyer) {

    /** A demo buyer: phone and login password to log in, the payment password to pay. */
    public record DemoBuyer(String phone, String password, String payPassword) {

        @Override
        public String toString() {
            return "DemoBuyer[phone=" + phone + "]";
        }
    }

    /** Reads the demo merchant and the buyer with {@code phone} from the run directory {@code runDir}. */
    public static DemoData read(Path runDir, String phone) {
        ObjectMapper json = new ObjectMapper();
        JsonNode merchant = json(json, runDir.resolve("demo-merchant.json"));
        for (JsonNode buyer : json(json, runDir.resolve("demo-buyers.json"))) {
            if (phone.equals(buyer.path("phone").asText())) {
                return new DemoData(merchant.path("merchant_id").asText(),
                        new DemoBuyer(phone, buyer.path("password").asText(), buyer.path("pay_password").asText()));
            }
        }
        throw new IllegalArgumentException("no demo buyer with phone " + phone + " in " + runDir.resolve("demo-buyers.json"));
    }

    private static JsonNode json(ObjectMapper json, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing: start bin/run-local first (it writes the demo "
                    + "data once every service is healthy), and point paysuite.example.run-dir at its .paysuite directory");
        }
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
