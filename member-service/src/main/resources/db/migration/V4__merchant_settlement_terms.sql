-- A merchant's settlement terms: the cycle T+N, the settlement bank account and the default notify
-- URL of settlement notifications. One row per merchant, written by onboarding or an operator; a
-- merchant without a row is settled T+1 and not paid out (no account).
CREATE TABLE merchant_settlement_terms (
    merchant_id       VARCHAR(32)  NOT NULL,
    cycle_days        INT          NOT NULL DEFAULT 1 COMMENT 'T+N',
    account_sealed    VARCHAR(256) NULL COMMENT 'the bank account number, AES-256-GCM sealed like card tokens',
    account_last4     CHAR(4)      NULL COMMENT 'what every answer shows',
    account_name      VARCHAR(128) NULL,
    bank_name         VARCHAR(128) NULL,
    notify_url        VARCHAR(512) NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
