-- A receiver's share given back to the sharing merchant, idempotent on the merchant's out_return_no.
CREATE TABLE profit_sharing_return (
    id                   BIGINT      NOT NULL AUTO_INCREMENT,
    return_no            VARCHAR(32) NOT NULL,
    out_return_no        VARCHAR(64) NOT NULL,
    order_no             VARCHAR(32) NOT NULL,
    merchant_id          VARCHAR(64) NOT NULL COMMENT 'the sharing merchant, who gets the money back',
    receiver_merchant_id VARCHAR(64) NOT NULL,
    currency             CHAR(3)     NOT NULL,
    amount               BIGINT      NOT NULL,
    digest               CHAR(64)    NOT NULL,
    result               VARCHAR(16) NOT NULL COMMENT 'PENDING until its entry is posted, then SUCCESS',
    created_at           DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sharing_return_no (return_no),
    UNIQUE KEY uk_sharing_out_return_no (merchant_id, out_return_no),
    KEY idx_sharing_return_order (order_no, receiver_merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
