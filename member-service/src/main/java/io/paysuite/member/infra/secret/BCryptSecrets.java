package io.paysuite.member.infra.secret;

import io.paysuite.member.buyer.SecretHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Login passwords hashed with BCrypt (spring-security-crypto).
 *
 * <p>Why BCrypt rather than Argon2: both are slow, salted hashes, but Spring's Argon2 encoder
 * needs Bouncy Castle on the classpath, while BCrypt comes with spring-security-crypto alone, is
 * what OWASP lists as acceptable for legacy-compatible systems, and is understood by every
 * MySQL-era tool an operator may meet. Its cost factor ({@code paysuite.member.bcrypt-strength},
 * default 10: tens of milliseconds per hash) can be raised later; stored hashes carry their own
 * cost, so old and new hashes verify side by side. Its one limit, 72 input bytes, is enforced as
 * an input rule (BuyerRules) instead of being silently cut.
 *
 * <p>Login passwords only: a six-digit payment password has only a million values, which no slow hash
 * protects offline; payment passwords are HMACs under a pepper kept outside the database
 * ({@link PepperedPayPasswords}), which still verifies the BCrypt payment-password hashes of before.
 */
public final class BCryptSecrets implements SecretHasher {

    private final BCryptPasswordEncoder encoder;

    public BCryptSecrets(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String hash(String secret) {
        return encoder.encode(secret);
    }

    @Override
    public boolean matches(String secret, String hash) {
        return secret != null && hash != null && encoder.matches(secret, hash);
    }
}
