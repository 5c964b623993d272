-- What the merchant allowed and how the trade was paid. Applied to every physical trade database,
-- like V1 and V2.
--
-- payment_methods: the PayMethod names the merchant allowed, comma-separated in the merchant's
--                  order (at most 5 methods today, 128 leaves room); NULL = any method.
-- paid_method:     the PayMethod of the pay order that paid the trade; NULL until paid (and for
--                  trades paid before this version).
-- paid_channel:    the channel that moved the money: PAYSUITE for the platform's wallet (BALANCE),
--                  else the pay order's channel when pay-core reports one.
-- The three are written together with status = SUCCESS by the same compare-and-set update.
ALTER TABLE trade_order_0 ADD COLUMN payment_methods VARCHAR(128) NULL, ADD COLUMN paid_method VARCHAR(16) NULL,
    ADD COLUMN paid_channel VARCHAR(32) NULL;
ALTER TABLE trade_order_1 ADD COLUMN payment_methods VARCHAR(128) NULL, ADD COLUMN paid_method VARCHAR(16) NULL,
    ADD COLUMN paid_channel VARCHAR(32) NULL;
ALTER TABLE trade_order_2 ADD COLUMN payment_methods VARCHAR(128) NULL, ADD COLUMN paid_method VARCHAR(16) NULL,
    ADD COLUMN paid_channel VARCHAR(32) NULL;
ALTER TABLE trade_order_3 ADD COLUMN payment_methods VARCHAR(128) NULL, ADD COLUMN paid_method VARCHAR(16) NULL,
    ADD COLUMN paid_channel VARCHAR(32) NULL;
