package io.paysuite.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerCheckFilterTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final AtomicInteger ran = new AtomicInteger();
    private final CallerCheckFilter check = new CallerCheckFilter();
    private final CallerProofFilter proof = new CallerProofFilter();

    @BeforeEach
    void provider() {
        InternalCallers.provide(SECRET, GuardedCall.DEFAULTS);
    }

    @AfterEach
    void reset() {
        InternalCallers.provide(null, GuardedCall.DEFAULTS);
    }

    @Test
    void aNamedCallerWithTheSecretPosts() {
        InternalCallers.register("pay-core", SECRET);
        Result answer = call("pay-core", "post");
        assertThat(ran).hasValue(1);
        assertThat(answer.getValue()).isEqualTo("posted");
    }

    @Test
    void aStrangerIsRefusedAndNothingRuns() {
        Result answer = call("stranger", "post");
        assertThat(ran).hasValue(0);
        assertThat(answer.getValue()).isInstanceOfSatisfying(io.paysuite.api.common.Result.class, refused -> {
            assertThat(refused.success()).isFalse();
            assertThat(refused.code()).isEqualTo("CALLER_NOT_ALLOWED");
        });
    }

    @Test
    void anAllowedNameWithoutTheSecretIsRefused() {
        InternalCallers.register("trade-core", "another-secret-of-16-bytes!".getBytes(StandardCharsets.US_ASCII));
        assertThat(code(call("trade-core", "post"))).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(ran).hasValue(0);
    }

    @Test
    void anAllowedCallerOfOneMethodIsRefusedAnother() {
        InternalCallers.register("cashier-service", SECRET);
        InternalCallers.provide(SECRET, List.of(new GuardedCall(LedgerService.class.getName(), Set.of("post"), Set.of("pay-core"))));
        assertThat(code(call("cashier-service", "post"))).isEqualTo("CALLER_NOT_ALLOWED");
    }

    @Test
    void readsStayOpenToEveryone() {
        call("stranger", "balance");
        assertThat(ran).hasValue(1);
    }

    @Test
    void aProviderWithoutASecretRefusesEveryGuardedCall() {
        InternalCallers.register("pay-core", SECRET);
        InternalCallers.provide(null, GuardedCall.DEFAULTS);
        assertThat(code(call("pay-core", "post"))).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(ran).hasValue(0);
    }

    @Test
    void aProofIsBoundToItsMethodAndExpires() {
        CallerProof proofs = new CallerProof(SECRET);
        String signed = proofs.sign("pay-core", "S", "post", 1_000);
        assertThat(proofs.verify("pay-core", "S", "post", "1000", signed, 1_000 + CallerProof.WINDOW_SECONDS)).isTrue();
        assertThat(proofs.verify("pay-core", "S", "post", "1000", signed, 1_001 + CallerProof.WINDOW_SECONDS)).isFalse();
        assertThat(proofs.verify("pay-core", "S", "postRefund", "1000", signed, 1_000)).isFalse();
        assertThat(proofs.verify("trade-core", "S", "post", "1000", signed, 1_000)).isFalse();
        assertThat(proofs.verify("pay-core", "S", "post", "x", signed, 1_000)).isFalse();
    }

    private Result call(String application, String method) {
        Invoker<LedgerService> provider = invoker(URL.valueOf("dubbo://127.0.0.1:20884/" + LedgerService.class.getName()),
                inv -> {
                    ran.incrementAndGet();
                    return AsyncRpcResult.newDefaultAsyncResult("posted", inv);
                });
        Invoker<LedgerService> consumerSide = invoker(URL.valueOf("dubbo://127.0.0.1:20884/" + LedgerService.class.getName()
                + "?application=" + application), inv -> check.invoke(provider, inv));
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName(method);
        invocation.setParameterTypes(new Class<?>[] {PostingCmd.class});
        invocation.setArguments(new Object[] {null});
        return proof.invoke(consumerSide, invocation);
    }

    private static String code(Result answer) {
        return ((io.paysuite.api.common.Result<?>) answer.getValue()).code();
    }

    private interface Call {
        Result run(Invocation invocation);
    }

    private static Invoker<LedgerService> invoker(URL url, Call call) {
        return new Invoker<>() {
            @Override
            public Class<LedgerService> getInterface() {
                return LedgerService.class;
            }

            @Override
            public Result invoke(Invocation invocation) {
                return call.run(invocation);
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
        };
    }
}
