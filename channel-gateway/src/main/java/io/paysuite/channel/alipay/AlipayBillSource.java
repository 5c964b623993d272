package io.paysuite.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.PayoutBillRow;
import io.paysuite.channel.reconcile.PayoutBillSource;
import io.paysuite.channel.reconcile.BillUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Alipay's trade bill ({@code trade}) and account bill ({@code signcustomer}, the payouts'): {@code alipay.data.dataservice.bill.downloadurl.query} through the official
 * SDK (signed, answer verified), then a plain GET of {@code bill_download_url} — the download itself
 * is unsigned at Alipay and the URL is short-lived, so it is fetched at once. Any refusal (including
 * Alipay's "no bill for that day", which also means "not generated yet") is an unavailable bill, never an
 * empty one.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayBillSource implements BillSource, PayoutBillSource {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlipayBillSource.class);

    /** A day's zip can be megabytes: far longer than a trade call may take. */
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final AlipayClient client;
    private final HttpClient http;
    private final AlipayBillParser parser = new AlipayBillParser();
    private final AlipayAccountBillParser accountParser = new AlipayAccountBillParser();

    public AlipayBillSource(AlipayClient client, AlipayProperties properties) {
        this.client = client;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.ALIPAY;
    }

    @Override
    public List<BillRow> rows(LocalDate billDate) {
        long start = System.nanoTime();
        byte[] zip = download(downloadUrl("trade", billDate));
        long downloaded = System.nanoTime();
        List<BillRow> rows = parser.parse(zip);
        // reconciliation's timing splits the bill's part into the download and the parse
        log.info("alipay trade bill {}: {} bytes downloaded in {} ms, {} rows parsed in {} ms", billDate, zip.length,
                (downloaded - start) / 1_000_000, rows.size(), (System.nanoTime() - downloaded) / 1_000_000);
        return rows;
    }

    /** The account bill ({@code signcustomer}, 账务明细), where the payouts' transfers and the bank's returns are. */
    @Override
    public List<PayoutBillRow> payoutRows(LocalDate billDate) {
        return accountParser.parse(download(downloadUrl("signcustomer", billDate)));
    }

    private String downloadUrl(String billType, LocalDate billDate) {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType(billType);
        model.setBillDate(billDate.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        AlipayDataDataserviceBillDownloadurlQueryResponse response;
        try {
            response = client.execute(request);
        } catch (AlipayApiException | RuntimeException e) {
            throw new BillUnavailableException("alipay bill url query failed: " + e.getMessage(), e);
        }
        if (!response.isSuccess()) {
            throw new BillUnavailableException("alipay refused the bill url: " + response.getCode() + " "
                    + response.getSubCode() + " " + response.getSubMsg());
        }
        if (response.getBillDownloadUrl() == null || response.getBillDownloadUrl().isBlank()) {
            throw new BillUnavailableException("alipay answered no bill_download_url");
        }
        return response.getBillDownloadUrl();
    }

    private byte[] download(String url) {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new BillUnavailableException("alipay bill download answered HTTP " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new BillUnavailableException("alipay bill download failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BillUnavailableException("alipay bill download interrupted", e);
        }
    }
}
