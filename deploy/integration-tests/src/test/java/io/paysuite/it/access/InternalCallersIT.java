package io.paysuite.it.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.MemberService;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.kit.access.InternalCallers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the services that may move money can: a consumer that found the ledger in the registry but is
 * not a named internal caller holding the suite's secret cannot post an entry that creates wallet
 * money, charge a channel or read a card token — and nothing changes. Operators adjust through the
 * ops API, with who and why in the entry.
 */
class InternalCallersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DubboBootstrap stranger;
    private static DubboBootstrap impostor;

    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    @BeforeAll
    static void consumersFromOutside() {
        String registry = SuiteHarness.suite().infra().registryAddress();
        stranger = client("stranger-it", registry);
        // calls itself pay-core, and signs with a secret that is not the suite's
        InternalCallers.register("pay-core", "not-the-suite-secret-0123456789".getBytes(StandardCharsets.US_ASCII));
        impostor = client("pay-core", registry);
    }

    @AfterAll
    static void stop() {
        stranger.destroy();
        impostor.destroy();
    }

    @Test
    void aStrangerConsumerCannotCreateWalletMoneyAndNothingIsPosted() {
        String buyer = "U_STRANGER_" + UUID.randomUUID().toString().substring(0, 8);
        String key = "STRANGER-FUND-" + buyer;
        Result<JournalEntryDTO> refused = reference(stranger, LedgerService.class).post(funding(key, buyer, 1_000_000));

        assertThat(refused.success()).isFalse();
        assertThat(refused.code()).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(ledger.entryByKey(key).code()).isEqualTo("POSTING_NOT_FOUND");
        assertThat(walletBalance(buyer)).isZero();
    }

    @Test
    void aConsumerClaimingAnAllowedNameWithoutTheSecretIsRefused() {
        String buyer = "U_IMPOSTOR_" + UUID.randomUUID().toString().substring(0, 8);
        String key = "IMPOSTOR-FUND-" + buyer;
        Result<JournalEntryDTO> refused = reference(impostor, LedgerService.class).post(funding(key, buyer, 1_000_000));

        assertThat(refused.code()).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(ledger.entryByKey(key).code()).isEqualTo("POSTING_NOT_FOUND");
    }

    @Test
    void aStrangerCannotChargeAChannelNorReadACardTokenButMayRead() {
        Result<?> charge = reference(stranger, ChannelService.class).charge(null);
        assertThat(charge.code()).isEqualTo("CALLER_NOT_ALLOWED");
        Result<?> token = reference(stranger, MemberService.class).resolveCardToken(new CardTokenQry("U1", "C1"));
        assertThat(token.code()).isEqualTo("CALLER_NOT_ALLOWED");

        assertThat(reference(stranger, LedgerService.class).trialBalance("CNY").success()).isTrue();
    }

    @Test
    void operatorsAdjustThroughTheOpsApiWithWhoAndWhyAndAnAdjustmentWithoutAReasonChangesNothing() throws Exception {
        String buyer = "U_ADJ_" + UUID.randomUUID().toString().substring(0, 8);
        String key = "adj-" + buyer;
        Map<String, Object> body = Map.of("posting_key", key, "operator", "alice", "reason", "goodwill credit, ticket 42",
                "currency", "CNY", "lines", List.of(
                        Map.of("account", "PLATFORM_FUNDING:PLATFORM:CNY", "side", "DEBIT", "amount", 500),
                        Map.of("account", "BUYER_WALLET:" + buyer + ":CNY", "side", "CREDIT", "amount", 500)));

        var withoutReason = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/ledger/adjustments",
                JSON.writeValueAsString(without(body, "reason")));
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(withoutReason.body()).path("code").asText()).isEqualTo("PARAM_ERROR");
        assertThat(walletBalance(buyer)).isZero();

        var posted = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/ledger/adjustments", JSON.writeValueAsString(body));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode entry = JSON.readTree(posted.body());
        assertThat(entry.path("memo").asText()).isEqualTo("adjusted by alice: goodwill credit, ticket 42");
        var repeated = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/ledger/adjustments", JSON.writeValueAsString(body));
        assertThat(JSON.readTree(repeated.body()).path("entry_no").asText()).isEqualTo(entry.path("entry_no").asText());
        assertThat(walletBalance(buyer)).isEqualTo(500);
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    /** The wallet's balance; a wallet nobody ever posted to does not exist yet, which is zero. */
    private long walletBalance(String buyer) {
        var balance = ledger.balance(wallet(buyer));
        if (!balance.success()) {
            assertThat(balance.code()).isEqualTo("ACCOUNT_NOT_FOUND");
            return 0;
        }
        return balance.data().balance();
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static PostingCmd funding(String key, String buyer, long amount) {
        return new PostingCmd(key, "FUNDING", buyer, "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, amount),
                new PostingLine(wallet(buyer), AccountType.Side.CREDIT, amount)), "free money");
    }

    private static AccountRef wallet(String buyer) {
        return new AccountRef(AccountType.BUYER_WALLET, buyer, "CNY");
    }

    private static DubboBootstrap client(String application, String registry) {
        ApplicationConfig config = new ApplicationConfig(application);
        config.setQosEnable(false);
        return DubboBootstrap.newInstance().application(config).registry(new RegistryConfig(registry)).start();
    }

    private static <T> T reference(DubboBootstrap client, Class<T> api) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(api);
        reference.setVersion(ApiVersion.DUBBO);
        reference.setCheck(false);
        reference.setTimeout(15_000);
        reference.setRetries(0);
        client.reference(reference);
        return reference.get();
    }
}
