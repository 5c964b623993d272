package io.paysuite.cashier.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @Test
    void instancesRacingToCreateAKeyFileAllEndWithTheWinnersContent(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("secret");
        AtomicInteger generated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                racers.add(() -> new String(KeyFiles.createOnce(target, () -> ("content-" + generated.incrementAndGet()).getBytes())));
            }
            Set<String> seen = new HashSet<>();
            for (Future<String> f : pool.invokeAll(racers)) {
                seen.add(f.get());
            }
            assertThat(seen).hasSize(1);
            assertThat(dir.toFile().list()).containsExactly("secret");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPlatformCertificateRoundTripsThroughPem() {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("test", List.of("localhost"), List.of("127.0.0.1"),
                java.time.Duration.ofDays(1));
        String pem = PlatformKeys.pemOf(issued.certificate());
        assertThat(KeyFiles.certificate(pem)).isEqualTo(issued.certificate());
        assertThat(KeyFiles.rsaPrivateKey(KeyFiles.pem("PRIVATE KEY", issued.keyPair().getPrivate().getEncoded())))
                .isEqualTo(issued.keyPair().getPrivate());
    }
}
