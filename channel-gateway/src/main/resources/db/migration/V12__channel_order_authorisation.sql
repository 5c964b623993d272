-- A card pre-authorisation's charge (UnionPay's pre-auth, txnType 02) freezes the card's amount instead of
-- taking it; its completion or cancel is sent later by trade-core's capture or void. The flag is fixed at
-- insert: it decides which transaction the first send is, and that only an authorisation may be ended.
ALTER TABLE channel_order ADD COLUMN authorisation TINYINT(1) NOT NULL DEFAULT 0 AFTER rerouted_to;
