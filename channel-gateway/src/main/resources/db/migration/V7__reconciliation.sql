-- Channel reconciliation, stored: one batch per channel and bill date (the unique key that makes a re-run the
-- same batch), and its differences, unique per batch, kind, type and number, so two runs at once store each once.
CREATE TABLE recon_batch (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel              VARCHAR(16)  NOT NULL,
    bill_date            DATE         NOT NULL,
    currency             CHAR(3)      NOT NULL,
    matched              BIGINT       NOT NULL DEFAULT 0,
    differences_open     BIGINT       NOT NULL DEFAULT 0,
    differences_resolved BIGINT       NOT NULL DEFAULT 0,
    bill_payments        BIGINT       NOT NULL DEFAULT 0,
    bill_refunds         BIGINT       NOT NULL DEFAULT 0,
    bill_gross_minor     BIGINT       NOT NULL DEFAULT 0,
    bill_refunded_minor  BIGINT       NOT NULL DEFAULT 0,
    bill_fee_minor       BIGINT       NOT NULL DEFAULT 0,
    our_paid_minor       BIGINT       NOT NULL DEFAULT 0,
    our_refunded_minor   BIGINT       NOT NULL DEFAULT 0,
    cleared_net_minor    BIGINT       NOT NULL DEFAULT 0,
    cleared_fee_minor    BIGINT       NOT NULL DEFAULT 0,
    clearing_key         VARCHAR(96)  NULL,
    runs                 INT          NOT NULL DEFAULT 0,
    last_added           INT          NOT NULL DEFAULT 0,
    last_self_healed     INT          NOT NULL DEFAULT 0,
    last_auto_resolved   INT          NOT NULL DEFAULT 0,
    last_escalated       INT          NOT NULL DEFAULT 0,
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_recon_batch_day (channel, bill_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE recon_difference (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    batch_id             BIGINT       NOT NULL,
    kind                 VARCHAR(16)  NOT NULL,
    type                 VARCHAR(24)  NOT NULL,
    number               VARCHAR(64)  NOT NULL,
    our_no               VARCHAR(64)  NULL,
    our_amount_minor     BIGINT       NULL,
    our_status           VARCHAR(16)  NULL,
    channel_no           VARCHAR(64)  NULL,
    channel_amount_minor BIGINT       NULL,
    channel_trade_no     VARCHAR(64)  NULL,
    currency             CHAR(3)      NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    note                 VARCHAR(512) NULL,
    resolution_action    VARCHAR(24)  NULL,
    resolved_by          VARCHAR(128) NULL,
    resolution_reason    VARCHAR(512) NULL,
    resolution_outcome   VARCHAR(512) NULL,
    posting_key          VARCHAR(96)  NULL,
    resolved_at          DATETIME(3)  NULL,
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_recon_difference (batch_id, kind, type, number),
    KEY idx_recon_difference_status (status, batch_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- reconciliation reads a channel's refunds that succeeded within a day
CREATE INDEX idx_channel_refund_finished ON channel_refund (channel, finished_at);
