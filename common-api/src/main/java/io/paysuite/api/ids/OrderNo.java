package io.paysuite.api.ids;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates order numbers: {@code K yyyyMMddHHmmss NN SSSSS GGGG} — 26 characters:
 * a one-letter kind, the UTC second, a two-digit node number (one per running instance, from
 * configuration), a five-digit sequence within that second, and the four-digit shard gene.
 * Fits WeChat Pay's and Alipay's 32-character merchant order number, so a pay order number is
 * sent to a channel as it is.
 *
 * <p>Unique as long as node numbers are unique among running instances; a node that issues more
 * than 100,000 numbers in one second waits for the next second rather than repeating one.
 */
public final class OrderNo {

    public enum Kind {
        TRADE('T'), PAY('P'), REFUND('R'), EVENT('E'), CHANNEL('C');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int SEQUENCES = 100_000;

    private final Clock clock;
    private final int node;
    /** high bits: epoch second, low bits: sequence within it. */
    private final AtomicLong state = new AtomicLong();

    public OrderNo(Clock clock, int node) {
        if (node < 0 || node > 99) {
            throw new IllegalArgumentException("node must be 0..99: " + node);
        }
        this.clock = clock;
        this.node = node;
    }

    public String next(Kind kind, int gene) {
        if (gene < 0 || gene >= ShardGene.GENES) {
            throw new IllegalArgumentException("gene out of range: " + gene);
        }
        long second;
        int sequence;
        while (true) {
            long now = clock.instant().getEpochSecond();
            long prev = state.get();
            long prevSecond = prev / SEQUENCES;
            long candidate;
            if (now > prevSecond) {
                candidate = now * SEQUENCES;
            } else if (prev % SEQUENCES < SEQUENCES - 1) {
                candidate = prev + 1;
            } else {
                Thread.onSpinWait();
                continue;
            }
            if (state.compareAndSet(prev, candidate)) {
                second = candidate / SEQUENCES;
                sequence = (int) (candidate % SEQUENCES);
                break;
            }
        }
        return kind.letter + SECOND.format(java.time.Instant.ofEpochSecond(second))
                + String.format("%02d%05d%04d", node, sequence, gene);
    }
}
