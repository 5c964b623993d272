package io.paysuite.channel.alipay;

import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;

/**
 * Builds the official SDK client ({@code com.alipay.sdk:alipay-sdk-java}, chosen because its
 * gateway URL is a constructor argument: the sandbox and real Alipay differ by configuration only).
 * Shared by the trade calls ({@link AlipayTrades}) and the bill download (reconciliation).
 *
 * <p>The SDK's {@code AbstractAlipayClient} clears {@code jdk.certpath.disabledAlgorithms} for the
 * whole JVM when its class loads. We load it here, first, and put the JDK's value back, so this
 * process keeps refusing weak certificate algorithms on every TLS connection.
 */
public final class AlipayClientFactory {

    private static final String DISABLED = "jdk.certpath.disabledAlgorithms";

    private AlipayClientFactory() {
    }

    public static AlipayClient create(AlipayProperties properties) {
        String before = Security.getProperty(DISABLED);
        try {
            Class.forName("com.alipay.api.AbstractAlipayClient", true, AlipayClientFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("alipay-sdk-java is not on the classpath", e);
        } finally {
            if (before != null) {
                Security.setProperty(DISABLED, before);
            }
        }
        return DefaultAlipayClient.builder(properties.serverUrl(), properties.appId(), pemBody(properties.appPrivateKey()))
                .format("json")
                .charset("UTF-8")
                .signType("RSA2")
                .alipayPublicKey(pemBody(properties.platformPublicKey()))
                .connectTimeout((int) properties.connectTimeout().toMillis())
                .readTimeout((int) properties.readTimeout().toMillis())
                .build();
    }

    /** The SDK takes keys as bare base64: the PEM file without its armour lines and line breaks. */
    static String pemBody(Path pem) {
        try {
            return Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + pem, e);
        }
    }
}
