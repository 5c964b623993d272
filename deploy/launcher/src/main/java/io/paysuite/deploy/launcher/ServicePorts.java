package io.paysuite.deploy.launcher;

/**
 * Where one service instance listens: HTTP (actuator; plain, on the loopback), Dubbo, and for
 * cashier-service the public HTTPS port of the open API and cashier pages ({@code 0}: none).
 */
public record ServicePorts(int http, int dubbo, int api) {

    public ServicePorts(int http, int dubbo) {
        this(http, dubbo, 0);
    }
}
