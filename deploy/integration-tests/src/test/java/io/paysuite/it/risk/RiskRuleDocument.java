package io.paysuite.it.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * pay-core's one risk rule document (config-center key {@code pay-core/risk-rules}) for ITs that change it: apply a
 * document and wait until pay-core has it in force (the ops API reads it back from pay-core), then put back what
 * was stored before, so that the next test class finds the rules it would have found without this one.
 */
final class RiskRuleDocument {

    static final String KEY = "pay-core/risk-rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RiskRuleDocument() {
    }

    /** What the config center holds now (empty: no document), to {@link #restore} afterwards. */
    static Optional<String> stored() {
        return SuiteRules.center().read(KEY);
    }

    /** Writes {@code document} straight to the config center (as operators' tools do) and waits until it is in force. */
    static void apply(String document) throws Exception {
        JsonNode wanted = JSON.readTree(document);
        SuiteRules.center().publish(KEY, document);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> inForce().equals(wanted));
    }

    /** Puts back the document {@link #stored} read (or none) and waits until {@code applied} is no longer in force. */
    static void restore(Optional<String> previous, String applied) throws Exception {
        if (previous.isPresent()) {
            SuiteRules.center().publish(KEY, previous.get());
        } else {
            SuiteRules.center().remove(KEY);
        }
        if (applied != null) {
            JsonNode mine = JSON.readTree(applied);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> !inForce().equals(mine));
        }
    }

    /** The document pay-core has in force, as the ops API shows it (a JSON null when there is none). */
    static JsonNode inForce() throws Exception {
        HttpResponse<String> rules = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/risk/rules", null);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        return JSON.readTree(rules.body()).path("document");
    }

    /** The logged decisions of one trade, newest first, as the ops API lists them. */
    static JsonNode decisionsOf(String tradeNo) throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/risk/decisions?trade_no=" + tradeNo, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("data");
    }
}
