-- Coupons (database paysuite_member): templates, coupons issued to buyers with the template's terms
-- copied, and each use of a coupon by one payment. Amounts are minor units of `currency`; times UTC.
-- template_id is 'CT' + id and coupon_id 'CP' + id, not stored.
-- Idempotency lives in the unique keys: uk_coupon_template_request_no (createTemplate),
-- uk_coupon_request_no (issue), uk_coupon_use (freeze/confirm/release/giveBack per coupon and use key).
-- A coupon is frozen by one compare-and-set on its row (AVAILABLE -> FROZEN, writing use_key) in the
-- same transaction as the insert of its use, so one payment wins under any concurrency.
CREATE TABLE coupon_template (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    request_no       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(64)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL COMMENT 'FIXED_AMOUNT, PERCENTAGE',
    amount_minor     BIGINT       NULL COMMENT 'FIXED_AMOUNT: the discount',
    percent_off      INT          NULL COMMENT 'PERCENTAGE: 1-99',
    cap_minor        BIGINT       NULL COMMENT 'PERCENTAGE: the most it takes off; NULL: no cap',
    min_spend_minor  BIGINT       NOT NULL DEFAULT 0,
    currency         CHAR(3)      NOT NULL,
    valid_from       DATETIME(3)  NOT NULL,
    valid_until      DATETIME(3)  NOT NULL COMMENT 'exclusive',
    funded_by        VARCHAR(16)  NOT NULL COMMENT 'PLATFORM, MERCHANT',
    merchant_id      VARCHAR(32)  NULL COMMENT 'NULL: usable at every merchant',
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_coupon_template_request_no (request_no)
) ENGINE = InnoDB AUTO_INCREMENT = 10000001 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE coupon (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    template_id      BIGINT       NOT NULL,
    buyer_id         VARCHAR(20)  NOT NULL COMMENT 'U + buyer.id',
    request_no       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(64)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    amount_minor     BIGINT       NULL,
    percent_off      INT          NULL,
    cap_minor        BIGINT       NULL,
    min_spend_minor  BIGINT       NOT NULL DEFAULT 0,
    currency         CHAR(3)      NOT NULL,
    valid_from       DATETIME(3)  NOT NULL,
    valid_until      DATETIME(3)  NOT NULL,
    funded_by        VARCHAR(16)  NOT NULL,
    merchant_id      VARCHAR(32)  NULL,
    status           VARCHAR(16)  NOT NULL COMMENT 'AVAILABLE, FROZEN, USED, EXPIRED (CouponTransitions)',
    use_key          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'the payment holding it while FROZEN or USED',
    trade_no         VARCHAR(64)  NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_coupon_request_no (request_no),
    KEY idx_coupon_buyer (buyer_id, id)
) ENGINE = InnoDB AUTO_INCREMENT = 10000001 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE coupon_use (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    coupon_id        BIGINT       NOT NULL,
    use_key          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the pay order number',
    trade_no         VARCHAR(64)  NULL COMMENT 'NULL for a release that came before any freeze',
    discount_minor   BIGINT       NOT NULL DEFAULT 0,
    currency         CHAR(3)      NOT NULL,
    status           VARCHAR(16)  NOT NULL COMMENT 'FROZEN, CONFIRMED, RELEASED, RETURNED (HoldTransitions)',
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_coupon_use (coupon_id, use_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
