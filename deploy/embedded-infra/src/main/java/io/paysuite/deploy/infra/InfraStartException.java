package io.paysuite.deploy.infra;

import java.nio.file.Path;

/** A server did not come up (in time); the message names the server and where its log is. */
public class InfraStartException extends RuntimeException {

    public InfraStartException(String message, Throwable cause) {
        super(message, cause);
    }

    static InfraStartException of(String server, String what, Path log, Throwable cause) {
        return new InfraStartException(server + ": " + what + (log == null ? "" : " — see " + log), cause);
    }
}
