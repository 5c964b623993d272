package io.paysuite.member.infra.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing, opening and fingerprinting of card tokens, and the start-up sealing of rows from before V3. */
class CardTokenVaultTest {

    static final byte[] KEY = new byte[32];
    static {
        Arrays.fill(KEY, (byte) 7);
    }

    final CardTokenVault vault = new CardTokenVault(KEY);

    @Test
    void aSealedTokenOpensOnlyForItsBuyerAndUnderItsKeyAndNeverShowsTheToken() {
        String sealed = vault.seal("U1001", "6Xq9TokenAbc");

        assertThat(sealed).startsWith("v1:").doesNotContain("6Xq9TokenAbc");
        assertThat(vault.seal("U1001", "6Xq9TokenAbc")).as("a fresh IV every time").isNotEqualTo(sealed);
        assertThat(vault.open("U1001", sealed)).isEqualTo("6Xq9TokenAbc");
        assertThatThrownBy(() -> vault.open("U1002", sealed)).as("copied into another buyer's row").isInstanceOf(IllegalStateException.class);
        byte[] other = KEY.clone();
        other[0] = 8;
        assertThatThrownBy(() -> new CardTokenVault(other).open("U1001", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> vault.open("U1001", tampered)).as("one bit changed").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open("U1001", "v1:not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFingerprintIsStablePerBuyerAndTokenAndCaseSensitive() {
        String fingerprint = vault.fingerprint("U1001", "abc123");

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(vault.fingerprint("U1001", "abc123"));
        assertThat(vault.fingerprint("U1001", "ABC123")).isNotEqualTo(fingerprint);
        assertThat(vault.fingerprint("U1002", "abc123")).isNotEqualTo(fingerprint);
        assertThat(vault.fingerprint("U10", "01abc123")).as("buyer and token are not just concatenated").isNotEqualTo(
                vault.fingerprint("U1001", "abc123"));
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> new CardTokenVault(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsFromBeforeV3AreSealedOnceAndTheirClearTokenEmptied() {
        Map<Long, BoundCardDO> table = new LinkedHashMap<>();
        for (long id = 1; id <= 3; id++) {
            BoundCardDO row = new BoundCardDO();
            row.id = id;
            row.buyerId = "U100" + id;
            row.unionpayToken = "clearToken" + id;
            table.put(id, row);
        }
        BoundCardMapper mapper = new FakeMapper(table);
        CardTokenSealer sealer = new CardTokenSealer(mapper, vault);

        assertThat(sealer.sealAll()).isEqualTo(3);
        assertThat(sealer.sealAll()).as("a second instance finds nothing left").isZero();
        for (BoundCardDO row : table.values()) {
            assertThat(row.unionpayToken).isNull();
            assertThat(vault.open(row.buyerId, row.tokenSealed)).isEqualTo("clearToken" + row.id);
            assertThat(row.tokenFingerprint).isEqualTo(vault.fingerprint(row.buyerId, "clearToken" + row.id));
        }
    }

    /** Only what the sealer uses; the rest is not called. */
    private record FakeMapper(Map<Long, BoundCardDO> table) implements BoundCardMapper {
        @Override
        public List<BoundCardDO> listUnsealed(int limit) {
            List<BoundCardDO> rows = new ArrayList<>();
            for (BoundCardDO row : table.values()) {
                if (row.unionpayToken != null && rows.size() < limit) {
                    BoundCardDO copy = new BoundCardDO();
                    copy.id = row.id;
                    copy.buyerId = row.buyerId;
                    copy.unionpayToken = row.unionpayToken;
                    rows.add(copy);
                }
            }
            return rows;
        }

        @Override
        public int seal(long id, String token, String fingerprint, String sealed) {
            BoundCardDO row = table.get(id);
            if (row == null || row.tokenSealed != null || !token.equals(row.unionpayToken)) {
                return 0;
            }
            row.tokenFingerprint = fingerprint;
            row.tokenSealed = sealed;
            row.unionpayToken = null;
            return 1;
        }

        @Override
        public int insert(BoundCardDO row) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BoundCardDO findByToken(String buyerId, String fingerprint, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BoundCardDO findById(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BoundCardDO> listByStatus(String buyerId, String status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int transition(long id, String from, String to, java.time.LocalDateTime now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int rebind(long id, String bankName, String cardType, java.time.LocalDateTime now) {
            throw new UnsupportedOperationException();
        }
    }
}
