package io.paysuite.kit.mq;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.event.EventType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.rocketmq.common.message.Message;

/**
 * The one way a contract record ({@link EventType}) becomes a RocketMQ message body and back.
 *
 * <p>JSON bodies are {@link EventJson}.
 *
 * <p>{@link EventType.Body#KEY} bodies are the first component's text; the other components are
 * user properties named in snake_case, written with {@code String.valueOf} and read back by type.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /** A message of {@code type} on {@code topic} (the service's setting, by default {@code type.topic()}). */
    public static <P> Message message(String topic, EventType<P> type, P payload) {
        requireType(type, payload);
        if (type.body() == EventType.Body.JSON) {
            return new Message(topic, type.tag(), EventJson.bytes(payload));
        }
        RecordComponent[] components = type.payload().getRecordComponents();
        Message message = new Message(topic, type.tag(), text(value(components[0], payload)).getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < components.length; i++) {
            Object value = value(components[i], payload);
            if (value != null) {
                message.putUserProperty(propertyName(components[i]), String.valueOf(value));
            }
        }
        return message;
    }

    /** The payload a message of {@code type} carries, whatever its tag (a late copy has its own). */
    public static <P> P decode(EventType<P> type, Message message) {
        if (type.body() == EventType.Body.JSON) {
            return EventJson.read(message.getBody(), type.payload());
        }
        RecordComponent[] components = type.payload().getRecordComponents();
        Object[] values = new Object[components.length];
        values[0] = new String(message.getBody(), StandardCharsets.UTF_8);
        for (int i = 1; i < components.length; i++) {
            values[i] = parse(components[i].getType(), message.getUserProperty(propertyName(components[i])));
        }
        try {
            Constructor<P> canonical = type.payload().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the message is not a " + type + " payload", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.payload(), e);
        }
    }

    private static void requireType(EventType<?> type, Object payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName() + ", not " + payload);
        }
    }

    private static Object value(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String text(Object key) {
        if (!(key instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException("a key body needs its order number, got " + key);
        }
        return text;
    }

    private static String propertyName(RecordComponent component) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName());
    }

    private static Object parse(Class<?> type, String text) {
        if (text == null && type == int.class) {
            return 0;
        }
        if (text == null && type == long.class) {
            return 0L;
        }
        if (text == null) {
            return null;
        }
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        }
        throw new IllegalStateException("a key body's property cannot be a " + type);
    }
}
