package io.paysuite.kit.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealTest {

    final Seal seal = new Seal(Seal.derive("a secret of the run, 32+ bytes long".getBytes(StandardCharsets.UTF_8), "label a"), "thing");

    @Test
    void aSealedValueOpensForItsOwnerOnlyAndNeverShowsInClear() {
        String sealed = seal.seal("OWNER1", "6222020000001234");

        assertThat(sealed).startsWith("v1:").doesNotContain("6222020000001234");
        assertThat(seal.seal("OWNER1", "6222020000001234")).as("a random IV each time").isNotEqualTo(sealed);
        assertThat(seal.open("OWNER1", sealed)).isEqualTo("6222020000001234");
        assertThatThrownBy(() -> seal.open("OWNER2", sealed)).as("copied into another row").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherLabelIsAnotherKeyAndBrokenValuesAreRefused() {
        String sealed = seal.seal("OWNER1", "x");
        Seal other = new Seal(Seal.derive("a secret of the run, 32+ bytes long".getBytes(StandardCharsets.UTF_8), "label b"), "thing");

        assertThatThrownBy(() -> other.open("OWNER1", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open("OWNER1", "v1:not base64!")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open("OWNER1", "v1:AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open("OWNER1", "plain")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Seal(new byte[16], "thing")).isInstanceOf(IllegalArgumentException.class);
    }
}
