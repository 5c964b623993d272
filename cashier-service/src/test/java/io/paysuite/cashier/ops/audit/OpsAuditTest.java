package io.paysuite.cashier.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.AppKeyRotationDTO;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.RealNameStatus;
import io.paysuite.api.member.RotateAppKeyCmd;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.settlement.SettlementRunDTO;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.ops.OpsController;
import io.paysuite.cashier.ops.merchant.MerchantOpsController;
import io.paysuite.cashier.ops.operator.Operator;
import io.paysuite.cashier.ops.operator.OperatorController;
import io.paysuite.cashier.ops.operator.OperatorRole;
import io.paysuite.cashier.ops.operator.OperatorStatus;
import io.paysuite.cashier.ops.operator.Operators;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import io.paysuite.cashier.ops.settlement.OpsSettlementController;
import io.paysuite.cashier.ops.settlement.OpsSettlementTermsController;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class OpsAuditTest {

    final InMemoryAuditLog log = new InMemoryAuditLog();
    final OpsAudit audit = new OpsAudit(log, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());

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

    // ---- each change an admin or operator makes keeps the object before and after (what the endpoint read)

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    final Times times = new Times(ZoneOffset.UTC);
    final MerchantService merchants = mock(MerchantService.class);
    final LedgerService ledger = mock(LedgerService.class);

    private AuditEntry auditedAfter(MockHttpServletRequest request, String body) {
        audit.request("root", "ADMIN", request, body.getBytes(StandardCharsets.UTF_8), 200, new byte[0]);
        return log.rows.get(log.rows.size() - 1);
    }

    private static MockHttpServletRequest as(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        OpsPrincipal.TOKEN.attachTo(request);
        return request;
    }

    @Test
    void anOperatorsRoleOrStatusChangeKeepsTheOperatorBeforeAndAfterButNoPasswordOrHash() {
        Operators operators = mock(Operators.class);
        Operator before = new Operator("olga", "Olga", OperatorRole.VIEWER, "$2a$10$hash", OperatorStatus.ACTIVE, 0, null, NOW, "root", NOW);
        Operator after = new Operator("olga", "Olga", OperatorRole.OPERATOR, "$2a$10$hash", OperatorStatus.DISABLED, 0, null, NOW, "root", NOW);
        when(operators.get("olga")).thenReturn(before);
        when(operators.change("olga", OperatorRole.OPERATOR, OperatorStatus.DISABLED)).thenReturn(after);
        MockHttpServletRequest request = as("POST", "/ops/api/v1/operators/olga");
        String body = "{\"role\":\"OPERATOR\",\"status\":\"DISABLED\",\"password\":\"a-new-password-1\"}";

        new OperatorController(operators).change("olga", body.getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, body);
        assertThat(line.before()).contains("\"role\":\"VIEWER\"", "\"status\":\"ACTIVE\"");
        assertThat(line.after()).contains("\"role\":\"OPERATOR\"", "\"status\":\"DISABLED\"");
        assertThat(line.before() + line.after() + line.requestBody()).doesNotContain("a-new-password-1", "$2a$10$hash");
    }

    @Test
    void aFeeRateChangeKeepsTheRateBeforeAndAfter() {
        when(merchants.getMerchant("M1")).thenReturn(Result.ok(new MerchantDTO("M1", "shop", "app1", "S1",
                RealNameStatus.values()[0], true, NOW)));
        when(ledger.feeRate("M1")).thenReturn(Result.ok(60));
        when(ledger.setFeeRate(any())).thenReturn(Result.ok(38));
        MockHttpServletRequest request = as("PUT", "/ops/api/v1/merchants/M1/fee-rate");

        merchantPage().setFeeRate("M1", "{\"rate_bps\":38}".getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, "{\"rate_bps\":38}");
        assertThat(line.before()).isEqualTo("{\"merchantId\":\"M1\",\"rateBps\":60}");
        assertThat(line.after()).isEqualTo("{\"merchantId\":\"M1\",\"rateBps\":38}");
    }

    @Test
    void settlementTermsKeepTheMaskedTermsBeforeAndAfterNeverTheFullAccountNumber() {
        when(merchants.settlementTerms("M1")).thenReturn(Result.ok(new SettlementTermsDTO("M1", 1, "****1111", "Shop", "ICBC", null)));
        when(merchants.setSettlementTerms(any())).thenReturn(Result.ok(new SettlementTermsDTO("M1", 7, "****4321", "Shop", "CMB", null)));
        MockHttpServletRequest request = as("PUT", "/ops/api/v1/merchants/M1/settlement-terms");
        String body = "{\"cycle_days\":7,\"account_no\":\"6222020200004321\",\"account_name\":\"Shop\",\"bank_name\":\"CMB\"}";

        new OpsSettlementTermsController(merchants).set("M1", body.getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, body);
        assertThat(line.before()).contains("\"cycleDays\":1", "****1111");
        assertThat(line.after()).contains("\"cycleDays\":7", "****4321").doesNotContain("6222020200004321");
    }

    @Test
    void aKeyRotationKeepsSerialsAndValidityButNeverAKey() {
        when(merchants.rotateAppKey(any())).thenAnswer(call -> {
            RotateAppKeyCmd cmd = call.getArgument(0);
            return Result.ok(new AppKeyRotationDTO(new AppKeyDTO("M1", "app1", "S2", cmd.publicKeyPem(), NOW, null), 1,
                    NOW.plusSeconds(3600)));
        });
        MockHttpServletRequest request = as("POST", "/ops/api/v1/merchants/apps/app1/keys/rotate");

        MerchantOpsController.RotatedView rotated = merchantPage().rotateKey("app1", "{\"grace_hours\":1}".getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, "{\"grace_hours\":1}");
        assertThat(line.before()).contains("\"appId\":\"app1\"", "\"publicKeyGiven\":false", "\"graceHours\":1");
        assertThat(line.after()).contains("\"serialNo\":\"S2\"", "\"generatedHere\":true", "\"oldKeysRetiring\":1");
        String privateBody = rotated.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").strip().substring(0, 40);
        assertThat(line.before() + line.after()).doesNotContain("KEY-----", privateBody);
    }

    @Test
    void onboardingKeepsTheMerchantItCreatedAsTheAfterWithNothingBefore() {
        when(merchants.onboard(any())).thenReturn(Result.ok(new MerchantDTO("M9", "new shop", "app9", "S9",
                RealNameStatus.values()[0], true, NOW)));
        MockHttpServletRequest request = as("POST", "/ops/api/v1/merchants");
        String body = "{\"name\":\"new shop\",\"public_key_pem\":\"PEM\"}";

        new OpsController(merchants, ledger, null, null, List.of(), times, null).onboard(body.getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, body);
        assertThat(line.before()).isNull();
        assertThat(line.after()).isEqualTo("{\"merchantId\":\"M9\",\"appId\":\"app9\",\"serialNo\":\"S9\"}");
    }

    @Test
    void aSettlementRunKeepsTheDayAndWhoAskedBeforeAndTheSettlementsAfter() {
        SettlementService settlements = mock(SettlementService.class);
        when(settlements.run(any())).thenReturn(Result.ok(new SettlementRunDTO(LocalDate.parse("2026-12-06"), List.of())));
        MockHttpServletRequest request = as("POST", "/ops/api/v1/settlements/runs");
        String body = "{\"date\":\"2026-12-06\",\"operator\":\"kim\"}";

        new OpsSettlementController(settlements, times).run(body.getBytes(StandardCharsets.UTF_8), request);

        AuditEntry line = auditedAfter(request, body);
        assertThat(line.before()).isEqualTo("{\"date\":\"2026-12-06\",\"askedBy\":\"ops-token:kim\"}");
        assertThat(line.after()).isEqualTo("{\"date\":\"2026-12-06\",\"settlements\":[]}");
    }

    private MerchantOpsController merchantPage() {
        return new MerchantOpsController(merchants, ledger, null, null, null, new ObjectMapper(), times);
    }
}
