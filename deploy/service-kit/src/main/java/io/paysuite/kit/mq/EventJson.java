package io.paysuite.kit.mq;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of event payloads, apart from RocketMQ so that a domain class that writes an event row
 * (trade-core's) uses the same form the broker carries.
 *
 * <p>Jackson, configured as Spring Boot configures the services' own {@code ObjectMapper} with
 * {@code spring.jackson.property-naming-strategy: SNAKE_CASE}: snake_case names, ISO-8601 instants,
 * unknown properties ignored (a newer producer may add a field). It is its own mapper rather than the
 * application's so that the wire cannot change with a service's web settings, and so that the
 * contract tests exercise exactly what production sends.
 */
public final class EventJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .build();

    private EventJson() {
    }

    public static byte[] bytes(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize event payload " + payload, e);
        }
    }

    public static String text(Object payload) {
        return new String(bytes(payload), StandardCharsets.UTF_8);
    }

    public static <P> P read(byte[] json, Class<P> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the body is not a " + type.getSimpleName(), e);
        }
    }
}
