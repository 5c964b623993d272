-- Why a pay order failed: the stable error code of the definite refusal (INSUFFICIENT_BALANCE,
-- TRADE_PAYING, ABANDONED, ...). NULL while not failed.
ALTER TABLE pay_order_0 ADD COLUMN fail_code VARCHAR(40) NULL;
ALTER TABLE pay_order_1 ADD COLUMN fail_code VARCHAR(40) NULL;
ALTER TABLE pay_order_2 ADD COLUMN fail_code VARCHAR(40) NULL;
ALTER TABLE pay_order_3 ADD COLUMN fail_code VARCHAR(40) NULL;
