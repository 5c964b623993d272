package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.BillUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * UnionPay's daily file fetched with a plain GET from {@code paysuite.channels.unionpay[-b].bill.url-template}
 * ({@code {date}} → {@code yyyy-MM-dd}), such as the channel sandbox's control API
 * {@code /sandbox/v1/bills/UNIONPAY[_B]/{date}}. Real UnionPay offers no such URL: it hands the file out through ACP's
 * file transfer ({@link UnionPayBillSource}), which is what an acquirer gets unless this template is set explicitly.
 */
public class UnionPayBillUrlSource implements BillSource {

    private final ChannelCode channel;
    private final String urlTemplate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One per acquirer: each hands out the file of its own merchant number. */
    public UnionPayBillUrlSource(ChannelCode channel, String urlTemplate) {
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
            return UnionPayBillParser.forBillDate(billDate).parse(answer.body());
        } catch (IOException e) {
            throw new BillUnavailableException("unionpay bill of " + billDate + " not downloaded: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BillUnavailableException("interrupted while downloading the unionpay bill", e);
        }
    }
}
