package io.paysuite.cashier.config;

import java.net.URI;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.*}: how the merchant edge presents itself. Each capability binds its own
 * part ({@code keys}, {@code api}, {@code ops}, {@code limits}, {@code page}, {@code notify}) next to
 * the code that uses it; these two are handed to the domain as plain values by {@link MerchantEdgeConfig}.
 *
 * @param publicUrl how merchants and buyers reach this service; {@code cashier_url} is built on it
 * @param zone      the offset merchants see in RFC 3339 times (WeChat Pay and Alipay answer in +08:00)
 */
@ConfigurationProperties("paysuite.cashier")
public record CashierProperties(
        @DefaultValue("https://127.0.0.1:8443") URI publicUrl,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
