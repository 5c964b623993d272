-- Merchant settlement. One settlement per merchant, run date and currency (uk_settlement_run: a
-- re-run of a date answers the settlement already made); each journal entry that moved a merchant's
-- pending money is settled once (uk_settlement_item_entry), so what a settlement moves is exactly
-- the entries it lists, and its statement is rebuilt from them.
CREATE TABLE settlement (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    settlement_no   VARCHAR(48)  NOT NULL COMMENT 'ST + run date + merchant id (+ currency when not CNY)',
    merchant_id     VARCHAR(64)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    settle_date     DATE         NOT NULL COMMENT 'the run date',
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL COMMENT 'run date - N (the merchant''s cycle T+N)',
    cutoff_at       DATETIME(3)  NOT NULL COMMENT 'entries posted before this instant (UTC) were due',
    gross           BIGINT       NOT NULL,
    refunds         BIGINT       NOT NULL,
    fees            BIGINT       NOT NULL,
    adjustments     BIGINT       NOT NULL,
    carried_forward BIGINT       NOT NULL COMMENT 'available balance before this settlement moved money in',
    net             BIGINT       NOT NULL COMMENT 'carried_forward + gross - refunds - fees + adjustments',
    status          VARCHAR(16)  NOT NULL COMMENT 'PROCESSING, PAID, FAILED (SettlementTransitions)',
    payout_no       VARCHAR(48)  NULL,
    bank_account    VARCHAR(16)  NULL COMMENT 'masked: last four digits',
    payout_status   VARCHAR(16)  NULL,
    paid_at         DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_settlement_no (settlement_no),
    UNIQUE KEY uk_settlement_run (merchant_id, settle_date, currency),
    UNIQUE KEY uk_settlement_payout (payout_no),
    KEY idx_settlement_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The entries a settlement settled, with the merchant's side of each (pending change and fee),
-- so the statement file is rebuilt exactly.
CREATE TABLE settlement_item (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    settlement_no  VARCHAR(48) NOT NULL,
    merchant_id    VARCHAR(64) NOT NULL,
    entry_id       BIGINT      NOT NULL,
    entry_no       VARCHAR(32) NOT NULL,
    posting_key    VARCHAR(64) NOT NULL,
    biz_type       VARCHAR(32) NOT NULL,
    biz_no         VARCHAR(64) NOT NULL,
    posted_at      DATETIME(3) NOT NULL,
    pending_delta  BIGINT      NOT NULL COMMENT 'credits - debits on the merchant''s pending account',
    fee_delta      BIGINT      NOT NULL COMMENT 'fee charged (+) or given back (-) in the entry',
    PRIMARY KEY (id),
    UNIQUE KEY uk_settlement_item_entry (merchant_id, entry_id),
    KEY idx_settlement_item_no (settlement_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The lock table of the kit's scheduled jobs (ShedLock; kit-sql/shedlock.sql).
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
