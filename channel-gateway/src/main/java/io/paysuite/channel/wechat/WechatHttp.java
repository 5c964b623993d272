package io.paysuite.channel.wechat;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.AbstractHttpClient;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one way this gateway builds its WeChat Pay SDK client, shared by the Native adapter and the
 * bill download so both sign with the same key, verify against the same WeChat public key, and reach
 * the sandbox through the same {@link SandboxHostRewrite} when {@code base-url} is set. OkHttp's silent
 * retry on connection failure is off: a charge is never sent twice behind our back.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "merchant-private-key")
public final class WechatHttp {

    private final RSAPublicKeyConfig config;
    private final AbstractHttpClient client;

    /** One key read, one connection pool for every WeChat v3 call of this process. */
    public WechatHttp(WechatProperties properties) {
        this.config = config(properties);
        this.client = client(properties, config);
    }

    public RSAPublicKeyConfig config() {
        return config;
    }

    public AbstractHttpClient client() {
        return client;
    }

    /**
     * {@link RSAPublicKeyConfig} (WeChat's public key from configuration) rather than the
     * auto-downloading certificate config, which blocks start-up on a download and keeps JVM-static state.
     */
    static RSAPublicKeyConfig config(WechatProperties properties) {
        try {
            return new RSAPublicKeyConfig.Builder()
                    .merchantId(properties.mchid())
                    .privateKeyFromPath(properties.merchantPrivateKey().toString())
                    .merchantSerialNumber(properties.merchantSerial())
                    .publicKeyFromPath(properties.platformPublicKey().toString())
                    .publicKeyId(properties.publicKeyId())
                    .apiV3Key(Files.readString(properties.apiV3KeyFile()).trim())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the WeChat APIv3 key " + properties.apiV3KeyFile(), e);
        }
    }

    static AbstractHttpClient client(WechatProperties properties, RSAPublicKeyConfig config) {
        // Retries are off, so a pooled connection the server already closed would surface as an I/O error
        // (an UNKNOWN charge, a count against the breaker): idle connections are dropped after 10 s, before
        // common server keep-alive limits (Tomcat's 20 s here), instead of OkHttp's 5 minutes.
        OkHttpClient.Builder okHttp = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .addInterceptor(new TraceparentHeader());
        if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
            okHttp.addInterceptor(new SandboxHostRewrite(properties.baseUrl()));
        }
        return new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp.build())
                .connectTimeoutMs((int) properties.connectTimeout().toMillis())
                .readTimeoutMs((int) properties.readTimeout().toMillis())
                .writeTimeoutMs((int) properties.readTimeout().toMillis())
                .disableRetryOnConnectionFailure()
                .build();
    }
}
