-- Buyer-to-buyer wallet transfers. A transfer row commits in the same transaction as its journal entry
-- (posting key WTR-<transfer_no>), so a row means the money moved. uk_wallet_transfer_request makes a
-- repeat of the sender's request number transfer once, in parallel too.
CREATE TABLE wallet_transfer (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    transfer_no   VARCHAR(32)  NOT NULL,
    from_buyer_id VARCHAR(64)  NOT NULL,
    request_no    VARCHAR(64)  NOT NULL,
    to_buyer_id   VARCHAR(64)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    posting_key   VARCHAR(64)  NOT NULL,
    transfer_day  DATE         NOT NULL COMMENT 'the day in the wallet zone whose limit it counts against',
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wallet_transfer_no (transfer_no),
    UNIQUE KEY uk_wallet_transfer_request (from_buyer_id, request_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What each sender transferred per day: one row per sender, day and currency, raised by a conditional
-- UPDATE in the transfer's transaction (refused past the configured limit); the row lock queues the
-- sender's parallel transfers, so no update is lost.
CREATE TABLE wallet_transfer_day (
    buyer_id          VARCHAR(64) NOT NULL,
    transfer_day      DATE        NOT NULL,
    currency          CHAR(3)     NOT NULL,
    transferred_minor BIGINT      NOT NULL,
    PRIMARY KEY (buyer_id, transfer_day, currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
