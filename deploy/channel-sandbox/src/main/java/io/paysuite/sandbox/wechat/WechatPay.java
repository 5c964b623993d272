package io.paysuite.sandbox.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.sandbox.BillFaults;
import io.paysuite.sandbox.QrRegistry;
import io.paysuite.sandbox.SandboxChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The sandbox's WeChat Pay (API v3, Native): in-memory orders keyed by out_trade_no, the business rules of
 * prepay, query, close and refunds, the buyer's scans and the trade bill. Answers are the JSON objects of WeChat's
 * answers as maps (snake_case); failures throw {@link WechatError}.
 */
@Component
public class WechatPay implements SandboxChannel, QrRegistry.ScanHandler {

    static final String CHANNEL = "WECHAT";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** RFC 3339 in Beijing time, as WeChat writes times: {@code 2026-11-29T22:17:12+08:00}. */
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(SHANGHAI);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(SHANGHAI);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, WechatOrder> orders = new ConcurrentHashMap<>();
    /** out_refund_no → out_trade_no: refund numbers are unique per merchant, not per order. */
    private final Map<String, String> refundOwners = new ConcurrentHashMap<>();
    /** Download tokens of {@code /v3/bill/tradebill}: the bill as it was when its URL was handed out (the hash covers it). */
    private final Map<String, BillFile> billDownloads = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    private final QrRegistry qrCodes;
    private final WechatKeys keys;
    private final WechatNotifications notifications;
    private final Clock clock = Clock.systemUTC();

    /** Differences injected into the bill; none unless the control API adds some. */
    private BillFaults billFaults = new BillFaults();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useBillFaults(BillFaults billFaults) {
        this.billFaults = billFaults;
    }

    public WechatPay(QrRegistry qrCodes, WechatKeys keys, WechatNotifications notifications) {
        this.qrCodes = qrCodes;
        this.keys = keys;
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    // ---- POST /v3/pay/transactions/native ----

    /**
     * WeChat creates the order now (NOTPAY). Same out_trade_no and same content → the same code_url; other
     * content → 403 OUT_TRADE_NO_USED; paid → 400 ORDERPAID; closed or failed → 400 ORDER_CLOSED.
     */
    Map<String, Object> prepay(JsonNode body) {
        String appid = required(body, "appid");
        String mchid = required(body, "mchid");
        checkMerchant(appid, mchid);
        String description = required(body, "description");
        String outTradeNo = required(body, "out_trade_no");
        if (outTradeNo.length() < 6 || outTradeNo.length() > 32) {
            throw WechatError.paramError("out_trade_no 长度须为 6 到 32 个字符");
        }
        String notifyUrl = required(body, "notify_url");
        JsonNode amount = body.path("amount");
        if (!amount.path("total").canConvertToLong() || !amount.path("total").isIntegralNumber() || amount.path("total").asLong() <= 0) {
            throw WechatError.paramError("amount.total 须为正整数（分）");
        }
        long total = amount.path("total").asLong();
        String currency = amount.path("currency").asText("CNY");
        if (!"CNY".equals(currency)) {
            throw WechatError.paramError("amount.currency 只支持 CNY");
        }
        String timeExpire = text(body, "time_expire");
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (timeExpire != null) {
            try {
                expiresAt = OffsetDateTime.parse(timeExpire).toInstant();
            } catch (DateTimeParseException e) {
                throw WechatError.paramError("time_expire 须为 RFC 3339 格式，如 2026-05-20T13:29:35+08:00");
            }
            if (!expiresAt.isAfter(now)) {
                throw WechatError.paramError("time_expire 已过期");
            }
        }
        Instant expiry = expiresAt;
        WechatOrder order = orders.computeIfAbsent(outTradeNo, no -> {
            WechatOrder created = new WechatOrder(no, appid, description, total, currency, timeExpire, expiry,
                    "weixin://wxpay/bizpayurl?pr=" + random(10), now, notifyUrl, "NATIVE");
            qrCodes.register(created.codeUrl, CHANNEL, no, this);
            return created;
        });
        synchronized (order) {
            expireIfDue(order);
            if (order.paid()) {
                throw WechatError.orderPaid();
            }
            if (order.state == WechatOrder.State.CLOSED || order.state == WechatOrder.State.PAYERROR
                    || order.state == WechatOrder.State.REVOKED) {
                throw WechatError.orderClosed();
            }
            if (!"NATIVE".equals(order.tradeType) || order.amountFen != total || !order.description.equals(description) || !order.appid.equals(appid)
                    || !Objects.equals(order.timeExpire, timeExpire)) {
                throw new WechatError(org.springframework.http.HttpStatus.FORBIDDEN, "OUT_TRADE_NO_USED", "商户订单号重复");
            }
            order.notifyUrl = notifyUrl; // the latest one wins, like the Alipay side
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("code_url", order.codeUrl);
            return answer;
        }
    }

    // ---- GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid= ----

    Map<String, Object> query(String outTradeNo, String mchid) {
        if (mchid == null || mchid.isBlank()) {
            throw WechatError.paramError("缺少参数 mchid");
        }
        checkMerchant(null, mchid);
        WechatOrder order = find(outTradeNo);
        synchronized (order) {
            expireIfDue(order);
            return transaction(order);
        }
    }

    // ---- POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close ----

    /** Unpaid (or failed) → CLOSED, its code dead; already closed → fine again; paid → 400 ORDERPAID. */
    void close(String outTradeNo, JsonNode body) {
        checkMerchant(null, required(body, "mchid"));
        WechatOrder order = find(outTradeNo);
        synchronized (order) {
            expireIfDue(order);
            if (order.paid()) {
                throw WechatError.orderPaid();
            }
            closeQuietly(order);
        }
    }

    // ---- POST /v3/refund/domestic/refunds ----

    /**
     * Settled at once (status SUCCESS), with a REFUND.SUCCESS notification when a notify_url is given. Idempotent
     * on out_refund_no (the same Refund again; other content → 400 INVALID_REQUEST). Unknown order → 404
     * RESOURCE_NOT_EXISTS; unpaid, amount.total not the order's, or more than is left → 400 INVALID_REQUEST.
     */
    Map<String, Object> refund(JsonNode body) {
        String outRefundNo = required(body, "out_refund_no");
        String outTradeNo = text(body, "out_trade_no");
        String transactionId = text(body, "transaction_id");
        if (outTradeNo == null && transactionId == null) {
            throw WechatError.paramError("out_trade_no 与 transaction_id 须填一个");
        }
        JsonNode amount = body.path("amount");
        if (!amount.path("refund").isIntegralNumber() || amount.path("refund").asLong() <= 0
                || !amount.path("total").isIntegralNumber() || amount.path("total").asLong() <= 0) {
            throw WechatError.paramError("amount.refund 与 amount.total 须为正整数（分）");
        }
        if (!"CNY".equals(amount.path("currency").asText("CNY"))) {
            throw WechatError.paramError("amount.currency 只支持 CNY");
        }
        long refundFen = amount.path("refund").asLong();
        long totalFen = amount.path("total").asLong();
        WechatOrder order = lookup(outTradeNo, transactionId)
                .orElseThrow(() -> WechatError.resourceNotExists("订单不存在"));
        synchronized (order) {
            expireIfDue(order);
            String owner = refundOwners.putIfAbsent(outRefundNo, order.outTradeNo);
            if (owner != null && !owner.equals(order.outTradeNo)) {
                throw WechatError.invalidRequest("out_refund_no 已用于另一笔订单");
            }
            WechatOrder.Refund earlier = order.refunds.get(outRefundNo);
            if (earlier != null) {
                if (earlier.amountFen() != refundFen || order.amountFen != totalFen) {
                    throw WechatError.invalidRequest("同一 out_refund_no 的退款金额不一致");
                }
                return refund(order, earlier);
            }
            try {
                if (!order.paid()) {
                    throw WechatError.invalidRequest("订单未支付，不能退款");
                }
                if (order.amountFen != totalFen) {
                    throw WechatError.invalidRequest("amount.total 与订单金额不一致");
                }
                if (order.refundedFen + refundFen > order.amountFen) {
                    throw WechatError.invalidRequest("申请退款金额超过订单可退金额");
                }
            } catch (WechatError e) {
                refundOwners.remove(outRefundNo, order.outTradeNo);
                throw e;
            }
            WechatOrder.Refund created = new WechatOrder.Refund(newRefundId(clock.instant()), outRefundNo, refundFen,
                    clock.instant(), text(body, "notify_url"));
            order.refunds.put(outRefundNo, created);
            order.refundedFen += refundFen;
            order.state = WechatOrder.State.REFUND;
            notifications.refundSucceeded(order, created, refundNotification(order, created));
            return refund(order, created);
        }
    }

    // ---- GET /v3/refund/domestic/refunds/{out_refund_no} ----

    Map<String, Object> refundQuery(String outRefundNo) {
        String outTradeNo = refundOwners.get(outRefundNo);
        WechatOrder order = outTradeNo == null ? null : orders.get(outTradeNo);
        if (order == null) {
            throw WechatError.resourceNotExists("退款单不存在");
        }
        synchronized (order) {
            WechatOrder.Refund refund = order.refunds.get(outRefundNo);
            if (refund == null) {
                throw WechatError.resourceNotExists("退款单不存在");
            }
            return refund(order, refund);
        }
    }

    // ---- GET /v3/bill/tradebill and the download ----

    /** Renders the bill now and hands out a token for it; the answer's hash is the SHA-1 of exactly those bytes. */
    Map<String, Object> tradeBill(LocalDate day, String downloadBase) {
        BillFile file = bill(day);
        String token = random(32);
        billDownloads.put(token, file);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hash_type", "SHA1");
        answer.put("hash_value", sha1(file.content()));
        answer.put("download_url", downloadBase + "/v3/billdownload/file?token=" + token);
        return answer;
    }

    Optional<BillFile> billDownload(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(billDownloads.get(token));
    }

    // ---- the v2 payment-code side (WechatMicropay) shares the orders: out_trade_no is unique per merchant ----

    /** The order already under that number, or {@code created} now registered (for queries, /orders and the bill). */
    WechatOrder register(WechatOrder created) {
        WechatOrder existing = orders.putIfAbsent(created.outTradeNo, created);
        return existing != null ? existing : created;
    }

    // ---- the buyer's phone ----

    /** SUCCESS → SUCCESS + notification; USERPAYING → USERPAYING (a later scan finishes it); FAIL → PAYERROR, no notification. */
    @Override
    public String scan(String outTradeNo, String outcome) {
        WechatOrder order = orders.get(outTradeNo);
        if (order == null) {
            throw new QrRegistry.OrderFinalException("no WeChat order " + outTradeNo);
        }
        synchronized (order) {
            expireIfDue(order);
            if (order.finished()) {
                throw new QrRegistry.OrderFinalException("WeChat order " + outTradeNo + " is already " + order.state);
            }
            Instant now = clock.instant();
            if (order.transactionId == null) {
                order.transactionId = newTransactionId(now);
                order.openid = "oSbx" + random(24);
            }
            switch (outcome) {
                case "SUCCESS" -> {
                    order.state = WechatOrder.State.SUCCESS;
                    order.paidAt = now;
                    notifications.transactionSucceeded(order, transaction(order));
                }
                case "FAIL" -> order.state = WechatOrder.State.PAYERROR;
                default -> order.state = WechatOrder.State.USERPAYING;
            }
            return order.state.name();
        }
    }

    // ---- the channel's truth and bills ----

    @Override
    public Optional<Map<String, Object>> order(String outTradeNo) {
        WechatOrder order = orders.get(outTradeNo);
        if (order == null) {
            return Optional.empty();
        }
        synchronized (order) {
            expireIfDue(order);
            return Optional.of(view(order, false));
        }
    }

    @Override
    public List<Map<String, Object>> orders() {
        List<WechatOrder> all = new ArrayList<>(orders.values());
        all.sort(Comparator.comparing((WechatOrder o) -> o.createdAt).thenComparing(o -> o.outTradeNo));
        List<Map<String, Object>> views = new ArrayList<>(all.size());
        for (WechatOrder order : all) {
            synchronized (order) {
                expireIfDue(order);
                views.add(view(order, true));
            }
        }
        return views;
    }

    private static Map<String, Object> view(WechatOrder order, boolean withNumber) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (withNumber) {
            view.put("out_trade_no", order.outTradeNo);
        }
        view.put("status", order.state.name());
        view.put("amount_fen", order.amountFen);
        view.put("trade_no", order.transactionId);
        view.put("refunded_fen", order.refundedFen);
        return view;
    }

    /** The trade_state values of WeChat's Transaction (the SDK's TradeStateEnum), the claims a forged notification may make. */
    static final Map<String, String> TRADE_STATES = tradeStates();

    private static Map<String, String> tradeStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (WechatOrder.State state : WechatOrder.State.values()) {
            states.put(state.name(), state.desc);
        }
        states.put("REVOKED", "已撤销");
        states.put("ACCEPT", "已接收，等待扣款");
        return Map.copyOf(states);
    }

    /**
     * {@code POST /sandbox/v1/notify}: see {@link WechatNotifications#inject}. A claim forges the Transaction with the
     * claimed trade_state (default: the current one) and amount; the order itself is left alone.
     */
    @Override
    public String inject(Injection injection) {
        WechatOrder order = orders.get(injection.outTradeNo());
        if (order == null) {
            throw InjectionRefused.orderNotFound(CHANNEL, injection.outTradeNo());
        }
        synchronized (order) {
            expireIfDue(order);
            Map<String, Object> forged = null;
            if (!injection.plainResend()) {
                String state = injection.tradeStatus() != null ? injection.tradeStatus() : order.state.name();
                if (!TRADE_STATES.containsKey(state)) {
                    throw new InjectionRefused(400, "INVALID_TRADE_STATUS", "a WeChat Transaction's trade_state is one of "
                            + new java.util.TreeSet<>(TRADE_STATES.keySet()) + ", not " + state);
                }
                forged = forgedTransaction(order, state, injection.totalFen() != null ? injection.totalFen() : order.amountFen);
            }
            return notifications.inject(order, injection, forged);
        }
    }

    /** The Transaction as if the order were {@code state} for {@code fen}; ids the order lacks are made up, not kept. */
    private Map<String, Object> forgedTransaction(WechatOrder order, String state, long fen) {
        boolean paid = "SUCCESS".equals(state) || "REFUND".equals(state);
        Instant now = clock.instant();
        Map<String, Object> t = transaction(order);
        if (order.transactionId == null) {
            t.put("transaction_id", newTransactionId(now));
        }
        if (order.openid == null) {
            t.put("payer", Map.of("openid", "oSbx" + random(24)));
        }
        t.put("trade_state", state);
        t.put("trade_state_desc", TRADE_STATES.get(state));
        t.remove("bank_type");
        t.remove("success_time");
        if (paid) {
            t.put("bank_type", "OTHERS");
            t.put("success_time", RFC3339.format(order.paidAt != null ? order.paidAt : now));
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", fen);
        if (paid) {
            amount.put("payer_total", fen);
        }
        amount.put("currency", order.currency);
        amount.put("payer_currency", order.currency);
        t.put("amount", amount);
        return t;
    }

    @Override
    public BillFile bill(LocalDate day) {
        List<WechatBill.Row> rows = new ArrayList<>();
        List<BillFaults.BillFault> injected = billFaults.of(CHANNEL, day);
        for (WechatOrder order : orders.values()) {
            synchronized (order) {
                if (order.paid() && day.equals(LocalDate.ofInstant(order.paidAt, SHANGHAI))
                        && !BillFaults.dropped(injected, BillFaults.Kind.PAYMENT, order.outTradeNo, null)) {
                    rows.add(new WechatBill.Row(order.paidAt, order.appid, keys.mchid(), order.transactionId, order.outTradeNo,
                            order.openid, order.description,
                            BillFaults.amount(injected, BillFaults.Kind.PAYMENT, order.outTradeNo, null, order.amountFen), null,
                            order.tradeType));
                }
                for (WechatOrder.Refund refund : order.refunds.values()) {
                    if (day.equals(LocalDate.ofInstant(refund.at(), SHANGHAI))
                            && !BillFaults.dropped(injected, BillFaults.Kind.REFUND, order.outTradeNo, refund.outRefundNo())) {
                        WechatOrder.Refund stated = new WechatOrder.Refund(refund.refundId(), refund.outRefundNo(),
                                BillFaults.amount(injected, BillFaults.Kind.REFUND, order.outTradeNo, refund.outRefundNo(),
                                        refund.amountFen()), refund.at(), refund.notifyUrl());
                        rows.add(new WechatBill.Row(refund.at(), order.appid, keys.mchid(), order.transactionId, order.outTradeNo,
                                order.openid, order.description, order.amountFen, stated, order.tradeType));
                    }
                }
            }
        }
        Instant noon = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
        for (BillFaults.BillFault added : BillFaults.added(injected)) {
            // a line the channel's records do not have: its own numbers, the amount the fault states
            WechatOrder.Refund refund = added.kind() == BillFaults.Kind.REFUND
                    ? new WechatOrder.Refund("50" + newTransactionId(noon), added.outRefundNo(), added.amountFen(), noon, null) : null;
            rows.add(new WechatBill.Row(noon, "wx_sandbox_fault", keys.mchid(), newTransactionId(noon), added.outTradeNo(), "o_fault",
                    "bill fault", added.amountFen(), refund, "NATIVE"));
        }
        rows.sort((a, b) -> a.at().compareTo(b.at()));
        return WechatBill.render(day, rows);
    }

    // ---- the JSON of WeChat's answers ----

    /** The {@code Transaction} of the query and of TRANSACTION.SUCCESS notifications. */
    private Map<String, Object> transaction(WechatOrder order) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("appid", order.appid);
        t.put("mchid", keys.mchid());
        t.put("out_trade_no", order.outTradeNo);
        if (order.transactionId != null) {
            t.put("transaction_id", order.transactionId);
        }
        t.put("trade_type", order.tradeType);
        t.put("trade_state", order.state.name());
        t.put("trade_state_desc", order.state.desc);
        if (order.paid()) {
            t.put("bank_type", "OTHERS");
            t.put("success_time", RFC3339.format(order.paidAt));
        }
        t.put("attach", "");
        if (order.openid != null) {
            t.put("payer", Map.of("openid", order.openid));
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", order.amountFen);
        if (order.paid()) {
            amount.put("payer_total", order.amountFen);
        }
        amount.put("currency", order.currency);
        amount.put("payer_currency", order.currency);
        t.put("amount", amount);
        return t;
    }

    /** The {@code Refund} of refund create and query. */
    private Map<String, Object> refund(WechatOrder order, WechatOrder.Refund refund) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("refund_id", refund.refundId());
        r.put("out_refund_no", refund.outRefundNo());
        r.put("transaction_id", order.transactionId);
        r.put("out_trade_no", order.outTradeNo);
        r.put("channel", "ORIGINAL");
        r.put("user_received_account", "支付用户零钱");
        r.put("success_time", RFC3339.format(refund.at()));
        r.put("create_time", RFC3339.format(refund.at()));
        r.put("status", "SUCCESS");
        r.put("funds_account", "AVAILABLE");
        r.put("amount", refundAmount(order, refund));
        r.put("promotion_detail", List.of());
        return r;
    }

    /** The plaintext of a REFUND.SUCCESS notification (WeChat's refund notification, {@code refund_status}). */
    private Map<String, Object> refundNotification(WechatOrder order, WechatOrder.Refund refund) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mchid", keys.mchid());
        r.put("out_trade_no", order.outTradeNo);
        r.put("transaction_id", order.transactionId);
        r.put("out_refund_no", refund.outRefundNo());
        r.put("refund_id", refund.refundId());
        r.put("refund_status", "SUCCESS");
        r.put("success_time", RFC3339.format(refund.at()));
        r.put("user_received_account", "支付用户零钱");
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", order.amountFen);
        amount.put("refund", refund.amountFen());
        amount.put("payer_total", order.amountFen);
        amount.put("payer_refund", refund.amountFen());
        r.put("amount", amount);
        return r;
    }

    private static Map<String, Object> refundAmount(WechatOrder order, WechatOrder.Refund refund) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", order.amountFen);
        amount.put("refund", refund.amountFen());
        amount.put("from", List.of());
        amount.put("payer_total", order.amountFen);
        amount.put("payer_refund", refund.amountFen());
        amount.put("settlement_refund", refund.amountFen());
        amount.put("settlement_total", order.amountFen);
        amount.put("discount_refund", 0);
        amount.put("currency", order.currency);
        amount.put("refund_fee", 0);
        return amount;
    }

    // ---- helpers ----

    private void checkMerchant(String appid, String mchid) {
        if (!keys.mchid().equals(mchid)) {
            throw WechatError.noAuth("商户号 " + mchid + " 无权限");
        }
        if (appid != null && !keys.appid().equals(appid)) {
            throw new WechatError(org.springframework.http.HttpStatus.BAD_REQUEST, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
    }

    /** A due order closes quietly (WeChat sends no notification for a close). */
    void expireIfDue(WechatOrder order) {
        if (order.expiresAt != null && !order.finished() && !clock.instant().isBefore(order.expiresAt)) {
            closeQuietly(order);
        }
    }

    private void closeQuietly(WechatOrder order) {
        if (order.state != WechatOrder.State.CLOSED && order.state != WechatOrder.State.REVOKED) {
            order.state = WechatOrder.State.CLOSED;
            order.closedAt = clock.instant();
        }
    }

    private WechatOrder find(String outTradeNo) {
        WechatOrder order = outTradeNo == null ? null : orders.get(outTradeNo);
        if (order == null) {
            throw WechatError.orderNotExist();
        }
        return order;
    }

    /** By out_trade_no when given, else by transaction_id. */
    Optional<WechatOrder> lookup(String outTradeNo, String transactionId) {
        if (outTradeNo != null) {
            return Optional.ofNullable(orders.get(outTradeNo));
        }
        return orders.values().stream().filter(o -> transactionId.equals(o.transactionId)).findFirst();
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw WechatError.paramError("缺少参数 " + field);
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** 28 digits like WeChat's transaction_id: "4200", the Beijing date, a 16-digit sequence. */
    String newTransactionId(Instant now) {
        return "4200" + DAY.format(now) + String.format("%016d", sequence.incrementAndGet());
    }

    /** 29 digits like WeChat's refund_id: "50", the Beijing date, a 19-digit sequence. */
    String newRefundId(Instant now) {
        return "50" + DAY.format(now) + String.format("%019d", sequence.incrementAndGet());
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
