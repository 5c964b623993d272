package io.paysuite.cashier.ops.operator;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Operators' password hashes: Spring Security's {@link BCryptPasswordEncoder} (from {@code spring-security-crypto}
 * alone) — salted, deliberately slow, constant-time to compare and kept by the Spring team, rather than a hand-made
 * digest. Strength 10 (about 50–100 ms a check here): slow for a guesser, quick enough for a login.
 */
public final class PasswordHashes {

    /** Compared against when the login name is unknown, so an unknown name costs the same time as a wrong password. */
    private static final String DECOY = new BCryptPasswordEncoder(10).encode("decoy-password-never-used");

    private final BCryptPasswordEncoder encoder;

    public PasswordHashes() {
        this(10);
    }

    PasswordHashes(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    /** Burns the time of a check for a login name that does not exist. */
    public void decoy(String password) {
        encoder.matches(password == null ? "" : password, DECOY);
    }
}
