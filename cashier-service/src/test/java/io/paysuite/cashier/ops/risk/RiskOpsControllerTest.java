package io.paysuite.cashier.ops.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.ReplaceRiskRulesCmd;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.api.risk.RiskRulesDTO;
import io.paysuite.api.risk.RiskService;
import io.paysuite.cashier.api.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;

class RiskOpsControllerTest {

    final RiskService risk = mock(RiskService.class);
    final RiskOpsController controller = new RiskOpsController(risk, new Times(ZoneOffset.UTC));
    final MockHttpServletRequest request = new MockHttpServletRequest();
    final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void theRulesAreShownAsTheJsonDocumentTheyAre() throws Exception {
        when(risk.rules()).thenReturn(Result.ok(new RiskRulesDTO("{\"version\":1,\"rules\":[]}", "/paysuite/rules/risk",
                Instant.parse("2026-12-06T10:00:00Z"), List.of(), "3")));

        String body = json.writeValueAsString(controller.rules());

        assertThat(body).contains("\"document\":{\"version\":1,\"rules\":[]}", "\"path\":\"/paysuite/rules/risk\"",
                "\"version\":\"3\"");
    }

    @Test
    void aRefusedDocumentIsShownBesideTheRulesInForceWithTheReason() throws Exception {
        when(risk.rules()).thenReturn(Result.ok(new RiskRulesDTO("{\"version\":1,\"rules\":[]}", "/paysuite/rules/risk",
                Instant.parse("2026-12-06T10:00:00Z"), List.of(), "3", "{\"version\":", "not JSON", Instant.parse("2026-12-06T11:00:00Z"))));

        RiskOpsController.RulesView view = controller.rules();

        assertThat(view.document()).isEqualTo("{\"version\":1,\"rules\":[]}");
        assertThat(view.refused().document()).isEqualTo("{\"version\":");
        assertThat(view.refused().reason()).isEqualTo("not JSON");
        assertThat(json.writeValueAsString(view)).contains("\"refused_at\":");
    }

    @Test
    void aDocumentPayCoreRefusesIsAParamErrorAndAnEmptyBodyNeverReachesIt() {
        when(risk.rules()).thenReturn(Result.ok(new RiskRulesDTO(null, "/paysuite/rules/risk", null, List.of(), "absent")));
        when(risk.replaceRules(any())).thenReturn(Result.fail(ErrorCode.PARAM_ERROR, "risk rules refused: y: unknown kind"));

        assertThatThrownBy(() -> controller.replace("absent", "{\"rules\":[]}".getBytes(StandardCharsets.UTF_8), request))
                .isInstanceOf(BizException.class).hasMessageContaining("unknown kind");
        ArgumentCaptor<ReplaceRiskRulesCmd> cmd = ArgumentCaptor.forClass(ReplaceRiskRulesCmd.class);
        verify(risk).replaceRules(cmd.capture());
        assertThat(cmd.getValue().document()).isEqualTo("{\"rules\":[]}");
        assertThat(cmd.getValue().expectedVersion()).isEqualTo("absent");

        assertThatThrownBy(() -> controller.replace("absent", new byte[0], request)).isInstanceOf(BizException.class);
    }

    @Test
    void aSaveNamesTheVersionItReadAndAStaleOneIsAConflict() {
        assertThatThrownBy(() -> controller.replace(null, "{\"rules\":[]}".getBytes(StandardCharsets.UTF_8), request))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        verify(risk, never()).replaceRules(any());

        when(risk.rules()).thenReturn(Result.ok(new RiskRulesDTO("{\"version\":2,\"rules\":[]}", "/paysuite/rules/risk",
                null, List.of(), "5")));
        when(risk.replaceRules(any())).thenReturn(Result.fail(ErrorCode.RULES_VERSION_CONFLICT, "changed by someone else"));

        assertThatThrownBy(() -> controller.replace("4", "{\"version\":3,\"rules\":[]}".getBytes(StandardCharsets.UTF_8), request))
                .isInstanceOfSatisfying(BizException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_VERSION_CONFLICT));
    }

    @Test
    void decisionsAreFilteredAsAskedAndABadActionIsRefused() {
        when(risk.recentDecisions(any())).thenReturn(Result.ok(List.of(new RiskDecisionDTO(7, "T1", "R1", "B1", "M1",
                PayMethod.BALANCE, 100, "CNY", RiskAction.BLOCK, List.of("s[BLOCK: amount=100>50]"), List.of(), "amount=100",
                Instant.parse("2026-12-06T10:00:00Z")))));

        var view = controller.decisions("B1", null, null, "block", 10);

        assertThat(view.data()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("BLOCK");
            assertThat(d.decidedAt()).isEqualTo("2026-12-06T10:00:00Z");
        });
        verify(risk).recentDecisions(new RiskDecisionQry(10, "B1", null, null, RiskAction.BLOCK));
        assertThatThrownBy(() -> controller.decisions(null, null, null, "MAYBE", 10)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> controller.decisions(null, null, null, null, 0)).isInstanceOf(BizException.class);
        verify(risk, never()).rules();
    }
}
