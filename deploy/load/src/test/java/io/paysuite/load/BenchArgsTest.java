package io.paysuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

    @Test
    void theDefaultsAreTheIssuesTableBarcodeCreateAndBalanceAtOneEightAndThirtyTwo() {
        BenchArgs args = BenchArgs.parse();

        assertThat(args.scenarios()).containsExactly(Scenario.BARCODE, Scenario.CREATE, Scenario.BALANCE);
        assertThat(args.concurrencies()).containsExactly(1, 8, 32);
        assertThat(args.rate()).isNull();
        assertThat(args.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(args.background()).as("the idle suite watched first").isEqualTo(Duration.ofSeconds(10));
        assertThat(args.stepNames()).hasSize(9).first().isEqualTo("barcode c=1");
    }

    @Test
    void anOpenLoopRunsEveryScenarioOnceAtTheRate() {
        BenchArgs args = BenchArgs.parse("--scenarios=create,query", "--rate=50", "--duration=2m", "--warmup=500ms");

        assertThat(args.stepNames()).containsExactly("create @ 50.0/s", "query @ 50.0/s");
        assertThat(args.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(args.warmup()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void everyScenarioIsWarmedForAMinuteBeforeItsFirstStepUnlessToldOtherwise() {
        assertThat(BenchArgs.parse().jitWarmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(BenchArgs.parse("--jit-warmup=0s").jitWarmup()).isZero();
        assertThat(BenchArgs.parse("--jit-warmup=2m").jitWarmup()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aTypoIsRefusedWithTheUsageRatherThanIgnored() {
        assertThatThrownBy(() -> BenchArgs.parse("--concurrencies=4")).hasMessageContaining("unknown options [concurrencies]");
        assertThatThrownBy(() -> BenchArgs.parse("--scenarios=pay")).hasMessageContaining("unknown scenario pay");
        assertThatThrownBy(() -> BenchArgs.parse("--concurrency=0")).hasMessageContaining("1–1024");
        assertThatThrownBy(() -> BenchArgs.parse("--rate=-1")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchArgs.parse("32")).hasMessageContaining("not an option");
    }

    @Test
    void paymentScenariosAreTheOnesReportedPerPayment() {
        assertThat(List.of(Scenario.values()).stream().filter(Scenario::payment)).containsExactly(Scenario.BARCODE, Scenario.BALANCE);
    }
}
