package io.paysuite.kit.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The table-driven test every state machine gets: for every pair of states, a repository's
 * compare-and-set transition must move exactly when the table allows it, and a refused pair must
 * leave the stored state as it was. Plain Java so each service's unit tests call it with their own
 * repository (in memory or a real table) and assertion library.
 *
 * <pre>{@code
 * List<String> wrong = StateTableCheck.everyPair(TradeTransitions.TABLE,
 *         from -> repository.save(tradeIn(from)),          // a fresh order in state `from`
 *         (order, to) -> repository.transition(order, to), // true when it moved
 *         order -> repository.statusOf(order));           // what is stored now
 * assertThat(wrong).isEmpty();
 * }</pre>
 */
public final class StateTableCheck {

    private StateTableCheck() {
    }

    /**
     * Tries every {@code from → to} pair on a fresh subject and reports each pair that moved when the
     * table refuses it, did not move when the table allows it, or changed the stored state although refused.
     *
     * @param <S> states
     * @param <T> the subject a transition acts on (an order number, an aggregate)
     * @return one line per wrong pair; empty when the machine obeys its table
     */
    public static <S extends Enum<S>, T> List<String> everyPair(StateTable<S> table, Function<S, T> subjectIn,
                                                                BiPredicate<T, S> transition, Function<T, S> stored) {
        List<String> wrong = new ArrayList<>();
        for (S from : table.states().getEnumConstants()) {
            for (S to : table.states().getEnumConstants()) {
                if (from == to) {
                    continue;
                }
                T subject = subjectIn.apply(from);
                boolean moved;
                try {
                    moved = transition.test(subject, to);
                } catch (StateTable.IllegalTransitionException refused) {
                    moved = false;
                }
                S now = stored.apply(subject);
                if (table.allows(from, to)) {
                    if (!moved || now != to) {
                        wrong.add(from + " -> " + to + ": allowed, but moved=" + moved + " and stored " + now);
                    }
                } else if (moved || now != from) {
                    wrong.add(from + " -> " + to + ": not in the table, but moved=" + moved + " and stored " + now);
                }
            }
        }
        return wrong;
    }
}
