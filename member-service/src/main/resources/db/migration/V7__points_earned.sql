-- Points earned on payments (database paysuite_member; docs/adr/0008 "Points earned on a payment").
-- points_earning: one row per paid trade member-service has seen, also when nothing was earned (no buyer, or
-- less than one point): a refund that finds no row knows the payment's event has not been handled yet.
-- refunded_minor, taken_back and forgiven sum what refunds did to the earned points; the row moves by
-- compare-and-set on refunded_minor, so two refunds of one trade apply one after the other.
CREATE TABLE points_earning (
    trade_no       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    buyer_id       VARCHAR(20) NULL COMMENT 'the buyer who paid; NULL for an anonymous payment (earns nothing)',
    points         BIGINT      NOT NULL COMMENT 'earned on cash_minor (PointsRules.earnedOn)',
    price_minor    BIGINT      NOT NULL COMMENT 'the trade''s paid amount: refunds are asked for in it',
    cash_minor     BIGINT      NOT NULL COMMENT 'what the buyer paid in cash (buyer_paid_amount)',
    currency       CHAR(3)     NOT NULL,
    refunded_minor BIGINT      NOT NULL DEFAULT 0 COMMENT 'succeeded refunds seen so far',
    taken_back     BIGINT      NOT NULL DEFAULT 0 COMMENT 'earned points taken back from the account',
    forgiven       BIGINT      NOT NULL DEFAULT 0 COMMENT 'points due back that were already spent or frozen: never taken',
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (trade_no),
    CONSTRAINT ck_points_earning_refunded CHECK (refunded_minor >= 0 AND refunded_minor <= price_minor),
    CONSTRAINT ck_points_earning_back CHECK (taken_back >= 0 AND forgiven >= 0 AND taken_back + forgiven <= points)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per succeeded refund of a trade that earned points: its unique refund number makes a repeat write
-- nothing, and keeps what the ledger books (value_minor) for the repeat that books it after a lost answer.
CREATE TABLE points_take_back (
    refund_no    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    trade_no     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    buyer_id     VARCHAR(20) NOT NULL,
    points_due   BIGINT      NOT NULL COMMENT 'the refund''s pro rata share of the earned points',
    points_taken BIGINT      NOT NULL COMMENT 'what the account still had of it',
    value_minor  BIGINT      NOT NULL COMMENT 'booked Dr POINTS_LIABILITY / Cr MARKETING_EXPENSE',
    currency     CHAR(3)     NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (refund_no),
    KEY idx_points_take_back_trade (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
