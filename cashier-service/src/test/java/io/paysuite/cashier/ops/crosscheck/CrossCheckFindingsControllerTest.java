package io.paysuite.cashier.ops.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.common.Result;
import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.crosscheck.FindingQry;
import io.paysuite.api.crosscheck.FindingStatus;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossCheckFindingsControllerTest {

    private final List<FindingQry> asked = new ArrayList<>();
    private final CrossCheckFindingsController controller = new CrossCheckFindingsController(qry -> {
        asked.add(qry);
        return Result.ok(List.of(new CrossCheckFindingDTO(7, "T1", DisagreementKind.PAYMENT_MISSING, "T1",
                "trade: SUCCESS paid 100 CNY; ledger: no PAYMENT entry", FindingStatus.OPEN,
                Instant.parse("2026-12-06T12:00:00Z"), Instant.parse("2026-12-06T12:00:20Z"), null)));
    }, new Times(ZoneOffset.UTC));

    @Test
    void openFindingsAreAskedForByStatusAndShownWithWhatEachSideSays() {
        CrossCheckFindingsController.FindingsView view = controller.findings("open", 100);
        assertThat(asked).containsExactly(new FindingQry(FindingStatus.OPEN, 100));
        assertThat(view.data()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("PAYMENT_MISSING");
            assertThat(f.status()).isEqualTo("OPEN");
            assertThat(f.sides()).contains("ledger: no PAYMENT entry");
            assertThat(f.firstSeen()).isNotNull();
            assertThat(f.clearedAt()).isNull();
        });
    }

    @Test
    void withoutAStatusEveryFindingIsAskedFor() {
        controller.findings(null, 10);
        assertThat(asked).containsExactly(new FindingQry(null, 10));
    }

    @Test
    void anUnknownStatusOrLimitIsAParamError() {
        assertThatThrownBy(() -> controller.findings("SOMETIMES", 10)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> controller.findings("OPEN", 0)).isInstanceOf(BizException.class);
    }
}
