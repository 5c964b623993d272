package io.paysuite.cashier.ops.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.ops.rules.ConfigCenterDocuments;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.kit.config.LocalConfigCenter;
import org.junit.jupiter.api.Test;

class MerchantLimitDocumentTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aMerchantsOwnLimitIsAddedChangedAndRemovedAndTheRestOfTheDocumentStays() {
        MerchantLimitDocument none = MerchantLimitDocument.read(null, 200, json);
        assertThat(none.ownQps("M1")).isNull();
        assertThat(none.defaultQps()).isEqualTo(200);

        String first = none.withLimit("M1", 5, json);
        MerchantLimitDocument one = MerchantLimitDocument.read(first, 200, json);
        assertThat(one.ownQps("M1")).isEqualTo(5);
        assertThat(one.defaultQps()).isEqualTo(200);

        String two = MerchantLimitDocument.read(one.withLimit("M2", 7, json), 200, json).withLimit("M1", 9, json);
        MerchantLimitDocument both = MerchantLimitDocument.read(two, 200, json);
        assertThat(both.ownQps("M1")).isEqualTo(9);
        assertThat(both.ownQps("M2")).isEqualTo(7);

        MerchantLimitDocument back = MerchantLimitDocument.read(both.withLimit("M1", null, json), 200, json);
        assertThat(back.ownQps("M1")).isNull();
        assertThat(back.ownQps("M2")).isEqualTo(7);
    }

    @Test
    void theRuleInTheDocumentKeepsItsDefaultForEveryoneElse() {
        String stored = "[{\"resource\":\"open-api\",\"paramIdx\":0,\"count\":50,\"grade\":1}]";
        MerchantLimitDocument document = MerchantLimitDocument.read(stored, 200, json);

        assertThat(document.defaultQps()).isEqualTo(50);
        assertThat(MerchantLimitDocument.read(document.withLimit("M1", 3, json), 200, json).defaultQps()).isEqualTo(50);
    }

    @Test
    void aSaveOverAnOlderVersionIsAConflictAndNothingIsWritten() {
        LocalConfigCenter center = new LocalConfigCenter();
        ConfigCenterDocuments documents = new ConfigCenterDocuments(center);
        String key = "sentinel/cashier-service/merchant-flow-rules";
        String read = documents.read(key).version();
        assertThat(read).isEqualTo(ConfigCenter.Versioned.ABSENT);
        documents.write(key, MerchantLimitDocument.read(null, 200, json).withLimit("M1", 5, json), read);

        assertThatThrownBy(() -> documents.write(key, "[]", read)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_VERSION_CONFLICT));
        assertThat(MerchantLimitDocument.read(center.read(key).orElseThrow(), 200, json).ownQps("M1")).isEqualTo(5);
    }
}
