package io.paysuite.accounting;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@EnableDubbo
@ConfigurationPropertiesScan
public class AccountingApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(AccountingApplication.class, args);
        } catch (Throwable startFailed) {
            // Spring has logged why. Exit: Dubbo's and RocketMQ's non-daemon threads would keep a JVM
            // whose context failed alive and never healthy; a dead process is restarted by the supervisor.
            System.exit(1);
        }
    }
}
