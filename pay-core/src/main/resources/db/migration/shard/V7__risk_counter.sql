-- The risk engine's velocity and daily counters (pay-core risk package), shared by every pay-core
-- instance. A ShardingSphere single table: only ds_0's copy (paysuite_pay_0) is used; the migration
-- creates it in every database like everything here so all shards keep one schema version.
-- counter_key: B:<buyer> | M:<merchant> | D:<device> | I:<ip> | C:<device>:<card fingerprint>;
-- bucket: m<yyyyMMddHHmm> (a minute) or d<yyyyMMdd> (a day) in paysuite.risk.zone.
-- One upsert per payment that passed risk: INSERT ... ON DUPLICATE KEY UPDATE cnt = cnt + 1, ...
CREATE TABLE risk_counter (
    counter_key  VARCHAR(200) NOT NULL,
    bucket       CHAR(13)     NOT NULL,
    cnt          BIGINT       NOT NULL,
    sum_minor    BIGINT       NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (counter_key, bucket),
    KEY idx_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
