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
        SpringApplication.run(CashierApplication.class, args);
    }
}
