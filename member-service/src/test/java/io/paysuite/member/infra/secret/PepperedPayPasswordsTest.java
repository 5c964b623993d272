package io.paysuite.member.infra.secret;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PepperedPayPasswordsTest {

    static final byte[] PEPPER = bytes(1);
    static final byte[] OLD_PEPPER = bytes(2);
    static final BCryptSecrets BCRYPT = new BCryptSecrets(4);

    private final PepperedPayPasswords hasher = new PepperedPayPasswords("k2", Map.of("k2", PEPPER, "k1", OLD_PEPPER), BCRYPT);

    static byte[] bytes(int seed) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    @Test
    void theCurrentFormNamesSchemeAndKeyAndVerifiesOnlyTheRightPassword() {
        String stored = hasher.hash("135790");

        assertThat(stored).startsWith("hs256$k2$").hasSizeLessThanOrEqualTo(100);
        assertThat(hasher.matches("135790", stored)).isTrue();
        assertThat(hasher.matches("135791", stored)).isFalse();
        assertThat(hasher.isOutdated(stored)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("135790")).isNotEqualTo(hasher.hash("135790"));
    }

    @Test
    void aLegacyBCryptHashStillVerifiesAndIsOutdated() {
        String legacy = BCRYPT.hash("135790");

        assertThat(hasher.matches("135790", legacy)).isTrue();
        assertThat(hasher.matches("000000", legacy)).isFalse();
        assertThat(hasher.isOutdated(legacy)).isTrue();
    }

    @Test
    void aHashUnderARetiredPepperVerifiesAndIsOutdated() {
        String old = new PepperedPayPasswords("k1", Map.of("k1", OLD_PEPPER), BCRYPT).hash("135790");

        assertThat(hasher.matches("135790", old)).isTrue();
        assertThat(hasher.isOutdated(old)).isTrue();
    }

    @Test
    void withoutThePepperTheStoredFormVerifiesNothing() {
        String stored = hasher.hash("135790");
        PepperedPayPasswords otherPepper = new PepperedPayPasswords("k2", Map.of("k2", bytes(9)), BCRYPT);
        PepperedPayPasswords unknownKey = new PepperedPayPasswords("k3", Map.of("k3", PEPPER), BCRYPT);

        assertThat(otherPepper.matches("135790", stored)).isFalse();
        assertThat(unknownKey.matches("135790", stored)).isFalse();
        assertThat(hasher.matches("135790", "hs256$k2$%%%$%%%")).isFalse();
        assertThat(hasher.matches("135790", "plain135790")).isFalse();
        assertThat(hasher.matches(null, stored)).isFalse();
    }

    @Test
    void aShortPepperOrAMissingCurrentKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new PepperedPayPasswords("k1", Map.of("k1", new byte[16]), BCRYPT))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new PepperedPayPasswords("k9", Map.of("k1", PEPPER), BCRYPT))
                .hasMessageContaining("k9");
    }

    @Test
    void theMacIsComparedInConstantTime() {
        JavaClasses hasherClass = new ClassFileImporter().importClasses(PepperedPayPasswords.class);

        classes().should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class).check(hasherClass);
        noClasses().should().callMethod(Arrays.class, "equals", byte[].class, byte[].class).check(hasherClass);
    }
}
