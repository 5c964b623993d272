-- What a sharded service that runs the kit's scheduled jobs migrates into every database (ScheduledJobsAutoConfigurationTest):
-- the kit's kit-sql/shedlock.sql.
-- The lock table of io.paysuite.kit.schedule (ShedLock): one row per job name; a job runs on the
-- instance that moves lock_until forward, judged by the database's clock.
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
