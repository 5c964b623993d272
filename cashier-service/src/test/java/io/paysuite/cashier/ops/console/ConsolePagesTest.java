package io.paysuite.cashier.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.ops.OpsGate;
import io.paysuite.cashier.ops.audit.AuditEntry;
import io.paysuite.cashier.ops.audit.InMemoryAuditLog;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.InMemoryOperators;
import io.paysuite.cashier.ops.operator.OperatorRole;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

class ConsolePagesTest {

    final InMemoryOperators people = new InMemoryOperators();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final ConsolePages pages = new ConsolePages(people.logins, new OpsAudit(auditLog, new ObjectMapper(), people.clock), people.properties);

    @BeforeEach
    void operators() {
        people.create("vera", OperatorRole.VIEWER);
        people.create("ada", OperatorRole.ADMIN);
    }

    @Test
    void aLoginFormPostedWithoutItsOwnCookieTokenIsRefusedSoNoOtherSiteCanLogABrowserIn() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        String view = pages.login("vera", "vera-password-1", "guessed", null, post("/ops/login"), response, new ExtendedModelMap());

        assertThat(view).isEqualTo("ops/login");
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(people.sessions).isEmpty();
        assertThat(auditLog.rows).singleElement().extracting(AuditEntry::action).isEqualTo("LOGIN_REFUSED");
    }

    @Test
    void aLoginSetsAStrictHttpOnlySessionCookieAndIsAuditedAsIsALogout() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        String view = pages.login("vera", "vera-password-1", "t0k", "t0k", post("/ops/login"), response, new ExtendedModelMap());

        assertThat(view).isEqualTo("redirect:/ops/");
        String setCookie = response.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith(OpsGate.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/ops");
        String session = setCookie.substring(OpsGate.SESSION_COOKIE.length() + 1, setCookie.indexOf(';'));

        MockHttpServletRequest logout = post("/ops/logout");
        logout.setCookies(new Cookie(OpsGate.SESSION_COOKIE, session));
        pages.logout("not-the-token", logout, new MockHttpServletResponse());
        assertThat(people.logins.recognise(session)).as("a logout without the CSRF token does nothing").isPresent();
        pages.logout(people.logins.recognise(session).orElseThrow().session().csrfToken(), logout, new MockHttpServletResponse());

        assertThat(people.logins.recognise(session)).isEmpty();
        assertThat(auditLog.rows).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("LOGIN", "vera"), org.assertj.core.groups.Tuple.tuple("LOGOUT", "vera"));
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainAndTheAuditKeepsTheTrueReason() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        pages.login("vera", "wrong-password", "t", "t", post("/ops/login"), response, model);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(model.get("error")).isEqualTo("ops.login.refused");
        assertThat(auditLog.rows).singleElement().extracting(AuditEntry::responseSummary).isEqualTo("BAD_PASSWORD");
    }

    @Test
    void pagesNeedALoginAndTheOperatorsPageNeedsAnAdmin() {
        assertThat(pages.page("dashboard", new MockHttpServletRequest("GET", "/ops/dashboard"), new MockHttpServletResponse(),
                new ExtendedModelMap())).isEqualTo("redirect:/ops/login");

        MockHttpServletRequest asViewer = new MockHttpServletRequest("GET", "/ops/operators");
        asViewer.setCookies(new Cookie(OpsGate.SESSION_COOKIE, people.loginOf("vera")));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(pages.page("operators", asViewer, refused, model)).isEqualTo("ops/forbidden");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(model.get("canOperate")).isEqualTo(false);

        MockHttpServletRequest asAdmin = new MockHttpServletRequest("GET", "/ops/operators");
        asAdmin.setCookies(new Cookie(OpsGate.SESSION_COOKIE, people.loginOf("ada")));
        assertThat(pages.page("operators", asAdmin, new MockHttpServletResponse(), new ExtendedModelMap())).isEqualTo("ops/operators");
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
