package io.paysuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    static byte[] argv(String... args) {
        return (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cpuTicksAreUserPlusSystemCountedFromTheEndOfACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (pay) core) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 80 0 100 0 0";

        assertThat(ProcessCpu.cpuTicks(stat)).isEqualTo(1234 + 567);
        assertThat(ProcessCpu.commandName(stat)).isEqualTo("java (pay) core");
    }

    @Test
    void aSuiteServiceIsNamedByItsInstanceProperty() {
        assertThat(ProcessCpu.label(argv("/usr/lib/jvm/bin/java", "-Xmx512m", "-Dpaysuite.instance=pay-core-2", "-jar",
                "/x/pay-core.jar"), "java")).isEqualTo("pay-core-2");
    }

    @Test
    void otherJvmsAreNamedByTheirJarOrMainClassAndTheRestByTheirCommand() {
        assertThat(ProcessCpu.label(argv("java", "-jar", "/x/channel-sandbox.jar"), "java")).isEqualTo("channel-sandbox");
        assertThat(ProcessCpu.label(argv("java", "-cp", "a.jar:b.jar", "-Xms64m", "org.apache.rocketmq.broker.BrokerStartup",
                "-c", "broker.conf"), "java")).isEqualTo("rocketmq-broker");
        assertThat(ProcessCpu.label(argv("java", "-classpath", "s.jar", "io.seata.server.ServerApplication"), "java"))
                .isEqualTo("seata-server");
        assertThat(ProcessCpu.label(argv("/tmp/mariadb/bin/mariadbd", "--port=13306"), "mariadbd")).isEqualTo("mariadbd");
    }

    @Test
    void thisMachinesOwnProcessesAreRead() {
        assertThat(ProcessCpu.snapshot()).containsKey("bench (this tool)");
    }

    @Test
    void theJitCompilerThreadsOfAJvmAreFoundByTheirTruncatedNames() {
        assertThat(ProcessCpu.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(ProcessCpu.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(ProcessCpu.isCompilerThread("trade-core-dubb")).isFalse();
        assertThat(ProcessCpu.isJava(ProcessCpu.argv("/usr/lib/jvm/java-17/bin/java\0-jar\0x.jar\0".getBytes()))).isTrue();
        assertThat(ProcessCpu.isJava(ProcessCpu.argv("/usr/sbin/mariadbd\0--user=root\0".getBytes()))).isFalse();
        // this test's own JVM has compiler threads; whether they have used a tick yet is up to the JIT
        assertThat(ProcessCpu.compilerTicks(java.nio.file.Path.of("/proc/self"))).isNotNegative();
    }
}
