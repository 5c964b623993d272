package io.paysuite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

    /** The module's own version: the first {@code <version>} after {@code <artifactId>common-api}. */
    private static final Pattern OWN_VERSION = Pattern.compile("<artifactId>common-api</artifactId>\\s*(?:<!--.*?-->\\s*)*<version>([^<]+)</version>",
            Pattern.DOTALL);

    @Test
    void theDubboServiceVersionHasTheMajorOfTheJarsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher own = OWN_VERSION.matcher(pom);

        assertThat(own.find()).as("common-api/pom.xml names its own version").isTrue();
        assertThat(major(ApiVersion.DUBBO)).isEqualTo(major(own.group(1)));
        assertThat(ApiVersion.DUBBO).as("a Dubbo version changes only with the major").endsWith(".0.0");
    }

    private static String major(String version) {
        return version.substring(0, version.indexOf('.'));
    }
}
