package io.paysuite.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM started with this JVM's own {@code java} binary; stdout and stderr are appended to
 * {@code logDir/NAME.log}. Either a main class on a classpath or an executable jar ({@code -jar}).
 *
 * <p>Every child registers a shutdown hook that stops it, so an exiting parent never leaves it behind
 * (a parent killed with SIGKILL cannot help that). {@link #stop()} and {@link #kill()} are idempotent and
 * safe to call from any thread, including other shutdown hooks.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JavaProcess.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 200;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logOffset;
    private final Duration grace;
    private final Thread shutdownHook;
    private final Object stopLock = new Object();
    private volatile boolean stopped;

    private JavaProcess(String name, Process process, Path logFile, long logOffset, Duration grace) {
        this.name = name;
        this.grace = grace;
        this.process = process;
        this.logFile = logFile;
        this.logOffset = logOffset;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code check} holds; fails early when the process dies, and at the deadline. */
    public void waitUntil(String what, BooleanSupplier check, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (check.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw InfraStartException.of(name, "exited with code " + process.exitValue()
                        + " before " + what, logFile, null);
            }
            if (Instant.now().isAfter(deadline)) {
                throw InfraStartException.of(name, "not " + what + " within " + timeout.toSeconds() + " s",
                        logFile, null);
            }
            sleep(POLL_MILLIS);
        }
    }

    public void waitForPort(int port, Duration timeout) {
        waitUntil("listening on 127.0.0.1:" + port, () -> isListening(port), timeout);
    }

    /** Waits for {@code text} to appear in this process's log file (only what this run wrote). */
    public void waitForLogLine(String text, Duration timeout) {
        waitUntil("logging '" + text + "'", () -> logContains(text), timeout);
    }

    /** For short-lived helpers: waits for exit and returns the exit code; kills the process at the deadline. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw InfraStartException.of(name, "did not exit within " + timeout.toSeconds() + " s", logFile,
                        null);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw InfraStartException.of(name, "interrupted while waiting for exit", logFile, e);
        } finally {
            removeShutdownHookIfExited();
        }
    }

    /** Graceful stop (SIGTERM), forcibly after the builder's grace period (default 15 s). */
    public void stop() {
        stop(grace);
    }

    /** SIGTERM to the process and its descendants; SIGKILL to whatever still runs after {@code grace}. */
    public void stop(Duration grace) {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            long started = System.nanoTime();
            List<ProcessHandle> tree = tree();
            tree.forEach(ProcessHandle::destroy);
            Instant deadline = Instant.now().plus(grace);
            for (ProcessHandle handle : tree) {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                try {
                    handle.onExit().get(left, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    log.warn("{} (pid {}) did not stop within {} s; killing it", name, handle.pid(),
                            grace.toSeconds());
                    handle.destroyForcibly();
                }
            }
            awaitExit(tree);
            markStopped();
            log.info("{} stopped in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** SIGKILL to the process and its descendants, at once. */
    public void kill() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            List<ProcessHandle> tree = tree();
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree);
            markStopped();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }

    /** Descendants first, collected before anything dies (orphans are re-parented and lost from view). */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    private static void awaitExit(List<ProcessHandle> tree) {
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("pid {} still alive after SIGKILL", handle.pid());
            }
        }
    }

    private void markStopped() {
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this may be the hook itself
        }
    }

    private void removeShutdownHookIfExited() {
        if (!process.isAlive()) {
            synchronized (stopLock) {
                if (!stopped) {
                    markStopped();
                }
            }
        }
    }

    private boolean logContains(String text) {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long size = channel.size() - logOffset;
            if (size <= 0) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
            channel.position(logOffset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The {@code java} binary of the running JVM, so children run on exactly the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(command -> command.endsWith("java") || command.endsWith("java.exe"))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static final class Builder {
        private final String name;
        private String classpath;
        private String mainClass;
        private Path jar;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDir;
        private Path logDir;
        private Duration stopGrace = DEFAULT_GRACE;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        /** Runs {@code java -jar jar} instead of a main class. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        public Builder jvmArgs(String... jvmArgs) {
            this.jvmArgs.addAll(List.of(jvmArgs));
            return this;
        }

        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmArgs.addAll(jvmArgs);
            return this;
        }

        public Builder systemProperty(String key, Object value) {
            this.jvmArgs.add("-D" + key + "=" + value);
            return this;
        }

        public Builder args(String... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        public Builder args(List<String> args) {
            this.args.addAll(args);
            return this;
        }

        public Builder environment(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        public Builder workingDir(Path workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /** Where {@code NAME.log} goes; defaults to the working directory. */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /** How long {@link JavaProcess#stop()} waits after SIGTERM before SIGKILL. */
        public Builder stopGrace(Duration stopGrace) {
            this.stopGrace = Objects.requireNonNull(stopGrace, "stopGrace");
            return this;
        }

        public List<String> command() {
            if ((jar == null) == (mainClass == null)) {
                throw new IllegalStateException(name + ": give exactly one of mainClass or jar");
            }
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(jvmArgs);
            if (classpath != null && !classpath.isEmpty()) {
                command.add("-cp");
                command.add(classpath);
            }
            if (jar != null) {
                command.add("-jar");
                command.add(jar.toString());
            } else {
                command.add(mainClass);
            }
            command.addAll(args);
            return command;
        }

        public JavaProcess start() {
            Path dir = workingDir != null ? workingDir : Path.of("").toAbsolutePath();
            Path logs = logDir != null ? logDir : dir;
            Path logFile = logs.resolve(name + ".log");
            try {
                Files.createDirectories(dir);
                Files.createDirectories(logs);
                Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                long logOffset = Files.size(logFile);
                ProcessBuilder builder = new ProcessBuilder(command())
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                builder.environment().putAll(environment);
                JavaProcess started = new JavaProcess(name, builder.start(), logFile, logOffset, stopGrace);
                log.debug("started {} in {}: {}", started, dir, builder.command());
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": could not start, see " + logFile, e);
            }
        }
    }
}
