-- The completion of a card pre-authorisation (UnionPay's txnType 03) once the channel confirmed it. It is its own
-- transaction at the channel, with its own number (K + the trade number's digits) and its own queryId: a refund of
-- the captured money names the completion (origQryId), not the pre-auth, and the channel's file lists it as a
-- payment under its number for the captured amount. Neither is derivable later (the end's time is trade-core's
-- capture), so the gateway keeps what the channel answered. One per authorisation; written once, never changed.
CREATE TABLE authorisation_completion (
    completion_no     VARCHAR(32)  NOT NULL PRIMARY KEY,
    authorisation_no  VARCHAR(32)  NOT NULL COMMENT 'the authorisation''s channel_order_no',
    pay_order_no      VARCHAR(64)  NOT NULL,
    trade_no          VARCHAR(64)  NOT NULL,
    merchant_id       VARCHAR(64)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    method            VARCHAR(16)  NOT NULL,
    captured_minor    BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    channel_trade_no  VARCHAR(64)  NOT NULL COMMENT 'the completion''s own id at the channel (UnionPay queryId)',
    ended_at          DATETIME(3)  NOT NULL COMMENT 'the end''s time as sent (with the number, it names the transaction)',
    completed_at      DATETIME(3)  NOT NULL COMMENT 'when the channel''s confirmation was recorded here',
    UNIQUE KEY uk_completion_authorisation (authorisation_no),
    KEY idx_completion_channel_completed (channel, completed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
