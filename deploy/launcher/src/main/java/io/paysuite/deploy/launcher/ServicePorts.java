package io.paysuite.deploy.launcher;

/** Where one service instance listens: HTTP (actuator, and the open API for cashier-service) and Dubbo. */
public record ServicePorts(int http, int dubbo) {
}
