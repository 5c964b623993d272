package io.paysuite.kit.shadow;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Load traffic ({@code paysuite.shadow.*}).
 *
 * @param enabled     whether this service accepts load traffic: shadow pools next to its own, the shadow
 *                    side migrated at start. Off: no shadow pool exists, and the open API refuses a marked
 *                    request ({@code LOAD_TEST_NOT_ALLOWED}) rather than running it as real traffic
 * @param suffix      appended to every database name for its shadow: {@code paysuite_trade_0} →
 *                    {@code paysuite_trade_0_shadow}, on the same server with the same account
 * @param poolSize    maximum connections of each shadow pool (load traffic is bounded by the load tool)
 * @param sandboxUrls base URLs that are channel sandboxes: marked channel calls go only to endpoints under
 *                    one of them (channel-gateway); empty: none is, every marked channel call is refused
 */
@ConfigurationProperties("paysuite.shadow")
public record ShadowProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("_shadow") String suffix,
        @DefaultValue("4") int poolSize,
        List<String> sandboxUrls) {

    public ShadowProperties {
        sandboxUrls = sandboxUrls == null ? List.of() : sandboxUrls.stream().filter(url -> !url.isBlank()).toList();
    }

    /** Off, with the defaults: what a service without {@code paysuite.shadow.*} runs with. */
    public static ShadowProperties off() {
        return new ShadowProperties(false, "_shadow", 4, List.of());
    }

    /**
     * The shadow of a JDBC URL: the same URL with {@link #suffix} appended to its database name, e.g.
     * {@code jdbc:mysql://db:3306/paysuite_member?useSSL=false} → {@code jdbc:mysql://db:3306/paysuite_member_shadow?useSSL=false}.
     */
    public String shadowUrl(String jdbcUrl) {
        int hosts = jdbcUrl.indexOf("//");
        int slash = hosts < 0 ? -1 : jdbcUrl.indexOf('/', hosts + 2);
        if (slash < 0) {
            throw new IllegalArgumentException("no database name in " + jdbcUrl);
        }
        int end = slash + 1;
        while (end < jdbcUrl.length() && "?;&".indexOf(jdbcUrl.charAt(end)) < 0) {
            end++;
        }
        if (end == slash + 1) {
            throw new IllegalArgumentException("no database name in " + jdbcUrl);
        }
        return jdbcUrl.substring(0, end) + suffix + jdbcUrl.substring(end);
    }

    /** Whether {@code url} is under one of the sandboxes: only those endpoints take load traffic. */
    public boolean sandbox(String url) {
        return url != null && sandboxUrls.stream().anyMatch(base -> url.startsWith(base.endsWith("/") ? base : base + "/")
                || url.equals(base));
    }
}
