package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.BillFaults;
import io.paysuite.sandbox.QrRegistry;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.SandboxProperties;
import jakarta.annotation.PreDestroy;
import io.paysuite.sandbox.Yuan;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The sandbox's Alipay: in-memory trades keyed by out_trade_no, the business rules of the trade APIs, the
 * buyer's scans. Answers are the inner objects of Alipay's {@code <method>_response}; failures throw
 * {@link AlipayError}.
 */
@Component
public class AlipayTrades implements SandboxChannel, QrRegistry.ScanHandler {

    static final String CHANNEL = "ALIPAY";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(SHANGHAI);
    private static final String QR_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern TIMEOUT_EXPRESS = Pattern.compile("(\\d+)([mhdc])");
    /** A payment code ending 8888: the buyer confirms in the app this long (× time-scale) after the merchant's call. */
    static final Duration BUYER_CONFIRMS_AFTER = Duration.ofSeconds(6);

    private final Map<String, AlipayOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, String> outTradeNoByTradeNo = new ConcurrentHashMap<>();
    private final AtomicLong tradeSequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    private final SecureRandom random = new SecureRandom();
    private final QrRegistry qrCodes;
    private final AlipayNotifications notifications;
    private final Clock clock;
    private final Duration buyerConfirms;
    private final ScheduledExecutorService buyer;

    /** Differences injected into the bill; none unless the control API adds some. */
    private BillFaults billFaults = new BillFaults();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useBillFaults(BillFaults billFaults) {
        this.billFaults = billFaults;
    }

    public AlipayTrades(QrRegistry qrCodes, AlipayNotifications notifications, SandboxProperties properties) {
        this.qrCodes = qrCodes;
        this.notifications = notifications;
        this.clock = Clock.systemUTC();
        this.buyerConfirms = Duration.ofNanos((long) (BUYER_CONFIRMS_AFTER.toNanos() * properties.timeScale()));
        this.buyer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-alipay-buyer");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        buyer.shutdownNow();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    // ---- alipay.trade.precreate ----

    Map<String, Object> precreate(Map<String, String> biz, String notifyUrl) {
        String outTradeNo = required(biz, "out_trade_no");
        Long fen = Yuan.toFen(required(biz, "total_amount"));
        if (fen == null || fen > 10_000_000_000L) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: total_amount");
        }
        String subject = required(biz, "subject");
        Instant now = clock.instant();
        Instant expiresAt = expiry(biz, now);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: 交易已超过 time_expire");
        }
        AlipayOrder order = orders.computeIfAbsent(outTradeNo, no -> {
            AlipayOrder created = new AlipayOrder(no, fen, subject, newQrCode(), now, expiresAt, notifyUrl);
            qrCodes.register(created.qrCode, CHANNEL, no, this);
            return created;
        });
        synchronized (order) {
            expireIfDue(order);
            if (order.paid()) {
                throw AlipayError.business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
            }
            if (order.state == AlipayOrder.State.TRADE_CLOSED) {
                throw AlipayError.business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            }
            if (order.amountFen != fen || order.qrCode == null) {
                // another amount, or the out_trade_no belongs to a payment-code trade
                throw AlipayError.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }
            if (notifyUrl != null && !notifyUrl.isBlank()) {
                order.notifyUrl = notifyUrl;
            }
            Map<String, Object> answer = success();
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("qr_code", order.qrCode);
            return answer;
        }
    }

    // ---- alipay.trade.pay (payment code: the merchant scans the buyer's code) ----

    /**
     * The buyer's code decides (the sandbox's script, see the README): ending 1111 or 2222 is a definite refusal
     * and creates nothing; 8888 waits for the buyer, who confirms {@link #BUYER_CONFIRMS_AFTER} later; 9999 waits
     * forever; anything else pays at once. A repeat answers the trade's current state as Alipay does: paid →
     * {@code ACQ.TRADE_HAS_SUCCESS}, closed → {@code ACQ.TRADE_HAS_CLOSE}, waiting → 10003 again.
     */
    Map<String, Object> pay(Map<String, String> biz, String notifyUrl) {
        String outTradeNo = required(biz, "out_trade_no");
        String scene = required(biz, "scene");
        if (!"bar_code".equals(scene)) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: the sandbox plays scene bar_code only");
        }
        String authCode = required(biz, "auth_code");
        Long fen = Yuan.toFen(required(biz, "total_amount"));
        if (fen == null || fen > 10_000_000_000L) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: total_amount");
        }
        String subject = required(biz, "subject");
        AlipayOrder existing = orders.get(outTradeNo);
        if (existing == null) {
            // a refused code creates nothing: decided before the trade exists
            if (authCode.endsWith("1111")) {
                throw AlipayError.business("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
            }
            if (authCode.endsWith("2222")) {
                throw AlipayError.business("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
            }
        }
        Instant now = clock.instant();
        boolean[] created = {false};
        AlipayOrder order = orders.computeIfAbsent(outTradeNo, no -> {
            created[0] = true;
            return new AlipayOrder(no, fen, subject, null, now, null, notifyUrl);
        });
        synchronized (order) {
            if (created[0]) {
                order.tradeNo = newTradeNo(now);
                order.createdAt = now;
                order.buyerLogonId = "sbx***@sandbox.test";
                order.state = AlipayOrder.State.WAIT_BUYER_PAY;
                outTradeNoByTradeNo.put(order.tradeNo, order.outTradeNo);
                if (authCode.endsWith("8888")) {
                    buyer.schedule(() -> buyerConfirms(order), buyerConfirms.toNanos(), TimeUnit.NANOSECONDS);
                } else if (!authCode.endsWith("9999")) {
                    order.state = AlipayOrder.State.TRADE_SUCCESS;
                    order.paidAt = now;
                    notifications.tradeChanged(order);
                }
            } else {
                expireIfDue(order);
                if (order.amountFen != fen) {
                    throw AlipayError.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
                }
                if (order.paid()) {
                    throw AlipayError.business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
                }
                if (order.state == AlipayOrder.State.TRADE_CLOSED) {
                    throw AlipayError.business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
                }
                if (!order.scanned()) {
                    // a precreated QR trade nobody scanned: the out_trade_no is taken by another product
                    throw AlipayError.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            if (order.paid()) {
                answer.put("code", "10000");
                answer.put("msg", "Success");
            } else {
                answer.put("code", "10003");
                answer.put("msg", "order success pay inprocess");
            }
            answer.put("trade_no", order.tradeNo);
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("buyer_logon_id", order.buyerLogonId);
            answer.put("total_amount", Yuan.of(order.amountFen));
            if (order.paid()) {
                answer.put("receipt_amount", Yuan.of(order.amountFen));
                answer.put("buyer_pay_amount", Yuan.of(order.amountFen));
                answer.put("gmt_payment", TIME.format(order.paidAt));
            }
            return answer;
        }
    }

    /** The 8888 buyer confirms in the app, unless the merchant closed or cancelled the trade meanwhile. */
    private void buyerConfirms(AlipayOrder order) {
        synchronized (order) {
            if (order.state != AlipayOrder.State.WAIT_BUYER_PAY) {
                return;
            }
            order.state = AlipayOrder.State.TRADE_SUCCESS;
            order.paidAt = clock.instant();
            notifications.tradeChanged(order);
        }
    }

    // ---- alipay.trade.query ----

    Map<String, Object> query(Map<String, String> biz) {
        AlipayOrder order = find(biz);
        synchronized (order) {
            expireIfDue(order);
            if (!order.scanned()) {
                throw AlipayError.tradeNotExist();
            }
            Map<String, Object> answer = success();
            answer.put("trade_no", order.tradeNo);
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("buyer_logon_id", order.buyerLogonId);
            answer.put("trade_status", order.state.name());
            answer.put("total_amount", Yuan.of(order.amountFen));
            if (order.paid()) {
                answer.put("receipt_amount", Yuan.of(order.amountFen));
                answer.put("buyer_pay_amount", Yuan.of(order.amountFen));
                answer.put("send_pay_date", TIME.format(order.paidAt));
            }
            return answer;
        }
    }

    // ---- alipay.trade.close ----

    Map<String, Object> close(Map<String, String> biz) {
        AlipayOrder order = find(biz);
        synchronized (order) {
            expireIfDue(order);
            if (!order.scanned()) {
                // Alipay does not know a trade before the scan; the code is dead from now on
                closeQuietly(order);
                throw AlipayError.tradeNotExist();
            }
            if (order.paid()) {
                throw AlipayError.business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            closeScanned(order);
            Map<String, Object> answer = success();
            answer.put("trade_no", order.tradeNo);
            answer.put("out_trade_no", order.outTradeNo);
            return answer;
        }
    }

    // ---- alipay.trade.cancel ----

    Map<String, Object> cancel(Map<String, String> biz) {
        Map<String, Object> answer = success();
        Optional<AlipayOrder> found = lookup(biz);
        if (found.isEmpty()) {
            answer.put("out_trade_no", biz.get("out_trade_no"));
            answer.put("retry_flag", "N");
            answer.put("action", "close");
            return answer;
        }
        AlipayOrder order = found.get();
        synchronized (order) {
            expireIfDue(order);
            String action = "close";
            if (order.paid() && order.refundedFen < order.amountFen) {
                long rest = order.amountFen - order.refundedFen;
                order.refunds.put("CANCEL-" + order.outTradeNo, new AlipayOrder.Refund("CANCEL-" + order.outTradeNo, rest, clock.instant()));
                order.refundedFen = order.amountFen;
                order.state = AlipayOrder.State.TRADE_CLOSED;
                order.closedAt = clock.instant();
                action = "refund";
            } else if (order.scanned()) {
                closeScanned(order);
            } else {
                closeQuietly(order);
            }
            if (order.tradeNo != null) {
                answer.put("trade_no", order.tradeNo);
            }
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("retry_flag", "N");
            answer.put("action", action);
            return answer;
        }
    }

    // ---- alipay.trade.refund ----

    Map<String, Object> refund(Map<String, String> biz) {
        AlipayOrder order = find(biz);
        Long fen = Yuan.toFen(required(biz, "refund_amount"));
        if (fen == null) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: refund_amount");
        }
        String outRequestNo = Optional.ofNullable(biz.get("out_request_no")).filter(s -> !s.isBlank()).orElse(order.outTradeNo);
        synchronized (order) {
            expireIfDue(order);
            if (!order.scanned()) {
                throw AlipayError.tradeNotExist();
            }
            AlipayOrder.Refund earlier = order.refunds.get(outRequestNo);
            boolean fundChange = false;
            if (earlier == null) {
                if (!order.paid()) {
                    throw AlipayError.business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
                }
                if (order.refundedFen + fen > order.amountFen) {
                    throw AlipayError.business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
                }
                earlier = new AlipayOrder.Refund(outRequestNo, fen, clock.instant());
                order.refunds.put(outRequestNo, earlier);
                order.refundedFen += fen;
                if (order.refundedFen == order.amountFen) {
                    order.state = AlipayOrder.State.TRADE_CLOSED;
                    order.closedAt = clock.instant();
                }
                fundChange = true;
            } else if (earlier.amountFen() != fen) {
                throw AlipayError.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }
            Map<String, Object> answer = success();
            answer.put("trade_no", order.tradeNo);
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("buyer_logon_id", order.buyerLogonId);
            answer.put("fund_change", fundChange ? "Y" : "N");
            answer.put("refund_fee", Yuan.of(order.refundedFen));
            answer.put("send_back_fee", Yuan.of(earlier.amountFen()));
            answer.put("gmt_refund_pay", TIME.format(earlier.at()));
            return answer;
        }
    }

    // ---- alipay.trade.fastpay.refund.query ----

    Map<String, Object> refundQuery(Map<String, String> biz) {
        Map<String, Object> answer = success();
        Optional<AlipayOrder> found = lookup(biz);
        if (found.isEmpty()) {
            return answer;
        }
        AlipayOrder order = found.get();
        String outRequestNo = Optional.ofNullable(biz.get("out_request_no")).filter(s -> !s.isBlank()).orElse(order.outTradeNo);
        synchronized (order) {
            AlipayOrder.Refund refund = order.refunds.get(outRequestNo);
            if (refund == null) {
                return answer;
            }
            answer.put("trade_no", order.tradeNo);
            answer.put("out_trade_no", order.outTradeNo);
            answer.put("out_request_no", outRequestNo);
            answer.put("total_amount", Yuan.of(order.amountFen));
            answer.put("refund_amount", Yuan.of(refund.amountFen()));
            answer.put("refund_status", "REFUND_SUCCESS");
            answer.put("gmt_refund_pay", TIME.format(refund.at()));
            return answer;
        }
    }

    // ---- the buyer's phone ----

    @Override
    public String scan(String outTradeNo, String outcome) {
        AlipayOrder order = orders.get(outTradeNo);
        if (order == null) {
            throw new QrRegistry.OrderFinalException("no Alipay trade " + outTradeNo);
        }
        synchronized (order) {
            expireIfDue(order);
            if (order.paid() || order.state == AlipayOrder.State.TRADE_CLOSED) {
                throw new QrRegistry.OrderFinalException("Alipay trade " + outTradeNo + " is already "
                        + (order.paid() ? "paid" : "closed"));
            }
            Instant now = clock.instant();
            if (!order.scanned()) {
                order.tradeNo = newTradeNo(now);
                order.createdAt = now;
                order.buyerLogonId = "sbx***@sandbox.test";
                order.state = AlipayOrder.State.WAIT_BUYER_PAY;
                outTradeNoByTradeNo.put(order.tradeNo, order.outTradeNo);
            }
            switch (outcome) {
                case "SUCCESS" -> {
                    order.state = AlipayOrder.State.TRADE_SUCCESS;
                    order.paidAt = now;
                    notifications.tradeChanged(order);
                }
                case "FAIL" -> closeScanned(order);
                default -> {
                    // USERPAYING: the buyer is still entering the password
                }
            }
            return order.state.name();
        }
    }

    // ---- the channel's truth and bills ----

    @Override
    public Optional<Map<String, Object>> order(String outTradeNo) {
        AlipayOrder order = orders.get(outTradeNo);
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
        List<AlipayOrder> all = new ArrayList<>(orders.values());
        all.sort(Comparator.comparing((AlipayOrder o) -> o.precreatedAt).thenComparing(o -> o.outTradeNo));
        List<Map<String, Object>> views = new ArrayList<>(all.size());
        for (AlipayOrder order : all) {
            synchronized (order) {
                expireIfDue(order);
                views.add(view(order, true));
            }
        }
        return views;
    }

    private static Map<String, Object> view(AlipayOrder order, boolean withNumber) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (withNumber) {
            view.put("out_trade_no", order.outTradeNo);
        }
        view.put("status", order.state.name());
        view.put("amount_fen", order.amountFen);
        view.put("trade_no", order.tradeNo);
        view.put("refunded_fen", order.refundedFen);
        return view;
    }

    /** {@code POST /sandbox/v1/notify}: see {@link AlipayNotifications#inject}; the trade itself is left alone. */
    @Override
    public String inject(Injection injection) {
        AlipayOrder order = orders.get(injection.outTradeNo());
        if (order == null) {
            throw InjectionRefused.orderNotFound(CHANNEL, injection.outTradeNo());
        }
        synchronized (order) {
            expireIfDue(order);
            // a claim about a trade Alipay never created still needs a trade_no: a fresh one, not given to the trade
            String forgedTradeNo = order.tradeNo != null ? null : newTradeNo(clock.instant());
            return notifications.inject(order, injection, forgedTradeNo);
        }
    }

    @Override
    public BillFile bill(LocalDate day) {
        List<AlipayBill.Row> rows = new ArrayList<>();
        List<BillFaults.BillFault> injected = billFaults.of(CHANNEL, day);
        for (AlipayOrder order : orders.values()) {
            synchronized (order) {
                if (order.paid() && day.equals(LocalDate.ofInstant(order.paidAt, SHANGHAI))
                        && !BillFaults.dropped(injected, BillFaults.Kind.PAYMENT, order.outTradeNo, null)) {
                    long stated = BillFaults.amount(injected, BillFaults.Kind.PAYMENT, order.outTradeNo, null, order.amountFen);
                    rows.add(new AlipayBill.Row(order.tradeNo, order.outTradeNo, false, order.subject, order.createdAt,
                            order.paidAt, order.buyerLogonId, stated, stated, ""));
                }
                for (AlipayOrder.Refund refund : order.refunds.values()) {
                    if (day.equals(LocalDate.ofInstant(refund.at(), SHANGHAI))
                            && !BillFaults.dropped(injected, BillFaults.Kind.REFUND, order.outTradeNo, refund.outRequestNo())) {
                        long stated = BillFaults.amount(injected, BillFaults.Kind.REFUND, order.outTradeNo, refund.outRequestNo(),
                                refund.amountFen());
                        rows.add(new AlipayBill.Row(order.tradeNo, order.outTradeNo, true, order.subject, order.createdAt,
                                refund.at(), order.buyerLogonId, order.amountFen, -stated, refund.outRequestNo()));
                    }
                }
            }
        }
        Instant noon = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
        for (BillFaults.BillFault added : BillFaults.added(injected)) {
            // a line the channel's records do not have: its own trade number, the amount the fault states
            boolean refund = added.kind() == BillFaults.Kind.REFUND;
            rows.add(new AlipayBill.Row(newTradeNo(noon), added.outTradeNo(), refund, "bill fault", noon, noon, "fault***@sandbox",
                    added.amountFen(), refund ? -added.amountFen() : added.amountFen(), refund ? added.outRefundNo() : ""));
        }
        Instant dayStart = day.atStartOfDay(SHANGHAI).toInstant();
        for (BillFaults.BillFault volume : BillFaults.generated(injected)) {
            // spread over the day, one trade number each, as a busy day's payments would be
            long stepMillis = Math.max(1, 86_399_000L / volume.count());
            for (int n = 0; n < volume.count(); n++) {
                Instant at = dayStart.plusMillis(n * stepMillis);
                rows.add(new AlipayBill.Row(newTradeNo(at), volume.generatedNo(n), false, "generated", at, at, "sbx***@sandbox.test",
                        volume.amountFen(), volume.amountFen(), ""));
            }
        }
        rows.sort((a, b) -> a.finishedAt().compareTo(b.finishedAt()));
        return AlipayBill.render(day, rows, clock.instant());
    }

    // ---- helpers ----

    private void closeScanned(AlipayOrder order) {
        if (order.state == AlipayOrder.State.TRADE_CLOSED) {
            return;
        }
        order.state = AlipayOrder.State.TRADE_CLOSED;
        order.closedAt = clock.instant();
        notifications.tradeChanged(order);
    }

    private void closeQuietly(AlipayOrder order) {
        order.state = AlipayOrder.State.TRADE_CLOSED;
        order.closedAt = clock.instant();
    }

    private void expireIfDue(AlipayOrder order) {
        if (order.expiresAt == null || order.paid() || order.state == AlipayOrder.State.TRADE_CLOSED
                || clock.instant().isBefore(order.expiresAt)) {
            return;
        }
        if (order.scanned()) {
            closeScanned(order);
        } else {
            closeQuietly(order);
        }
    }

    private AlipayOrder find(Map<String, String> biz) {
        return lookup(biz).orElseThrow(AlipayError::tradeNotExist);
    }

    private Optional<AlipayOrder> lookup(Map<String, String> biz) {
        String outTradeNo = biz.get("out_trade_no");
        String tradeNo = biz.get("trade_no");
        if ((outTradeNo == null || outTradeNo.isBlank()) && tradeNo != null && !tradeNo.isBlank()) {
            outTradeNo = outTradeNoByTradeNo.get(tradeNo);
        } else if ((outTradeNo == null || outTradeNo.isBlank())) {
            throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: out_trade_no 与 trade_no 不能同时为空");
        }
        return outTradeNo == null ? Optional.empty() : Optional.ofNullable(orders.get(outTradeNo));
    }

    static String required(Map<String, String> biz, String name) {
        String value = biz.get(name);
        if (value == null || value.isBlank()) {
            throw new AlipayError("40001", "Missing Required Arguments", "isv.missing-" + name.replace('_', '-'),
                    "缺少必选参数 " + name);
        }
        return value;
    }

    private static Instant expiry(Map<String, String> biz, Instant now) {
        String timeExpire = biz.get("time_expire");
        if (timeExpire != null && !timeExpire.isBlank()) {
            try {
                return LocalDateTime.parse(timeExpire.trim(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        .atZone(SHANGHAI).toInstant();
            } catch (DateTimeParseException e) {
                throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: time_expire");
            }
        }
        String express = biz.get("timeout_express");
        if (express != null && !express.isBlank()) {
            Matcher m = TIMEOUT_EXPRESS.matcher(express.trim());
            if (!m.matches()) {
                throw AlipayError.business("ACQ.INVALID_PARAMETER", "参数无效: timeout_express");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> now.plus(Duration.ofMinutes(n));
                case "h" -> now.plus(Duration.ofHours(n));
                case "d" -> now.plus(Duration.ofDays(n));
                // "1c": until the end of the day
                default -> LocalDate.ofInstant(now, SHANGHAI).plusDays(n).atStartOfDay(SHANGHAI).toInstant();
            };
        }
        return null;
    }

    private String newQrCode() {
        StringBuilder code = new StringBuilder("https://qr.alipay.com/sbx");
        for (int i = 0; i < 24; i++) {
            code.append(QR_ALPHABET.charAt(random.nextInt(QR_ALPHABET.length())));
        }
        return code.toString();
    }

    /** 28 digits like Alipay's: the date, "22", an 18-digit sequence. */
    private String newTradeNo(Instant now) {
        return DAY.format(now) + "22" + String.format("%018d", tradeSequence.incrementAndGet());
    }

    static Map<String, Object> success() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "10000");
        answer.put("msg", "Success");
        return answer;
    }

}
