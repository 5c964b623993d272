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

/**
 * UnionPay's daily file, fetched from {@code paysuite.channels.unionpay[-b].bill.url-template}
 * ({@code {date}} → {@code yyyy-MM-dd}); the local run points it at the channel sandbox. Real UnionPay
 * hands the file out through ACP {@code fileTransfer.do} (txnType 76), which is not built: a deployment
 * against UnionPay leaves this unset and reconciles UnionPay outside Paysuite until it is.
 */
public class UnionPayBillSource implements BillSource {

    private final ChannelCode channel;
    private final String urlTemplate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final UnionPayBillParser parser = new UnionPayBillParser();

    /** One per acquirer: each hands out the file of its own merchant number. */
    public UnionPayBillSource(ChannelCode channel, String urlTemplate) {
        this.channel = channel;
        this.urlTemplate = urlTemplate;
    }

    @Override
    public ChannelCode channel() {
        return channel;
    }

    @Override
    public List<BillRow> rows(LocalDate billDate) {
        URI uri = URI.create(urlTemplate.replace("{date}", billDate.toString()));
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
