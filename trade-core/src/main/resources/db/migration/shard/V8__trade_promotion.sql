-- What a coupon and points paid of a trade paid by a combination payment (docs/adr/0008), written with
-- status = SUCCESS by the same compare-and-set (markPaid) from PAY_SUCCEEDED. paid_minor stays the full
-- price; the buyer paid paid_minor − coupon_minor − points_minor with paid_method. All NULL for a trade
-- paid with one tool. Applied to every physical trade database, like V1–V3.
ALTER TABLE trade_order_0 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE trade_order_1 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE trade_order_2 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL, ADD COLUMN points_minor BIGINT NULL;
ALTER TABLE trade_order_3 ADD COLUMN coupon_id VARCHAR(32) NULL, ADD COLUMN coupon_name VARCHAR(64) NULL,
    ADD COLUMN coupon_minor BIGINT NULL, ADD COLUMN coupon_funded_by VARCHAR(16) NULL, ADD COLUMN points_minor BIGINT NULL;
