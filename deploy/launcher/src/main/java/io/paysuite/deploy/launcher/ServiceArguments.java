package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.infra.Infrastructure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties one service instance starts with: its ports, the servers' addresses (embedded or
 * external alike), its databases, the run's key files and, for channel-gateway, the sandbox's channels.
 * The services' {@code prod} profile maps the same addresses from {@link InfraEnvironment}'s variables.
 */
final class ServiceArguments {

    private final SuiteConfig config;
    private final Infrastructure infra;
    private final ChannelKeys channelKeys;

    ServiceArguments(SuiteConfig config, Infrastructure infra, ChannelKeys channelKeys) {
        this.config = config;
        this.infra = infra;
        this.channelKeys = channelKeys;
    }

    Map<String, String> of(ServiceId id, ServicePorts ports, int node, Map<String, String> extraProps) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", String.valueOf(ports.http()));
        props.put("dubbo.protocol.port", String.valueOf(ports.dubbo()));
        if (ports.dubbo() != id.localDubboPort()) {
            // application.yml's QoS port belongs to the local run's instance; a second instance or a test run takes a free one
            props.put("dubbo.application.qos-port", String.valueOf(FreePorts.next()));
        }
        props.put("dubbo.registry.address", infra.registryAddress());
        props.put("paysuite.node", String.valueOf(node));
        props.put("paysuite.events.namesrv", infra.namesrvAddress());
        props.put("paysuite.sandbox.url", "http://127.0.0.1:" + config.sandboxPort());
        props.put("paysuite.internal-calls.secret-file", RunKeys.internalCall(config.workDir()).toString());
        DatabaseServer db = infra.database();
        if (id.sharded()) {
            for (int i = 0; i < id.databases().size(); i++) {
                props.put("paysuite.sharding.urls[" + i + "]", db.jdbcUrl(id.databases().get(i)));
            }
            props.put("paysuite.sharding.username", db.username());
            props.put("paysuite.sharding.password", db.password());
        } else {
            props.put("spring.datasource.url", db.jdbcUrl(id.databases().get(0)));
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
        }
        if (id == ServiceId.CASHIER_SERVICE) {
            cashierProps(ports, props);
        }
        if (id == ServiceId.MEMBER_SERVICE) {
            props.put("paysuite.member.card-token-key-file", RunKeys.cardToken(config.workDir()).toString());
            // a secret by its name: ProcessProperties puts it in the child's environment, not on its command line
            props.put("paysuite.member.pay-password.pepper", RunKeys.read(RunKeys.payPasswordPepper(config.workDir())));
        }
        if (id == ServiceId.CHANNEL_GATEWAY) {
            channelProps(ports, props);
        }
        if (id == ServiceId.PAY_CORE && !infra.seataAddress().isBlank()) {
            // the combination payments' Saga engine registers its runs with the suite's Seata coordinator
            props.put("seata.service.grouplist.default", infra.seataAddress());
        }
        props.putAll(config.propertiesOf(id));
        props.putAll(extraProps);
        return props;
    }

    /**
     * The merchant edge: HTTPS on the API port, the actuator on the plain loopback port the
     * supervisor polls, keys (platform key, TLS, cashier token secret) shared by every instance
     * of this run, and the ops token the launcher wrote.
     */
    private void cashierProps(ServicePorts ports, Map<String, String> props) {
        props.put("server.port", String.valueOf(ports.api()));
        props.put("management.server.port", String.valueOf(ports.http()));
        props.put("paysuite.cashier.public-url", "https://127.0.0.1:" + ports.api());
        props.put("paysuite.cashier.keys.dir", config.workDir().resolve("keys").toString());
        props.put("paysuite.cashier.ops.token-file", OpsToken.file(config.workDir()).toString());
        props.put("paysuite.cashier.ops.console.bootstrap-admin.password-file", OpsToken.adminPasswordFile(config.workDir()).toString());
    }

    /** The channels as the sandbox plays them: its gateway URLs, the generated keys, our callback URLs. */
    private void channelProps(ServicePorts ports, Map<String, String> props) {
        String sandboxUrl = "http://127.0.0.1:" + config.sandboxPort();
        props.put("paysuite.channels.alipay.server-url", sandboxUrl + "/gateway.do");
        props.put("paysuite.channels.alipay.app-private-key", channelKeys.privateKey("alipay-app").toString());
        props.put("paysuite.channels.alipay.platform-public-key", channelKeys.publicKey("alipay-platform").toString());
        props.put("paysuite.channels.alipay.notify-url", "http://127.0.0.1:" + ports.http() + "/channels/alipay/notify");
        props.put("paysuite.channels.wechat.base-url", sandboxUrl);
        props.put("paysuite.channels.wechat.merchant-private-key", channelKeys.privateKey("wechat-merchant").toString());
        props.put("paysuite.channels.wechat.platform-public-key", channelKeys.publicKey("wechat-platform").toString());
        props.put("paysuite.channels.wechat.api-v3-key-file", channelKeys.secretFile("wechat-apiv3.key").toString());
        props.put("paysuite.channels.wechat.v2-key-file", channelKeys.secretFile("wechat-v2.key").toString());
        props.put("paysuite.channels.wechat.notify-url", "http://127.0.0.1:" + ports.http() + "/channels/wechat/notify");
        props.put("paysuite.channels.unionpay.gateway-url", sandboxUrl);
        props.put("paysuite.channels.unionpay.merchant-private-key", channelKeys.privateKey("unionpay-merchant").toString());
        props.put("paysuite.channels.unionpay.platform-public-key", channelKeys.publicKey("unionpay-platform").toString());
        // no bill.url-template: the daily files come through ACP fileTransReq.do, as from UnionPay
        props.put("paysuite.channels.unionpay.back-url", "http://127.0.0.1:" + ports.http() + "/channels/unionpay/notify");
        // the second acquirer: the sandbox's other ACP front, our other merchant number (the sandbox's defaults on both sides)
        props.put("paysuite.channels.unionpay-b.gateway-url", sandboxUrl + "/acquirer-b");
        props.put("paysuite.channels.unionpay-b.mer-id", "777290058110049");
        props.put("paysuite.channels.unionpay-b.merchant-cert-id", "68759529226");
        props.put("paysuite.channels.unionpay-b.merchant-private-key", channelKeys.privateKey("unionpay-b-merchant").toString());
        props.put("paysuite.channels.unionpay-b.platform-public-key", channelKeys.publicKey("unionpay-platform").toString());
        props.put("paysuite.channels.unionpay-b.back-url", "http://127.0.0.1:" + ports.http() + "/channels/unionpay/notify");
    }
}
