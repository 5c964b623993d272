-- cashier-service owns no money: only what the merchant edge needs to remember.

-- Nonces of signed merchant requests (API.md: once per app within 15 minutes, across every
-- instance). The primary key is the claim: an insert that collides is a replay.
CREATE TABLE api_nonce (
    app_id      VARCHAR(64) NOT NULL,
    nonce       VARCHAR(32) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, nonce),
    KEY idx_nonce_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
