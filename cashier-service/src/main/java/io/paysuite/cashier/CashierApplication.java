package io.paysuite.cashier;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@EnableDubbo
@ConfigurationPropertiesScan
public class CashierApplication {

    public static void main(String[] args) {
        // Sentinel writes its block and metric logs under ~/logs/csp unless told; keep them with the run's logs
        if (System.getProperty("csp.sentinel.log.dir") == null) {
            System.setProperty("csp.sentinel.log.dir", "logs/sentinel");
        }
        try {
            SpringApplication.run(CashierApplication.class, args);
        } catch (Throwable startFailed) {
            // Spring has logged why. Exit: Dubbo's and RocketMQ's non-daemon threads would keep a JVM
            // whose context failed alive and never healthy; a dead process is restarted by the supervisor.
            System.exit(1);
        }
    }
}
