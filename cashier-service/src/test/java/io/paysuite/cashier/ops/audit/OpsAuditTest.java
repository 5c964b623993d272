package io.paysuite.cashier.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class OpsAuditTest {

    final InMemoryAuditLog log = new InMemoryAuditLog();
    final OpsAudit audit = new OpsAudit(log, new ObjectMapper(), Clock.systemUTC());

    @Test
    void secretsNeverReachTheLineWhetherTheBodyIsJsonOrNot() {
        assertThat(audit.redact("{\"login_name\":\"bob\",\"password\":\"hunter2-hunter2\",\"nested\":{\"token\":\"t\"}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"login_name\":\"bob\",\"password\":\"***\",\"nested\":{\"token\":\"***\"}}");
        assertThat(audit.redact("{\"password\": \"hunter2\", broken".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"password\": \"***\", broken");
    }

    @Test
    void theLineNamesThePathsTargetIdsAndWhatTheEndpointSawBeforeAndAfter() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ops/api/v1/notifications/E1/resend");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("eventId", "E1"));
        AuditNotes.before(request, Map.of("status", "GAVE_UP"));
        AuditNotes.after(request, Map.of("status", "DELIVERED"));

        audit.request("otto", "OPERATOR", request, new byte[0], 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

        assertThat(log.rows).singleElement().satisfies(line -> {
            assertThat(line.targetIds()).isEqualTo("{\"eventId\":\"E1\"}");
            assertThat(line.before()).isEqualTo("{\"status\":\"GAVE_UP\"}");
            assertThat(line.after()).isEqualTo("{\"status\":\"DELIVERED\"}");
            assertThat(line.requestBody()).isNull();
        });
    }

    @Test
    void aLongBodyIsCut() {
        String big = "x".repeat(OpsAudit.MAX_TEXT + 100);
        assertThat(audit.redact(big.getBytes(StandardCharsets.UTF_8))).hasSize(OpsAudit.MAX_TEXT + 1).endsWith("…");
    }
}
