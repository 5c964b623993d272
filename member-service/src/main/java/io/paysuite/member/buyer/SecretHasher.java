package io.paysuite.member.buyer;

/**
 * Slow one-way hashing of login and payment passwords (implemented in {@code infra.secret}).
 * A slow, salted hash is what keeps a leaked table from turning into leaked passwords.
 */
public interface SecretHasher {

    String hash(String secret);

    boolean matches(String secret, String hash);
}
