package io.paysuite.kit.arch.sample;

import io.paysuite.api.ApiVersion;
import io.paysuite.kit.arch.sample.Providers.Orders;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.annotation.Method;
import org.apache.dubbo.config.spring.ReferenceBean;

/** References for {@code DubboConventionsTest}, as a service's {@code DubboReferencesConfig} declares them. */
public final class References {

    private References() {
    }

    public static class Conventional {
        @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0,
                methods = @Method(name = "get", retries = 1))
        public ReferenceBean<Orders> orders() {
            return null;
        }
    }

    public static class Unversioned {
        @DubboReference(check = false, timeout = 5000, retries = 0)
        public ReferenceBean<Orders> orders() {
            return null;
        }
    }

    public static class WithoutTimeout {
        @DubboReference(version = ApiVersion.DUBBO, retries = 0)
        Orders orders;
    }

    public static class Retrying {
        @DubboReference(version = ApiVersion.DUBBO, timeout = 5000)
        public ReferenceBean<Orders> orders() {
            return null;
        }
    }

    public static class RetryingAWrite {
        @DubboReference(version = ApiVersion.DUBBO, timeout = 5000, retries = 0,
                methods = @Method(name = "place", retries = 2))
        public ReferenceBean<Orders> orders() {
            return null;
        }
    }
}
