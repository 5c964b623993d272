-- A combination payment's parts (docs/adr/0008), on the pay order's own row so one compare-and-set
-- and one read carry them. coupon_id / use_points are the buyer's intent, written before any freeze
-- so that recovery knows what to release even when a freeze's answer was lost; the coupon's discount
-- and funder and the points' count and value are written when member-service answers the freeze.
-- amount_minor stays the trade's full price; the tool pays amount − coupon − points.
-- NULL / 0 for a payment with one tool.
ALTER TABLE pay_order_0 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL,
    ADD COLUMN use_points TINYINT(1) NOT NULL DEFAULT 0, ADD COLUMN points BIGINT NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE pay_order_1 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL,
    ADD COLUMN use_points TINYINT(1) NOT NULL DEFAULT 0, ADD COLUMN points BIGINT NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE pay_order_2 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL,
    ADD COLUMN use_points TINYINT(1) NOT NULL DEFAULT 0, ADD COLUMN points BIGINT NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE pay_order_3 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL,
    ADD COLUMN use_points TINYINT(1) NOT NULL DEFAULT 0, ADD COLUMN points BIGINT NULL, ADD COLUMN points_minor BIGINT NULL;
