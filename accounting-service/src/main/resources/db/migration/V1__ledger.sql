-- The double-entry ledger. Amounts are BIGINT minor units; times are UTC wall-clock DATETIME(3).

-- Chart of accounts, one row per account, opened on its first posting. debit_total, credit_total
-- and balance (on the type's normal side) count APPLIED lines only: a hot account's buffered
-- lines (journal_line.applied = 0) are added by readers and folded in by the applier.
CREATE TABLE account (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    code         VARCHAR(160) NOT NULL COMMENT 'TYPE:owner:CURRENCY',
    type         VARCHAR(32)  NOT NULL,
    owner_id     VARCHAR(64)  NOT NULL,
    currency     CHAR(3)      NOT NULL,
    debit_total  BIGINT       NOT NULL DEFAULT 0,
    credit_total BIGINT       NOT NULL DEFAULT 0,
    balance      BIGINT       NOT NULL DEFAULT 0,
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_code (code),
    KEY idx_account_currency (currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per posting. posting_key is the idempotency key (unique index, not check-then-insert);
-- content_digest tells a repeat (same digest) from a conflicting reuse of the key.
CREATE TABLE journal_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    entry_no       VARCHAR(32)  NOT NULL,
    posting_key    VARCHAR(64)  NOT NULL,
    biz_type       VARCHAR(32)  NOT NULL,
    biz_no         VARCHAR(64)  NOT NULL COMMENT 'the trade number for PAYMENT, RELEASE and REFUND',
    currency       CHAR(3)      NOT NULL,
    content_digest CHAR(64)     NOT NULL COMMENT 'SHA-256 of the command that asked for the entry',
    memo           VARCHAR(256) NULL,
    posted_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_entry_posting_key (posting_key),
    UNIQUE KEY uk_entry_no (entry_no),
    KEY idx_entry_biz (biz_no, biz_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The entry's lines. applied = 1: already counted in account's totals (non-hot accounts are
-- updated in the posting's own transaction); applied = 0: a hot account's buffered line, waiting
-- for the HotAccountBuffer's applier.
CREATE TABLE journal_line (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    entry_id     BIGINT       NOT NULL,
    line_no      INT          NOT NULL,
    account_code VARCHAR(160) NOT NULL,
    side         VARCHAR(6)   NOT NULL COMMENT 'DEBIT or CREDIT',
    amount       BIGINT       NOT NULL,
    applied      TINYINT      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_line_entry (entry_id, line_no),
    KEY idx_line_unapplied (applied, account_code),
    KEY idx_line_account (account_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A merchant's fee rate in basis points; merchants without a row pay the configured default.
CREATE TABLE merchant_fee_rate (
    merchant_id VARCHAR(64) NOT NULL,
    rate_bps    INT         NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
