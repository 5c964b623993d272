package io.paysuite.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    @TempDir
    Path run;

    @Test
    void itReadsTheDemoMerchantAndTheChosenBuyerAsTheLocalRunWritesThem() throws Exception {
        // the demo seed's own format (deploy/launcher DemoSeed)
        Files.writeString(run.resolve("demo-merchant.json"), """
                {"merchant_id": "M100000001", "app_id": "app_demo", "serial_no": "ABC"}
                """);
        Files.writeString(run.resolve("demo-buyers.json"), """
                [
                  {"buyer_id": "U1", "phone": "13800000001", "password": "demo-pass-1", "pay_password": "111111",
                   "cards": [{"card_id": "C1", "masked_pan": "6222 **** **** 0000", "bank_name": "Paysuite Demo Bank"}]},
                  {"buyer_id": "U2", "phone": "13800000002", "password": "demo-pass-2", "pay_password": "222222",
                   "cards": []}
                ]
                """);

        DemoData demo = DemoData.read(run, "13800000002");

        assertThat(demo.merchantId()).isEqualTo("M100000001");
        assertThat(demo.buyer()).isEqualTo(new DemoData.DemoBuyer("13800000002", "demo-pass-2", "222222"));
        assertThat(demo.buyer().toString()).doesNotContain("demo-pass-2").doesNotContain("222222");
    }

    @Test
    void aRunDirectoryWithoutDemoDataSaysToStartTheLocalRunFirst() {
        assertThatThrownBy(() -> DemoData.read(run, "13800000001"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bin/run-local");
    }
}
