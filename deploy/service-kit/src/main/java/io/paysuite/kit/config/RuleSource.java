package io.paysuite.kit.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rule set kept current from the config center: the document under a key, read as a JSON array
 * of rules ({@link RuleFormat}) and validated. What is in force:
 * <ul>
 *   <li>no document (absent, removed or blank): the defaults;</li>
 *   <li>a document that reads and passes every check: its rules;</li>
 *   <li>a document that does not: refused with ONE error log line naming the key and the problem,
 *       counted ({@link RuleMetrics#refused}), and the last good rules stay in force — a typo must
 *       not lift every limit or switch every channel off. A bad document at start leaves the defaults.</li>
 * </ul>
 * {@link #current()} is what is in force; {@link #state()} the document in force as text and the refused document
 * after it, if one came, with the reason — what an operator needs to see to fix it; {@link #changes()} counts the
 * rule sets put in force (the first one included), {@link #refusals()} the documents refused.
 *
 * @param <E> the rule type
 */
public final class RuleSource<E> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleSource.class);

    private final ConfigCenter center;
    private final String key;
    private final RuleFormat<E> format;
    private final Supplier<List<E>> defaults;
    private final RuleMetrics metrics;
    private final List<Consumer<List<E>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile List<E> current;
    private String lastText;
    private Refused refused;
    private ConfigCenter.Subscription subscription;

    RuleSource(ConfigCenter center, String key, RuleFormat<E> format, Supplier<List<E>> defaults, RuleMetrics metrics) {
        this.center = center;
        this.key = ConfigCenter.checkKey(key);
        this.format = format;
        this.defaults = defaults;
        this.metrics = metrics;
        this.current = List.copyOf(defaults.get());
    }

    /** Subscribes, then reads the document once (a change in between arrives through the subscription). */
    synchronized RuleSource<E> start() {
        subscription = center.subscribe(key, this::apply);
        String text;
        try {
            text = center.read(key).orElse(null);
        } catch (RuntimeException e) {
            // the center is down at start: the defaults serve until it answers through the subscription
            log.error("ALARM: rules {} not readable from {} at start; the defaults are in force: {}", key, center.describe(),
                    e.getMessage());
            return this;
        }
        apply(text);
        return this;
    }

    /** Puts the document {@code text} in force, or refuses it; {@code null} or blank restores the defaults. */
    synchronized void apply(String text) {
        String normalized = text == null || text.isBlank() ? null : text;
        if (changes.get() > 0 && Objects.equals(normalized, lastText)) {
            return;
        }
        List<E> next;
        if (normalized == null) {
            next = List.copyOf(defaults.get());
        } else {
            try {
                next = format.read(normalized);
            } catch (IllegalArgumentException e) {
                refused = new Refused(normalized, e.getMessage(), Instant.now());
                refusals.incrementAndGet();
                metrics.refused(key);
                log.error("ALARM: rules {} refused ({}); the last good rules stay in force: {}", key, center.describe(),
                        e.getMessage());
                return;
            }
        }
        lastText = normalized;
        refused = null; // a document in force (or the defaults) supersedes the refused one
        current = next;
        changes.incrementAndGet();
        metrics.accepted(key);
        log.info("rules {} now in force: {} rule(s){}", key, next.size(), normalized == null ? " (defaults)" : "");
        for (Consumer<List<E>> listener : listeners) {
            listener.accept(next);
        }
    }

    /** The rules in force. */
    public List<E> current() {
        return current;
    }

    /** The document in force and the refused one that came after it, if any. */
    public synchronized State state() {
        return new State(lastText, refused);
    }

    /**
     * What a source holds as text.
     *
     * @param inForce the document whose rules are in force; {@code null}: the defaults (no document, or none accepted)
     * @param refused the last document refused since then, {@code null} when the latest document is the one in force
     */
    public record State(String inForce, Refused refused) {
    }

    /**
     * A document refused: the last good rules stayed in force.
     *
     * @param text   the document as the config center delivered it
     * @param reason the first problem found (as the ALARM log line says it)
     * @param at     when this service refused it
     */
    public record Refused(String text, String reason, Instant at) {
    }

    /** Calls {@code listener} with the rules in force now and again after every change. */
    public synchronized void onChange(Consumer<List<E>> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    public String key() {
        return key;
    }

    /** The config center this source watches. */
    public ConfigCenter center() {
        return center;
    }

    /** Rule sets put in force since start, the first one included. */
    public long changes() {
        return changes.get();
    }

    /** Documents refused since start. */
    public long refusals() {
        return refusals.get();
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
