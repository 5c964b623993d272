package io.paysuite.member.buyer;

/**
 * One-way form of the six-digit payment password (implemented in {@code infra.secret}). Unlike a login password it is
 * checked on every balance payment, and its million values cannot be protected by a slow hash; what protects it is a
 * key the database does not hold and the attempt lockout ({@link PayPasswordLockout}). A stored form names how it was
 * made, so forms made by an older scheme or an older key still verify and are rewritten after the next right password.
 */
public interface PayPasswordHasher {

    /** The stored form of {@code payPassword}, made with the current scheme and key. */
    String hash(String payPassword);

    /** Whether {@code payPassword} is the one {@code stored} was made from (any scheme or key this service knows). */
    boolean matches(String payPassword, String stored);

    /** Whether {@code stored} was made by an older scheme or key and should be replaced after a right password. */
    boolean isOutdated(String stored);
}
