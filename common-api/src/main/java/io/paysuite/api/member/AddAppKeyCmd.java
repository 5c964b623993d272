package io.paysuite.api.member;

import java.io.Serializable;

/** Add a public key to an app; {@code serialNo} null means generated. */
public record AddAppKeyCmd(String appId, String serialNo, String publicKeyPem) implements Serializable {
}
