package io.paysuite.example;

import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeService;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The example internal consumer: starts, runs the {@link Walkthrough} once against the services it
 * finds in the registry ({@code dubbo.registry.address}) and exits, 0 when every step succeeded.
 * It is its own Dubbo application, {@code example-consumer}; see README.md next to this module.
 */
@SpringBootApplication
@EnableConfigurationProperties(ExampleProperties.class)
public class ExampleConsumerApplication {

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(ExampleConsumerApplication.class, args));
        } catch (RuntimeException e) { // Spring Boot has logged it; the walkthrough's own reason is the cause
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            System.err.println("walkthrough stopped: " + reason.getMessage());
            exitCode = 1;
        }
        // exit explicitly: the Dubbo client threads would keep the JVM alive after the walkthrough
        System.exit(exitCode);
    }

    @Bean
    ApplicationRunner walkthrough(TradeService trades, PayService pay, RefundService refunds, MemberService members,
                                  LedgerService ledger, ExampleProperties properties) {
        return args -> {
            DemoData demo = DemoData.read(properties.runDir(), properties.buyerPhone());
            String outTradeNo = properties.outTradeNo() != null ? properties.outTradeNo()
                    : "example-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
            System.out.printf("Paysuite example consumer: merchant %s, buyer %s, out_trade_no %s%n", demo.merchantId(),
                    demo.buyer().phone(), outTradeNo);
            new Walkthrough(trades, pay, refunds, members, ledger, System.out, properties.finalWithin(), properties.askEvery())
                    .run(demo, outTradeNo, properties.amount(), properties.refund(), properties.notifyUrl());
        };
    }
}
