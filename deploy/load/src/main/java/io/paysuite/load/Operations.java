package io.paysuite.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One operation of each {@link Scenario}, answering {@link Tally#OK} or the code that came back instead
 * (the open API's stable code, a trade status that is not the expected one, or the exception's name). Every
 * business number is fresh: {@code LD<run><sequence>}, so runs never collide with each other or with a till.
 */
public final class Operations {

    private final SignedClient api;
    private final RunDirectory run;
    private final PayService pay;
    private final long amount;
    private final String notifyUrl;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> queryPool = new ArrayList<>();
    private final List<String> refundPool = new ArrayList<>();

    public Operations(SignedClient api, RunDirectory run, PayService pay, long amount, String notifyUrl) {
        this.api = api;
        this.notifyUrl = notifyUrl;
        this.run = run;
        this.pay = pay;
        this.amount = amount;
    }

    /** What a scenario needs before its first measured operation: trades to query, paid trades to refund. */
    public void prepare(Scenario scenario) throws Exception {
        if (scenario == Scenario.QUERY && queryPool.isEmpty()) {
            for (int i = 0; i < 64; i++) {
                SignedClient.Answer created = api.post("/api/v1/trades", trade(next()));
                require(created, "a trade to query");
                queryPool.add(created.body().get("trade_no").asText());
            }
        }
        if (scenario == Scenario.REFUND && refundPool.isEmpty()) {
            for (int i = 0; i < 16; i++) {
                SignedClient.Answer paid = api.post("/api/v1/trades/barcode", barcode(next(), 1_000_000)); // 0.01 a refund: 100 000 each
                require(paid, "a paid trade to refund");
                refundPool.add(paid.body().get("trade_no").asText());
            }
        }
    }

    public String run(Scenario scenario) {
        try {
            return switch (scenario) {
                case CREATE -> api.post("/api/v1/trades", trade(next())).code();
                case BARCODE -> paid(api.post("/api/v1/trades/barcode", barcode(next(), amount)));
                case QUERY -> api.get("/api/v1/trades/" + queryPool.get(ThreadLocalRandom.current().nextInt(queryPool.size()))).code();
                case REFUND -> refund();
                case BALANCE -> balance();
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INTERRUPTED";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private String refund() throws Exception {
        String tradeNo = refundPool.get(ThreadLocalRandom.current().nextInt(refundPool.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trade_no", tradeNo);
        body.put("out_refund_no", "LDR" + next());
        body.put("amount", Map.of("refund", 1, "currency", "CNY"));
        body.put("reason", "load");
        return api.post("/api/v1/refunds", body).code();
    }

    /** Create over the open API, then pay from a demo buyer's wallet as the cashier does (one request number per attempt). */
    private String balance() throws Exception {
        String no = next();
        RunDirectory.Buyer buyer = run.buyers().get((int) (sequence.get() % run.buyers().size()));
        SignedClient.Answer created = api.post("/api/v1/trades", trade(no));
        if (!Tally.OK.equals(created.code())) {
            return created.code();
        }
        String tradeNo = created.body().get("trade_no").asText();
        Result<PayOrderDTO> answer;
        try (var mark = LoadTraffic.mark()) {
            answer = pay.pay(new PayCmd(tradeNo, buyer.buyerId(), PayMethod.BALANCE, buyer.payPassword(), "LDP" + no));
        }
        if (!answer.success()) {
            return answer.code();
        }
        return answer.data().status() == PayOrderStatus.SUCCESS ? Tally.OK : "PAY_ORDER_" + answer.data().status();
    }

    /** A payment-code answer is a success only when the trade is paid; {@code PAYING} is counted by name. */
    private static String paid(SignedClient.Answer answer) {
        if (!Tally.OK.equals(answer.code())) {
            return answer.code();
        }
        String status = answer.body().path("status").asText();
        return "SUCCESS".equals(status) ? Tally.OK : "TRADE_" + status;
    }

    private String next() {
        return runId + sequence.incrementAndGet();
    }

    private Map<String, Object> trade(String no) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("out_trade_no", "LD" + no);
        body.put("trade_type", "INSTANT");
        body.put("amount", Map.of("total", amount, "currency", "CNY"));
        body.put("subject", "load run");
        body.put("notify_url", notifyUrl);
        return body;
    }

    /** An Alipay payment code (16 digits, 25–30…) ending {@code 0000}: the sandbox's buyer pays at once. */
    private Map<String, Object> barcode(String no, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("out_trade_no", "LD" + no);
        body.put("amount", Map.of("total", total, "currency", "CNY"));
        body.put("subject", "load run");
        body.put("notify_url", notifyUrl);
        body.put("auth_code", "28" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)) + "0000");
        return body;
    }

    private static void require(SignedClient.Answer answer, String what) {
        JsonNode body = answer.body();
        if (!Tally.OK.equals(answer.code()) || body == null || !body.has("trade_no")) {
            throw new IllegalStateException("could not prepare " + what + ": " + answer.status() + " " + body);
        }
    }
}
