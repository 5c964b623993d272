package io.paysuite.channel.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.error.BizException;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.shadow.ShadowProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LoadTestChannelsTest {

    final ChannelAdapter alipay = mock(ChannelAdapter.class);
    final ChannelAdapter wechat = mock(ChannelAdapter.class);
    final Map<ChannelCode, ChannelAdapter> serving = Map.of(ChannelCode.ALIPAY, alipay, ChannelCode.WECHAT, wechat);
    final LoadTestChannels channels = new LoadTestChannels(new ShadowProperties(true, "_shadow", 4, List.of("http://127.0.0.1:18080")),
            new MockEnvironment()
                    .withProperty("paysuite.channels.alipay.server-url", "http://127.0.0.1:18080/gateway.do")
                    .withProperty("paysuite.channels.wechat.base-url", ""));

    @Test
    void realTrafficIsOfferedEveryChannel() {
        assertThat(channels.offered(serving)).isEqualTo(serving);
    }

    @Test
    void loadTrafficIsOfferedOnlyTheChannelsBehindASandbox() {
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThat(channels.offered(serving)).containsOnlyKeys(ChannelCode.ALIPAY);
        }
    }

    @Test
    void loadTrafficForRealChannelsOnlyIsRefusedBeforeAnythingIsSent() {
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThatThrownBy(() -> channels.offered(Map.of(ChannelCode.WECHAT, wechat)))
                    .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code().code()).isEqualTo("LOAD_TEST_CHANNEL_REFUSED"));
        }
    }
}
