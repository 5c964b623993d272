package io.paysuite.kit.config;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the run-time rules live: documents (JSON text) under keys such as
 * {@code channel-gateway/routing-rules}, read and watched by the services, published by operators,
 * the ops console and tests. One interface, two places: ZooKeeper (the embedded default,
 * {@link ZookeeperConfigCenter}) and Nacos config (production, {@link NacosConfigCenter}); the
 * registry address picks one ({@link ConfigCenterAutoConfiguration}). No class outside this package
 * names either, so a service moves from one to the other by configuration alone.
 *
 * <p>A key is one or more segments of lower-case letters, digits and {@code -}, separated by
 * {@code /} ({@link #checkKey}); each implementation maps it onto its own naming (a node under a
 * root path, a Nacos data id in a group). The interface says nothing about the content: typed,
 * validated rules come from {@link RuleSource}.
 *
 * <p>A writer that edits what it read (the ops console) uses {@link #readVersioned} and
 * {@link #publishIfUnchanged}: a compare-and-set on the config center's own version of the document
 * (ZooKeeper's node version, Nacos's MD5 of the content, a counter in {@link LocalConfigCenter}), so
 * two editors saving at once cannot silently lose one's change.
 */
public interface ConfigCenter extends AutoCloseable {

    /** The document under {@code key}, or empty when there is none (or it is blank). */
    Optional<String> read(String key);

    /** Stores {@code document} under {@code key}, replacing what was there; every subscriber hears of it. */
    void publish(String key, String document);

    /**
     * The document under {@code key} with the version it is at: an opaque token of this implementation, to be handed
     * back to {@link #publishIfUnchanged}; {@link Versioned#ABSENT} when there is no document.
     */
    Versioned readVersioned(String key);

    /**
     * Stores {@code document} under {@code key} only if the document there is still at {@code expectedVersion} (as
     * {@link #readVersioned} answered it; {@link Versioned#ABSENT}: only if there is none). Answers the version now
     * stored, or empty when the document changed since (nothing is written then: read it again and redo the edit).
     * Subscribers hear of a stored document as with {@link #publish}.
     */
    Optional<String> publishIfUnchanged(String key, String document, String expectedVersion);

    /** Removes the document under {@code key} (nothing when there is none); subscribers hear {@code null}. */
    void remove(String key);

    /**
     * Calls {@code listener} with the new text each time the document under {@code key} changes
     * ({@code null} once it is removed), on the implementation's own thread, until the returned
     * subscription is closed. It does not replay the current document: read it after subscribing,
     * so that no change falls between the two (a listener may then see one text twice).
     */
    Subscription subscribe(String key, Consumer<String> listener);

    /** Names the place for log lines, e.g. {@code zookeeper://127.0.0.1:12181/paysuite/config}. */
    String describe();

    @Override
    void close();

    /**
     * A document and the version it was read at.
     *
     * @param text    the document, {@code null} when there is none (or it is blank)
     * @param version the implementation's version token; {@link #ABSENT} when there is no document at all
     */
    record Versioned(String text, String version) {

        /** The version of a document that does not exist. */
        public static final String ABSENT = "absent";

        public Versioned {
            java.util.Objects.requireNonNull(version, "version");
        }
    }

    /** Stops one listener. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Refuses a key that would not map onto every implementation's naming the same way. */
    static String checkKey(String key) {
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("a config-center key is segments of [a-z0-9-] separated by '/': " + key);
        }
        return key;
    }
}
