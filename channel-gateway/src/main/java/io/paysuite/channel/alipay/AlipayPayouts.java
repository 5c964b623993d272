package io.paysuite.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayFundTransCommonQueryModel;
import com.alipay.api.domain.AlipayFundTransUniTransferModel;
import com.alipay.api.domain.BankcardExtInfo;
import com.alipay.api.domain.Participant;
import com.alipay.api.request.AlipayFundTransCommonQueryRequest;
import com.alipay.api.request.AlipayFundTransUniTransferRequest;
import com.alipay.api.response.AlipayFundTransCommonQueryResponse;
import com.alipay.api.response.AlipayFundTransUniTransferResponse;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Payouts through Alipay's transfer to a bank card ({@code alipay.fund.trans.uni.transfer}, product
 * {@code TRANS_BANKCARD_NO_PWD}, scene {@code DIRECT_TRANSFER}) and its query
 * ({@code alipay.fund.trans.common.query}), with the official SDK client the gateway already uses for
 * Alipay ({@code AlipayClientConfig}): one configuration, one set of keys. Our payout number is
 * {@code out_biz_no}, on which Alipay deduplicates: a repeat answers the first transfer. The SDK
 * verifies every answer's signature; a failed check, an I/O error or a timeout is {@code UNKNOWN}.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayPayouts implements PayoutChannel {

    private static final Logger log = LoggerFactory.getLogger(AlipayPayouts.class);
    static final String PRODUCT = "TRANS_BANKCARD_NO_PWD";
    static final String SCENE = "DIRECT_TRANSFER";
    private static final String QUERY_ROOT = "alipay_fund_trans_common_query_response";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlipayClient client;

    public AlipayPayouts(AlipayClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "ALIPAY";
    }

    @Override
    public ChannelCall transfer(Payout payout) {
        AlipayFundTransUniTransferRequest request = new AlipayFundTransUniTransferRequest();
        request.setBizModel(transferModel(payout));
        try {
            AlipayFundTransUniTransferResponse response = client.execute(request);
            return transferAnswer(response.getCode(), response.getSubCode(), response.getMsg(), response.getSubMsg(),
                    response.getStatus(), response.getOrderId());
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("transfer", payout, e);
        }
    }

    @Override
    public ChannelCall query(Payout payout) {
        AlipayFundTransCommonQueryModel model = new AlipayFundTransCommonQueryModel();
        model.setProductCode(PRODUCT);
        model.setBizScene(SCENE);
        model.setOutBizNo(payout.payoutNo());
        AlipayFundTransCommonQueryRequest request = new AlipayFundTransCommonQueryRequest();
        request.setBizModel(model);
        try {
            AlipayFundTransCommonQueryResponse response = client.execute(request);
            return queryAnswer(response.getCode(), response.getSubCode(), response.getMsg(), response.getSubMsg(),
                    response.getStatus(), errorCodeOf(response.getBody()), response.getFailReason(), response.getOrderId());
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("query", payout, e);
        }
    }

    static AlipayFundTransUniTransferModel transferModel(Payout payout) {
        BankcardExtInfo card = new BankcardExtInfo();
        // 2: a private person's card (a buyer's withdrawal), 1: a company account (a merchant's settlement)
        card.setAccountType(payout.purpose() == PayoutPurpose.WITHDRAWAL ? "2" : "1");
        Participant payee = new Participant();
        payee.setIdentityType("BANKCARD_ACCOUNT");
        payee.setIdentity(payout.bankAccountNo());
        payee.setName(payout.accountName());
        payee.setBankcardExtInfo(card);
        AlipayFundTransUniTransferModel model = new AlipayFundTransUniTransferModel();
        model.setOutBizNo(payout.payoutNo());
        model.setTransAmount(AlipayAmounts.yuan(payout.amount().minor()));
        model.setProductCode(PRODUCT);
        model.setBizScene(SCENE);
        model.setOrderTitle(payout.purpose() == PayoutPurpose.SETTLEMENT ? "结算" : "提现");
        model.setPayeeInfo(payee);
        model.setRemark(payout.remark());
        return model;
    }

    static ChannelCall transferAnswer(String code, String subCode, String msg, String subMsg, String status, String orderId) {
        Outcome outcome = AlipayPayoutCodes.ofTransfer(code, subCode, status);
        String raw = AlipayPayoutCodes.OK.equals(code) ? status : AlipayTrades.rawCode(code, subCode);
        return new ChannelCall(outcome, raw, AlipayTrades.message(msg, subMsg), orderId, null, null);
    }

    static ChannelCall queryAnswer(String code, String subCode, String msg, String subMsg, String status, String errorCode,
                                   String failReason, String orderId) {
        Outcome outcome = AlipayPayoutCodes.ofQuery(code, subCode, status);
        String raw;
        if (!AlipayPayoutCodes.OK.equals(code)) {
            raw = AlipayTrades.rawCode(code, subCode);
        } else if (outcome == Outcome.FAILURE && errorCode != null && !errorCode.isBlank()) {
            raw = errorCode; // why the bank refused it, e.g. the account does not exist
        } else {
            raw = status;
        }
        return new ChannelCall(outcome, raw, failReason != null ? failReason : AlipayTrades.message(msg, subMsg), orderId, null, null);
    }

    /**
     * The query's {@code error_code}, read from the answer's body: the SDK's base response declares its own
     * {@code errorCode} property (the old name of {@code code}), which shadows the query's field, so
     * {@code getErrorCode()} does not return it. Null when absent or unreadable (the status still decides).
     */
    static String errorCodeOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode field = JSON.readTree(body).path(QUERY_ROOT).path("error_code");
            return field.isTextual() ? field.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ChannelCall unknown(String operation, Payout payout, Exception e) {
        String message = String.valueOf(e.getMessage());
        String raw = message.contains("sign check fail") ? "SIGNATURE" : "IO";
        log.warn("alipay payout {} of {} outcome unknown ({}): {}", operation, payout.payoutNo(), raw, e.toString());
        return ChannelCall.unknown(raw, message);
    }
}
