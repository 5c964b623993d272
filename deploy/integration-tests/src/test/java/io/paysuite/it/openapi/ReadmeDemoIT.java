package io.paysuite.it.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.deploy.launcher.DemoSeed;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's copy-paste example, run as written: the demo seed of the local run, then the
 * {@code bash demo} block of README.md against this run's cashier-service. If the README or
 * {@code bin/paysuite-api} drifts from the API, this fails.
 */
class ReadmeDemoIT {

    @Test
    void theReadmeExampleCreatesATradeWithACashierUrlAndAVerifiedSignature() throws Exception {
        Suite suite = SuiteHarness.suite();
        Path work = suite.config().workDir();
        DemoSeed.seed(suite, work);
        assertThat(work.resolve("demo-merchant.pem")).exists();
        assertThat(Files.readString(work.resolve("demo-merchant.json"))).contains("\"app_id\": \"app_demo\"");

        Path home = suite.config().home();
        List<String> commands = Files.readString(home.resolve("README.md")).lines()
                .dropWhile(line -> !line.equals("```bash demo"))
                .skip(1)
                .takeWhile(line -> !line.startsWith("```"))
                .toList();
        assertThat(commands).isNotEmpty();
        for (String command : commands) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(home.toFile());
            builder.environment().put("PAYSUITE_DIR", work.toString());
            builder.environment().put("PAYSUITE_URL", Merchants.base().toString());
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out + err).isZero();
            assertThat(err).contains("HTTP 201").contains("platform signature verified");
            JsonNode trade = new ObjectMapper().readTree(out);
            assertThat(trade.path("status").asText()).isEqualTo("WAIT_PAY");
            assertThat(trade.path("subject").asText()).isEqualTo("Demo coffee");
            assertThat(trade.path("cashier_url").asText()).startsWith(Merchants.base() + "/cashier/");
        }
    }
}
