-- Buyers' withdrawals to a bound card. The row is written PROCESSING in the transaction of its hold
-- (posting key WDR-<withdrawal_no>: wallet -> PAYOUT_IN_TRANSIT) and ends SUCCESS or FAILED in the
-- transaction of its final entry (WDR-FINAL-<withdrawal_no>), by compare-and-set (WithdrawalTransitions).
-- The withdrawal number is also its payout's number at channel-gateway.
CREATE TABLE wallet_withdrawal (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    withdrawal_no  VARCHAR(32)  NOT NULL,
    buyer_id       VARCHAR(64)  NOT NULL,
    request_no     VARCHAR(64)  NOT NULL,
    card_id        VARCHAR(32)  NOT NULL,
    card_last_four CHAR(4)      NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    status         VARCHAR(16)  NOT NULL COMMENT 'PROCESSING, SUCCESS, FAILED (WithdrawalTransitions)',
    created_at     DATETIME(3)  NOT NULL,
    finished_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wallet_withdrawal_no (withdrawal_no),
    UNIQUE KEY uk_wallet_withdrawal_request (buyer_id, request_no),
    KEY idx_wallet_withdrawal_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
