package io.paysuite.channel.unionpay;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * UnionPay online gateway (ACP 5.1.0 token payments): {@code paysuite.channels.unionpay.*}. Pointing a deployment at
 * real UnionPay is a change of these values only: {@code gateway-url} {@code https://gateway.95516.com} (test
 * {@code https://gateway.test.95516.com}), the real merchant number, keys and certificate ids. Keys are files outside
 * the repository (the local run generates them). Without {@code gateway-url} the channel is not offered.
 *
 * @param gatewayUrl         base URL; {@code /gateway/api/backTransReq.do} and {@code /gateway/api/queryTrans.do} are appended
 * @param merId              our merchant number at UnionPay
 * @param merchantPrivateKey PEM (PKCS#8) requests are signed with
 * @param merchantCertId     the id of that key's certificate, sent as {@code certId}
 * @param platformPublicKey  PEM of UnionPay's signing key; every answer and notification is verified against it
 * @param platformCertId     the {@code certId} answers and notifications must name
 * @param backUrl            where UnionPay posts results: this gateway's {@code /channels/unionpay/notify}
 * @param trId               our token requestor id, sent with each token in {@code tokenPayData}
 * @param fileTransferUrl    where the file transfer transaction (the daily reconciliation file, txnType 76) is posted,
 *                           as is: real UnionPay serves it on its own host, {@code https://filedownload.95516.com/}
 *                           (test {@code https://filedownload.test.95516.com/}; the ACP SDK's {@code acpsdk.fileTransUrl}).
 *                           Unset: {@code gateway-url} + {@code /gateway/api/fileTransReq.do}, where the channel sandbox
 *                           serves it
 */
@ConfigurationProperties("paysuite.channels.unionpay")
public record UnionPayProperties(
        String gatewayUrl,
        @DefaultValue("777290058110048") String merId,
        Path merchantPrivateKey,
        @DefaultValue("68759529225") String merchantCertId,
        Path platformPublicKey,
        @DefaultValue("69629715588") String platformCertId,
        String backUrl,
        @DefaultValue("62000000001") String trId,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        String fileTransferUrl) {
}
