-- Applied to EVERY physical trade database (paysuite_trade_0, paysuite_trade_1, ...) before
-- ShardingSphere starts; see ShardingDataSourceConfig. Which table a row lives in is decided by
-- GeneShardingAlgorithm: database = gene % databases, table = (gene / databases) % tables.
-- Times are UTC. Money is BIGINT minor units plus an ISO 4217 code.
-- The "_1".."_3" tables are created LIKE "_0" so the shards can never drift apart.

-- Trades. Placement by the gene in trade_no (= buyer's gene, or the merchant order key's gene
-- for a trade created without a buyer). buyer_id is set at creation only: it is a sharding
-- column, and ShardingSphere refuses an UPDATE that would move a row to another shard.
CREATE TABLE trade_order_0 (
    trade_no        VARCHAR(32)  NOT NULL,
    merchant_id     VARCHAR(32)  NOT NULL,
    out_trade_no    VARCHAR(64)  NOT NULL,
    trade_type      VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    paid_minor      BIGINT       NOT NULL DEFAULT 0,
    refunded_minor  BIGINT       NOT NULL DEFAULT 0,
    subject         VARCHAR(128) NOT NULL,
    buyer_id        VARCHAR(32)  NULL,
    attach          VARCHAR(256) NULL,
    notify_url      VARCHAR(256) NOT NULL,
    return_url      VARCHAR(256) NULL,
    time_expire     DATETIME(3)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    paid_at         DATETIME(3)  NULL,
    closed_at       DATETIME(3)  NULL,
    version         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (trade_no),
    KEY idx_buyer_created (buyer_id, created_at),
    KEY idx_merchant_out_trade_no (merchant_id, out_trade_no),
    KEY idx_status_expire (status, time_expire)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE trade_order_1 LIKE trade_order_0;
CREATE TABLE trade_order_2 LIKE trade_order_0;
CREATE TABLE trade_order_3 LIKE trade_order_0;

-- Merchant order number -> trade number. Placement by ShardGene.ofKey(merchant_id), so a lookup
-- by merchant order number reads one table. The primary key is the idempotency key of
-- TradeService.create: whoever inserts the row first owns the merchant order number.
CREATE TABLE trade_merchant_index_0 (
    merchant_id     VARCHAR(32)  NOT NULL,
    out_trade_no    VARCHAR(64)  NOT NULL,
    trade_no        VARCHAR(32)  NOT NULL,
    request_digest  CHAR(64)     NOT NULL COMMENT 'SHA-256 hex of the create request content',
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (merchant_id, out_trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE trade_merchant_index_1 LIKE trade_merchant_index_0;
CREATE TABLE trade_merchant_index_2 LIKE trade_merchant_index_0;
CREATE TABLE trade_merchant_index_3 LIKE trade_merchant_index_0;

-- Trade events (written in the same local transaction as the trade change). One table per
-- physical database, placed by database only: ds = gene % databases, the gene read from
-- event_id or trade_no (an event id carries its trade's gene).
CREATE TABLE trade_event (
    event_id    VARCHAR(32) NOT NULL,
    trade_no    VARCHAR(32) NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_trade_no (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
