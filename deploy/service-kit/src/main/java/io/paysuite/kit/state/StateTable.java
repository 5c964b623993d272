package io.paysuite.kit.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One state machine written as a table: its states, the transitions it allows, and the final states
 * that have no way out. Every machine in the suite (trades, pay orders, refunds, channel orders and
 * channel refunds) is one of these, and each repository's compare-and-set transition asks
 * {@link #require} before it writes, so a change not in the table never reaches the database.
 *
 * <p>Built once, immutable, plain Java (domain packages use it). A final state is a state with no
 * allowed transition; declaring it {@link Builder#terminal} says so on purpose, and {@link Builder#build}
 * refuses a table where a state was forgotten or a final state has a way out.
 *
 * <pre>{@code
 * static final StateTable<TradeStatus> TABLE = StateTable.of("trade", TradeStatus.class)
 *         .allow(WAIT_PAY, PAYING, CLOSED)
 *         .allow(PAYING, SUCCESS, WAIT_PAY)
 *         .allow(SUCCESS, FINISHED)
 *         .terminal(CLOSED, FINISHED)
 *         .build();
 * }</pre>
 *
 * @param <S> the machine's states
 */
public final class StateTable<S extends Enum<S>> {

    private final String machine;
    private final Class<S> states;
    private final Map<S, Set<S>> allowed;

    private StateTable(String machine, Class<S> states, Map<S, Set<S>> allowed) {
        this.machine = machine;
        this.states = states;
        this.allowed = allowed;
    }

    /** Starts a table for the machine named {@code machine} (used in alarms) over the enum {@code states}. */
    public static <S extends Enum<S>> Builder<S> of(String machine, Class<S> states) {
        return new Builder<>(machine, states);
    }

    public String machine() {
        return machine;
    }

    public Class<S> states() {
        return states;
    }

    /** Whether {@code from → to} is in the table; a move to the same state is never a transition. */
    public boolean allows(S from, S to) {
        return allowed.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
    }

    /** Final states: no transition leaves them. */
    public boolean isFinal(S state) {
        return allowed.get(state).isEmpty();
    }

    /** The states {@code from} may move to (empty for a final state). */
    public Set<S> next(S from) {
        return allowed.get(from);
    }

    /**
     * Refuses a change outside the table before anything is written: a bug in the caller, logged as
     * an alarm by the service's error boundary.
     *
     * @throws IllegalTransitionException when {@code from → to} is not allowed
     */
    public void require(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(machine, from, to);
        }
    }

    /** A change the table does not allow. */
    public static final class IllegalTransitionException extends IllegalStateException {

        public IllegalTransitionException(String machine, Enum<?> from, Enum<?> to) {
            super("ALARM: " + machine + " transition " + from + " -> " + to + " is not in the table");
        }
    }

    /** Collects the allowed transitions; {@link #build} checks that every state is accounted for. */
    public static final class Builder<S extends Enum<S>> {

        private final String machine;
        private final Class<S> states;
        private final Map<S, Set<S>> allowed;
        private final Set<S> terminal;

        private Builder(String machine, Class<S> states) {
            this.machine = Objects.requireNonNull(machine, "machine");
            this.states = Objects.requireNonNull(states, "states");
            this.allowed = new EnumMap<>(states);
            this.terminal = EnumSet.noneOf(states);
        }

        /** Allows {@code from} to move to each of {@code to}. */
        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            Set<S> targets = allowed.computeIfAbsent(from, s -> EnumSet.noneOf(states));
            for (S target : to) {
                if (target == from) {
                    throw new IllegalArgumentException(machine + ": " + from + " -> itself is not a transition");
                }
                targets.add(target);
            }
            return this;
        }

        /** Declares final states: none of them may have a transition. */
        @SafeVarargs
        public final Builder<S> terminal(S... finals) {
            terminal.addAll(Set.of(finals));
            return this;
        }

        public StateTable<S> build() {
            Map<S, Set<S>> table = new EnumMap<>(states);
            for (S state : states.getEnumConstants()) {
                Set<S> targets = allowed.get(state);
                boolean declaredFinal = terminal.contains(state);
                if (declaredFinal && targets != null && !targets.isEmpty()) {
                    throw new IllegalArgumentException(machine + ": final state " + state + " has transitions " + targets);
                }
                if (!declaredFinal && (targets == null || targets.isEmpty())) {
                    throw new IllegalArgumentException(machine + ": " + state + " has no transition and is not declared final");
                }
                table.put(state, Collections.unmodifiableSet(targets == null ? EnumSet.noneOf(states) : EnumSet.copyOf(targets)));
            }
            return new StateTable<>(machine, states, Collections.unmodifiableMap(table));
        }
    }
}
