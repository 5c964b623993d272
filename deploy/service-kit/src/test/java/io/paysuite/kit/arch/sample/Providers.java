package io.paysuite.kit.arch.sample;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import org.apache.dubbo.config.annotation.DubboService;

/** Providers and an interface for {@code DubboConventionsTest}: one that follows the conventions, two that do not. */
public final class Providers {

    private Providers() {
    }

    public interface Orders {
        Result<String> place(String orderNo);

        @ReadOnly
        Result<String> get(String orderNo);
    }

    @DubboService(version = ApiVersion.DUBBO)
    public static class Versioned implements Orders {
        @Override
        public Result<String> place(String orderNo) {
            return Result.ok(orderNo);
        }

        @Override
        public Result<String> get(String orderNo) {
            return Result.ok(orderNo);
        }
    }

    @DubboService
    public static class Unversioned extends Versioned {
    }

    @DubboService(version = ApiVersion.DUBBO, group = "blue")
    public static class Grouped extends Versioned {
    }
}
