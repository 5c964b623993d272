package io.paysuite.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShadowDubboFiltersTest {

    @AfterEach
    void reset() {
        ShadowContext.accept(false);
    }

    @Test
    void aCallMadeWhileMarkedCarriesTheAttachmentAndOthersDoNot() {
        Invoker<?> invoker = mock(Invoker.class);
        RpcInvocation marked = new RpcInvocation();
        RpcInvocation real = new RpcInvocation();
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            new ShadowDubboFilters.Mark().invoke(invoker, marked);
        }
        new ShadowDubboFilters.Mark().invoke(invoker, real);

        assertThat(marked.getAttachment(ShadowContext.ATTACHMENT)).isEqualTo("1");
        assertThat(real.getAttachment(ShadowContext.ATTACHMENT)).isNull();
    }

    @Test
    void aProviderRunsAMarkedCallMarkedAndForgetsTheMarkAfterwards() {
        ShadowContext.accept(true);
        AtomicBoolean seen = new AtomicBoolean();
        Invoker<?> invoker = mock(Invoker.class);
        RpcInvocation call = new RpcInvocation();
        call.setAttachment(ShadowContext.ATTACHMENT, "1");
        when(invoker.invoke(any())).thenAnswer(i -> {
            seen.set(ShadowContext.active());
            return AsyncRpcResult.newDefaultAsyncResult(new AppResponse("ok"), call);
        });

        new ShadowDubboFilters.Scope().invoke(invoker, call);

        assertThat(seen).isTrue();
        assertThat(ShadowContext.active()).isFalse();
    }

    @Test
    void aProviderWithoutAShadowSideAnswersAMarkedCallWithoutRunningIt() throws Exception {
        Invoker<?> invoker = mock(Invoker.class);
        RpcInvocation call = new RpcInvocation();
        call.setAttachment(ShadowContext.ATTACHMENT, "1");

        var answer = new ShadowDubboFilters.Scope().invoke(invoker, call);

        verify(invoker, never()).invoke(any());
        assertThat(((io.paysuite.api.common.Result<?>) answer.getValue()).code()).isEqualTo("LOAD_TEST_NOT_ALLOWED");
    }
}
