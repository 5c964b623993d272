-- member-service schema (database paysuite_member). Times are UTC, DATETIME(3).
-- Idempotency lives in the unique keys: uk_buyer_phone (registerBuyer), uk_merchant_request_no
-- (onboard), uk_app_key_serial (addAppKey); code inserts and reads the winner, never checks first.

-- Buyers. buyer_id is 'U' + id and is not stored (it cannot disagree with the number).
-- AUTO_INCREMENT starts at 10000001 so every buyer id has at least eight digits.
CREATE TABLE buyer (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    phone             VARCHAR(20)  NOT NULL,
    login_pwd_hash    VARCHAR(100) NOT NULL COMMENT 'BCrypt; never answered or logged',
    pay_pwd_hash      VARCHAR(100) NOT NULL COMMENT 'BCrypt; never answered or logged',
    nickname          VARCHAR(64)  NULL,
    real_name_status  VARCHAR(16)  NOT NULL DEFAULT 'UNVERIFIED' COMMENT 'UNVERIFIED, PENDING, VERIFIED, REJECTED',
    pay_pwd_failures  INT          NOT NULL DEFAULT 0 COMMENT 'wrong payment passwords in a row',
    pay_locked_until  DATETIME(3)  NULL COMMENT 'payments refused before this instant',
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_buyer_phone (phone)
) ENGINE = InnoDB AUTO_INCREMENT = 10000001 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Merchants. merchant_id is given by the caller or 'M' + id, set in the inserting transaction
-- (so it is NULL only inside that uncommitted transaction; NULLs do not collide in a unique key).
CREATE TABLE merchant (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    merchant_id       VARCHAR(32)  NULL,
    name              VARCHAR(128) NOT NULL,
    real_name_status  VARCHAR(16)  NOT NULL DEFAULT 'UNVERIFIED',
    enabled           TINYINT(1)   NOT NULL DEFAULT 1,
    request_no        VARCHAR(64)  NOT NULL COMMENT 'onboarding idempotency key',
    request_digest    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the onboarding request content',
    onboard_app_id    VARCHAR(32)  NOT NULL COMMENT 'first app, as answered by onboarding',
    onboard_serial_no VARCHAR(64)  NOT NULL COMMENT 'first key serial, as answered by onboarding',
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_merchant_id (merchant_id),
    UNIQUE KEY uk_merchant_request_no (request_no)
) ENGINE = InnoDB AUTO_INCREMENT = 10000001 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE merchant_app (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    app_id      VARCHAR(32) NOT NULL,
    merchant_id VARCHAR(32) NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'ACTIVE, DISABLED',
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_merchant_app_id (app_id),
    KEY idx_merchant_app_merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Public keys that verify merchants' signed requests; several per app during key rotation.
-- serial_no is unique across all apps, like certificate serials.
CREATE TABLE app_key (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    app_id         VARCHAR(32) NOT NULL,
    serial_no      VARCHAR(64) NOT NULL,
    public_key_pem TEXT        NOT NULL COMMENT 'canonical X.509 SubjectPublicKeyInfo PEM, RSA >= 2048 bits',
    valid_from     DATETIME(3) NOT NULL,
    valid_until    DATETIME(3) NULL COMMENT 'NULL: valid until disabled',
    status         VARCHAR(16) NOT NULL COMMENT 'ACTIVE, DISABLED',
    created_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_key_serial (serial_no),
    KEY idx_app_key_app (app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
