-- The operators' audit log (docs/architecture.md, "Audit log"): every ops request that changes
-- something, every console login and logout. Append-only: the code has no UPDATE or DELETE of it,
-- the triggers below refuse both to anyone, and each row carries
--   row_hash = SHA-256(prev_hash | the row's fields)
-- over the row before it, so an edit made around the triggers (dropping them first) breaks the
-- chain that GET /ops/api/v1/audit/verify walks.
CREATE TABLE ops_audit_log (
    audit_id         BIGINT        NOT NULL AUTO_INCREMENT,
    at               DATETIME(3)   NOT NULL,
    actor            VARCHAR(64)   NOT NULL,
    actor_role       VARCHAR(16)   NOT NULL,
    action           VARCHAR(32)   NOT NULL,
    method           VARCHAR(8)    NOT NULL,
    path             VARCHAR(512)  NOT NULL,
    target_ids       VARCHAR(512)  NULL,
    request_body     TEXT          NULL,
    status           INT           NOT NULL,
    response_summary TEXT          NULL,
    before_state     TEXT          NULL,
    after_state      TEXT          NULL,
    remote_addr      VARCHAR(64)   NULL,
    prev_hash        CHAR(64)      NOT NULL,
    row_hash         CHAR(64)      NOT NULL,
    PRIMARY KEY (audit_id),
    KEY idx_ops_audit_actor (actor, audit_id),
    KEY idx_ops_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TRIGGER ops_audit_log_no_update BEFORE UPDATE ON ops_audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ops_audit_log is append-only';

CREATE TRIGGER ops_audit_log_no_delete BEFORE DELETE ON ops_audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ops_audit_log is append-only';
