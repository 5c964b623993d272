package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Duration;

/**
 * Rotate an app's key: add {@code publicKeyPem} (serial generated from the key) and let every other key of the app
 * verify only for {@code grace} more (0: from now on only the new key), so the merchant switches signers without a
 * window in which its requests fail, and the old key stops working by itself.
 */
public record RotateAppKeyCmd(String appId, String publicKeyPem, Duration grace) implements Serializable {
}
