package io.paysuite.cashier.ops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RoutingRuleDocumentTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aWellFormedDocumentHasNoProblems() {
        RoutingRuleDocument doc = RoutingRuleDocument.read("""
                [{"channel":"ALIPAY","method":"ALIPAY_QR","enabled":true,"currencies":["CNY"],"min_minor":1,"max_minor":5000000,
                  "merchants_deny":["M100000009"],"window_from":"00:00","window_to":"23:59","fee_bps":38,"fee_fixed_minor":0,
                  "gray_percent":100},
                 {"channel":"WECHAT","method":"WECHAT_QR","gray_percent":30}]""", json);

        assertThat(doc.problems()).isEmpty();
    }

    @Test
    void typosOutOfRangeValuesAndDuplicatesAreRefusedOneMessageEach() {
        RoutingRuleDocument doc = RoutingRuleDocument.read("""
                [{"channel":"ALIPAY","method":"ALIPAY_QR","grey_percent":50},
                 {"channel":"ALIPAY","method":"ALIPAY_QR","gray_percent":101},
                 {"channel":"PAYPAL","method":"WECHAT_QR","fee_bps":-1,"min_minor":10,"max_minor":5},
                 {"channel":"WECHAT","method":"WECHAT_QR","window_from":"25:00","enabled":"yes","currencies":["cny"]}]""", json);

        assertThat(doc.problems()).containsExactly(
                "rule 1: unknown field grey_percent",
                "rule 2: a second rule for ALIPAY ALIPAY_QR",
                "rule 2: gray_percent must be a whole number from 0 to 100",
                "rule 3: channel must be one of [WECHAT, ALIPAY, UNIONPAY, UNIONPAY_B]",
                "rule 3: fee_bps must be a whole number from 0 to 10000",
                "rule 3: min_minor is above max_minor",
                "rule 4: enabled must be true or false",
                "rule 4: window_from must be HH:mm",
                "rule 4: window_from and window_to go together",
                "rule 4: currencies has an invalid entry \"cny\"");
    }

    @Test
    void aMethodTheChannelDoesNotServeIsRefusedAsTheGatewayWouldRefuseIt() {
        RoutingRuleDocument doc = RoutingRuleDocument.read("[{\"channel\":\"ALIPAY\",\"method\":\"BANK_CARD\"}]", json);

        assertThat(doc.problems()).containsExactly("rule 1: ALIPAY does not serve BANK_CARD");
    }

    @Test
    void theDiffShowsEachChangedFieldAndEachRuleAddedOrRemoved() {
        RoutingRuleDocument before = RoutingRuleDocument.read("""
                [{"channel":"ALIPAY","method":"ALIPAY_QR","gray_percent":100,"fee_bps":38},
                 {"channel":"UNIONPAY","method":"BANK_CARD"}]""", json);
        RoutingRuleDocument after = RoutingRuleDocument.read("""
                [{"channel":"ALIPAY","method":"ALIPAY_QR","gray_percent":40,"fee_bps":38},
                 {"channel":"WECHAT","method":"WECHAT_QR","gray_percent":60}]""", json);

        assertThat(before.changesTo(after)).extracting(c -> c.rule() + " " + c.field() + " " + c.before() + " -> " + c.after())
                .containsExactly(
                        "ALIPAY/ALIPAY_QR gray_percent 100 -> 40",
                        "UNIONPAY/BANK_CARD * {\"channel\":\"UNIONPAY\",\"method\":\"BANK_CARD\"} -> null",
                        "WECHAT/WECHAT_QR * null -> {\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"gray_percent\":60}");
    }

    @Test
    void anAbsentNodeReadsAsNoRules() {
        assertThat(RoutingRuleDocument.read(null, json).rules()).isEmpty();
        assertThat(RoutingRuleDocument.read(" ", json).changesTo(RoutingRuleDocument.read("[]", json))).isEmpty();
    }
}
