-- Internal reconciliation (package crosscheck): trades waiting for a check, when each trade was last
-- checked, and the findings operators read. Times are UTC wall-clock DATETIME(3).

-- A trade (and a refund an event named, '' for none) to check once the settle delay has passed since
-- noted_at. A check claims the row by compare-and-set on noted_at (one instance checks it); renoted
-- marks a row noted again while its check ran, so the check's end does not drop the newer news.
CREATE TABLE crosscheck_pending (
    trade_no  VARCHAR(64) NOT NULL,
    refund_no VARCHAR(64) NOT NULL DEFAULT '',
    noted_at  DATETIME(3) NOT NULL,
    attempts  INT         NOT NULL DEFAULT 0 COMMENT 'checks made that disagreed',
    renoted   TINYINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (trade_no, refund_no),
    KEY idx_crosscheck_pending_noted (noted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The last check of each trade: the sweep of recent journal entries passes by a trade checked after
-- its newest entry, and picks up one whose event was lost.
CREATE TABLE crosscheck_trade (
    trade_no   VARCHAR(64) NOT NULL,
    checked_at DATETIME(3) NOT NULL,
    PRIMARY KEY (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One disagreement of one trade, unique per trade, kind and subject: OPEN while checks keep finding
-- it, CLEARED when a later check agrees (and OPEN again should it come back).
CREATE TABLE crosscheck_finding (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    trade_no     VARCHAR(64)   NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    subject      VARCHAR(64)   NOT NULL COMMENT 'the trade, pay order, refund or entry number it is about',
    sides        VARCHAR(1024) NOT NULL COMMENT 'what each side says',
    status       VARCHAR(8)    NOT NULL COMMENT 'OPEN or CLEARED',
    first_seen   DATETIME(3)   NOT NULL,
    last_checked DATETIME(3)   NOT NULL,
    cleared_at   DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_crosscheck_finding (trade_no, kind, subject),
    KEY idx_crosscheck_finding_status (status, last_checked)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The sweep starts from the first entry of its look-back window.
CREATE INDEX idx_entry_posted_at ON journal_entry (posted_at);
