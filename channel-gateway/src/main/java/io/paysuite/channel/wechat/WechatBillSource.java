package io.paysuite.channel.wechat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.BillUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay's trade bill ({@code bill_type=ALL}, uncompressed) through the official SDK's
 * {@link BillDownloadServiceExtension}: it asks {@code GET /v3/bill/tradebill} (signed answer, verified)
 * for {@code hash_type}/{@code hash_value}/{@code download_url}, downloads the file (that answer is
 * unsigned at WeChat, hence the hash) and hands a digesting stream back; the file is used only when
 * {@link DigestBillEntity#verifyHash()} holds after it was read to the end. The SDK client is the
 * gateway's own ({@link WechatHttp}): same keys, same sandbox host rewrite. Any refusal (including
 * WeChat's "no bill for that day", which also means "not generated yet") is an unavailable bill,
 * never an empty one.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "merchant-private-key")
public class WechatBillSource implements BillSource {

    private final BillDownloadServiceExtension bills;
    private final WechatBillParser parser = new WechatBillParser();

    public WechatBillSource(WechatHttp http) {
        this.bills = new BillDownloadServiceExtension.Builder().httpClient(http.client())
                .decryptor(http.config().createDecryptor()).build();
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.WECHAT;
    }

    @Override
    public List<BillRow> rows(LocalDate billDate) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(billDate.toString());
        request.setBillType(BillType.ALL);
        byte[] file;
        DigestBillEntity bill;
        try {
            bill = bills.getTradeBill(request);
            try (InputStream in = bill.getInputStream()) {
                file = in.readAllBytes();
            }
        } catch (ServiceException refused) {
            throw new BillUnavailableException("wechat refused the bill: HTTP " + refused.getHttpStatusCode() + " "
                    + refused.getErrorCode() + " " + refused.getErrorMessage(), refused);
        } catch (IOException | RuntimeException e) {
            throw new BillUnavailableException("wechat bill download failed: " + e, e);
        }
        if (!bill.verifyHash()) {
            throw new BillUnavailableException("wechat bill download does not match the hash_value WeChat signed");
        }
        return parser.parse(file);
    }
}
