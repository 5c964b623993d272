package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against {@link FakeUnionPay}: what it sends, and how every kind of answer (or none) becomes a ChannelCall. */
class UnionPayCardAdapterTest {

    static final String NO = "C20261129000000000000000001";
    /** 14:33:44 UTC is 22:33:44 in Beijing. */
    static final Instant CREATED = Instant.parse("2026-11-29T14:33:44.123Z");

    FakeUnionPay unionPay;
    UnionPayCardAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        unionPay = new FakeUnionPay();
        adapter = new UnionPayCardAdapter(new AcpClient(properties(unionPay.url())));
    }

    @AfterEach
    void stop() {
        unionPay.close();
    }

    static UnionPayProperties properties(String url) {
        return new UnionPayProperties(url, "777290058110048", FakeUnionPay.pem("PRIVATE KEY", FakeUnionPay.MERCHANT.getPrivate()),
                "68759529225", FakeUnionPay.pem("PUBLIC KEY", FakeUnionPay.PLATFORM.getPublic()), FakeUnionPay.PLATFORM_CERT_ID,
                "http://127.0.0.1:8083/channels/unionpay/notify", "62000000001", Duration.ofMillis(500), Duration.ofMillis(300), null);
    }

    static ChannelOrder order() {
        return new ChannelOrder(NO, "P20261129000000000000000001", "T20261129000000000000000001", "M100001", ChannelCode.UNIONPAY,
                PayMethod.BANK_CARD, Money.cny(1234), "card payment", ChannelOrderStatus.CREATED, null, null, null, null,
                CREATED.plusSeconds(900), CREATED, null);
    }

    @Test
    void aConsumeIsSignedWithOurKeyKeyedByOrderNumberAndBeijingTimeAndAcceptedIsPending() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "respMsg", "成功[0000000]", "orderId", NO)));
        ChannelCall call = adapter.pay(order(), "6200000000010000");
        assertThat(call.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(call.rawCode()).isEqualTo("00");

        FakeUnionPay.Received sent = unionPay.received.get(0);
        assertThat(sent.path()).isEqualTo("/gateway/api/backTransReq.do");
        assertThat(AcpSigner.verify(sent.form(), FakeUnionPay.MERCHANT.getPublic())).as("signed with the merchant key").isTrue();
        assertThat(sent.form()).containsEntry("version", "5.1.0").containsEntry("encoding", "UTF-8").containsEntry("signMethod", "01")
                .containsEntry("certId", "68759529225").containsEntry("txnType", "01").containsEntry("txnSubType", "01")
                .containsEntry("bizType", "000902").containsEntry("accessType", "0").containsEntry("channelType", "07")
                .containsEntry("merId", "777290058110048").containsEntry("orderId", NO).containsEntry("txnTime", "20261129223344")
                .containsEntry("txnAmt", "1234").containsEntry("currencyCode", "156")
                .containsEntry("backUrl", "http://127.0.0.1:8083/channels/unionpay/notify")
                .containsEntry("tokenPayData", "{token=6200000000010000&trId=62000000001}");
    }

    @Test
    void aDefiniteRefusalFailsAndABadTokenIsNeverSent() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "64", "respMsg", "卡上的余额不足")));
        ChannelCall refused = adapter.pay(order(), "6200000000011111");
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(refused.rawCode()).isEqualTo("64");

        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "12", "respMsg", "重复交易")));
        assertThat(adapter.pay(order(), "6200000000010000").outcome()).as("duplicate: the query decides").isEqualTo(Outcome.UNKNOWN);

        int before = unionPay.received.size();
        ChannelCall bad = adapter.pay(order(), "62&token=1}");
        assertThat(bad.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(bad.rawCode()).isEqualTo("INVALID_TOKEN");
        assertThat(unionPay.received).hasSize(before);
    }

    @Test
    void aQueryAsksByTheSameOrderIdAndTxnTimeAndReadsOrigRespCode() {
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "origRespCode", "00", "origRespMsg", "成功[0000000]",
                "queryId", "202611292233440000001", "txnAmt", "1234")));
        ChannelCall paid = adapter.query(order());
        assertThat(paid.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(paid.channelTradeNo()).isEqualTo("202611292233440000001");
        assertThat(paid.paidMinor()).isEqualTo(1234L);
        FakeUnionPay.Received sent = unionPay.received.get(0);
        assertThat(sent.path()).isEqualTo("/gateway/api/queryTrans.do");
        assertThat(sent.form()).containsEntry("txnType", "00").containsEntry("orderId", NO).containsEntry("txnTime", "20261129223344")
                .doesNotContainKey("tokenPayData");
        assertThat(AcpSigner.verify(sent.form(), FakeUnionPay.MERCHANT.getPublic())).isTrue();

        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "origRespCode", "05", "queryId", "202611292233440000001")));
        assertThat(adapter.query(order()).outcome()).isEqualTo(Outcome.PENDING);
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "00", "origRespCode", "64", "queryId", "202611292233440000001")));
        ChannelCall declined = adapter.query(order());
        assertThat(declined.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(declined.rawCode()).isEqualTo("64");
        assertThat(declined.paidMinor()).isNull();
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "34", "respMsg", "查无此交易")));
        assertThat(adapter.query(order()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        unionPay.answer(form -> FakeUnionPay.signed(Map.of("respCode", "03")));
        assertThat(adapter.query(order()).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anAnswerNotSignedByUnionPayIsUnknownSignature() {
        unionPay.answer(form -> FakeUnionPay.signedBy(Map.of("respCode", "00", "origRespCode", "00"), FakeUnionPay.STRANGER.getPrivate(),
                FakeUnionPay.PLATFORM_CERT_ID));
        ChannelCall forged = adapter.query(order());
        assertThat(forged.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(forged.rawCode()).isEqualTo("SIGNATURE");

        unionPay.answer(form -> FakeUnionPay.signedBy(Map.of("respCode", "64"), FakeUnionPay.PLATFORM.getPrivate(), "1"));
        assertThat(adapter.pay(order(), "6200000000011111").rawCode()).as("another certId").isEqualTo("SIGNATURE");

        unionPay.answer(form -> new FakeUnionPay.Reply(200, "respCode=64&respMsg=x", Duration.ZERO));
        ChannelCall unsigned = adapter.pay(order(), "6200000000011111");
        assertThat(unsigned.outcome()).as("an unsigned refusal proves nothing").isEqualTo(Outcome.UNKNOWN);
        assertThat(unsigned.rawCode()).isEqualTo("SIGNATURE");
    }

    @Test
    void noAnswerInTimeIsUnknownIoAndAnHttpErrorIsUnknownToo() {
        unionPay.answer(form -> new FakeUnionPay.Reply(200, "respCode=00", Duration.ofMillis(1500)));
        ChannelCall late = adapter.pay(order(), "6200000000010000");
        assertThat(late.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(late.rawCode()).isEqualTo("IO");
        assertThat(unionPay.received).as("no retry").hasSize(1);

        unionPay.answer(form -> new FakeUnionPay.Reply(502, "bad gateway", Duration.ZERO));
        ChannelCall http = adapter.query(order());
        assertThat(http.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(http.rawCode()).isEqualTo("HTTP_502");

        UnionPayCardAdapter nowhere = new UnionPayCardAdapter(new AcpClient(properties("http://127.0.0.1:1")));
        assertThat(nowhere.query(order()).rawCode()).isEqualTo("IO");
    }

    @Test
    void anUnsettledConsumeCannotBeClosed() {
        ChannelCall close = adapter.close(order());
        assertThat(close.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(close.rawCode()).isEqualTo("NO_CANCEL");
        assertThat(unionPay.received).isEmpty();
        assertThat(adapter.channel()).isEqualTo(ChannelCode.UNIONPAY);
        assertThat(adapter.method()).isEqualTo(PayMethod.BANK_CARD);
    }

    @Test
    void theAnswerFormKeepsPlusSignsAndBracedValues() {
        assertThat(AcpClient.parseAnswer("respCode=00&signature=ab+c/d==&tokenPayData={token=1&trId=2}&x="))
                .containsEntry("respCode", "00").containsEntry("signature", "ab+c/d==")
                .containsEntry("tokenPayData", "{token=1&trId=2}").containsEntry("x", "");
    }
}
