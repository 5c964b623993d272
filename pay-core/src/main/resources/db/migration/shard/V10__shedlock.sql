-- ShedLock for the risk counter sweep (the kit's io.paysuite.kit.schedule; script kit-sql/shedlock.sql). A ShardingSphere
-- single table in ds_0 like risk_counter; created in every database so all shards keep one schema version.
-- The lock table of io.paysuite.kit.schedule (ShedLock): one row per job name; a job runs on the
-- instance that moves lock_until forward, judged by the database's clock.
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
