package io.paysuite.kit.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Documents held in this JVM: for unit tests and for a single process run without any config
 * center ({@code paysuite.config-center.address=memory://}). Listeners are called on the
 * publishing thread.
 */
public final class LocalConfigCenter implements ConfigCenter {

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(documents.get(ConfigCenter.checkKey(key))).filter(text -> !text.isBlank());
    }

    @Override
    public void publish(String key, String document) {
        documents.put(ConfigCenter.checkKey(key), document);
        tell(key, document);
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
