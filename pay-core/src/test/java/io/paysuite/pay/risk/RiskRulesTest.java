package io.paysuite.pay.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    static final String GOOD = "{\"version\": 2, \"rules\": [{\"id\":\"s\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}";

    @Test
    void aDocumentThatIsNotJsonOrHasNoRulesArrayIsRefusedWhole() {
        assertThatThrownBy(() -> RiskRules.parse("{not json", Instant.EPOCH)).isInstanceOf(RiskRules.Invalid.class);
        assertThatThrownBy(() -> RiskRules.parse("{\"rules\": {}}", Instant.EPOCH)).isInstanceOf(RiskRules.Invalid.class);
        assertThatThrownBy(() -> RiskRules.parse("[]", Instant.EPOCH)).isInstanceOf(RiskRules.Invalid.class);
    }

    @Test
    void rulesWithoutAnIdWithARepeatedIdOrWithoutAKnownActionAreRefusedWhole() {
        assertThatThrownBy(() -> RiskRules.parse("{\"rules\": [{\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}",
                Instant.EPOCH)).hasMessageContaining("without an id");
        assertThatThrownBy(() -> RiskRules.parse("{\"rules\": [{\"id\":\"a\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5},"
                + "{\"id\":\"a\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}", Instant.EPOCH))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> RiskRules.parse("{\"rules\": [{\"id\":\"a\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"MAYBE\"}]}",
                Instant.EPOCH)).hasMessageContaining("action");
    }

    @Test
    void aRuleWithBadParametersIsKeptAsUnusableSoTheOthersStillApply() {
        RiskRules rules = RiskRules.parse("{\"rules\": [" + "{\"id\":\"s\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5},"
                + "{\"id\":\"x\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":-1},"
                + "{\"id\":\"y\",\"kind\":\"TELEPATHY\",\"action\":\"BLOCK\"},"
                + "{\"id\":\"z\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"MERCHANT\",\"window\":\"DAY\",\"max_count\":3},"
                + "{\"id\":\"off\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":1,\"enabled\":false}]}", Instant.EPOCH);

        assertThat(rules.ids()).containsExactly("s", "x", "y", "z");
        assertThat(rules.problems()).hasSize(3).anyMatch(p -> p.startsWith("x: max_amount"))
                .anyMatch(p -> p.startsWith("y: unknown kind")).anyMatch(p -> p.startsWith("z: subject"));
        assertThat(rules.rules().get(0)).isInstanceOf(RiskRule.SingleLimit.class);
    }

    @Test
    void everyKindOfTheDocumentedExampleParses() {
        RiskRules rules = RiskRules.parse("""
                {"version": 3, "rules": [
                  {"id": "card-single", "kind": "SINGLE_LIMIT", "action": "BLOCK", "methods": ["BANK_CARD"], "max_amount": 500000},
                  {"id": "buyer-day", "kind": "DAILY_LIMIT", "action": "REVIEW", "subject": "BUYER", "max_amount": 2000000},
                  {"id": "buyer-minute", "kind": "VELOCITY", "action": "BLOCK", "subject": "BUYER", "window": "MINUTE", "max_count": 5},
                  {"id": "lists", "kind": "BLACKLIST", "action": "BLOCK", "buyers": [], "listed_merchants": ["M9"], "cards": [],
                   "devices": [], "ips": []},
                  {"id": "jump", "kind": "AMOUNT_JUMP", "action": "REVIEW", "factor": 5, "min_history": 3},
                  {"id": "device-cards", "kind": "CARDS_PER_DEVICE", "action": "REVIEW", "max_cards": 3}]}
                """, Instant.EPOCH);

        assertThat(rules.problems()).isEmpty();
        assertThat(rules.version()).isEqualTo(3);
        assertThat(rules.rules()).hasSize(6);
        assertThat(((RiskRule.Blacklist) rules.rules().get(3)).merchants()).containsExactly("M9");
        assertThat(rules.rules().get(3).scope()).as("listed merchants are not the rule's scope").isEqualTo(RiskScope.ALL);
    }

    @Test
    void publishingRefusesAnyDocumentWithAProblemAndWritesAGoodOne() {
        RiskFakes.Rules source = new RiskFakes.Rules(RiskRules.NONE);
        RiskRulePublisher publisher = new RiskRulePublisher(source, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThatThrownBy(() -> publisher.publish("{\"rules\": [{\"id\":\"y\",\"kind\":\"TELEPATHY\",\"action\":\"BLOCK\"}]}", "absent", "ops"))
                .isInstanceOf(BizException.class).hasMessageContaining("y: unknown kind");
        assertThatThrownBy(() -> publisher.publish("nope", "absent", "ops")).isInstanceOf(BizException.class);
        assertThat(source.published).isEmpty();

        RiskRulePublisher.Published published = publisher.publish(GOOD, "absent", "ops");
        assertThat(published.rules().version()).isEqualTo(2);
        assertThat(published.version()).isEqualTo("1");
        assertThat(source.published).containsExactly(GOOD);
    }

    @Test
    void aSaveOverAVersionSomeoneElseHasReplacedSinceIsRefusedAndWritesNothing() {
        RiskFakes.Rules source = RiskFakes.Rules.of(GOOD);
        RiskRulePublisher publisher = new RiskRulePublisher(source, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        source.storedText = GOOD;
        source.storedVersion = "7";
        String read = publisher.editable().version();
        assertThat(read).isEqualTo("7");

        source.storedVersion = "8"; // another operator saved in between

        assertThatThrownBy(() -> publisher.publish(GOOD.replace("\"version\": 2", "\"version\": 3"), read, "ops"))
                .isInstanceOfSatisfying(BizException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_VERSION_CONFLICT));
        assertThat(source.published).isEmpty();
    }

    @Test
    void aSaveWithoutTheVersionReadIsRefused() {
        RiskFakes.Rules source = new RiskFakes.Rules(RiskRules.NONE);
        RiskRulePublisher publisher = new RiskRulePublisher(source, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThatThrownBy(() -> publisher.publish(GOOD, null, "ops"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> publisher.publish(GOOD, " ", "ops")).isInstanceOf(BizException.class);
        assertThat(source.published).isEmpty();
    }

    @Test
    void aStoredDocumentNotYetInForceHereGivesAVersionNoSaveMatches() {
        RiskFakes.Rules source = RiskFakes.Rules.of(GOOD);
        RiskRulePublisher publisher = new RiskRulePublisher(source, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        source.storedText = GOOD.replace("\"version\": 2", "\"version\": 3");
        source.storedVersion = "9";

        RiskRulePublisher.Editable editable = publisher.editable();

        assertThat(editable.rules().version()).as("the editor is shown the rules in force").isEqualTo(2);
        assertThat(editable.version()).isEqualTo(RiskRulePublisher.NOT_APPLIED_YET);
        assertThatThrownBy(() -> publisher.publish(GOOD, editable.version(), "ops"))
                .isInstanceOfSatisfying(BizException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_VERSION_CONFLICT));
    }

    @Test
    void aStoredDocumentThatWasRefusedGivesItsOwnVersionSoAnEditOfTheRulesInForceReplacesIt() {
        RiskFakes.Rules source = RiskFakes.Rules.of(GOOD);
        RiskRulePublisher publisher = new RiskRulePublisher(source, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        source.storedText = "{\"version\": 3, \"rules\": oops";
        source.storedVersion = "4";

        assertThat(publisher.editable().version()).isEqualTo("4");
        assertThat(publisher.publish(GOOD, "4", "ops").version()).isEqualTo("1");
    }
}
