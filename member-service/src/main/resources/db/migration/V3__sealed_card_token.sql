-- Bound-card tokens are no longer stored in clear (see CardTokenVault): token_sealed is AES-256-GCM
-- bound to the buyer, token_fingerprint an HMAC of buyer and token that carries binding's idempotency.
-- Rows written before this version keep unionpay_token until member-service seals them at start-up
-- (CardTokenSealer: fingerprint and seal, then the clear column emptied, one compare-and-set per row).
ALTER TABLE bound_card
    ADD COLUMN token_fingerprint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL
        COMMENT 'hex HMAC-SHA256(buyer, token); unique per buyer' AFTER buyer_id,
    ADD COLUMN token_sealed VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL
        COMMENT 'v1:Base64(iv || AES-256-GCM(token), AAD = buyer_id)' AFTER token_fingerprint,
    MODIFY COLUMN unionpay_token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL
        COMMENT 'only in rows from before V3, until sealed at start-up',
    DROP INDEX uk_bound_card_buyer_token,
    ADD UNIQUE KEY uk_bound_card_buyer_fingerprint (buyer_id, token_fingerprint),
    -- what the start-up sealing looks for (clear tokens): an empty range once all are sealed, not a table scan
    ADD KEY idx_bound_card_clear_token (unionpay_token);
