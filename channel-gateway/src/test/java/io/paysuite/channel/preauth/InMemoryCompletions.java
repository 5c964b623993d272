package io.paysuite.channel.preauth;

import io.paysuite.api.channel.ChannelCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Completions} in memory, with the table's two unique keys (number, authorisation): a repeat changes nothing. */
public class InMemoryCompletions implements Completions {

    private final Map<String, Completion> byNumber = new ConcurrentHashMap<>();

    @Override
    public synchronized void record(Completion completion) {
        if (byNumber.containsKey(completion.completionNo()) || ofAuthorisation(completion.authorisationNo()).isPresent()) {
            return;
        }
        byNumber.put(completion.completionNo(), completion);
    }

    @Override
    public Optional<Completion> ofAuthorisation(String authorisationNo) {
        return byNumber.values().stream().filter(c -> c.authorisationNo().equals(authorisationNo)).findFirst();
    }

    @Override
    public Optional<Completion> find(String completionNo) {
        return Optional.ofNullable(byNumber.get(completionNo));
    }

    @Override
    public List<Completion> completedBetween(ChannelCode channel, Instant from, Instant to) {
        return byNumber.values().stream().filter(c -> c.channel() == channel && !c.completedAt().isBefore(from)
                && c.completedAt().isBefore(to)).toList();
    }
}
