package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input rules of {@code POST /api/v1/trades} (API.md). A refusal is {@code PARAM_ERROR} with a
 * message that starts with the open-API field name, and is raised before anything is written.
 *
 * <p>{@link #checkShape} holds for the request forever; {@link #checkTimeWindow} depends on the
 * clock and is checked only when a trade is really created, so a repeat of a request that was
 * valid when first sent still answers the first trade.
 */
public final class CreateTradeRules {

    static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int SUBJECT_MAX = 128;
    static final int ATTACH_MAX = 256;
    static final int URL_MAX = 256;
    static final String CURRENCY = "CNY";

    private final boolean allowHttpNotifyUrl;
    private final Duration maxExpiry;

    public CreateTradeRules(boolean allowHttpNotifyUrl, Duration maxExpiry) {
        this.allowHttpNotifyUrl = allowHttpNotifyUrl;
        this.maxExpiry = maxExpiry;
    }

    public void checkShape(CreateTradeCmd cmd) {
        require(cmd != null, "request", "is required");
        require(cmd.merchantId() != null && ID.matcher(cmd.merchantId()).matches(),
                "merchant_id", "must be 1-32 of [A-Za-z0-9_-]");
        require(cmd.outTradeNo() != null && OUT_TRADE_NO.matcher(cmd.outTradeNo()).matches(),
                "out_trade_no", "must be 6-64 of [A-Za-z0-9_-]");
        require(cmd.tradeType() != null, "trade_type", "is required (INSTANT, GUARANTEE or PREAUTH)");
        require(cmd.amount() != null, "amount", "is required");
        require(cmd.amount().isPositive(), "amount.total", "must be greater than 0");
        require(CURRENCY.equals(cmd.amount().currency()), "amount.currency", "must be CNY");
        require(cmd.subject() != null && !cmd.subject().isBlank() && codePoints(cmd.subject()) <= SUBJECT_MAX,
                "subject", "must be 1-" + SUBJECT_MAX + " characters");
        require(cmd.buyerId() == null || ID.matcher(cmd.buyerId()).matches(),
                "buyer_id", "must be 1-32 of [A-Za-z0-9_-]");
        // a payment-code trade is answered at the till; its notify_url is optional (API.md names none for barcode)
        boolean tillOnly = cmd.paymentMethods() != null && cmd.paymentMethods().size() == 1
                && cmd.paymentMethods().get(0) != null && cmd.paymentMethods().get(0).paymentCode();
        // a top-up is the buyer's own: it names its buyer, and nobody is notified of it (the wallet page follows it)
        boolean topUp = cmd.tradeType() == TradeType.TOPUP;
        require(!topUp || cmd.buyerId() != null, "buyer_id", "is required for a top-up");
        require(((tillOnly || topUp) && cmd.notifyUrl() == null) || (cmd.notifyUrl() != null && isUrl(cmd.notifyUrl(), allowHttpNotifyUrl)),
                "notify_url", allowHttpNotifyUrl ? "must be an http(s) URL of at most " + URL_MAX + " characters"
                        : "must be an https URL of at most " + URL_MAX + " characters");
        require(cmd.returnUrl() == null || isUrl(cmd.returnUrl(), true),
                "return_url", "must be an http(s) URL of at most " + URL_MAX + " characters");
        require(cmd.attach() == null || codePoints(cmd.attach()) <= ATTACH_MAX,
                "attach", "must be at most " + ATTACH_MAX + " characters");
        checkPaymentMethods(cmd.paymentMethods());
    }

    /**
     * Each allowed method once, none null; empty (or null) allows every method. The command's own
     * constructor copies the list with {@code List.copyOf}, which already throws on a null entry;
     * this holds the rule for a command that reaches us without it (a deserializer that sets the
     * fields), so the merchant gets {@code PARAM_ERROR}, not a system error.
     */
    static void checkPaymentMethods(List<PayMethod> methods) {
        if (methods == null) {
            return;
        }
        Set<PayMethod> seen = EnumSet.noneOf(PayMethod.class);
        for (PayMethod method : methods) {
            require(method != null, "payment_methods", "must not contain null entries");
            require(seen.add(method), "payment_methods", "must not repeat " + method);
        }
        require(methods.size() == 1 || methods.stream().noneMatch(PayMethod::paymentCode),
                "payment_methods", "a payment code method is used alone (POST /api/v1/trades/barcode)");
    }

    public void checkTimeWindow(CreateTradeCmd cmd, Instant now) {
        if (cmd.timeExpire() != null) {
            require(cmd.timeExpire().isAfter(now), "time_expire", "must be in the future");
            require(!cmd.timeExpire().isAfter(now.plus(maxExpiry)),
                    "time_expire", "must be at most " + maxExpiry.toDays() + " days from now");
        }
    }

    private static boolean isUrl(String value, boolean httpAllowed) {
        if (value.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean schemeOk = "https".equalsIgnoreCase(scheme) || (httpAllowed && "http".equalsIgnoreCase(scheme));
            return schemeOk && uri.getHost() != null;
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    private static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
