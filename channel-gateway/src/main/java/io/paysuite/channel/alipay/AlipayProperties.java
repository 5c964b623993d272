package io.paysuite.channel.alipay;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alipay: {@code paysuite.channels.alipay.*}. Pointing a deployment at real Alipay is a change of
 * these values only: {@code server-url} {@code https://openapi.alipay.com/gateway.do}, the app's
 * real id and keys. Keys are files outside the repository (the local run generates them).
 *
 * @param serverUrl         the open-platform gateway (the channel sandbox's {@code /gateway.do} locally)
 * @param appPrivateKey     PEM (PKCS#8) the app signs requests with
 * @param platformPublicKey PEM of Alipay's public key; every answer and notification is verified against it
 * @param notifyUrl         where Alipay posts trade notifications: this gateway's {@code /channels/alipay/notify}
 */
@ConfigurationProperties("paysuite.channels.alipay")
public record AlipayProperties(
        String serverUrl,
        @DefaultValue("2021000000000001") String appId,
        Path appPrivateKey,
        Path platformPublicKey,
        String notifyUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout) {
}
