-- Operators of the ops console (docs/architecture.md, "Ops console"): people with a role, a BCrypt
-- password hash and a lockout counter; their console sessions live here too, so any instance
-- answers a logged-in operator and a logout ends the session everywhere.

-- role: VIEWER < OPERATOR < ADMIN. status: ACTIVE | DISABLED (a disabled operator cannot log in and
-- its sessions stop answering). failed_logins counts wrong passwords in a row; reaching the limit
-- sets locked_until, and a right password after that time starts the count again.
CREATE TABLE ops_operator (
    login_name    VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (login_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per console login. The cookie carries a random secret; only its SHA-256 is stored, so
-- a read of this table lets nobody in. csrf_token: the synchronizer token of the session, sent back
-- by every state-changing console request. A session answers while now < idle_expires_at and
-- now < expires_at (absolute) and ended_at IS NULL.
CREATE TABLE ops_session (
    session_hash    CHAR(64)     NOT NULL,
    login_name      VARCHAR(64)  NOT NULL,
    csrf_token      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    last_seen_at    DATETIME(3)  NOT NULL,
    idle_expires_at DATETIME(3)  NOT NULL,
    expires_at      DATETIME(3)  NOT NULL,
    ended_at        DATETIME(3)  NULL,
    PRIMARY KEY (session_hash),
    KEY idx_ops_session_operator (login_name, ended_at),
    KEY idx_ops_session_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
