package io.paysuite.deploy.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A child's Spring properties split by who may see them: the non-secret ones as {@code --key=value} arguments (a
 * {@code ps} on the machine shows them, and the launcher's log lines may), the secrets — database passwords, a registry
 * address carrying a Nacos password, a pepper — in the child's environment as {@code SPRING_APPLICATION_JSON}, which
 * Spring Boot reads as a property source just below the command line. A process's environment is readable only by its
 * own user ({@code /proc/<pid>/environ} is mode 0400), its command line by everyone.
 *
 * @param arguments   {@code --key=value} for every property that is no secret
 * @param environment {@code SPRING_APPLICATION_JSON} with the secret ones (empty when there are none)
 */
record ProcessProperties(List<String> arguments, Map<String, String> environment) {

    static final String SPRING_APPLICATION_JSON = "SPRING_APPLICATION_JSON";
    private static final ObjectMapper JSON = new ObjectMapper();

    ProcessProperties {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    static ProcessProperties split(Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (isSecret(key, value)) {
                secrets.put(key, value);
            } else {
                arguments.add("--" + key + "=" + value);
            }
        });
        if (secrets.isEmpty()) {
            return new ProcessProperties(arguments, Map.of());
        }
        try {
            // flat dotted keys: Spring flattens the JSON object and takes "a.b.c" as the property a.b.c
            return new ProcessProperties(arguments, Map.of(SPRING_APPLICATION_JSON, JSON.writeValueAsString(secrets)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }

    /**
     * A password, secret or pepper by its name ({@code spring.datasource.password}, {@code …secret}, {@code …pepper};
     * never {@code …-file}, which names where a secret is, not the secret), or a value that carries credentials, such
     * as {@code nacos://h:8848?username=nacos&password=…}.
     */
    static boolean isSecret(String key, String value) {
        String name = key.toLowerCase(Locale.ROOT);
        String last = name.substring(name.lastIndexOf('.') + 1);
        boolean secretName = !last.endsWith("-file") && (last.contains("password") || last.contains("secret")
                || last.contains("pepper") || last.contains("token"));
        String text = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return secretName || text.contains("password=") || text.matches("^[a-z][a-z0-9+.-]*://[^/?#@]+:[^/?#@]*@.*");
    }
}
