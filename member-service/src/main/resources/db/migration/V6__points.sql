-- Points (database paysuite_member): one account per buyer, each use by one payment, and the journal of
-- movements. Every change of an account is one transaction with its movement, whose unique key
-- (GRANT:<request_no>, FREEZE:/CONFIRM:/RELEASE:/GIVE_BACK:<use_key>) makes a repeat write nothing;
-- the sums of a buyer's available_delta and frozen_delta are the account's available and frozen.
-- Balances change by conditional UPDATEs (available >= n, frozen >= n); the CHECKs are the last guard.
CREATE TABLE points_account (
    buyer_id    VARCHAR(20) NOT NULL COMMENT 'U + buyer.id',
    available   BIGINT      NOT NULL DEFAULT 0,
    frozen      BIGINT      NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (buyer_id),
    CONSTRAINT ck_points_available CHECK (available >= 0),
    CONSTRAINT ck_points_frozen CHECK (frozen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE points_use (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    use_key     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the pay order number',
    buyer_id    VARCHAR(20) NULL COMMENT 'NULL for a release that came before any freeze',
    trade_no    VARCHAR(64) NULL,
    points      BIGINT      NOT NULL DEFAULT 0,
    value_minor BIGINT      NOT NULL DEFAULT 0,
    currency    CHAR(3)     NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'FROZEN, CONFIRMED, RELEASED, RETURNED (HoldTransitions)',
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_use_key (use_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE points_movement (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    buyer_id        VARCHAR(20)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL COMMENT 'GRANT, FREEZE, CONFIRM, RELEASE, GIVE_BACK',
    movement_key    VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    available_delta BIGINT       NOT NULL,
    frozen_delta    BIGINT       NOT NULL,
    reason          VARCHAR(128) NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_movement_key (movement_key),
    KEY idx_points_movement_buyer (buyer_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
