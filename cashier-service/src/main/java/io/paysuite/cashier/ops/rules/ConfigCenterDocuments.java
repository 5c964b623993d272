package io.paysuite.cashier.ops.rules;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.config.ConfigCenter;
import org.springframework.stereotype.Component;

/**
 * Rule documents the console edits, read and written through the kit's {@link ConfigCenter} like every other reader and
 * writer of rules, so the console follows the suite from ZooKeeper to Nacos. A write is the config center's own
 * compare-and-set over the version the editor read ({@link ConfigCenter#publishIfUnchanged}): a document saved by
 * someone else in between refuses it with {@code RULES_VERSION_CONFLICT}, and the page asks to reload.
 */
@Component
public class ConfigCenterDocuments {

    private final ConfigCenter center;

    public ConfigCenterDocuments(ConfigCenter center) {
        this.center = center;
    }

    public RuleDocumentSource.Versioned read(String key) {
        ConfigCenter.Versioned read;
        try {
            read = center.readVersioned(key);
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be read: " + e.getMessage());
        }
        return new RuleDocumentSource.Versioned(read.text(), read.version());
    }

    public String write(String key, String text, String expectedVersion) {
        if (expectedVersion == null || expectedVersion.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "version (the one read) is required");
        }
        try {
            return center.publishIfUnchanged(key, text, expectedVersion).orElseThrow(() -> new BizException(
                    ErrorCode.RULES_VERSION_CONFLICT, "the document " + key + " was changed by someone else since it was read: reload"));
        } catch (BizException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be written: " + e.getMessage());
        }
    }
}
