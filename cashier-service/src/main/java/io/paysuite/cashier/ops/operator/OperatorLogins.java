package io.paysuite.cashier.ops.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Logging operators in and out, and recognising them on each request.
 *
 * <p>A login answers the same refusal for an unknown name, a wrong password, a disabled account and a locked one (so
 * the console tells a guesser nothing), but the audit log gets the true reason. {@code maxFailedLogins} wrong
 * passwords in a row lock the account for {@code lockout}; while locked no password is even checked, so guessing
 * cannot go on in the background. Sessions are rows (shared by every instance) keyed by the SHA-256 of a random
 * cookie secret; each request moves the idle deadline, never the absolute one.
 */
public class OperatorLogins {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Requests within this long of the last touch do not write the session again (a page polls every few seconds). */
    private static final long TOUCH_EVERY_SECONDS = 30;

    public enum Refusal { UNKNOWN, BAD_PASSWORD, LOCKED, DISABLED }

    /** A login's outcome: a session (with the cookie secret to hand to the browser), or why not. */
    public record LoginResult(Operator operator, String cookie, OpsSession session, Refusal refusal) {

        public boolean loggedIn() {
            return refusal == null;
        }
    }

    public record SignedIn(Operator operator, OpsSession session) {

        public OpsPrincipal principal() {
            return OpsPrincipal.person(operator, session);
        }
    }

    private final OperatorStore operators;
    private final OpsSessionStore sessions;
    private final PasswordHashes hashes;
    private final ConsoleProperties properties;
    private final Clock clock;

    public OperatorLogins(OperatorStore operators, OpsSessionStore sessions, PasswordHashes hashes, ConsoleProperties properties,
                          Clock clock) {
        this.operators = operators;
        this.sessions = sessions;
        this.hashes = hashes;
        this.properties = properties;
        this.clock = clock;
    }

    public LoginResult login(String loginName, String password) {
        Instant now = clock.instant();
        Optional<Operator> found = loginName == null ? Optional.empty() : operators.find(loginName.strip());
        if (found.isEmpty()) {
            hashes.decoy(password);
            return new LoginResult(null, null, null, Refusal.UNKNOWN);
        }
        Operator operator = found.get();
        if (operator.lockedAt(now)) {
            return new LoginResult(operator, null, null, Refusal.LOCKED);
        }
        if (!hashes.matches(password, operator.passwordHash())) {
            // a lock that ran out starts a fresh count: the operator gets the full number of tries again
            int failed = (operator.lockedUntil() != null ? 0 : operator.failedLogins()) + 1;
            boolean lock = failed >= properties.maxFailedLogins();
            operators.recordFailedLogin(operator.loginName(), lock ? 0 : failed, lock ? now.plus(properties.lockout()) : null, now);
            return new LoginResult(operator, null, null, lock ? Refusal.LOCKED : Refusal.BAD_PASSWORD);
        }
        if (operator.status() != OperatorStatus.ACTIVE) {
            return new LoginResult(operator, null, null, Refusal.DISABLED);
        }
        operators.recordLogin(operator.loginName(), now);
        String cookie = random();
        OpsSession session = new OpsSession(digest(cookie), operator.loginName(), random(), now, now,
                now.plus(properties.idleTimeout()), now.plus(properties.absoluteTimeout()), null);
        sessions.insert(session);
        return new LoginResult(operator, cookie, session, null);
    }

    /** The operator behind a session cookie, if the session still answers and the operator is still active. */
    public Optional<SignedIn> recognise(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<OpsSession> found = sessions.find(digest(cookie)).filter(s -> s.answersAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OpsSession session = found.get();
        Optional<Operator> operator = operators.find(session.loginName()).filter(o -> o.status() == OperatorStatus.ACTIVE);
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        if (session.lastSeenAt().plusSeconds(TOUCH_EVERY_SECONDS).isBefore(now)) {
            Instant idle = now.plus(properties.idleTimeout());
            sessions.touch(session.sessionHash(), now, idle);
            session = new OpsSession(session.sessionHash(), session.loginName(), session.csrfToken(), session.createdAt(), now,
                    idle, session.expiresAt(), null);
        }
        return Optional.of(new SignedIn(operator.get(), session));
    }

    public void logout(String cookie) {
        if (cookie != null && !cookie.isBlank()) {
            sessions.end(digest(cookie), clock.instant());
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String cookie) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
