-- Settled-up-to marker: per merchant pending account, the journal position (entry id) up to which every entry is
-- settled, advanced in the same transaction as the settlement that claimed them, so a run reads only the entries
-- after it instead of every pending line the merchant ever had. settle_date: the run that last advanced it.
CREATE TABLE settlement_mark (
    account_code        VARCHAR(160) NOT NULL COMMENT 'MERCHANT_PENDING:merchant:CURRENCY',
    merchant_id         VARCHAR(64)  NOT NULL,
    currency            CHAR(3)      NOT NULL,
    settled_to_entry_id BIGINT       NOT NULL,
    settle_date         DATE         NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- a pending account's lines after a journal position: a range of this index, not a scan of the account's history
CREATE INDEX idx_line_account_entry ON journal_line (account_code, entry_id);
