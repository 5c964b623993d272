package io.paysuite.example;

/**
 * We stopped asking before the answer became definite. Nothing is known to have failed: the order
 * stays where the services left it (a payment in progress is finished by pay-core's recovery), and
 * asking again later under the same key tells how it ended. Never a reason to pay again.
 */
public final class StillUnknown extends RuntimeException {

    public StillUnknown(String what, String lastAnswer) {
        super(what + ": no definite answer in time (last: " + lastAnswer + "); ask again later under the same key, "
                + "never retry under a new one");
    }
}
