-- One row per payout sent (or about to be sent) to the payout channel. payout_no is ours and the
-- channel's request number (Alipay out_biz_no), so sending it again is the same transfer there.
-- The full account number is needed only to send the transfer again; it is kept sealed
-- (account_sealed, AES-GCM, see PayoutAccountSeal) and only its last four digits in clear.
CREATE TABLE payout (
    payout_no         VARCHAR(64)  NOT NULL PRIMARY KEY,
    purpose           VARCHAR(16)  NOT NULL,
    owner_id          VARCHAR(64)  NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    account_sealed    VARCHAR(256) NOT NULL,
    account_last4     CHAR(4)      NOT NULL,
    account_name      VARCHAR(128) NOT NULL,
    remark            VARCHAR(128) NULL,
    status            VARCHAR(16)  NOT NULL,
    raw_code          VARCHAR(64)  NULL,
    channel_payout_no VARCHAR(64)  NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    finished_at       DATETIME(3)  NULL,
    -- the janitor's find (PROCESSING older than its age) and the operators' list by status
    KEY idx_payout_status_created (status, created_at),
    KEY idx_payout_owner_created (owner_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
