package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.InMemoryCompletions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Card pre-authorisation in ACP's messages against {@link FakeUnionPay}: pre-auth, completion, cancel, their queries, and the
 * refund of a captured one.
 */
class UnionPayPreAuthTest {

    static final String QUERY_ID = "202611292233440000001";
    static final String TRADE = "T20261129000000000000000001";
    /** 15:00:00 UTC is 23:00:00 in Beijing. */
    static final Instant CAPTURED_AT = Instant.parse("2026-11-29T15:00:00Z");

    static final String COMPLETION_QUERY_ID = "202611292300000000002";

    FakeUnionPay unionPay;
    UnionPayCardAdapter adapter;
    final InMemoryCompletions completions = new InMemoryCompletions();
    UnionPayRefundAdapter refunds;

    @BeforeEach
    void start() throws Exception {
        unionPay = new FakeUnionPay();
        AcpClient client = new AcpClient(UnionPayCardAdapterTest.properties(unionPay.url()));
        adapter = new UnionPayCardAdapter(client);
        refunds = new UnionPayRefundAdapter(client, completions);
    }

    @AfterEach
    void stop() {
        unionPay.close();
    }

    static ChannelOrder authorised() {
        return new ChannelOrder(UnionPayCardAdapterTest.NO, "P20261129000000000000000001", TRADE, "M100001", ChannelCode.UNIONPAY,
                PayMethod.BANK_CARD, Money.cny(10_000), "hotel", ChannelOrderStatus.SUCCESS, null, QUERY_ID, "00", "QUERY",
                UnionPayCardAdapterTest.CREATED.plusSeconds(900), UnionPayCardAdapterTest.CREATED, UnionPayCardAdapterTest.CREATED,
                0, null, true);
    }

    @Test
    void aPreAuthIsTheConsumesMessageWithTxnType02AndAcceptedIsPending() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "respMsg", "成功[0000000]")));
        ChannelCall call = adapter.authorise(authorised(), "6200000000010000");
        assertThat(call.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(unionPay.received.get(0).form()).containsEntry("txnType", "02").containsEntry("txnSubType", "01")
                .containsEntry("bizType", "000902").containsEntry("txnAmt", "10000").containsEntry("orderId", UnionPayCardAdapterTest.NO)
                .containsEntry("tokenPayData", "{token=6200000000010000&trId=62000000001}");
    }

    @Test
    void aCompletionNamesThePreAuthByItsQueryIdAndTakesTheCapturedPartUnderItsOwnNumberAndTime() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "respMsg", "成功[0000000]")));
        ChannelCall call = adapter.end(authorised(), new AuthorisingAdapter.End("K" + TRADE.substring(1), CAPTURED_AT, 6_000));
        assertThat(call.outcome()).isEqualTo(Outcome.PENDING);
        FakeUnionPay.Received sent = unionPay.received.get(0);
        assertThat(AcpSigner.verify(sent.form(), FakeUnionPay.MERCHANT.getPublic())).isTrue();
        assertThat(sent.form()).containsEntry("txnType", "03").containsEntry("txnSubType", "00").containsEntry("origQryId", QUERY_ID)
                .containsEntry("txnAmt", "6000").containsEntry("orderId", "K" + TRADE.substring(1))
                .containsEntry("txnTime", "20261129230000").doesNotContainKey("tokenPayData");
    }

    @Test
    void aCancelReleasesTheWholeAuthorisedAmount() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "respMsg", "成功[0000000]")));
        adapter.end(authorised(), new AuthorisingAdapter.End("X" + TRADE.substring(1), CAPTURED_AT, 0));
        assertThat(unionPay.received.get(0).form()).containsEntry("txnType", "32").containsEntry("txnAmt", "10000")
                .containsEntry("origQryId", QUERY_ID);
    }

    @Test
    void anEndThePreAuthNoLongerAllowsIsRefusedATimeoutIsUnknownAndTheQueryReadsItsOwnTransaction() {
        AuthorisingAdapter.End completion = new AuthorisingAdapter.End("K" + TRADE.substring(1), CAPTURED_AT, 6_000);
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "35", "respMsg", "原交易不存在或状态不正确")));
        assertThat(adapter.end(authorised(), completion).outcome()).isEqualTo(Outcome.FAILURE);
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "03", "respMsg", "交易通讯超时，请发起查询")));
        assertThat(adapter.end(authorised(), completion).outcome()).as("uncertain is not failed").isEqualTo(Outcome.UNKNOWN);

        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "34", "respMsg", "查无此交易")));
        assertThat(adapter.queryEnd(authorised(), completion).outcome()).isEqualTo(Outcome.NOT_FOUND);
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "origRespCode", "00", "queryId", "202611292300000000002",
                "txnAmt", "6000", "currencyCode", "156")));
        assertThat(adapter.queryEnd(authorised(), completion).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(unionPay.received.get(unionPay.received.size() - 1).form()).containsEntry("txnType", "00")
                .containsEntry("orderId", "K" + TRADE.substring(1)).containsEntry("txnTime", "20261129230000");
    }

    @Test
    void aRefundOfACapturedPreAuthNamesTheCompletionNotThePreAuth() {
        completions.record(new Completion("K" + TRADE.substring(1), UnionPayCardAdapterTest.NO, "P20261129000000000000000001", TRADE,
                "M100001", ChannelCode.UNIONPAY, PayMethod.BANK_CARD, Money.cny(6_000), COMPLETION_QUERY_ID, CAPTURED_AT,
                CAPTURED_AT.plusSeconds(5)));
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "respMsg", "成功[0000000]")));

        ChannelCall call = refunds.refund(authorised(), "R2026112915414605000000755", 2_500, "damaged");

        assertThat(call.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(unionPay.received.get(0).form()).containsEntry("txnType", "04").containsEntry("origQryId", COMPLETION_QUERY_ID)
                .containsEntry("txnAmt", "2500").containsEntry("orderId", "R2026112915414605000000755");
    }

    @Test
    void aRefundOfAPreAuthWhoseCompletionIsNotConfirmedYetSendsNothingAndIsUnknown() {
        ChannelCall call = refunds.refund(authorised(), "R2026112915414605000000755", 2_500, "damaged");

        assertThat(call.outcome()).as("uncertain is not failed: the next attempt sends it").isEqualTo(Outcome.UNKNOWN);
        assertThat(unionPay.received).isEmpty();
    }
}
