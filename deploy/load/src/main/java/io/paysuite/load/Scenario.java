package io.paysuite.load;

/** What one operation of a load run is, as a merchant's till or a buyer makes it. */
public enum Scenario {
    /** {@code POST /api/v1/trades}: an instant trade, not paid. */
    CREATE(false),
    /** {@code POST /api/v1/trades/barcode} with an Alipay payment code the sandbox pays at once: one whole payment. */
    BARCODE(true),
    /** {@code GET /api/v1/trades/{trade_no}} over a pool of trades created before the run. */
    QUERY(false),
    /** {@code POST /api/v1/refunds} of 0.01 from a pool of trades paid before the run. */
    REFUND(false),
    /** A trade created over the open API, then paid from a demo buyer's wallet through pay-core's {@code PayService.pay}, as the cashier calls it. */
    BALANCE(true);

    private final boolean payment;

    Scenario(boolean payment) {
        this.payment = payment;
    }

    /** An operation of this scenario is one whole payment (the figures read "per payment"). */
    public boolean payment() {
        return payment;
    }
}
