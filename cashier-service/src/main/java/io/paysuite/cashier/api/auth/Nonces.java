package io.paysuite.cashier.api.auth;

/**
 * A {@code nonce_str} may be used once per app within {@link OpenApiProperties#nonceTtl()}, across
 * every cashier-service instance: whoever claims it first wins, the others are refused.
 */
public interface Nonces {

    /** Claims the nonce for this app, or refuses with {@code NONCE_REUSED}. */
    void claim(String appId, String nonce);
}
