-- Applied to EVERY physical pay database (paysuite_pay_0, paysuite_pay_1, ...) before
-- ShardingSphere starts; see ShardingDataSourceConfig. GeneShardingAlgorithm places a row by the
-- gene in pay_order_no or trade_no (equal: a pay order number carries its trade's gene):
-- database = gene % databases, table = (gene / databases) % tables. Times are UTC.

-- One row per payment attempt. All pay orders of one trade share its gene and hence one
-- physical table, so UNIQUE (trade_no, request_no) is a global idempotency key.
CREATE TABLE pay_order_0 (
    pay_order_no  VARCHAR(32)  NOT NULL,
    trade_no      VARCHAR(32)  NOT NULL,
    request_no    VARCHAR(64)  NOT NULL,
    request_digest CHAR(64)    NOT NULL COMMENT 'SHA-256 hex of the open request content',
    buyer_id      VARCHAR(32)  NOT NULL,
    merchant_id   VARCHAR(32)  NOT NULL,
    method        VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (pay_order_no),
    UNIQUE KEY uk_trade_request (trade_no, request_no),
    KEY idx_status_created (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE pay_order_1 LIKE pay_order_0;
CREATE TABLE pay_order_2 LIKE pay_order_0;
CREATE TABLE pay_order_3 LIKE pay_order_0;
