package io.paysuite.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.request.AlipayFundTransCommonQueryRequest;
import com.alipay.api.request.AlipayFundTransUniTransferRequest;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.payout.Payout;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every Alipay transfer and transfer-query answer, and what it means for a payout. */
class AlipayPayoutsTest {

    static final Payout PAYOUT = new Payout("PO20261206000001", PayoutPurpose.WITHDRAWAL, "B1", Money.cny(12_345),
            "6222020200001234", "张三", "withdrawal", PayoutStatus.PROCESSING, null, null, Instant.parse("2026-12-06T14:00:00Z"), null);

    @Test
    void aTransferAnsweredSuccessIsPaid() {
        ChannelCall call = AlipayPayouts.transferAnswer("10000", null, "Success", null, "SUCCESS", "20261206110070000006");
        assertThat(call.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(call.rawCode()).isEqualTo("SUCCESS");
        assertThat(call.channelTradeNo()).isEqualTo("20261206110070000006");
    }

    @Test
    void aTransferAnsweredDealingIsPendingAndKeepsAlipaysOrderNumber() {
        ChannelCall call = AlipayPayouts.transferAnswer("10000", null, "Success", null, "DEALING", "2026120611");
        assertThat(call.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(call.channelTradeNo()).isEqualTo("2026120611");
    }

    @Test
    void aTransferAnsweredFailIsAFailure() {
        assertThat(AlipayPayouts.transferAnswer("10000", null, "Success", null, "FAIL", "1").outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void aBadCardOrAnEmptyPlatformAccountIsADefiniteRefusal() {
        ChannelCall card = AlipayPayouts.transferAnswer("40004", "PAYEE_CARD_INFO_ERROR", "Business Failed", "收款方卡信息有误", null, null);
        ChannelCall balance = AlipayPayouts.transferAnswer("40004", "PAYER_BALANCE_NOT_ENOUGH", "Business Failed", "余额不足", null, null);
        assertThat(card.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(card.rawCode()).isEqualTo("PAYEE_CARD_INFO_ERROR");
        assertThat(balance.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(balance.rawCode()).isEqualTo("PAYER_BALANCE_NOT_ENOUGH");
    }

    @Test
    void aSystemErrorABusyGatewayOrAnUnknownCodeIsNeverAFailure() {
        assertThat(AlipayPayouts.transferAnswer("40004", "SYSTEM_ERROR", "Business Failed", "系统繁忙", null, null).outcome())
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayPayouts.transferAnswer("20000", "isp.unknow-error", "Service Currently Unavailable", null, null, null).outcome())
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayPayouts.transferAnswer("40004", "SOMETHING_NEW", "Business Failed", null, null, null).outcome())
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayPayouts.transferAnswer("10000", null, "Success", null, "SOMETHING_NEW", null).outcome())
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void theSameNumberWithOtherContentLeavesTheFirstTransferToTheQuery() {
        assertThat(AlipayPayouts.transferAnswer("40004", "PAYMENT_INFO_INCONSISTENCY", "Business Failed", null, null, null).outcome())
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void theQueryAnswersEveryStatusAndNotFound() {
        assertThat(query("10000", null, "SUCCESS", null).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(query("10000", null, "DEALING", null).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(query("10000", null, "WAIT_PAY", null).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(query("10000", null, "REFUND", null).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(query("10000", null, "CLOSED", null).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(query("40004", "ORDER_NOT_EXIST", null, null).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(query("40004", "SYSTEM_ERROR", null, null).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(query("20000", null, null, null).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aFailedTransferFoundByTheQueryCarriesTheBanksReason() {
        ChannelCall call = query("10000", null, "FAIL", "PAYEE_ACCOUNT_NOT_EXSIT");
        assertThat(call.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(call.rawCode()).isEqualTo("PAYEE_ACCOUNT_NOT_EXSIT");
    }

    @Test
    void aTimeoutOrABadSignatureIsUnknown() throws AlipayApiException {
        AlipayClient client = mock(AlipayClient.class);
        when(client.execute(any(AlipayFundTransUniTransferRequest.class))).thenThrow(new AlipayApiException("Read timed out"));
        when(client.execute(any(AlipayFundTransCommonQueryRequest.class))).thenThrow(new AlipayApiException("sign check fail: check Sign and Data Fail"));
        AlipayPayouts payouts = new AlipayPayouts(client);

        assertThat(payouts.transfer(PAYOUT).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(payouts.transfer(PAYOUT).rawCode()).isEqualTo("IO");
        assertThat(payouts.query(PAYOUT).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(payouts.query(PAYOUT).rawCode()).isEqualTo("SIGNATURE");
    }

    @Test
    void theTransferIsABankCardTransferUnderOurPayoutNumberInYuan() {
        var model = AlipayPayouts.transferModel(PAYOUT);
        assertThat(model.getOutBizNo()).isEqualTo("PO20261206000001");
        assertThat(model.getTransAmount()).isEqualTo("123.45");
        assertThat(model.getProductCode()).isEqualTo("TRANS_BANKCARD_NO_PWD");
        assertThat(model.getBizScene()).isEqualTo("DIRECT_TRANSFER");
        assertThat(model.getPayeeInfo().getIdentityType()).isEqualTo("BANKCARD_ACCOUNT");
        assertThat(model.getPayeeInfo().getIdentity()).isEqualTo("6222020200001234");
        assertThat(model.getPayeeInfo().getBankcardExtInfo().getAccountType()).isEqualTo("2");
    }

    @Test
    void theBanksReasonIsReadFromTheAnswersBodyWhereTheSdkCannotReachIt() {
        String body = "{\"alipay_fund_trans_common_query_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"status\":\"FAIL\","
                + "\"error_code\":\"PAYEE_ACCOUNT_NOT_EXSIT\",\"fail_reason\":\"收款账户不存在\"},\"sign\":\"x\"}";
        assertThat(AlipayPayouts.errorCodeOf(body)).isEqualTo("PAYEE_ACCOUNT_NOT_EXSIT");
        assertThat(AlipayPayouts.errorCodeOf("{}")).isNull();
        assertThat(AlipayPayouts.errorCodeOf("not json")).isNull();
    }

    private static ChannelCall query(String code, String subCode, String status, String errorCode) {
        return AlipayPayouts.queryAnswer(code, subCode, "msg", null, status, errorCode, null, "2026120611");
    }
}
