package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.BillFaults;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.SandboxProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's UnionPay online gateway (ACP 5.1.0, token payments {@code bizType=000902}): in-memory transactions
 * keyed by orderId + txnTime, consumes and refunds that are accepted at once ({@code respCode=00}, not yet paid) and
 * settle {@code settle-delay × time-scale} later, then notify {@code backUrl}; queries; the reconciliation file.
 * The card token decides a consume's result: ending {@code 0000} (and any other ending) succeeds, {@code 1111} fails
 * with {@code 64} (卡上的余额不足, insufficient funds), {@code 9999} never settles (query keeps answering
 * {@code origRespCode=05}). Card pre-authorisation as ACP has it: a pre-auth ({@code 02}, the token decides as for a
 * consume) freezes the amount, a completion ({@code 03}, {@code origQryId} the pre-auth) takes up to it once, a cancel
 * ({@code 32}) releases all of it; completion and cancel are accepted and settle like a refund. A settled completion is
 * what took the money: it is refunded ({@code 04}) by naming it ({@code origQryId} the completion's queryId — the
 * pre-auth's is refused, {@code 35}, as UnionPay does), and the reconciliation file lists it as a payment line under its
 * own orderId; the pre-auth and the cancel move no money and are no line. Answers are unsigned field maps; the
 * controller signs them. Refusals throw {@link AcpRefusal}.
 * One instance per acquirer ({@link UnionPayAcquirers}): each is its own channel with its own merchant and transactions.
 */
public class UnionPayGateway implements SandboxChannel {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CONSUME = "01";
    static final String REFUND = "04";
    static final String QUERY = "00";
    /** 预授权: freezes the amount on the card; no money moves until its completion. */
    static final String PREAUTH = "02";
    /** 预授权完成: takes up to the authorised amount, once; the rest is released on the card. */
    static final String PREAUTH_COMPLETE = "03";
    /** 预授权撤销: releases the whole authorised amount. */
    static final String PREAUTH_CANCEL = "32";
    private static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SETTLE_DATE = DateTimeFormatter.ofPattern("MMdd").withZone(SHANGHAI);
    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(SHANGHAI);
    private static final DateTimeFormatter QUERY_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(SHANGHAI);
    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z]{8,40}");
    private static final Pattern FEN = Pattern.compile("[1-9]\\d{0,11}");
    /** {@code {token=…&trId=…}}: the ACP nested-field form of tokenPayData. */
    private static final Pattern TOKEN = Pattern.compile("(?:^\\{|&)token=([^&}]*)");
    private static final String[] COMMON = {"version", "encoding", "signMethod", "txnType", "txnSubType", "bizType", "accessType",
            "merId", "orderId", "txnTime"};
    private static final String[] ECHOED = {"version", "encoding", "signMethod", "txnType", "txnSubType", "bizType", "accessType",
            "channelType", "merId", "orderId", "txnTime", "txnAmt", "currencyCode", "settleDate", "fileType"};

    private final Map<String, UnionPayOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, UnionPayOrder> byQueryId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
    private final UnionPayAcquirer acquirer;
    private final SandboxProperties.UnionPay config;
    private final double timeScale;
    private final UnionPayKeys keys;
    private final UnionPayNotifications notifications;
    private final ScheduledExecutorService settler;
    private final Clock clock = Clock.systemUTC();

    /** Differences injected into the bill; none unless the control API adds some. */
    private BillFaults billFaults = new BillFaults();

    void useBillFaults(BillFaults billFaults) {
        this.billFaults = billFaults;
    }

    UnionPayGateway(UnionPayAcquirer acquirer, double timeScale, UnionPayKeys keys, UnionPayNotifications notifications) {
        this.acquirer = acquirer;
        this.config = acquirer.config();
        this.timeScale = timeScale;
        this.keys = keys;
        this.notifications = notifications;
        this.settler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-" + acquirer.channel().toLowerCase() + "-settle");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return acquirer.channel();
    }

    /** What precedes {@code /gateway/api/*.do} in this acquirer's URLs. */
    String basePath() {
        return acquirer.basePath();
    }

    UnionPayKeys keys() {
        return keys;
    }

    /** The only merchant this acquirer serves. */
    String merId() {
        return config.merId();
    }

    // ---- checks every request passes ----

    /** Fields, version, merchant. The signature is the controller's (it needs the keys). */
    void checkCommon(Map<String, String> request, String... more) {
        for (String field : COMMON) {
            required(request, field);
        }
        for (String field : more) {
            required(request, field);
        }
        if (!"5.1.0".equals(request.get("version")) || !"01".equals(request.get("signMethod"))) {
            throw AcpRefusal.format("version 5.1.0 and signMethod 01 only");
        }
        if (!"UTF-8".equalsIgnoreCase(request.get("encoding"))) {
            throw AcpRefusal.format("encoding UTF-8 only");
        }
        if (!config.merId().equals(request.get("merId"))) {
            throw new AcpRefusal("31", "商户状态不正确[merId " + request.get("merId") + "]");
        }
        if (!ORDER_ID.matcher(request.get("orderId")).matches()) {
            throw AcpRefusal.format("orderId 8-40 letters or digits");
        }
        try {
            LocalDateTime.parse(request.get("txnTime"), TXN_TIME);
        } catch (DateTimeParseException e) {
            throw AcpRefusal.format("txnTime yyyyMMddHHmmss");
        }
    }

    // ---- POST /gateway/api/backTransReq.do, txnType 01 ----

    /** Accepts a token consume: {@code 00} (not yet paid), or a refusal; the same orderId + txnTime again → {@code 12}. */
    Map<String, String> consume(Map<String, String> request) {
        return tokenTransaction(request, CONSUME);
    }

    // ---- POST /gateway/api/backTransReq.do, txnType 02 ----

    /** Accepts a token pre-authorisation: as a consume, but the card's amount is only frozen until completed or cancelled. */
    Map<String, String> preAuth(Map<String, String> request) {
        return tokenTransaction(request, PREAUTH);
    }

    private Map<String, String> tokenTransaction(Map<String, String> request, String txnType) {
        checkCommon(request, "txnAmt", "currencyCode", "backUrl", "tokenPayData", "channelType");
        if (!"000902".equals(request.get("bizType"))) {
            throw new AcpRefusal("32", "无此交易权限[bizType " + request.get("bizType") + "]");
        }
        long fen = amount(request);
        Matcher token = TOKEN.matcher(request.get("tokenPayData"));
        if (!token.find() || token.group(1).isBlank()) {
            throw AcpRefusal.missing("tokenPayData.token");
        }
        UnionPayOrder order = new UnionPayOrder(request.get("orderId"), request.get("txnTime"), txnType, fen, token.group(1),
                request.get("backUrl"), newQueryId(), null, clock.instant());
        if (orders.putIfAbsent(order.key(), order) != null) {
            throw new AcpRefusal("12", "重复交易");
        }
        byQueryId.put(order.queryId, order);
        if (!order.token.endsWith("9999")) {
            scheduleSettle(order);
        }
        return accepted(request);
    }

    // ---- POST /gateway/api/backTransReq.do, txnType 04 ----

    /**
     * Accepts a refund of a paid consume or of a settled pre-auth completion, named by {@code origQryId}; it settles
     * (always successfully) like a consume. A pre-auth itself is not refundable: its completion took the money.
     */
    Map<String, String> refund(Map<String, String> request) {
        checkCommon(request, "txnAmt", "backUrl", "origQryId");
        long fen = amount(request);
        UnionPayOrder original = byQueryId.get(request.get("origQryId"));
        if (original == null || !(CONSUME.equals(original.txnType) || PREAUTH_COMPLETE.equals(original.txnType))) {
            throw new AcpRefusal("35", "原交易不存在或状态不正确");
        }
        UnionPayOrder refund = new UnionPayOrder(request.get("orderId"), request.get("txnTime"), REFUND, fen, null,
                request.get("backUrl"), newQueryId(), original.queryId, clock.instant());
        synchronized (original) {
            if (original.state != UnionPayOrder.State.SUCCESS) {
                throw new AcpRefusal("35", "原交易不存在或状态不正确");
            }
            if (fen > original.amountFen - original.refundedFen) {
                throw new AcpRefusal("33", "交易金额超限[可退 " + (original.amountFen - original.refundedFen) + "]");
            }
            if (orders.putIfAbsent(refund.key(), refund) != null) {
                throw new AcpRefusal("12", "重复交易");
            }
            original.refundedFen += fen;
        }
        byQueryId.put(refund.queryId, refund);
        scheduleSettle(refund);
        return accepted(request);
    }

    // ---- POST /gateway/api/backTransReq.do, txnType 03 and 32 ----

    /**
     * Accepts a completion of an authorised pre-auth named by {@code origQryId}: up to the authorised amount, once
     * (a second completion or one after a cancel → {@code 35}, more than authorised → {@code 33}). It settles like a refund.
     */
    Map<String, String> preAuthComplete(Map<String, String> request) {
        return endPreAuth(request, PREAUTH_COMPLETE);
    }

    /** Accepts a cancel of an authorised pre-auth for its whole amount ({@code txnAmt} must be it, else {@code 33}). */
    Map<String, String> preAuthCancel(Map<String, String> request) {
        return endPreAuth(request, PREAUTH_CANCEL);
    }

    private Map<String, String> endPreAuth(Map<String, String> request, String txnType) {
        checkCommon(request, "txnAmt", "backUrl", "origQryId");
        long fen = amount(request);
        UnionPayOrder original = byQueryId.get(request.get("origQryId"));
        if (original == null || !PREAUTH.equals(original.txnType)) {
            throw new AcpRefusal("35", "原交易不存在或状态不正确");
        }
        UnionPayOrder end = new UnionPayOrder(request.get("orderId"), request.get("txnTime"), txnType, fen, null,
                request.get("backUrl"), newQueryId(), original.queryId, clock.instant());
        synchronized (original) {
            // the pre-auth's refundedFen records what ended it: nothing may follow a completion or a cancel
            if (original.state != UnionPayOrder.State.SUCCESS || original.refundedFen > 0) {
                throw new AcpRefusal("35", "原交易不存在或状态不正确");
            }
            if (PREAUTH_COMPLETE.equals(txnType) ? fen > original.amountFen : fen != original.amountFen) {
                throw new AcpRefusal("33", "交易金额超限[预授权 " + original.amountFen + "]");
            }
            if (orders.putIfAbsent(end.key(), end) != null) {
                throw new AcpRefusal("12", "重复交易");
            }
            original.refundedFen = original.amountFen;
        }
        byQueryId.put(end.queryId, end);
        scheduleSettle(end);
        return accepted(request);
    }

    // ---- POST /gateway/api/queryTrans.do ----

    /** {@code 00} with the transaction's result in {@code origRespCode} ({@code 05} while processing), or {@code 34}. */
    Map<String, String> query(Map<String, String> request) {
        checkCommon(request);
        UnionPayOrder order = orders.get(UnionPayOrder.key(request.get("orderId"), request.get("txnTime")));
        if (order == null) {
            throw new AcpRefusal("34", "查无此交易");
        }
        Map<String, String> answer = echo(request);
        answer.put("respCode", "00");
        answer.put("respMsg", "成功[0000000]");
        synchronized (order) {
            answer.put("queryId", order.queryId);
            answer.put("txnAmt", Long.toString(order.amountFen));
            answer.put("currencyCode", "156");
            if (order.state == UnionPayOrder.State.PROCESSING) {
                answer.put("origRespCode", "05");
                answer.put("origRespMsg", "交易已受理，请稍后查询交易结果");
            } else {
                answer.put("origRespCode", order.respCode);
                answer.put("origRespMsg", order.respMsg);
                answer.put("settleAmt", Long.toString(order.amountFen));
                answer.put("settleCurrencyCode", "156");
                answer.put("settleDate", SETTLE_DATE.format(order.settledAt));
            }
            if (order.origQryId != null) {
                answer.put("origQryId", order.origQryId);
            }
        }
        return answer;
    }

    /** A refusal's answer: the request's own fields echoed with the code. */
    Map<String, String> refused(Map<String, String> request, String respCode, String respMsg) {
        Map<String, String> answer = echo(request);
        answer.put("respCode", respCode);
        answer.put("respMsg", respMsg);
        return answer;
    }

    // ---- settlement and notification ----

    private void scheduleSettle(UnionPayOrder order) {
        long micros = (long) (config.settleDelay().toNanos() / 1000.0 * timeScale);
        settler.schedule(() -> settle(order), micros, TimeUnit.MICROSECONDS);
    }

    void settle(UnionPayOrder order) {
        Map<String, String> notification = new LinkedHashMap<>();
        synchronized (order) {
            if (order.state != UnionPayOrder.State.PROCESSING) {
                return;
            }
            order.settledAt = clock.instant();
            if (order.token != null && order.token.endsWith("1111")) {
                order.state = UnionPayOrder.State.FAILED;
                order.respCode = "64";
                order.respMsg = "卡上的余额不足";
            } else {
                order.state = UnionPayOrder.State.SUCCESS;
                order.respCode = "00";
                order.respMsg = "成功[0000000]";
            }
            notification.put("version", "5.1.0");
            notification.put("encoding", "UTF-8");
            notification.put("signMethod", "01");
            notification.put("txnType", order.txnType);
            notification.put("txnSubType", CONSUME.equals(order.txnType) || PREAUTH.equals(order.txnType) ? "01" : "00");
            notification.put("bizType", "000902");
            notification.put("accessType", "0");
            notification.put("merId", config.merId());
            notification.put("orderId", order.orderId);
            notification.put("txnTime", order.txnTime);
            notification.put("txnAmt", Long.toString(order.amountFen));
            notification.put("currencyCode", "156");
            notification.put("queryId", order.queryId);
            notification.put("traceNo", order.queryId.substring(order.queryId.length() - 6));
            notification.put("traceTime", TRACE_TIME.format(order.acceptedAt));
            notification.put("settleAmt", Long.toString(order.amountFen));
            notification.put("settleCurrencyCode", "156");
            notification.put("settleDate", SETTLE_DATE.format(order.settledAt));
            if (order.origQryId != null) {
                notification.put("origQryId", order.origQryId);
            }
            notification.put("respCode", order.respCode);
            notification.put("respMsg", order.respMsg);
        }
        notifications.send(order, notification);
    }

    // ---- control API ----

    /** Injected notifications are not offered for UnionPay yet: its notifications carry no id to resend. */
    @Override
    public String inject(Injection injection) {
        throw new InjectionRefused(409, "NOT_SUPPORTED", "notification injection is not offered for " + name() + " yet");
    }

    /** Every transaction once (an orderId sent with several txnTimes is several), with its orderId as {@code out_trade_no}. */
    @Override
    public List<Map<String, Object>> orders() {
        return orders.values().stream().sorted(Comparator.comparing((UnionPayOrder o) -> o.acceptedAt))
                .map(o -> view(o, true)).toList();
    }

    @Override
    public Optional<Map<String, Object>> order(String orderId) {
        return orders.values().stream().filter(o -> o.orderId.equals(orderId))
                .max(Comparator.comparing((UnionPayOrder o) -> o.acceptedAt)).map(o -> view(o, false));
    }

    private static Map<String, Object> view(UnionPayOrder o, boolean withNumber) {
        synchronized (o) {
            Map<String, Object> view = new LinkedHashMap<>();
            if (withNumber) {
                view.put("out_trade_no", o.orderId);
            }
            view.put("status", o.state.name());
            view.put("amount_fen", o.amountFen);
            view.put("trade_no", o.queryId);
            view.put("refunded_fen", o.refundedFen);
            view.put("txn_type", o.txnType);
            view.put("txn_time", o.txnTime);
            view.put("resp_code", o.respCode);
            return view;
        }
    }

    @Override
    public BillFile bill(LocalDate day) {
        List<BillFaults.BillFault> injected = billFaults.of(name(), day);
        List<UnionPayBill.Row> rows = new java.util.ArrayList<>(orders.values().stream()
                .map(o -> {
                    synchronized (o) {
                        // a refund is its own transaction: its orderId is the refund's number
                        BillFaults.Kind kind = "04".equals(o.txnType) ? BillFaults.Kind.REFUND : BillFaults.Kind.PAYMENT;
                        // a pre-auth and its cancel move no money; a completion does: a payment line of its own
                        return o.settledAt == null || PREAUTH.equals(o.txnType) || PREAUTH_CANCEL.equals(o.txnType)
                                || !o.settledAt.atZone(SHANGHAI).toLocalDate().equals(day)
                                || BillFaults.dropped(injected, kind, o.orderId, o.orderId) ? null
                                : Map.entry(o.settledAt, new UnionPayBill.Row(o.orderId, o.queryId, o.txnType,
                                        BillFaults.amount(injected, kind, o.orderId, o.orderId, o.amountFen), o.txnTime, o.respCode));
                    }
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList());
        java.time.format.DateTimeFormatter txnTime = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        long fakeQuery = 0;
        for (BillFaults.BillFault added : BillFaults.added(injected)) {
            // a line UnionPay's records do not have: its own queryId, the amount the fault states
            boolean refund = added.kind() == BillFaults.Kind.REFUND;
            rows.add(new UnionPayBill.Row(refund ? added.outRefundNo() : added.outTradeNo(),
                    String.format("9%s%09d000", day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), ++fakeQuery),
                    refund ? "04" : "01", added.amountFen(), day.atTime(12, 0).format(txnTime), "00"));
        }
        return UnionPayBill.render(config.merId(), day, rows);
    }

    // ---- helpers ----

    private Map<String, String> accepted(Map<String, String> request) {
        return refused(request, "00", "成功[0000000]");
    }

    private static Map<String, String> echo(Map<String, String> request) {
        Map<String, String> answer = new LinkedHashMap<>();
        for (String field : ECHOED) {
            String value = request.get(field);
            if (value != null) {
                answer.put(field, value);
            }
        }
        return answer;
    }

    private static long amount(Map<String, String> request) {
        String txnAmt = request.get("txnAmt");
        if (!FEN.matcher(txnAmt).matches()) {
            throw AcpRefusal.format("txnAmt positive fen");
        }
        if (request.containsKey("currencyCode") && !"156".equals(request.get("currencyCode"))) {
            throw AcpRefusal.format("currencyCode 156 only");
        }
        return Long.parseLong(txnAmt);
    }

    private static void required(Map<String, String> request, String field) {
        String value = request.get(field);
        if (value == null || value.isBlank()) {
            throw AcpRefusal.missing(field);
        }
    }

    /** 21 digits: the acceptance time in Beijing (14) and a sequence (7). */
    private String newQueryId() {
        return QUERY_ID_TIME.format(clock.instant()) + String.format("%07d", sequence.incrementAndGet() % 10_000_000L);
    }

    @PreDestroy
    void stop() {
        settler.shutdownNow();
    }
}
