package io.paysuite.pay.risk;

import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What the rules look at for one payment attempt. {@code cardFingerprint} is the first 16 hex digits of
 * the SHA-256 of a bound card's token (BANK_CARD only): stable per card, and the token itself is never
 * stored or logged. {@code buyerId} is null for payment codes: their buyer is the channel's, and a
 * pseudo-buyer shared by every till would make buyer rules count everyone together.
 */
public record RiskInput(String tradeNo, String requestNo, String buyerId, String merchantId, PayMethod method,
                        long amountMinor, String currency, String cardFingerprint, String deviceId, String clientIp,
                        Instant at) {

    public static RiskInput of(PayCmd cmd, TradeDTO trade, Instant at) {
        var context = cmd.riskContext();
        return new RiskInput(trade.tradeNo(), cmd.requestNo(), cmd.method().paymentCode() ? null : cmd.buyerId(),
                trade.merchantId(), cmd.method(), trade.amount().minor(), trade.amount().currency(),
                cmd.method() == PayMethod.BANK_CARD ? fingerprint(cmd.authCode()) : null,
                blankToNull(context.deviceId()), blankToNull(context.clientIp()), at);
    }

    static String fingerprint(String cardToken) {
        if (cardToken == null || cardToken.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cardToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every JDK has SHA-256
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
