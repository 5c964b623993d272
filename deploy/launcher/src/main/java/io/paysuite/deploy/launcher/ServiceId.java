package io.paysuite.deploy.launcher;

import java.util.List;

/**
 * The six services, their local-run ports and the databases each owns. Sharded services own two
 * physical databases ({@code _0}, {@code _1}); ShardingSphere inside the service splits each
 * sharded table four ways in each of them.
 */
public enum ServiceId {
    MEMBER_SERVICE("member-service", 8085, 20885, List.of("paysuite_member")),
    ACCOUNTING_SERVICE("accounting-service", 8084, 20884, List.of("paysuite_accounting")),
    CHANNEL_GATEWAY("channel-gateway", 8083, 20883, List.of("paysuite_channel")),
    PAY_CORE("pay-core", 8082, 20882, List.of("paysuite_pay_0", "paysuite_pay_1")),
    TRADE_CORE("trade-core", 8081, 20881, List.of("paysuite_trade_0", "paysuite_trade_1")),
    CASHIER_SERVICE("cashier-service", 8086, 20886, List.of("paysuite_cashier"));

    /** API.md: the open API and the cashier pages are {@code https://{host}:8443}. */
    public static final int LOCAL_API_PORT = 8443;

    private final String module;
    private final int localHttpPort;
    private final int localDubboPort;
    private final List<String> databases;

    ServiceId(String module, int localHttpPort, int localDubboPort, List<String> databases) {
        this.module = module;
        this.localHttpPort = localHttpPort;
        this.localDubboPort = localDubboPort;
        this.databases = databases;
    }

    /** Maven module, Spring application name, Dubbo application name and Dubbo probe group. */
    public String module() {
        return module;
    }

    public int localHttpPort() {
        return localHttpPort;
    }

    public int localDubboPort() {
        return localDubboPort;
    }

    public List<String> databases() {
        return databases;
    }

    public boolean sharded() {
        return databases.size() > 1;
    }
}
