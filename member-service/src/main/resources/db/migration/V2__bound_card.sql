-- Bound bank cards (database paysuite_member), kept as UnionPay tokens only: no card number is
-- ever stored, only the masked form a page may show. card_id is 'C' + id and is not stored.
-- Idempotency of bindCard lives in uk_bound_card_buyer_token: code inserts and reads the winner.
CREATE TABLE bound_card (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    buyer_id       VARCHAR(20) NOT NULL COMMENT 'U + buyer.id',
    -- tokens are case-sensitive: under the table's _ci collation 'abc' and 'ABC' would collide in the unique key
    unionpay_token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                   COMMENT 'UnionPay ACP token; answered only by resolveCardToken, never logged',
    masked_pan     VARCHAR(32) NOT NULL COMMENT 'e.g. 6222 **** **** 0000; never a full card number',
    bank_name      VARCHAR(32) NOT NULL,
    card_type      VARCHAR(8)  NOT NULL COMMENT 'DEBIT, CREDIT',
    status         VARCHAR(8)  NOT NULL COMMENT 'ACTIVE, UNBOUND',
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bound_card_buyer_token (buyer_id, unionpay_token),
    KEY idx_bound_card_buyer_status (buyer_id, status)
) ENGINE = InnoDB AUTO_INCREMENT = 10000001 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
