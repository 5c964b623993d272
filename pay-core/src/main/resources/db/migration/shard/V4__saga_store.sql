-- The Seata Saga engine's store (combination payments, docs/adr/0008): the state machine definitions
-- (loaded from statelang/*.json at start), each run of one and each state of a run. Seata ships no
-- migration for them; these follow the layout its 2.0.0 client reads and writes (table and column
-- names are its own), with millisecond times. Created in every pay database for one schema
-- everywhere; the engine uses the first (SagaStoreConfig): its rows are not sharded by a gene.
CREATE TABLE seata_state_machine_def (
    id               VARCHAR(32)  NOT NULL,
    name             VARCHAR(128) NOT NULL,
    tenant_id        VARCHAR(32)  NOT NULL,
    app_name         VARCHAR(32)  NOT NULL,
    type             VARCHAR(20)  NULL,
    comment_         VARCHAR(1024) NULL, -- Seata's DDL has 255; a state machine's Comment may be longer
    ver              VARCHAR(16)  NOT NULL,
    gmt_create       DATETIME(3)  NOT NULL,
    status           VARCHAR(2)   NOT NULL COMMENT 'AC active, IN inactive',
    content          TEXT         NULL,
    recover_strategy VARCHAR(16)  NULL COMMENT 'Compensate or Forward',
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE seata_state_machine_inst (
    id                  VARCHAR(128) NOT NULL,
    machine_id          VARCHAR(32)  NOT NULL,
    tenant_id           VARCHAR(32)  NOT NULL,
    parent_id           VARCHAR(128) NULL,
    gmt_started         DATETIME(3)  NOT NULL,
    business_key        VARCHAR(48)  NULL,
    start_params        TEXT         NULL,
    gmt_end             DATETIME(3)  NULL,
    excep               BLOB         NULL,
    end_params          TEXT         NULL,
    status              VARCHAR(2)   NULL COMMENT 'SU succeeded, FA failed, UN unknown, SK skipped, RU running',
    compensation_status VARCHAR(2)   NULL,
    is_running          TINYINT(1)   NULL,
    gmt_updated         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY unikey_buz_tenant (business_key, tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE seata_state_inst (
    id                       VARCHAR(48)  NOT NULL,
    machine_inst_id          VARCHAR(128) NOT NULL,
    name                     VARCHAR(128) NOT NULL,
    type                     VARCHAR(20)  NULL,
    service_name             VARCHAR(128) NULL,
    service_method           VARCHAR(128) NULL,
    service_type             VARCHAR(16)  NULL,
    business_key             VARCHAR(48)  NULL,
    state_id_compensated_for VARCHAR(50)  NULL,
    state_id_retried_for     VARCHAR(50)  NULL,
    gmt_started              DATETIME(3)  NOT NULL,
    is_for_update            TINYINT(1)   NULL,
    input_params             TEXT         NULL,
    output_params            TEXT         NULL,
    status                   VARCHAR(2)   NOT NULL,
    excep                    BLOB         NULL,
    gmt_end                  DATETIME(3)  NULL,
    gmt_updated              DATETIME(3)  NULL, -- the 2.0.0 client writes it on every state (not in older DDLs)
    PRIMARY KEY (id, machine_inst_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
