package io.paysuite.cashier.ops.rules;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.config.ConfigCenter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The routing rule document in the config center, where channel-gateway watches it — through the kit's
 * {@link ConfigCenter}, like every other reader and writer of rules, so the console follows the suite from
 * ZooKeeper to Nacos. The version is a digest of the text: a write is refused when the document is no longer
 * the one read. The check and the publish are two calls, so two saves landing within the same instant can
 * still both pass; the audit log keeps both (who, before, after), and a real compare-and-set needs the config
 * center's own (ZooKeeper's node version, Nacos's CAS by MD5) — a kit extension left for later.
 */
@Component
public class ConfigCenterRoutingRules implements RuleDocumentSource {

    private final ConfigCenter center;
    private final RulesProperties properties;

    public ConfigCenterRoutingRules(ConfigCenter center, RulesProperties properties) {
        this.center = center;
        this.properties = properties;
    }

    @Override
    public Versioned read() {
        Optional<String> text;
        try {
            text = center.read(properties.routingKey());
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be read: " + e.getMessage());
        }
        return text.map(t -> new Versioned(t, version(t))).orElse(new Versioned(null, -1));
    }

    @Override
    public int write(String text, int expectedVersion) {
        if (read().version() != expectedVersion) {
            throw new BizException(ErrorCode.RULES_VERSION_CONFLICT, "the routing rules changed since they were read");
        }
        try {
            center.publish(properties.routingKey(), text);
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be written: " + e.getMessage());
        }
        return version(text);
    }

    /** A non-negative version from the text's SHA-256 (−1 means "no document"). */
    static int version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ((hash[0] & 0x7f) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
