-- Both MySQL servers: the services' account may create and own the paysuite_* databases. The schemas themselves
-- are the services' Flyway migrations, applied when each service starts (the JDBC URLs carry
-- createDatabaseIfNotExist=true, so no database is created here).
GRANT ALL PRIVILEGES ON `paysuite\_%`.* TO 'paysuite'@'%';
FLUSH PRIVILEGES;
