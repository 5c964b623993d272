package io.paysuite.cashier.ops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.config.ConfigCenter;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayRoutingRulesTest {

    static final String KEY = "channel-gateway/routing-rules";
    static final String GOOD = "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":30,\"note\":\"unknown fields are ignored\"}]";

    final LocalConfigCenter center = new LocalConfigCenter();
    final GatewayRoutingRules rules = new GatewayRoutingRules(new RulesProperties(KEY), new RuleSources(center));

    @AfterEach
    void stop() {
        rules.stop();
    }

    @Test
    void aDocumentTheGatewayRefusesIsShownBesideTheLastGoodOneWhichStaysInForce() {
        center.publish(KEY, GOOD);
        rules.start();

        center.publish(KEY, "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":120}]");

        assertThat(rules.state().inForce()).isEqualTo(GOOD);
        assertThat(rules.state().refused().reason()).isEqualTo("rule #0 has gray_percent 120, not 0..100");
    }

    @Test
    void aRefusedDocumentAtStartLeavesTheDefaultsInForceAndEachLaterRefusalIsShown() {
        center.publish(KEY, "{\"channel\":\"WECHAT\"}");
        rules.start();
        assertThat(rules.state().inForce()).as("the last document at start was refused: the defaults").isNull();
        assertThat(rules.state().refused().text()).isEqualTo("{\"channel\":\"WECHAT\"}");
        for (String refused : new String[] {
                "[{\"channel\":\"ALIPAY\",\"method\":\"BANK_CARD\"}]",
                "[{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"fee_bps\":-1}]",
                "[{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"currencies\":[\"cny\"]}]"}) {
            center.publish(KEY, refused);
            assertThat(rules.state().refused().text()).as(refused).isEqualTo(refused);
        }
        assertThat(rules.state().refused().reason()).isEqualTo("rule #0 has a currency that is not an ISO 4217 code");
    }

    @Test
    void theVersionIsTheStoredDocumentsOnceJudgedAndNotAppliedYetBefore() {
        center.publish(KEY, GOOD);
        rules.start();
        ConfigCenter.Versioned stored = center.readVersioned(KEY);

        RulesInForce shown = RulesInForce.of(rules.state(), new RuleDocumentSource.Versioned(stored.text(), stored.version()));
        assertThat(shown.text()).isEqualTo(GOOD);
        assertThat(shown.version()).isEqualTo(stored.version());
        assertThat(shown.refused()).isNull();

        RulesInForce ahead = RulesInForce.of(rules.state(), new RuleDocumentSource.Versioned("[]", "7"));
        assertThat(ahead.version()).as("a document this instance has not heard of yet").isEqualTo(RulesInForce.NOT_APPLIED_YET);

        center.publish(KEY, "not json");
        ConfigCenter.Versioned refused = center.readVersioned(KEY);
        RulesInForce overRefused = RulesInForce.of(rules.state(), new RuleDocumentSource.Versioned(refused.text(), refused.version()));
        assertThat(overRefused.text()).isEqualTo(GOOD);
        assertThat(overRefused.version()).as("an edit of the rules in force replaces the refused one").isEqualTo(refused.version());
        assertThat(overRefused.refusedView(new io.paysuite.cashier.api.Times(java.time.ZoneOffset.UTC)).document()).isEqualTo("not json");
        assertThat(overRefused.refused().at()).isBeforeOrEqualTo(Instant.now());
    }
}
