package io.paysuite.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.Listener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class NacosConfigCenterTest {

    final ConfigService nacos = mock(ConfigService.class);
    final NacosConfigCenter center = new NacosConfigCenter(nacos, "PAYSUITE", Duration.ofSeconds(3));

    @Test
    void aKeyIsADataIdWithDotsInTheGroup() throws Exception {
        when(nacos.getConfig("channel-gateway.routing-rules", "PAYSUITE", 3000)).thenReturn("[]");

        assertThat(center.read("channel-gateway/routing-rules")).contains("[]");
        assertThat(center.read("sentinel/x")).isEmpty();
    }

    @Test
    void publishingStoresJsonAndARefusalIsAnError() throws Exception {
        when(nacos.publishConfig("a.b", "PAYSUITE", "[1]", "json")).thenReturn(true);
        center.publish("a/b", "[1]");
        verify(nacos).publishConfig("a.b", "PAYSUITE", "[1]", "json");

        when(nacos.publishConfig("a.c", "PAYSUITE", "[1]", "json")).thenReturn(false);
        assertThatThrownBy(() -> center.publish("a/c", "[1]")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSubscriberHearsEachNewTextAndNullOnRemovalUntilItUnsubscribes() throws Exception {
        List<String> heard = new ArrayList<>();
        ConfigCenter.Subscription subscription = center.subscribe("a/b", heard::add);
        ArgumentCaptor<Listener> listener = ArgumentCaptor.forClass(Listener.class);
        verify(nacos).addListener(eq("a.b"), eq("PAYSUITE"), listener.capture());

        listener.getValue().receiveConfigInfo("[1]");
        listener.getValue().receiveConfigInfo("");
        subscription.close();

        assertThat(heard).containsExactly("[1]", null);
        verify(nacos).removeListener("a.b", "PAYSUITE", listener.getValue());
    }

    @Test
    void aRuleSourceOverNacosRefusesABadPushAndKeepsTheLastGoodRules() throws Exception {
        when(nacos.getConfig(eq("test.limits"), eq("PAYSUITE"), anyLong())).thenReturn("[{\"merchant\":\"M1\",\"qps\":5}]");
        RuleSource<RuleSourceTest.Limit> source = new RuleSources(center).open("test/limits", RuleSourceTest.FORMAT,
                () -> RuleSourceTest.DEFAULTS);
        ArgumentCaptor<Listener> listener = ArgumentCaptor.forClass(Listener.class);
        verify(nacos).addListener(eq("test.limits"), eq("PAYSUITE"), listener.capture());

        listener.getValue().receiveConfigInfo("[{\"merchant\":\"M1\"}]");

        assertThat(source.current()).containsExactly(new RuleSourceTest.Limit("M1", 5));
        listener.getValue().receiveConfigInfo("[{\"merchant\":\"M1\",\"qps\":7}]");
        assertThat(source.current()).containsExactly(new RuleSourceTest.Limit("M1", 7));
    }

    @Test
    void aWriteCarriesTheMd5OfTheContentReadAndARefusedCasIsAConflict() throws Exception {
        when(nacos.getConfig("a.b", "PAYSUITE", 3000)).thenReturn("[1]");
        ConfigCenter.Versioned read = center.readVersioned("a/b");
        assertThat(read.version()).as("what Nacos keeps: MD5 hex of the UTF-8 content").isEqualTo("35dba5d75538a9bbe0b4da4422759a0e");
        assertThat(NacosConfigCenter.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");

        when(nacos.publishConfigCas("a.b", "PAYSUITE", "[2]", read.version(), "json")).thenReturn(true);
        assertThat(center.publishIfUnchanged("a/b", "[2]", read.version())).contains(NacosConfigCenter.md5("[2]"));
        when(nacos.publishConfigCas("a.b", "PAYSUITE", "[3]", read.version(), "json")).thenReturn(false);
        assertThat(center.publishIfUnchanged("a/b", "[3]", read.version())).isEmpty();

        assertThat(center.publishIfUnchanged("a/b", "[4]", ConfigCenter.Versioned.ABSENT)).as("it exists").isEmpty();
        when(nacos.publishConfig("a.new", "PAYSUITE", "[5]", "json")).thenReturn(true);
        assertThat(center.publishIfUnchanged("a/new", "[5]", ConfigCenter.Versioned.ABSENT)).isPresent();
    }
}
