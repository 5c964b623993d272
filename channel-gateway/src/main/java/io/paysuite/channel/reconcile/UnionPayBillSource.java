package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * UnionPay's daily file, fetched from {@code paysuite.channels.unionpay.bill.url-template}
 * ({@code {date}} → {@code yyyy-MM-dd}); the local run points it at the channel sandbox. Real UnionPay
 * hands the file out through ACP {@code fileTransfer.do} (txnType 76), which is not built: a deployment
 * against UnionPay leaves this unset and reconciles UnionPay outside Paysuite until it is.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.unionpay.bill", name = "url-template")
public class UnionPayBillSource implements BillSource {

    private final Properties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final UnionPayBillParser parser = new UnionPayBillParser();

    @ConfigurationProperties("paysuite.channels.unionpay.bill")
    public record Properties(String urlTemplate) {
    }

    public UnionPayBillSource(Properties properties) {
        this.properties = properties;
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.UNIONPAY;
    }

    @Override
    public List<BillRow> rows(LocalDate billDate) {
        URI uri = URI.create(properties.urlTemplate().replace("{date}", billDate.toString()));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new BillUnavailableException("unionpay bill of " + billDate + ": HTTP " + answer.statusCode());
            }
            return parser.parse(answer.body());
        } catch (IOException e) {
            throw new BillUnavailableException("unionpay bill of " + billDate + " not downloaded: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BillUnavailableException("interrupted while downloading the unionpay bill", e);
        }
    }
}
