package io.paysuite.cashier.ops.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.risk.ReplaceRiskRulesCmd;
import io.paysuite.api.risk.RiskRulesDTO;
import io.paysuite.api.risk.RiskService;
import io.paysuite.cashier.ops.audit.AuditNotes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;

class RiskListsControllerTest {

    static final String DOCUMENT = "{\"version\":3,\"rules\":["
            + "{\"id\":\"card-single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"methods\":[\"BANK_CARD\"],\"max_amount\":500000},"
            + "{\"id\":\"lists\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"methods\":[\"BANK_CARD\"],\"buyers\":[\"U1\"],"
            + "\"ips\":[\"203.0.113.7\"],\"merchants\":[\"M_SCOPE\"],\"listed_merchants\":[\"M_BAD\"]},"
            + "{\"id\":\"watch\",\"kind\":\"BLACKLIST\",\"action\":\"REVIEW\",\"enabled\":false,\"devices\":[]}]}";

    final RiskService risk = mock(RiskService.class);
    final ObjectMapper json = new ObjectMapper();
    final RiskListsController controller = new RiskListsController(risk, json);
    final MockHttpServletRequest request = new MockHttpServletRequest();

    RiskListsControllerTest() {
        when(risk.rules()).thenReturn(Result.ok(rules(DOCUMENT, "7")));
    }

    static RiskRulesDTO rules(String document, String version) {
        return new RiskRulesDTO(document, "pay-core/risk-rules", Instant.parse("2026-12-07T10:00:00Z"), List.of(), version);
    }

    @Test
    void everyArrayOfABlacklistRuleButItsScopeIsAListWhateverItsName() {
        RiskListsController.ListsView view = controller.lists();

        assertThat(view.version()).isEqualTo("7");
        assertThat(view.lists()).extracting(l -> l.ruleId() + "." + l.name() + "=" + l.entries() + " " + l.action() + " " + l.enabled())
                .containsExactly("lists.buyers=[U1] BLOCK true", "lists.ips=[203.0.113.7] BLOCK true",
                        "lists.listed_merchants=[M_BAD] BLOCK true", "watch.devices=[] REVIEW false");
    }

    @Test
    void noDocumentMeansNoLists() {
        when(risk.rules()).thenReturn(Result.ok(rules(null, "absent")));

        assertThat(controller.lists().lists()).isEmpty();
    }

    @Test
    void anEditRewritesThatOneListOverTheVersionReadAndKeepsTheRestOfTheDocument() throws Exception {
        when(risk.replaceRules(any())).thenAnswer(call -> Result.ok(rules(((ReplaceRiskRulesCmd) call.getArgument(0)).document(), "8")));

        RiskListsController.ListsView saved = controller.replace("lists", "buyers",
                "{\"entries\":[\" U1 \",\"U2\",\"U2\",\"\"],\"version\":\"7\"}".getBytes(StandardCharsets.UTF_8), request);

        ArgumentCaptor<ReplaceRiskRulesCmd> cmd = ArgumentCaptor.forClass(ReplaceRiskRulesCmd.class);
        verify(risk).replaceRules(cmd.capture());
        assertThat(cmd.getValue().expectedVersion()).isEqualTo("7");
        String expected = DOCUMENT.replace("\"buyers\":[\"U1\"]", "\"buyers\":[\"U1\",\"U2\"]");
        assertThat(json.readTree(cmd.getValue().document())).isEqualTo(json.readTree(expected));
        assertThat(saved.version()).isEqualTo("8");
        assertThat(request.getAttribute(AuditNotes.class.getName() + ".before"))
                .isEqualTo(new RiskListsController.ListNote("lists", "buyers", List.of("U1")));
        assertThat(request.getAttribute(AuditNotes.class.getName() + ".after"))
                .isEqualTo(new RiskListsController.ListNote("lists", "buyers", List.of("U1", "U2")));
    }

    @Test
    void aListTheRuleDoesNotHaveYetIsAddedAndPayCoreJudgesTheName() throws Exception {
        when(risk.replaceRules(any())).thenReturn(Result.fail(ErrorCode.PARAM_ERROR, "risk rules refused: watch: unknown parameter phones"));

        assertThatThrownBy(() -> controller.replace("watch", "phones", "{\"entries\":[\"138\"],\"version\":\"7\"}"
                .getBytes(StandardCharsets.UTF_8), request)).isInstanceOf(BizException.class).hasMessageContaining("phones");
        ArgumentCaptor<ReplaceRiskRulesCmd> cmd = ArgumentCaptor.forClass(ReplaceRiskRulesCmd.class);
        verify(risk).replaceRules(cmd.capture());
        assertThat(json.readTree(cmd.getValue().document()).path("rules").get(2).path("phones").get(0).asText()).isEqualTo("138");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsWritten() {
        assertThatThrownBy(() -> controller.replace("lists", "buyers", "{\"entries\":[],\"version\":\"6\"}"
                .getBytes(StandardCharsets.UTF_8), request))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_VERSION_CONFLICT));
        verify(risk, never()).replaceRules(any());
    }

    @Test
    void noSuchBlacklistRuleAScopeFieldOrAMissingEntriesAreParamErrorsAndNothingIsWritten() {
        for (String[] bad : new String[][] {{"card-single", "buyers", "[]"}, {"nope", "buyers", "[]"}, {"lists", "methods", "[]"}, {"lists", "merchants", "[]"},
                {"lists", "kind", "[]"}, {"lists", "buyers", "null"}}) {
            assertThatThrownBy(() -> controller.replace(bad[0], bad[1], ("{\"entries\":" + bad[2] + ",\"version\":\"7\"}")
                    .getBytes(StandardCharsets.UTF_8), request)).as(String.join(" ", bad))
                    .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        }
        verify(risk, never()).replaceRules(any());
    }
}
