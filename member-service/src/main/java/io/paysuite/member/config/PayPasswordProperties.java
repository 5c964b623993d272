package io.paysuite.member.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paysuite.member.pay-password.*}: the pepper of the payment-password hashes ({@code PepperedPayPasswords}).
 * The local run's launcher generates a pepper per run directory (passed through the service's environment, never its
 * command line); the {@code prod} profile takes it from {@code PAYSUITE_PAY_PASSWORD_PEPPER} (a variable, or a file of
 * that name among the mounted secrets). Losing the pepper makes every payment password unverifiable (buyers then
 * reset them), so production keeps it in its secret store like the card-token key.
 *
 * @param keyId          the id written into every new hash; a new pepper gets a new id
 * @param pepper         Base64 of at least 32 random bytes
 * @param retiredPeppers older peppers by key id: their hashes still verify and are rewritten under {@code keyId} after
 *                       the buyer's next right password
 */
@Validated
@ConfigurationProperties("paysuite.member.pay-password")
public record PayPasswordProperties(
        @DefaultValue("k1") @Pattern(regexp = "[a-z0-9-]{1,16}") String keyId,
        @NotBlank String pepper,
        Map<String, String> retiredPeppers) {

    public PayPasswordProperties {
        retiredPeppers = retiredPeppers == null ? Map.of() : Map.copyOf(retiredPeppers);
    }

    /** Every pepper that may verify, decoded, by key id (the current one wins a clash). */
    public Map<String, byte[]> peppers() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        retiredPeppers.forEach((id, value) -> all.put(id, decode(id, value)));
        all.put(keyId, decode(keyId, pepper));
        return all;
    }

    private static byte[] decode(String id, String value) {
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paysuite.member.pay-password: the pepper " + id + " is not Base64");
        }
    }
}
