package io.paysuite.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.error.BizException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShadowContextTest {

    @AfterEach
    void nothingLeftOnTheThread() {
        assertThat(ShadowContext.active()).isFalse();
        ShadowContext.accept(false);
    }

    @Test
    void aScopeMarksTheThreadUntilItClosesAndNestedScopesRestoreWhatWasThere() {
        try (ShadowContext.Scope outer = ShadowContext.enter()) {
            assertThat(ShadowContext.active()).isTrue();
            try (ShadowContext.Scope inner = ShadowContext.enter(false)) {
                assertThat(ShadowContext.active()).as("an unmarked message on a marked thread runs unmarked").isFalse();
            }
            assertThat(ShadowContext.active()).isTrue();
        }
        assertThat(ShadowContext.active()).isFalse();
    }

    @Test
    void workHandedToAnotherThreadTakesTheMarkItWasHandedWith() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicBoolean seen = new AtomicBoolean();
            try (ShadowContext.Scope load = ShadowContext.enter()) {
                ShadowContext.carrying(pool).execute(() -> seen.set(ShadowContext.active()));
            }
            assertThat(pool.submit(ShadowContext::active).get()).as("the pooled thread does not keep it").isFalse();
            assertThat(seen).isTrue();
            assertThat(pool.submit(ShadowContext.carried(ShadowContext::active)).get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMessageSentWhileMarkedCarriesTheMarkAndItsHandlerRunsMarked() throws Exception {
        ShadowContext.accept(true);
        MessageExt sent = new MessageExt();
        sent.setTopic("t");
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            ShadowMessages.mark(sent);
        }
        assertThat(sent.getUserProperty(ShadowContext.PROPERTY)).isEqualTo("1");
        assertThat(ShadowMessages.restoring(sent, ShadowContext::active)).isTrue();

        Message real = ShadowMessages.mark(new Message("t", new byte[0]));
        assertThat(real.getUserProperty(ShadowContext.PROPERTY)).isNull();
    }

    @Test
    void aMarkedMessageReachingAServiceWithoutAShadowSideIsRefusedAndComesBackLater() {
        MessageExt marked = new MessageExt();
        marked.setTopic("t");
        marked.putUserProperty(ShadowContext.PROPERTY, "1");

        assertThatThrownBy(() -> ShadowMessages.restoring(marked, () -> "ran")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paysuite.shadow.enabled=false");
    }

    @Test
    void theOpenApiHeaderMarksOnlyWithOneAndOnlyWhereLoadTestsAreOn() {
        ShadowProperties on = new ShadowProperties(true, "_shadow", 4, List.of());
        try (ShadowContext.Scope s = ShadowHeader.enter("1", on)) {
            assertThat(ShadowContext.active()).isTrue();
        }
        try (ShadowContext.Scope s = ShadowHeader.enter(null, on)) {
            assertThat(ShadowContext.active()).isFalse();
        }
        assertThatThrownBy(() -> ShadowHeader.enter("1", ShadowProperties.off())).isInstanceOf(BizException.class)
                .hasMessageContaining("switched off");
        assertThatThrownBy(() -> ShadowHeader.enter("yes", on)).isInstanceOf(BizException.class);
    }

    @Test
    void theShadowOfADatabaseIsItsNameWithTheSuffixOnTheSameServer() {
        ShadowProperties props = new ShadowProperties(true, "_shadow", 4, List.of("http://127.0.0.1:18080"));

        assertThat(props.shadowUrl("jdbc:mysql://db:3306/paysuite_member?useSSL=false&a=b"))
                .isEqualTo("jdbc:mysql://db:3306/paysuite_member_shadow?useSSL=false&a=b");
        assertThat(props.shadowUrl("jdbc:mariadb://h1,h2/paysuite_pay_1")).isEqualTo("jdbc:mariadb://h1,h2/paysuite_pay_1_shadow");
        assertThatThrownBy(() -> props.shadowUrl("jdbc:mysql://db:3306/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(props.sandbox("http://127.0.0.1:18080/gateway.do")).isTrue();
        assertThat(props.sandbox("http://127.0.0.1:18080")).isTrue();
        assertThat(props.sandbox("http://127.0.0.1:180801/x")).isFalse();
        assertThat(props.sandbox("https://openapi.alipay.com/gateway.do")).isFalse();
        assertThat(props.sandbox(null)).isFalse();
    }

    @Test
    void theRoutingDataSourceGivesLoadTrafficTheShadowPoolAndEverythingElseTheRealOne() throws Exception {
        DataSource real = mock(DataSource.class);
        DataSource shadow = mock(DataSource.class);
        java.sql.Connection realConnection = mock(java.sql.Connection.class);
        java.sql.Connection shadowConnection = mock(java.sql.Connection.class);
        when(real.getConnection()).thenReturn(realConnection);
        when(shadow.getConnection()).thenReturn(shadowConnection);
        ShadowRouting routing = new ShadowRouting(real, shadow);

        assertThat(routing.getConnection()).isSameAs(realConnection);
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThat(routing.getConnection()).isSameAs(shadowConnection);
        }
    }
}
