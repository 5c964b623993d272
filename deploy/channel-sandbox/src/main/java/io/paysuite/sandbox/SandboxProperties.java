package io.paysuite.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.sandbox.*}. Other modules (the launcher, the integration tests) set these names.
 *
 * @param timeScale multiplies notification retry gaps and the Alipay 8888 buyer's confirmation delay (tests use 0.001)
 * @param alipay    the Alipay open-platform gateway played at {@code /gateway.do}
 * @param wechat    WeChat Pay API v3 played at {@code /v3/**}
 * @param unionpay  UnionPay's online gateway (ACP 5.1.0 token payments) played at {@code /gateway/api/*.do}, channel UNIONPAY
 * @param unionpayB the same gateway reached through a second acquiring institution ({@code paysuite.sandbox.unionpay-b.*}),
 *                  played at {@code /acquirer-b/gateway/api/*.do}, channel UNIONPAY_B: its own merchant, merchant key and
 *                  transactions, the same UnionPay platform key
 */
@ConfigurationProperties(prefix = "paysuite.sandbox")
public record SandboxProperties(@DefaultValue("1.0") double timeScale, @DefaultValue Alipay alipay,
                                @DefaultValue Wechat wechat, @DefaultValue UnionPay unionpay, @DefaultValue UnionPay unionpayB) {

    // The two acquirers share the record but not the merchant, so the merchant's defaults are given per acquirer here.
    public SandboxProperties {
        unionpay = unionpay.orMerchant("777290058110048", "68759529225");
        unionpayB = unionpayB.orMerchant("777290058110049", "68759529226");
    }

    /**
     * @param appId              the only merchant app accepted (another → 40002 {@code isv.invalid-app-id})
     * @param appPublicKey       path to a PEM {@code PUBLIC KEY} (X.509) of the merchant app; requests must verify against it
     * @param platformPrivateKey path to a PEM {@code PRIVATE KEY} (PKCS#8) the sandbox signs answers and notifications with
     * @param latency            base latency added to each gateway call
     */
    public record Alipay(@DefaultValue("2021000000000001") String appId, String appPublicKey, String platformPrivateKey,
                         @DefaultValue("20ms") Duration latency) {
    }

    /**
     * @param mchid              the only merchant accepted (another in the Authorization header or the body → 403 NO_AUTH)
     * @param appid              the app bound to the merchant (another → 400 APPID_MCHID_NOT_MATCH)
     * @param merchantPublicKey  path to a PEM {@code PUBLIC KEY} (X.509) of the merchant's API certificate key; requests'
     *                           {@code WECHATPAY2-SHA256-RSA2048} signatures must verify against it (else 401 SIGN_ERROR)
     * @param merchantSerial     the merchant certificate serial the requests must name in {@code serial_no}
     * @param platformPrivateKey path to a PEM {@code PRIVATE KEY} (PKCS#8) the sandbox signs answers and notifications with
     * @param publicKeyId        the WeChat Pay public key id sent as {@code Wechatpay-Serial}
     * @param apiV3KeyFile       path to a file holding the 32-character APIv3 key (AES-256-GCM of notification resources)
     * @param latency            base latency added to each {@code /v3} call (and each v2 payment-code call)
     * @param v2KeyFile          path to a file holding the 32-character API v2 key: the HMAC-SHA256 key of the v2 XML
     *                           payment-code calls ({@code /pay/micropay}, {@code /pay/orderquery}, {@code /secapi/pay/reverse})
     */
    public record Wechat(@DefaultValue("1900000001") String mchid, @DefaultValue("wx8888888888888888") String appid,
                         String merchantPublicKey, @DefaultValue("SANDBOXMERCHANTSERIAL0001") String merchantSerial,
                         String platformPrivateKey, @DefaultValue("PUB_KEY_ID_0100000000000001") String publicKeyId,
                         String apiV3KeyFile, @DefaultValue("20ms") Duration latency, String v2KeyFile) {
    }

    /**
     * One acquirer's UnionPay merchant ({@code unionpay} and {@code unionpay-b}).
     *
     * @param merId              the only merchant accepted (another → respCode 31); default per acquirer
     * @param merchantPublicKey  path to a PEM {@code PUBLIC KEY} (X.509) of the merchant's signing certificate; requests'
     *                           ACP 5.1.0 signatures must verify against it (else respCode 11)
     * @param merchantCertId     the merchant certificate's id the requests must name in {@code certId} (else respCode 11);
     *                           default per acquirer
     * @param platformPrivateKey path to a PEM {@code PRIVATE KEY} (PKCS#8) the sandbox signs answers and notifications with
     * @param platformCertId     the certificate id sent as {@code certId} with everything the sandbox signs
     * @param settleDelay        how long after acceptance a consume or refund settles (× time-scale)
     * @param latency            base latency added to each gateway call
     */
    public record UnionPay(String merId, String merchantPublicKey, String merchantCertId, String platformPrivateKey,
                           @DefaultValue("69629715588") String platformCertId, @DefaultValue("2s") Duration settleDelay,
                           @DefaultValue("20ms") Duration latency) {

        /** This configuration with the merchant number and certificate id filled in where they were not set. */
        UnionPay orMerchant(String defaultMerId, String defaultMerchantCertId) {
            return new UnionPay(isBlank(merId) ? defaultMerId : merId, merchantPublicKey,
                    isBlank(merchantCertId) ? defaultMerchantCertId : merchantCertId, platformPrivateKey, platformCertId,
                    settleDelay, latency);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
