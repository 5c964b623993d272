package io.paysuite.kit.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Documents held in this JVM: for unit tests and for a single process run without any config
 * center ({@code paysuite.config-center.address=memory://}). Listeners are called on the
 * publishing thread.
 *
 * <p>Every stored document gets the next number of one counter as its version, so a document removed
 * and stored again never comes back at a version a writer read before (no ABA).
 */
public final class LocalConfigCenter implements ConfigCenter {

    private record Stored(String text, long version) {
    }

    private final Map<String, Stored> documents = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(documents.get(ConfigCenter.checkKey(key))).map(Stored::text).filter(text -> !text.isBlank());
    }

    @Override
    public void publish(String key, String document) {
        documents.put(ConfigCenter.checkKey(key), new Stored(document, versions.incrementAndGet()));
        tell(key, document);
    }

    @Override
    public Versioned readVersioned(String key) {
        Stored stored = documents.get(ConfigCenter.checkKey(key));
        if (stored == null) {
            return new Versioned(null, Versioned.ABSENT);
        }
        return new Versioned(stored.text().isBlank() ? null : stored.text(), Long.toString(stored.version()));
    }

    @Override
    public Optional<String> publishIfUnchanged(String key, String document, String expectedVersion) {
        Stored next = new Stored(document, versions.incrementAndGet());
        boolean[] stored = {false};
        documents.compute(ConfigCenter.checkKey(key), (k, current) -> {
            String at = current == null ? Versioned.ABSENT : Long.toString(current.version());
            if (!at.equals(expectedVersion)) {
                return current;
            }
            stored[0] = true;
            return next;
        });
        if (!stored[0]) {
            return Optional.empty();
        }
        tell(key, document);
        return Optional.of(Long.toString(next.version()));
    }

    @Override
    public void remove(String key) {
        if (documents.remove(ConfigCenter.checkKey(key)) != null) {
            tell(key, null);
        }
    }

    private void tell(String key, String text) {
        for (Consumer<String> listener : listeners.getOrDefault(key, List.of())) {
            listener.accept(text);
        }
    }

    @Override
    public Subscription subscribe(String key, Consumer<String> listener) {
        List<Consumer<String>> of = listeners.computeIfAbsent(ConfigCenter.checkKey(key), k -> new CopyOnWriteArrayList<>());
        of.add(listener);
        return () -> of.remove(listener);
    }

    @Override
    public String describe() {
        return "memory://";
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
