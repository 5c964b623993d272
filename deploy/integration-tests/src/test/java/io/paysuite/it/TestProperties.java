package io.paysuite.it;

import io.paysuite.deploy.launcher.ServiceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Spring properties the test suite gives its services, from {@code suite-<module>.properties} on
 * the test class path (e.g. the notification schedule scaled down so a test sees four deliveries
 * in seconds instead of an hour). One suite serves every IT, so these hold for all of them.
 */
final class TestProperties {

    private TestProperties() {
    }

    static Map<String, String> of(ServiceId id) {
        Map<String, String> props = new LinkedHashMap<>();
        try (InputStream in = TestProperties.class.getResourceAsStream("/suite-" + id.module() + ".properties")) {
            if (in != null) {
                Properties loaded = new Properties();
                loaded.load(in);
                loaded.stringPropertyNames().forEach(name -> props.put(name, loaded.getProperty(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
