package io.paysuite.channel.adapter;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.shadow.ShadowProperties;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Load traffic reaches sandbox channels only: a marked charge is offered only the channels whose endpoint is
 * under one of {@code paysuite.shadow.sandbox-urls}, and when none is left it is refused
 * ({@code LOAD_TEST_CHANNEL_REFUSED}) before an order is written or anything is sent. Real traffic is not
 * touched. The endpoints are read from each channel's own setting (the channels' settings share no
 * "endpoint" accessor): WeChat without {@code base-url} is real WeChat, never a sandbox.
 */
@Component
public class LoadTestChannels {

    /** Where each channel sends its calls. */
    static final Map<ChannelCode, String> ENDPOINT_SETTINGS = Map.of(
            ChannelCode.ALIPAY, "paysuite.channels.alipay.server-url",
            ChannelCode.WECHAT, "paysuite.channels.wechat.base-url",
            ChannelCode.UNIONPAY, "paysuite.channels.unionpay.gateway-url",
            ChannelCode.UNIONPAY_B, "paysuite.channels.unionpay-b.gateway-url");

    private final Map<ChannelCode, Boolean> sandboxed = new EnumMap<>(ChannelCode.class);

    @Autowired
    public LoadTestChannels(ShadowProperties shadow, Environment environment) {
        ENDPOINT_SETTINGS.forEach((channel, key) -> sandboxed.put(channel, shadow.sandbox(environment.getProperty(key))));
    }

    private LoadTestChannels() {
    }

    /** No channel is a sandbox: every marked charge is refused (tests that script the channels). */
    public static LoadTestChannels none() {
        return new LoadTestChannels();
    }

    /** The channels {@code serving} a charge may use: all of them for real traffic, the sandboxed ones for load traffic. */
    public Map<ChannelCode, ChannelAdapter> offered(Map<ChannelCode, ChannelAdapter> serving) {
        if (!ShadowContext.active() || serving.isEmpty()) {
            return serving;
        }
        Map<ChannelCode, ChannelAdapter> offered = new EnumMap<>(ChannelCode.class);
        serving.forEach((channel, adapter) -> {
            if (sandboxed.getOrDefault(channel, false)) {
                offered.put(channel, adapter);
            }
        });
        if (offered.isEmpty()) {
            throw new BizException(ErrorCode.LOAD_TEST_CHANNEL_REFUSED,
                    "load traffic reaches sandbox channels only; " + serving.keySet() + " are not sandboxes");
        }
        return offered;
    }
}
