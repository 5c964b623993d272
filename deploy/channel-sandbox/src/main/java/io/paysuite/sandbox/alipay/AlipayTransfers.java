package io.paysuite.sandbox.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.sandbox.BillFaults;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.SandboxProperties;
import io.paysuite.sandbox.Yuan;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.stereotype.Component;

/**
 * The sandbox's Alipay transfers to bank cards: {@code alipay.fund.trans.uni.transfer} (product
 * {@code TRANS_BANKCARD_NO_PWD}, scene {@code DIRECT_TRANSFER}) and {@code alipay.fund.trans.common.query},
 * served by the same {@code /gateway.do}, keys and signing as the trade methods. In memory, keyed by
 * out_biz_no as Alipay deduplicates: the same request again answers the same transfer as it stands;
 * the same out_biz_no with another amount, card or name is {@code PAYMENT_INFO_INCONSISTENCY}.
 *
 * <p>The card number's last four digits choose the outcome (see the README): {@code 0000} the card
 * is refused ({@code PAYEE_CARD_INFO_ERROR}), {@code 1111} the platform's account cannot pay
 * ({@code PAYER_BALANCE_NOT_ENOUGH}) — both definite refusals that record nothing; {@code 9999}
 * {@code DEALING}, then the bank pays it; {@code 8888} {@code DEALING}, then the bank refuses it
 * ({@code FAIL}, money back: 退票); {@code 6666} {@code DEALING} until the control API finishes it;
 * anything else {@code SUCCESS} at once. Faults: channel {@code ALIPAY_PAYOUT}, operations
 * {@code payout} and {@code query}.
 */
@Component
public class AlipayTransfers implements SandboxChannel {

    static final String CHANNEL = "ALIPAY_PAYOUT";
    static final String PRODUCT = "TRANS_BANKCARD_NO_PWD";
    static final String SCENE = "DIRECT_TRANSFER";
    /** How long (× time-scale, but never under {@link #BANK_AT_LEAST}) the bank takes over a 9999 or 8888 card. */
    static final Duration BANK_ANSWERS_AFTER = Duration.ofSeconds(5);
    /** Long enough that the transfer's own answer and a first query always see it DEALING. */
    static final Duration BANK_AT_LEAST = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AlipayTransfer> transfers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    private final Clock clock = Clock.systemUTC();
    private final Duration bankAnswers;
    private final ScheduledExecutorService bank;

    public AlipayTransfers(SandboxProperties properties) {
        Duration scaled = Duration.ofNanos((long) (BANK_ANSWERS_AFTER.toNanos() * properties.timeScale()));
        this.bankAnswers = scaled.compareTo(BANK_AT_LEAST) < 0 ? BANK_AT_LEAST : scaled;
        this.bank = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-alipay-bank");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        bank.shutdownNow();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    // ---- alipay.fund.trans.uni.transfer ----

    Map<String, Object> transfer(Map<String, String> biz) {
        String outBizNo = AlipayTrades.required(biz, "out_biz_no");
        Long fen = Yuan.toFen(AlipayTrades.required(biz, "trans_amount"));
        if (fen == null || fen > 10_000_000_000L) {
            throw AlipayError.business("INVALID_PARAMETER", "参数有误: trans_amount");
        }
        if (!PRODUCT.equals(biz.get("product_code")) || !SCENE.equals(biz.get("biz_scene"))) {
            throw AlipayError.business("INVALID_PARAMETER", "参数有误: the sandbox transfers product_code " + PRODUCT
                    + ", biz_scene " + SCENE);
        }
        JsonNode payee = payee(AlipayTrades.required(biz, "payee_info"));
        String card = payee.path("identity").asText("");
        String name = payee.path("name").asText("");
        if (!"BANKCARD_ACCOUNT".equals(payee.path("identity_type").asText()) || !card.matches("[0-9]{8,32}") || name.isBlank()
                || !payee.path("bankcard_ext_info").path("account_type").asText("").matches("[12]")) {
            throw AlipayError.business("INVALID_PARAMETER", "参数有误: payee_info (BANKCARD_ACCOUNT, identity, name, bankcard_ext_info.account_type)");
        }
        AlipayTransfer known = transfers.get(outBizNo);
        if (known == null) {
            refuseByCard(card);
            long n = sequence.incrementAndGet();
            String day = AlipayTrades.TIME.format(clock.instant()).substring(0, 10).replace("-", "");
            AlipayTransfer fresh = new AlipayTransfer(outBizNo, day + "0200" + String.format("%010d", n),
                    day + "0100" + String.format("%010d", n), fen, card, name, biz.get("remark"), clock.instant());
            known = transfers.putIfAbsent(outBizNo, fresh);
            if (known == null) {
                decide(fresh);
                return transferAnswer(fresh);
            }
        }
        synchronized (known) {
            if (known.amountFen != fen || !known.cardNo.equals(card) || !known.payeeName.equals(name)) {
                throw AlipayError.business("PAYMENT_INFO_INCONSISTENCY", "两次请求商户单号一样，但是参数不一致");
            }
            known.requests++;
            return transferAnswer(known);
        }
    }

    // ---- alipay.fund.trans.common.query ----

    Map<String, Object> query(Map<String, String> biz) {
        String outBizNo = biz.get("out_biz_no");
        String orderId = biz.get("order_id");
        if ((outBizNo == null || outBizNo.isBlank()) && (orderId == null || orderId.isBlank())) {
            throw new AlipayError("40001", "Missing Required Arguments", "isv.missing-out-biz-no", "缺少必选参数 out_biz_no 或 order_id");
        }
        AlipayTransfer t = outBizNo != null && !outBizNo.isBlank() ? transfers.get(outBizNo)
                : transfers.values().stream().filter(x -> x.orderId.equals(orderId)).findFirst().orElse(null);
        if (t == null) {
            throw AlipayError.business("ORDER_NOT_EXIST", "转账订单不存在");
        }
        synchronized (t) {
            Map<String, Object> answer = AlipayTrades.success();
            answer.put("order_id", t.orderId);
            answer.put("pay_fund_order_id", t.payFundOrderId);
            answer.put("out_biz_no", t.outBizNo);
            answer.put("trans_amount", Yuan.of(t.amountFen));
            answer.put("status", t.status.name());
            answer.put("order_fee", "0.00");
            if (t.status == AlipayTransfer.Status.SUCCESS) {
                answer.put("pay_date", AlipayTrades.TIME.format(t.finishedAt));
            }
            if (t.status == AlipayTransfer.Status.FAIL) {
                answer.put("error_code", t.errorCode);
                answer.put("fail_reason", t.failReason);
            }
            return answer;
        }
    }

    /**
     * The control API's finish of a DEALING transfer (a {@code 6666} card, or any other early):
     * {@code SUCCESS} or {@code FAIL}. The first answer stays.
     *
     * @return the transfer's view, empty when there is no such transfer
     * @throws IllegalStateException when it is already final with another status
     */
    Optional<Map<String, Object>> finish(String outBizNo, AlipayTransfer.Status to) {
        AlipayTransfer t = transfers.get(outBizNo);
        if (t == null) {
            return Optional.empty();
        }
        boolean moved = to == AlipayTransfer.Status.FAIL
                ? t.finish(to, "PAYEE_ACCOUNT_NOT_EXSIT", "收款账户不存在", clock.instant())
                : t.finish(to, null, null, clock.instant());
        if (!moved && t.status != to) {
            throw new IllegalStateException("transfer " + outBizNo + " is already " + t.status);
        }
        return Optional.of(view(t));
    }

    private static void refuseByCard(String card) {
        if (card.endsWith("0000")) {
            throw AlipayError.business("PAYEE_CARD_INFO_ERROR", "收款方卡信息有误");
        }
        if (card.endsWith("1111")) {
            throw AlipayError.business("PAYER_BALANCE_NOT_ENOUGH", "付款方余额不足");
        }
    }

    private void decide(AlipayTransfer t) {
        if (t.cardNo.endsWith("9999")) {
            bank.schedule(() -> t.finish(AlipayTransfer.Status.SUCCESS, null, null, clock.instant()), bankAnswers.toNanos(),
                    TimeUnit.NANOSECONDS);
        } else if (t.cardNo.endsWith("8888")) {
            bank.schedule(() -> t.finish(AlipayTransfer.Status.FAIL, "PAYEE_ACCOUNT_NOT_EXSIT", "收款账户不存在", clock.instant()),
                    bankAnswers.toNanos(), TimeUnit.NANOSECONDS);
        } else if (!t.cardNo.endsWith("6666")) {
            t.finish(AlipayTransfer.Status.SUCCESS, null, null, clock.instant());
        }
    }

    private static Map<String, Object> transferAnswer(AlipayTransfer t) {
        synchronized (t) {
            Map<String, Object> answer = AlipayTrades.success();
            answer.put("out_biz_no", t.outBizNo);
            answer.put("order_id", t.orderId);
            answer.put("pay_fund_order_id", t.payFundOrderId);
            // a refused transfer answers FAIL from then on; the reason is the query's
            answer.put("status", t.status.name());
            answer.put("trans_date", AlipayTrades.TIME.format(t.createdAt));
            return answer;
        }
    }

    private static JsonNode payee(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw AlipayError.business("INVALID_PARAMETER", "参数有误: payee_info");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AlipayError.business("INVALID_PARAMETER", "参数有误: payee_info");
        }
    }

    // ---- the control API's view ----

    @Override
    public Optional<Map<String, Object>> order(String outBizNo) {
        return Optional.ofNullable(transfers.get(outBizNo)).map(AlipayTransfers::view);
    }

    @Override
    public List<Map<String, Object>> orders() {
        return transfers.values().stream().sorted(Comparator.comparing((AlipayTransfer t) -> t.createdAt).thenComparing(t -> t.outBizNo))
                .map(AlipayTransfers::view).toList();
    }

    private static Map<String, Object> view(AlipayTransfer t) {
        synchronized (t) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("out_trade_no", t.outBizNo);
            view.put("status", t.status.name());
            view.put("amount_fen", t.amountFen);
            view.put("trade_no", t.orderId);
            view.put("refunded_fen", t.status == AlipayTransfer.Status.FAIL ? t.amountFen : 0L);
            view.put("card", t.maskedCard());
            view.put("requests", t.requests);
            return view;
        }
    }

    /** Transfers have no notification here: the payout side learns by query. */
    @Override
    public String inject(Injection injection) {
        throw new InjectionRefused(409, "NOT_SUPPORTED", CHANNEL + " sends no notifications in the sandbox; query the transfer");
    }

    /** Differences injected into the account bill; none unless the control API adds some. */
    private BillFaults billFaults = new BillFaults();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useBillFaults(BillFaults billFaults) {
        this.billFaults = billFaults;
    }

    /**
     * The account bill of the day with the bill faults of channel {@code ALIPAY_PAYOUT} applied: kind {@code PAYMENT} is a
     * transfer line (转账) and {@code REFUND} a return line (退票), both by out_biz_no (the fault's {@code out_trade_no}). An
     * added return line of a transfer held here is that transfer sent back by the bank (a payout the platform counts as
     * paid that the bank returned); any other added line is one Alipay's records do not have.
     */
    @Override
    public BillFile bill(LocalDate day) {
        List<BillFaults.BillFault> injected = billFaults.of(CHANNEL, day);
        List<AlipayTransferBill.Line> lines = new java.util.ArrayList<>();
        for (AlipayTransferBill.Line line : AlipayTransferBill.lines(day, List.copyOf(transfers.values()))) {
            BillFaults.Kind kind = line.inFen() > 0 ? BillFaults.Kind.REFUND : BillFaults.Kind.PAYMENT;
            if (BillFaults.dropped(injected, kind, line.outBizNo(), null)) {
                continue;
            }
            long fen = line.inFen() > 0 ? line.inFen() : line.outFen();
            long stated = BillFaults.amount(injected, kind, line.outBizNo(), null, fen);
            lines.add(kind == BillFaults.Kind.REFUND ? line.withIn(stated) : line.withOut(stated));
        }
        java.time.Instant noon = day.atTime(12, 0).atZone(AlipayTrades.SHANGHAI).toInstant();
        for (BillFaults.BillFault added : BillFaults.added(injected)) {
            // a line Alipay's records do not have: its own serial, the amount the fault states
            boolean back = added.kind() == BillFaults.Kind.REFUND;
            String serial = String.format("%s%013d", "20" + day.toString().replace("-", "").substring(2), sequence.incrementAndGet());
            AlipayTransfer held = back ? transfers.get(added.outTradeNo()) : null;
            if (held != null) {
                // the bank sending back a transfer Alipay holds as paid: the return carries that transfer's 业务流水号 and
                // card, as Alipay's own 退票 line does, so the bill reads like a real return of a paid payout
                synchronized (held) {
                    lines.add(new AlipayTransferBill.Line(held.payFundOrderId + "R", held.orderId, held.outBizNo, noon,
                            held.maskedCard(), added.amountFen(), 0, "退票", "bill fault: returned by the bank"));
                }
                continue;
            }
            lines.add(new AlipayTransferBill.Line(serial + (back ? "R" : ""), serial, added.outTradeNo(), noon, "****0000",
                    back ? added.amountFen() : 0, back ? 0 : added.amountFen(), back ? "退票" : "转账", "bill fault"));
        }
        lines.sort(java.util.Comparator.comparing(AlipayTransferBill.Line::at).thenComparing(AlipayTransferBill.Line::accountSerial));
        return AlipayTransferBill.render(day, lines, clock.instant());
    }
}
