package io.paysuite.cashier.ops.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Operators and sessions in memory, a clock the test moves, and the wiring of logins and admin actions over them. */
public final class InMemoryOperators {

    public final Map<String, Operator> operators = new ConcurrentHashMap<>();
    public final Map<String, OpsSession> sessions = new ConcurrentHashMap<>();
    public final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
    public final ConsoleProperties properties = new ConsoleProperties(Duration.ofMinutes(30), Duration.ofHours(8), 5,
            Duration.ofMinutes(15), new ConsoleProperties.BootstrapAdmin("admin", null, null));
    /** Strength 4: the tests check the logic, not BCrypt's cost. */
    public final PasswordHashes hashes = new PasswordHashes(4);
    public final OperatorStore operatorStore = new OperatorStore() {
        @Override
        public Optional<Operator> find(String loginName) {
            return Optional.ofNullable(operators.get(loginName));
        }

        @Override
        public List<Operator> list() {
            return new ArrayList<>(operators.values());
        }

        @Override
        public boolean insert(Operator operator) {
            return operators.putIfAbsent(operator.loginName(), operator) == null;
        }

        @Override
        public void recordFailedLogin(String loginName, int failedLogins, Instant lockedUntil, Instant now) {
            operators.computeIfPresent(loginName, (k, o) -> new Operator(o.loginName(), o.displayName(), o.role(), o.passwordHash(),
                    o.status(), failedLogins, lockedUntil, o.createdAt(), o.createdBy(), now));
        }

        @Override
        public void recordLogin(String loginName, Instant now) {
            recordFailedLogin(loginName, 0, null, now);
        }

        @Override
        public boolean change(String loginName, OperatorRole role, OperatorStatus status, Instant now) {
            return operators.computeIfPresent(loginName, (k, o) -> new Operator(o.loginName(), o.displayName(), role, o.passwordHash(),
                    status, o.failedLogins(), o.lockedUntil(), o.createdAt(), o.createdBy(), now)) != null;
        }

        @Override
        public void changePassword(String loginName, String passwordHash, Instant now) {
            operators.computeIfPresent(loginName, (k, o) -> new Operator(o.loginName(), o.displayName(), o.role(), passwordHash,
                    o.status(), 0, null, o.createdAt(), o.createdBy(), now));
        }
    };
    public final OpsSessionStore sessionStore = new OpsSessionStore() {
        @Override
        public void insert(OpsSession session) {
            sessions.put(session.sessionHash(), session);
        }

        @Override
        public Optional<OpsSession> find(String sessionHash) {
            return Optional.ofNullable(sessions.get(sessionHash));
        }

        @Override
        public void touch(String sessionHash, Instant lastSeenAt, Instant idleExpiresAt) {
            sessions.computeIfPresent(sessionHash, (k, s) -> new OpsSession(s.sessionHash(), s.loginName(), s.csrfToken(), s.createdAt(),
                    lastSeenAt, idleExpiresAt, s.expiresAt(), s.endedAt()));
        }

        @Override
        public void end(String sessionHash, Instant now) {
            sessions.computeIfPresent(sessionHash, (k, s) -> new OpsSession(s.sessionHash(), s.loginName(), s.csrfToken(), s.createdAt(),
                    s.lastSeenAt(), s.idleExpiresAt(), s.expiresAt(), now));
        }

        @Override
        public void endAllOf(String loginName, Instant now) {
            sessions.values().stream().filter(s -> s.loginName().equals(loginName)).forEach(s -> end(s.sessionHash(), now));
        }
    };
    public final OperatorLogins logins = new OperatorLogins(operatorStore, sessionStore, hashes, properties, clock);
    public final Operators admin = new Operators(operatorStore, sessionStore, hashes, clock);

    /** An operator with this role whose password is {@code <name>-password-1}. */
    public Operator create(String name, OperatorRole role) {
        return admin.create(new Operators.NewOperator(name, null, role, name + "-password-1"), "test");
    }

    /** A logged-in session of that operator: the cookie secret. */
    public String loginOf(String name) {
        OperatorLogins.LoginResult result = logins.login(name, name + "-password-1");
        if (!result.loggedIn()) {
            throw new IllegalStateException(name + " could not log in: " + result.refusal());
        }
        return result.cookie();
    }

    public static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
