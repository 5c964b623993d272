package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.channel.adapter.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnionPayCodesTest {

    static final List<String> DECLINED = List.of("01", "30", "31", "32", "33", "38", "39", "40", "60", "61", "62", "63", "64", "65",
            "66", "67");

    @Test
    void aConsumeIsOnlyAcceptedByItsAnswerAndFailsOnlyOnADefiniteRefusal() {
        assertThat(UnionPayCodes.ofConsume("00")).as("accepted, not paid").isEqualTo(Outcome.PENDING);
        for (String later : List.of("03", "04", "05")) {
            assertThat(UnionPayCodes.ofConsume(later)).as(later).isEqualTo(Outcome.UNKNOWN);
        }
        for (String refused : DECLINED) {
            assertThat(UnionPayCodes.ofConsume(refused)).as(refused).isEqualTo(Outcome.FAILURE);
        }
        for (String refused : List.of("10", "11", "13")) {
            assertThat(UnionPayCodes.ofConsume(refused)).as(refused).isEqualTo(Outcome.FAILURE);
        }
        for (String unsure : List.of("02", "06", "12", "14", "34", "35", "36", "37", "41", "42", "99", "", "XX")) {
            assertThat(UnionPayCodes.ofConsume(unsure)).as(unsure).isEqualTo(Outcome.UNKNOWN);
        }
        assertThat(UnionPayCodes.ofConsume(null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aQueryReadsTheTransactionsOwnResult() {
        assertThat(UnionPayCodes.ofQuery("00", "00")).isEqualTo(Outcome.SUCCESS);
        for (String processing : List.of("03", "04", "05")) {
            assertThat(UnionPayCodes.ofQuery("00", processing)).as(processing).isEqualTo(Outcome.PENDING);
        }
        for (String declined : DECLINED) {
            assertThat(UnionPayCodes.ofQuery("00", declined)).as(declined).isEqualTo(Outcome.FAILURE);
        }
        assertThat(UnionPayCodes.ofQuery("00", "42")).as("debited, but late: never a failure").isEqualTo(Outcome.UNKNOWN);
        assertThat(UnionPayCodes.ofQuery("00", "99")).isEqualTo(Outcome.UNKNOWN);
        assertThat(UnionPayCodes.ofQuery("00", null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(UnionPayCodes.ofQuery("34", null)).isEqualTo(Outcome.NOT_FOUND);
        for (String queryFailed : List.of("03", "04", "05", "10", "11", "37", "99")) {
            assertThat(UnionPayCodes.ofQuery(queryFailed, null)).as(queryFailed).isEqualTo(Outcome.UNKNOWN);
            assertThat(UnionPayCodes.ofQuery(queryFailed, "00")).as("the query itself failed: its origRespCode means nothing")
                    .isEqualTo(Outcome.UNKNOWN);
        }
        assertThat(UnionPayCodes.ofQuery(null, null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aNotificationIsDefiniteOnlyForSuccessAndDeclines() {
        assertThat(UnionPayCodes.ofNotification("00")).isEqualTo(Outcome.SUCCESS);
        for (String declined : DECLINED) {
            assertThat(UnionPayCodes.ofNotification(declined)).as(declined).isEqualTo(Outcome.FAILURE);
        }
        for (String other : List.of("03", "04", "05", "42", "99")) {
            assertThat(UnionPayCodes.ofNotification(other)).as(other).isEqualTo(Outcome.UNKNOWN);
        }
        assertThat(UnionPayCodes.ofNotification(null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void onlyTheAcquirersOwnRefusalsMayBeRerouted() {
        for (String acquirer : new String[] {"10", "11", "13", "31", "32", "33", "39"}) {
            assertThat(UnionPayCodes.refusedByAcquirer(acquirer)).as(acquirer).isTrue();
            assertThat(UnionPayCodes.ofConsume(acquirer)).as(acquirer + " is a definite refusal").isEqualTo(Outcome.FAILURE);
        }
        for (String card : new String[] {"01", "30", "38", "40", "60", "61", "64", "67", "00", "03", "05", "12", "99"}) {
            assertThat(UnionPayCodes.refusedByAcquirer(card)).as(card + ": the card's refusal or no refusal at all").isFalse();
        }
        assertThat(UnionPayCodes.refusedByAcquirer(null)).isFalse();
    }
}
