package io.paysuite.channel.preauth;

import io.paysuite.api.channel.ChannelCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The completions the channels confirmed ({@link Completion}); written once each, never changed. */
public interface Completions {

    /** Keeps a confirmed completion; a repeat (the same number or authorisation) changes nothing. */
    void record(Completion completion);

    /** The completion of an authorisation, by the authorisation's channel order number. */
    Optional<Completion> ofAuthorisation(String authorisationNo);

    /** A completion by its own number. */
    Optional<Completion> find(String completionNo);

    /** {@code channel}'s completions recorded in {@code [from, to)}, for reconciliation. */
    List<Completion> completedBetween(ChannelCode channel, Instant from, Instant to);
}
