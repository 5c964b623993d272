package io.paysuite.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalConfigCenterTest {

    final LocalConfigCenter center = new LocalConfigCenter();

    @Test
    void aWriteOverTheVersionReadIsStoredAndAWriteOverAnOlderOneIsRefused() {
        ConfigCenter.Versioned none = center.readVersioned("a/rules");
        assertThat(none).isEqualTo(new ConfigCenter.Versioned(null, ConfigCenter.Versioned.ABSENT));

        String first = center.publishIfUnchanged("a/rules", "[1]", none.version()).orElseThrow();
        assertThat(center.publishIfUnchanged("a/rules", "[9]", none.version())).as("it exists now").isEmpty();

        ConfigCenter.Versioned read = center.readVersioned("a/rules");
        assertThat(read).isEqualTo(new ConfigCenter.Versioned("[1]", first));
        center.publish("a/rules", "[2]"); // someone else saves in between
        assertThat(center.publishIfUnchanged("a/rules", "[3]", read.version())).isEmpty();
        assertThat(center.read("a/rules")).contains("[2]");

        String now = center.readVersioned("a/rules").version();
        assertThat(center.publishIfUnchanged("a/rules", "[3]", now)).isPresent();
        assertThat(center.read("a/rules")).contains("[3]");
    }

    @Test
    void aDocumentRemovedAndStoredAgainDoesNotComeBackAtAVersionReadBefore() {
        center.publish("a/rules", "[1]");
        String read = center.readVersioned("a/rules").version();
        center.remove("a/rules");
        center.publish("a/rules", "[1]");

        assertThat(center.publishIfUnchanged("a/rules", "[2]", read)).isEmpty();
    }

    @Test
    void subscribersHearACompareAndSetWriteButNotARefusedOne() {
        List<String> heard = new ArrayList<>();
        center.subscribe("a/rules", heard::add);

        center.publishIfUnchanged("a/rules", "[1]", ConfigCenter.Versioned.ABSENT);
        center.publishIfUnchanged("a/rules", "[2]", "no-such-version");

        assertThat(heard).containsExactly("[1]");
    }
}
