package io.paysuite.channel.wechat;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Pay API v3: {@code paysuite.channels.wechat.*}. The official SDK always calls
 * {@code https://api.mch.weixin.qq.com}; {@code base-url} (set only for the sandbox) redirects those
 * calls at the HTTP client. Without it the same code talks to real WeChat Pay: a configuration change.
 *
 * @param baseUrl            where {@code api.mch.weixin.qq.com} requests go instead (the sandbox); empty for real WeChat
 * @param merchantPrivateKey PEM of the merchant API certificate's private key (requests are signed with it)
 * @param merchantSerial     that certificate's serial number
 * @param platformPublicKey  PEM of WeChat Pay's public key (answers and notifications are verified against it)
 * @param publicKeyId        its id ({@code Wechatpay-Serial} must name it)
 * @param apiV3KeyFile       file holding the 32-character APIv3 key that decrypts notifications
 * @param v2KeyFile          file holding the 32-character API v2 key: the HMAC-SHA256 key of the v2 XML payment-code
 *                           calls (micropay, orderquery, reverse); set, it turns the WeChat payment code on
 * @param v2ClientKeystore   PKCS12 file with the merchant's API client certificate and key, presented for mutual TLS
 *                           (real WeChat requires it on {@code /secapi/pay/reverse}); unset: no client certificate (sandbox)
 * @param v2ClientKeystorePassword that keystore's password (WeChat's default is the merchant id)
 */
@ConfigurationProperties("paysuite.channels.wechat")
public record WechatProperties(
        String baseUrl,
        @DefaultValue("1900000001") String mchid,
        @DefaultValue("wx8888888888888888") String appid,
        Path merchantPrivateKey,
        @DefaultValue("SANDBOXMERCHANTSERIAL0001") String merchantSerial,
        Path platformPublicKey,
        @DefaultValue("PUB_KEY_ID_0100000000000001") String publicKeyId,
        Path apiV3KeyFile,
        String notifyUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        Path v2KeyFile,
        Path v2ClientKeystore,
        String v2ClientKeystorePassword) {
}
