package io.paysuite.cashier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.ops.audit.AuditEntry;
import io.paysuite.cashier.ops.audit.InMemoryAuditLog;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.InMemoryOperators;
import io.paysuite.cashier.ops.operator.OperatorRole;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OpsGateTest {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    final InMemoryOperators people = new InMemoryOperators();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final ObjectMapper json = new ObjectMapper();
    OpsGate gate;
    final AtomicReference<OpsPrincipal> reached = new AtomicReference<>();

    @BeforeEach
    void gate() throws Exception {
        gate = new OpsGate(new OpsProperties(TOKEN, null), json, people.logins, new OpsAudit(auditLog, json, people.clock));
        people.create("vera", OperatorRole.VIEWER);
        people.create("otto", OperatorRole.OPERATOR);
        people.create("ada", OperatorRole.ADMIN);
    }

    @Test
    void theBearerTokenActsAsTheSystemOperatorWithEveryRightAndNeedsNoCsrfToken() throws Exception {
        MockHttpServletResponse response = send(request("POST", "/ops/api/v1/operators", "{\"login_name\":\"x\",\"password\":\"secret-secret\"}")
                .bearer(TOKEN));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(reached.get()).isEqualTo(OpsPrincipal.TOKEN);
        assertThat(auditLog.rows).singleElement().satisfies(line -> {
            assertThat(line.actor()).isEqualTo("ops-token");
            assertThat(line.requestBody()).contains("\"password\":\"***\"").doesNotContain("secret-secret");
        });
    }

    @Test
    void noTokenAndNoLoginOrAWrongTokenIsUnauthorized() throws Exception {
        assertThat(send(request("GET", "/ops/api/v1/notifications", null)).getStatus()).isEqualTo(401);
        assertThat(send(request("GET", "/ops/api/v1/notifications", null).bearer("wrong-token-wrong-token")).getStatus()).isEqualTo(401);
        MockHttpServletResponse refused = send(request("GET", "/ops/api/v1/notifications", null).cookie("not-a-session"));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains(OpsGate.UNAUTHORIZED);
        assertThat(reached.get()).isNull();
    }

    @Test
    void aViewerReadsButCannotChangeAnythingAndTheRefusalIsAudited() throws Exception {
        String session = people.loginOf("vera");
        String csrf = csrfOf(session);

        assertThat(send(request("GET", "/ops/api/v1/reconciliations", null).cookie(session)).getStatus()).isEqualTo(200);
        assertThat(auditLog.rows).as("reading is not audited").isEmpty();
        MockHttpServletResponse refused = send(request("POST", "/ops/api/v1/notifications/E1/resend", "").cookie(session).csrf(csrf));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains(OpsGate.FORBIDDEN);
        assertThat(auditLog.rows).singleElement().extracting(AuditEntry::actor, AuditEntry::status).containsExactly("vera", 403);
    }

    @Test
    void anOperatorChangesWithTheSessionsCsrfTokenAndOnlyWithIt() throws Exception {
        String session = people.loginOf("otto");

        MockHttpServletResponse noToken = send(request("POST", "/ops/api/v1/notifications/E1/resend", "").cookie(session));
        MockHttpServletResponse otherToken = send(request("POST", "/ops/api/v1/notifications/E1/resend", "").cookie(session)
                .csrf(csrfOf(people.loginOf("ada"))));
        assertThat(noToken.getStatus()).isEqualTo(403);
        assertThat(noToken.getContentAsString()).contains(OpsGate.CSRF_REFUSED);
        assertThat(otherToken.getStatus()).isEqualTo(403);
        assertThat(reached.get()).isNull();

        MockHttpServletResponse allowed = send(request("POST", "/ops/api/v1/notifications/E1/resend", "").cookie(session).csrf(csrfOf(session)));
        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(reached.get().name()).isEqualTo("otto");
        assertThat(auditLog.rows).extracting(AuditEntry::actor, AuditEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("otto", 403), org.assertj.core.groups.Tuple.tuple("otto", 403),
                        org.assertj.core.groups.Tuple.tuple("otto", 200));
    }

    @Test
    void onlyAnAdminChangesOperatorsMerchantsAndRules() throws Exception {
        String otto = people.loginOf("otto");
        String ada = people.loginOf("ada");

        for (String path : new String[] {"/ops/api/v1/operators", "/ops/api/v1/merchants", "/ops/api/v1/rules/routing"}) {
            assertThat(send(request("POST", path, "{}").cookie(otto).csrf(csrfOf(otto))).getStatus()).as(path).isEqualTo(403);
            assertThat(send(request("POST", path, "{}").cookie(ada).csrf(csrfOf(ada))).getStatus()).as(path).isEqualTo(200);
        }
        assertThat(send(request("GET", "/ops/api/v1/operators", null).cookie(otto)).getStatus()).isEqualTo(403);
    }

    @Test
    void anExpiredSessionIsUnauthorized() throws Exception {
        String session = people.loginOf("otto");
        people.clock.advance(Duration.ofMinutes(31));

        assertThat(send(request("GET", "/ops/api/v1/notifications", null).cookie(session)).getStatus()).isEqualTo(401);
    }

    @Test
    void theAuditLineKeepsTheAnswerAndTheClientStillGetsIt() throws Exception {
        String session = people.loginOf("otto");
        MockHttpServletRequest request = request("POST", "/ops/api/v1/settlements/runs", "{\"date\":\"2026-12-01\"}").cookie(session)
                .csrf(csrfOf(session)).build();
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {
                req.getInputStream().readAllBytes();
                resp.setStatus(201);
                resp.getOutputStream().write("{\"date\":\"2026-12-01\",\"settlements\":[]}".getBytes(StandardCharsets.UTF_8));
            }
        }));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"date\":\"2026-12-01\",\"settlements\":[]}");
        assertThat(auditLog.rows).singleElement().satisfies(line -> {
            assertThat(line.path()).isEqualTo("/ops/api/v1/settlements/runs");
            assertThat(line.requestBody()).isEqualTo("{\"date\":\"2026-12-01\"}");
            assertThat(line.status()).isEqualTo(201);
            assertThat(line.responseSummary()).contains("settlements");
        });
    }

    private String csrfOf(String cookie) {
        return people.logins.recognise(cookie).orElseThrow().session().csrfToken();
    }

    private MockHttpServletResponse send(Req req) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(req.build(), response, (request, resp) -> {
            request.getInputStream().readAllBytes();
            reached.set(OpsPrincipal.of((HttpServletRequest) request));
        });
        return response;
    }

    private static Req request(String method, String path, String body) {
        return new Req(method, path, body);
    }

    private static final class Req {
        final MockHttpServletRequest request;

        Req(String method, String path, String body) {
            request = new MockHttpServletRequest(method, path);
            if (body != null) {
                request.setContent(body.getBytes(StandardCharsets.UTF_8));
                request.setContentType("application/json");
            }
        }

        Req bearer(String token) {
            request.addHeader("Authorization", "Bearer " + token);
            return this;
        }

        Req cookie(String session) {
            request.setCookies(new Cookie(OpsGate.SESSION_COOKIE, session));
            return this;
        }

        Req csrf(String token) {
            request.addHeader(OpsGate.CSRF_HEADER, token);
            return this;
        }

        MockHttpServletRequest build() {
            return request;
        }
    }
}
