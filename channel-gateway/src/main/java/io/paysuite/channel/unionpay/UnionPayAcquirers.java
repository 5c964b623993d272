package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.preauth.Completions;
import io.paysuite.channel.reconcile.BillSource;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The bank-card channels: UnionPay through each acquiring institution we hold a merchant number at. Both speak ACP
 * 5.1.0 to UnionPay's platform; each has its own gateway URL, merchant number, keys and daily file, and is its own
 * channel to routing, isolation and the ledger — so a card payment one acquirer refuses for a reason of its own can be
 * taken by the other ({@code ChannelCharges#charge}).
 * <ul>
 *   <li>{@code paysuite.channels.unionpay.*} → {@link ChannelCode#UNIONPAY}</li>
 *   <li>{@code paysuite.channels.unionpay-b.*} → {@link ChannelCode#UNIONPAY_B}, the same keys as {@link UnionPayProperties}</li>
 * </ul>
 * One {@link AcpClient} per acquirer (its keys read once, one HTTP client) serves its payments, refunds, the
 * verification of its notifications and its daily file (ACP file transfer; {@code …bill.url-template}, when set, fetches
 * the file from that URL instead — the sandbox's control API). An acquirer without {@code gateway-url} is not offered. The second binds through {@link Binder} because one
 * {@code @ConfigurationProperties} record type can only be registered under one prefix.
 */
@Configuration(proxyBeanMethods = false)
public class UnionPayAcquirers {

    static final String FIRST = "paysuite.channels.unionpay";
    static final String SECOND = "paysuite.channels.unionpay-b";

    @Bean
    @ConditionalOnProperty(prefix = FIRST, name = "gateway-url")
    AcpClient unionPayClient(UnionPayProperties properties) {
        return new AcpClient(ChannelCode.UNIONPAY, properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = FIRST, name = "gateway-url")
    UnionPayCardAdapter unionPayCard(@Qualifier("unionPayClient") AcpClient client) {
        return new UnionPayCardAdapter(client);
    }

    @Bean
    @ConditionalOnProperty(prefix = FIRST, name = "gateway-url")
    UnionPayRefundAdapter unionPayRefunds(@Qualifier("unionPayClient") AcpClient client, Completions completions) {
        return new UnionPayRefundAdapter(client, completions);
    }

    /** Its file through ACP's file transfer; a plain GET of {@code bill.url-template} only when that is set. */
    @Bean
    @ConditionalOnProperty(prefix = FIRST, name = "gateway-url")
    BillSource unionPayBill(@Qualifier("unionPayClient") AcpClient client, Environment environment, Clock clock) {
        return billSource(client, environment.getProperty(FIRST + ".bill.url-template"), clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = SECOND, name = "gateway-url")
    AcpClient unionPayBClient(Environment environment) {
        UnionPayProperties properties = Binder.get(environment).bind(SECOND, UnionPayProperties.class)
                .orElseThrow(() -> new IllegalStateException(SECOND + ".* is not configured"));
        return new AcpClient(ChannelCode.UNIONPAY_B, properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = SECOND, name = "gateway-url")
    UnionPayCardAdapter unionPayBCard(@Qualifier("unionPayBClient") AcpClient client) {
        return new UnionPayCardAdapter(client);
    }

    @Bean
    @ConditionalOnProperty(prefix = SECOND, name = "gateway-url")
    UnionPayRefundAdapter unionPayBRefunds(@Qualifier("unionPayBClient") AcpClient client, Completions completions) {
        return new UnionPayRefundAdapter(client, completions);
    }

    /** Its file through ACP's file transfer; a plain GET of {@code bill.url-template} only when that is set. */
    @Bean
    @ConditionalOnProperty(prefix = SECOND, name = "gateway-url")
    BillSource unionPayBBill(@Qualifier("unionPayBClient") AcpClient client, Environment environment, Clock clock) {
        return billSource(client, environment.getProperty(SECOND + ".bill.url-template"), clock);
    }

    private static BillSource billSource(AcpClient client, String urlTemplate, Clock clock) {
        return urlTemplate == null || urlTemplate.isBlank()
                ? new UnionPayBillSource(new UnionPayFileTransfer(client, clock))
                : new UnionPayBillUrlSource(client.channel(), urlTemplate);
    }
}
