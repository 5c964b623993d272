-- Rerouting: a pay order a channel definitely refused before accepting it may be charged again at
-- another channel, as a new attempt with its own channel order number. (pay_order_no, attempt) is
-- unique instead of pay_order_no; the highest attempt is the pay order's current charge.
-- rerouted_to records, once, what became of a refused attempt: the next attempt's channel, or
-- NONE when no channel was left (then the refusal is the pay order's final answer).
ALTER TABLE channel_order ADD COLUMN attempt INT NOT NULL DEFAULT 0 AFTER pay_order_no;
ALTER TABLE channel_order ADD COLUMN rerouted_to VARCHAR(16) NULL AFTER final_source;
ALTER TABLE channel_order ADD UNIQUE KEY uk_channel_order_pay_attempt (pay_order_no, attempt);
ALTER TABLE channel_order DROP INDEX uk_channel_order_pay;
