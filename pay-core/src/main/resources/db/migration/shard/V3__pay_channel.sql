-- The external channel (ChannelCode name: WECHAT, ALIPAY, UNIONPAY, UNIONPAY_B, ...) that took the
-- money, set by the same compare-and-set that makes the pay order SUCCESS. It cannot be derived
-- from method: channel-gateway may reroute a card charge that one acquirer definitely refused to
-- another, and refunds and clearing must follow the channel that has the money. NULL for the
-- platform's own tools (BALANCE, COUPON), before success, and for rows paid before this column.
ALTER TABLE pay_order_0 ADD COLUMN channel VARCHAR(16) NULL;
ALTER TABLE pay_order_1 ADD COLUMN channel VARCHAR(16) NULL;
ALTER TABLE pay_order_2 ADD COLUMN channel VARCHAR(16) NULL;
ALTER TABLE pay_order_3 ADD COLUMN channel VARCHAR(16) NULL;
