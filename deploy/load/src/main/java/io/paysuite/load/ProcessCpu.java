package io.paysuite.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of every process on the machine, from {@code /proc/<pid>/stat} (user + system, in clock ticks of
 * 10 ms), labelled by what it is: a suite service by its {@code -Dpaysuite.instance} name, another JVM by its
 * jar or main class ({@code BrokerStartup}, {@code NamesrvStartup}, Seata's {@code ServerApplication}, the
 * launcher), anything else by its command name ({@code mariadbd}). Two snapshots give each process's share of
 * a step; processes of the same label add up (several instances of one service read as one line).
 */
public final class ProcessCpu {

    /** Linux's USER_HZ on x86-64 and arm64: {@code /proc} counts CPU time in hundredths of a second. */
    static final long TICKS_PER_SECOND = 100;
    /** The label of this tool's own process, which the suite's totals leave out. */
    static final String TOOL = "bench (this tool)";
    /**
     * The JIT compiler threads of every JVM of the machine, added up: already inside each process's figure, so a total
     * leaves it out too. A step whose JIT share is large measured a JVM still compiling, not the steady state: on a
     * two-core box the services' C2 threads were 35 % of all CPU a minute into payment traffic, and still busy minutes
     * later (docs/benchmarks.md, session 13).
     */
    static final String JIT = "of which JIT compiler threads";

    private ProcessCpu() {
    }

    /** CPU milliseconds so far per label (processes that exited between snapshots drop out). */
    public static Map<String, Long> snapshot() {
        Map<String, Long> byLabel = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
                    long ticks = cpuTicks(stat);
                    if (ticks == 0) {
                        continue;
                    }
                    long pid = Long.parseLong(proc.getFileName().toString());
                    List<String> argv = argv(Files.readAllBytes(proc.resolve("cmdline")));
                    String label = pid == self ? TOOL : label(argv, commandName(stat));
                    byLabel.merge(label, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                    if (pid != self && isJava(argv)) {
                        byLabel.merge(JIT, compilerTicks(proc) * 1000 / TICKS_PER_SECOND, Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read it
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc (Linux only)", e);
        }
        return byLabel;
    }

    /** CPU ticks of a JVM's JIT compiler threads, named "C1 CompilerThread<n>" and "C2 CompilerThread<n>" by HotSpot. */
    static long compilerTicks(Path proc) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    if (isCompilerThread(commandName(stat))) {
                        ticks += cpuTicks(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read it
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return ticks;
    }

    /** Linux keeps the first 15 bytes of a thread's name: "C2 CompilerThre". */
    static boolean isCompilerThread(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    static boolean isJava(List<String> argv) {
        return !argv.isEmpty() && argv.get(0).endsWith("java");
    }

    /** {@code /proc/<pid>/cmdline}: the arguments, each ended by a NUL byte. */
    static List<String> argv(byte[] cmdline) {
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                argv.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return argv;
    }

    /** utime + stime (fields 14 and 15); the command name (field 2) may hold spaces and parentheses, so count from its end. */
    static long cpuTicks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after[0] is field 3 (state): utime is field 14 → after[11], stime field 15 → after[12]
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    static String commandName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    static String label(byte[] cmdline, String commandName) {
        return label(argv(cmdline), commandName);
    }

    static String label(List<String> argv, String commandName) {
        if (!isJava(argv)) {
            return commandName;
        }
        for (String arg : argv) {
            if (arg.startsWith("-Dpaysuite.instance=")) {
                return arg.substring("-Dpaysuite.instance=".length());
            }
        }
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-jar") && i + 1 < argv.size()) {
                String jar = Path.of(argv.get(i + 1)).getFileName().toString();
                return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
            }
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path") || arg.equals("-p")
                    || arg.equals("--module-path") || arg.equals("--add-opens") || arg.equals("--add-exports")) {
                i++;
                continue;
            }
            if (!arg.startsWith("-")) {
                String simple = arg.substring(arg.lastIndexOf('.') + 1);
                return switch (simple) {
                    case "ServerApplication" -> "seata-server";
                    case "BrokerStartup" -> "rocketmq-broker";
                    case "NamesrvStartup" -> "rocketmq-namesrv";
                    case "QuorumPeerMain", "ZooKeeperServerMain" -> "zookeeper";
                    default -> simple;
                };
            }
        }
        return commandName;
    }
}
