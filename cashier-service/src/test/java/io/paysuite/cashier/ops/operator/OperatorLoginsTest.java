package io.paysuite.cashier.ops.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorLoginsTest {

    final InMemoryOperators suite = new InMemoryOperators();

    @Test
    void aRightPasswordOpensASessionAndTheStoredHashIsBcryptNotThePassword() {
        Operator alice = suite.create("alice", OperatorRole.OPERATOR);

        OperatorLogins.LoginResult result = suite.logins.login("alice", "alice-password-1");

        assertThat(result.loggedIn()).isTrue();
        assertThat(alice.passwordHash()).startsWith("$2a$").doesNotContain("alice-password-1");
        assertThat(suite.sessions).hasSize(1);
        assertThat(suite.sessions.keySet()).doesNotContain(result.cookie());
        assertThat(suite.logins.recognise(result.cookie())).get()
                .satisfies(signedIn -> assertThat(signedIn.principal().role()).isEqualTo(OperatorRole.OPERATOR));
    }

    @Test
    void anUnknownNameAndAWrongPasswordAreBothRefusedAndOpenNoSession() {
        suite.create("alice", OperatorRole.VIEWER);

        assertThat(suite.logins.login("mallory", "whatever-password").refusal()).isEqualTo(OperatorLogins.Refusal.UNKNOWN);
        assertThat(suite.logins.login("alice", "wrong-password-00").refusal()).isEqualTo(OperatorLogins.Refusal.BAD_PASSWORD);
        assertThat(suite.sessions).isEmpty();
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountSoEvenTheRightOneIsRefusedUntilTheLockRunsOut() {
        suite.create("alice", OperatorRole.OPERATOR);
        for (int i = 0; i < 4; i++) {
            assertThat(suite.logins.login("alice", "guess-" + i).refusal()).isEqualTo(OperatorLogins.Refusal.BAD_PASSWORD);
        }
        assertThat(suite.logins.login("alice", "guess-5").refusal()).isEqualTo(OperatorLogins.Refusal.LOCKED);

        assertThat(suite.logins.login("alice", "alice-password-1").refusal()).isEqualTo(OperatorLogins.Refusal.LOCKED);
        suite.clock.advance(Duration.ofMinutes(14));
        assertThat(suite.logins.login("alice", "alice-password-1").refusal()).isEqualTo(OperatorLogins.Refusal.LOCKED);

        suite.clock.advance(Duration.ofMinutes(2));
        assertThat(suite.logins.login("alice", "alice-password-1").loggedIn()).isTrue();
        assertThat(suite.operators.get("alice").failedLogins()).isZero();
        assertThat(suite.operators.get("alice").lockedUntil()).isNull();
    }

    @Test
    void aRightPasswordBetweenWrongOnesStartsTheCountAgain() {
        suite.create("alice", OperatorRole.OPERATOR);
        for (int i = 0; i < 4; i++) {
            suite.logins.login("alice", "guess-" + i);
        }
        assertThat(suite.logins.login("alice", "alice-password-1").loggedIn()).isTrue();

        assertThat(suite.logins.login("alice", "guess-again").refusal()).isEqualTo(OperatorLogins.Refusal.BAD_PASSWORD);
    }

    @Test
    void aSessionLeftIdleLongerThanTheIdleTimeoutEnds() {
        suite.create("alice", OperatorRole.VIEWER);
        String cookie = suite.loginOf("alice");

        suite.clock.advance(Duration.ofMinutes(29));
        assertThat(suite.logins.recognise(cookie)).isPresent();
        suite.clock.advance(Duration.ofMinutes(29));
        assertThat(suite.logins.recognise(cookie)).as("each request moves the idle deadline").isPresent();
        suite.clock.advance(Duration.ofMinutes(31));
        assertThat(suite.logins.recognise(cookie)).isEmpty();
    }

    @Test
    void aBusySessionStillEndsAtTheAbsoluteTimeout() {
        suite.create("alice", OperatorRole.VIEWER);
        String cookie = suite.loginOf("alice");

        for (int i = 0; i < 8 * 6 - 1; i++) {
            suite.clock.advance(Duration.ofMinutes(10));
            assertThat(suite.logins.recognise(cookie)).as("after %d minutes", (i + 1) * 10).isPresent();
        }
        suite.clock.advance(Duration.ofMinutes(10));
        assertThat(suite.logins.recognise(cookie)).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndAForgedCookieIsNobody() {
        suite.create("alice", OperatorRole.VIEWER);
        String cookie = suite.loginOf("alice");

        suite.logins.logout(cookie);

        assertThat(suite.logins.recognise(cookie)).isEmpty();
        assertThat(suite.logins.recognise("forged-cookie-value")).isEmpty();
        assertThat(suite.logins.recognise(null)).isEmpty();
    }

    @Test
    void disablingAnOperatorEndsItsSessionsAndRefusesItsNextLogin() {
        suite.create("alice", OperatorRole.OPERATOR);
        String cookie = suite.loginOf("alice");

        suite.admin.change("alice", null, OperatorStatus.DISABLED);

        assertThat(suite.logins.recognise(cookie)).isEmpty();
        assertThat(suite.logins.login("alice", "alice-password-1").refusal()).isEqualTo(OperatorLogins.Refusal.DISABLED);
    }

    @Test
    void adminsCannotCreateAnOperatorTwiceWithAShortPasswordOrANameThatReadsAsTheToken() {
        suite.create("alice", OperatorRole.VIEWER);

        assertThatThrownBy(() -> suite.create("alice", OperatorRole.ADMIN)).isInstanceOf(BizException.class)
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> suite.admin.create(new Operators.NewOperator("bob", null, OperatorRole.VIEWER, "short"), "t"))
                .isInstanceOf(BizException.class);
        assertThatThrownBy(() -> suite.create("ops-token-bob", OperatorRole.VIEWER)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> suite.create("Bob Smith", OperatorRole.VIEWER)).isInstanceOf(BizException.class);
    }

    @Test
    void theBootstrapAdminIsCreatedOnceFromConfigurationAndNeverOverwritten() {
        ConsoleProperties withPassword = new ConsoleProperties(suite.properties.idleTimeout(), suite.properties.absoluteTimeout(), 5,
                Duration.ofMinutes(15), new ConsoleProperties.BootstrapAdmin("admin", "first-admin-password", null));
        new BootstrapAdmin(withPassword, suite.operatorStore, suite.admin).run(null);
        suite.admin.resetPassword("admin", "changed-in-the-console");

        new BootstrapAdmin(withPassword, suite.operatorStore, suite.admin).run(null);

        assertThat(suite.operators.get("admin").role()).isEqualTo(OperatorRole.ADMIN);
        assertThat(suite.logins.login("admin", "changed-in-the-console").loggedIn()).isTrue();
    }
}
