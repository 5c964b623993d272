-- Payments and refunds. Applied to every physical trade database, like V1.

-- The pay order currently holding a PAYING trade (beginPay), and the buyer who paid. payer_id is
-- not buyer_id: buyer_id is a sharding column and cannot change after insert, while a trade
-- created without a buyer learns who paid only at payment.
ALTER TABLE trade_order_0 ADD COLUMN pay_order_no VARCHAR(32) NULL, ADD COLUMN payer_id VARCHAR(32) NULL;
ALTER TABLE trade_order_1 ADD COLUMN pay_order_no VARCHAR(32) NULL, ADD COLUMN payer_id VARCHAR(32) NULL;
ALTER TABLE trade_order_2 ADD COLUMN pay_order_no VARCHAR(32) NULL, ADD COLUMN payer_id VARCHAR(32) NULL;
ALTER TABLE trade_order_3 ADD COLUMN pay_order_no VARCHAR(32) NULL, ADD COLUMN payer_id VARCHAR(32) NULL;

-- Refunds. refund_no carries its trade's gene, so a refund lives in its trade's physical database
-- and the reservation (trade.refunded_minor) and the refund row commit in one local transaction.
CREATE TABLE refund_order_0 (
    refund_no       VARCHAR(32)  NOT NULL,
    trade_no        VARCHAR(32)  NOT NULL,
    merchant_id     VARCHAR(32)  NOT NULL,
    out_refund_no   VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    paid_minor      BIGINT       NOT NULL COMMENT 'the trade paid amount when the refund was accepted',
    refunded_before_minor BIGINT NOT NULL COMMENT 'refunds of the trade accepted before this one',
    escrow_held     TINYINT(1)   NOT NULL COMMENT 'the money was still in escrow (guarantee trade not confirmed)',
    buyer_id        VARCHAR(32)  NOT NULL,
    reason          VARCHAR(80)  NULL,
    fail_code       VARCHAR(40)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    succeeded_at    DATETIME(3)  NULL,
    version         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (refund_no),
    KEY idx_trade (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE refund_order_1 LIKE refund_order_0;
CREATE TABLE refund_order_2 LIKE refund_order_0;
CREATE TABLE refund_order_3 LIKE refund_order_0;

-- Merchant refund number -> refund number, placed by the merchant like trade_merchant_index:
-- the primary key is the idempotency key of RefundService.refund.
CREATE TABLE refund_merchant_index_0 (
    merchant_id     VARCHAR(32)  NOT NULL,
    out_refund_no   VARCHAR(64)  NOT NULL,
    refund_no       VARCHAR(32)  NOT NULL,
    request_digest  CHAR(64)     NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (merchant_id, out_refund_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE refund_merchant_index_1 LIKE refund_merchant_index_0;
CREATE TABLE refund_merchant_index_2 LIKE refund_merchant_index_0;
CREATE TABLE refund_merchant_index_3 LIKE refund_merchant_index_0;
