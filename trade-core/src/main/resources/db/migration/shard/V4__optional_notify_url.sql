-- A payment-code trade (POST /api/v1/trades/barcode) is answered at the merchant's till and may
-- name no notify_url; every other trade still must (CreateTradeRules).
ALTER TABLE trade_order_0 MODIFY notify_url VARCHAR(256) NULL;
ALTER TABLE trade_order_1 MODIFY notify_url VARCHAR(256) NULL;
ALTER TABLE trade_order_2 MODIFY notify_url VARCHAR(256) NULL;
ALTER TABLE trade_order_3 MODIFY notify_url VARCHAR(256) NULL;
