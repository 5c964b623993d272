-- Every risk decision (ALLOWs sampled by paysuite.risk.allow-sample-rate): which payment attempt,
-- whose, how much, the decision, the rules that fired (id[ACTION: why]) and failed, the inputs that
-- mattered. A ShardingSphere single table (ds_0 only, see V7). Times are UTC.
CREATE TABLE risk_decision (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    trade_no      VARCHAR(32)   NOT NULL,
    request_no    VARCHAR(64)   NULL,
    buyer_id      VARCHAR(32)   NULL,
    merchant_id   VARCHAR(32)   NOT NULL,
    method        VARCHAR(16)   NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    currency      CHAR(3)       NOT NULL,
    verdict       VARCHAR(8)    NOT NULL COMMENT 'ALLOW, REVIEW or BLOCK',
    fired_rules   VARCHAR(1000) NOT NULL,
    failed_rules  VARCHAR(500)  NOT NULL,
    inputs        VARCHAR(1000) NOT NULL,
    decided_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_trade (trade_no),
    KEY idx_buyer (buyer_id, id),
    KEY idx_merchant (merchant_id, id),
    KEY idx_verdict (verdict, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
