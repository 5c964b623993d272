package io.paysuite.kit.dubbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.state.StateTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.dubbo.rpc.cluster.filter.DefaultFilterChainBuilder;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.junit.jupiter.api.Test;

class ErrorBoundaryFilterTest {

    /** A provider's interface: one method answering {@link Result}, one answering something else. */
    public interface Ledger {
        Result<String> post(String key);

        String ping();

        CompletableFuture<Result<String>> postLater(String key);
    }

    enum Light { RED, GREEN }

    private Supplier<String> work = () -> "posted";

    private final Ledger provider = new Ledger() {
        @Override
        public Result<String> post(String key) {
            return Result.ok(work.get());
        }

        @Override
        public String ping() {
            work.get();
            return "pong";
        }

        @Override
        public CompletableFuture<Result<String>> postLater(String key) {
            return CompletableFuture.completedFuture(Result.ok(work.get()));
        }
    };

    private final Invoker<Ledger> proxy = new FakeProxyInvoker(provider);
    private final ErrorBoundaryFilter filter = new ErrorBoundaryFilter();

    @Test
    void aProviderAnswerPassesThroughUntouched() {
        assertThat(post()).isEqualTo(Result.ok("posted"));
    }

    @Test
    void aBusinessRefusalBecomesAFailedResultWithItsCodeAndMessage() {
        work = () -> {
            throw new BizException(ErrorCode.POSTING_KEY_USED, "key k1 was used");
        };
        assertThat(post()).isEqualTo(Result.fail(ErrorCode.POSTING_KEY_USED, "key k1 was used"));
    }

    @Test
    void aRefusalPassedOnFromAnotherServiceKeepsACodeThisBuildDoesNotKnow() {
        work = () -> {
            throw new BizException("CARD_EXPIRED_IN_A_NEWER_BUILD", "card expired");
        };
        assertThat(post()).isEqualTo(Result.fail("CARD_EXPIRED_IN_A_NEWER_BUILD", "card expired"));
    }

    @Test
    void anOverflowingAmountIsAParameterError() {
        work = () -> String.valueOf(Math.addExact(Long.MAX_VALUE, 1));
        assertThat(post()).isEqualTo(Result.fail(ErrorCode.PARAM_ERROR, "amount out of range"));
    }

    @Test
    void aTransitionOutsideTheStateTableIsASystemErrorWhoseOutcomeMayBeUnknown() {
        StateTable<Light> lights = StateTable.of("light", Light.class).allow(Light.RED, Light.GREEN).allow(Light.GREEN, Light.RED).build();
        work = () -> {
            lights.require(Light.RED, Light.RED);
            return "moved";
        };
        assertThat(post()).isEqualTo(Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query before retrying"));
    }

    @Test
    void anyOtherFaultIsASystemError() {
        work = () -> {
            throw new IllegalStateException("connection reset");
        };
        assertThat(post()).isEqualTo(Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query before retrying"));
    }

    @Test
    void aMethodNotAnsweringResultIsLeftToDubbo() {
        work = () -> {
            throw new IllegalStateException("probe failed");
        };
        org.apache.dubbo.rpc.Result response = throughFilter(invocation("ping"));
        assertThat(response.hasException()).isTrue();
        assertThat(response.getException()).hasMessage("probe failed");
    }

    @Test
    void anAsyncMethodAnsweringAFutureResultIsAnsweredTheSameWay() {
        work = () -> {
            throw new BizException(ErrorCode.TRADE_NOT_FOUND, "no trade T1");
        };
        org.apache.dubbo.rpc.Result response = throughFilter(invocation("postLater", "k1"));
        assertThat(response.hasException()).isFalse();
        assertThat(response.getValue()).isEqualTo(Result.fail(ErrorCode.TRADE_NOT_FOUND, "no trade T1"));
    }

    @Test
    void anErrorOfTheJvmIsLeftToDubbo() {
        work = () -> {
            throw new StackOverflowError();
        };
        org.apache.dubbo.rpc.Result response = throughFilter(invocation("post", "k1"));
        assertThat(response.getException()).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void dubboActivatesItForProvidersNearerTheProviderThanItsExceptionFilter() {
        work = () -> {
            throw new BizException(ErrorCode.ACCOUNT_NOT_FOUND, "no account");
        };
        URL url = URL.valueOf("dubbo://127.0.0.1:20880/" + Ledger.class.getName())
                .setScopeModel(ApplicationModel.defaultModel().getDefaultModule());
        Invoker<Ledger> chain = new DefaultFilterChainBuilder()
                .buildInvokerChain(new FakeProxyInvoker(provider, url), "service.filter", CommonConstants.PROVIDER);

        org.apache.dubbo.rpc.Result response = chain.invoke(invocation("post", "k1"));

        assertThat(response.hasException()).isFalse();
        assertThat(response.getValue()).isEqualTo(Result.fail(ErrorCode.ACCOUNT_NOT_FOUND, "no account"));
        assertThat(ApplicationModel.defaultModel().getDefaultModule().getExtensionLoader(Filter.class).getExtension("error-boundary"))
                .isInstanceOf(ErrorBoundaryFilter.class);
    }

    private Object post() {
        org.apache.dubbo.rpc.Result response = throughFilter(invocation("post", "k1"));
        assertThat(response.hasException()).isFalse();
        return response.getValue();
    }

    /** What Dubbo's filter chain does around one filter: invoke, then tell it the answer. */
    private org.apache.dubbo.rpc.Result throughFilter(Invocation invocation) {
        org.apache.dubbo.rpc.Result response = filter.invoke(proxy, invocation);
        filter.onResponse(response, proxy, invocation);
        return response;
    }

    private static Invocation invocation(String method, Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, String.class);
        return new RpcInvocation(method, Ledger.class.getName(), Ledger.class.getName(), types, args);
    }

    /** Calls the provider the way Dubbo's proxy invoker does: what it throws becomes the answer's exception. */
    private static final class FakeProxyInvoker implements Invoker<Ledger> {

        private final Ledger provider;
        private final URL url;

        FakeProxyInvoker(Ledger provider) {
            this(provider, URL.valueOf("dubbo://127.0.0.1:20880/" + Ledger.class.getName()));
        }

        FakeProxyInvoker(Ledger provider, URL url) {
            this.provider = provider;
            this.url = url;
        }

        @Override
        public Class<Ledger> getInterface() {
            return Ledger.class;
        }

        @Override
        public org.apache.dubbo.rpc.Result invoke(Invocation invocation) {
            try {
                Method method = Ledger.class.getMethod(invocation.getMethodName(), invocation.getParameterTypes());
                return AsyncRpcResult.newDefaultAsyncResult(method.invoke(provider, invocation.getArguments()), invocation);
            } catch (InvocationTargetException thrown) {
                return AsyncRpcResult.newDefaultAsyncResult(thrown.getTargetException(), invocation);
            } catch (ReflectiveOperationException notCallable) {
                throw new IllegalStateException(notCallable);
            }
        }

        @Override
        public URL getUrl() {
            return url;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void destroy() {
        }
    }
}
