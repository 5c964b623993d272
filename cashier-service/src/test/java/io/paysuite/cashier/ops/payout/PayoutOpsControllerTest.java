package io.paysuite.cashier.ops.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.cashier.api.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' payout list: the query it asks channel-gateway, and what it shows. */
class PayoutOpsControllerTest {

    static final PayoutDTO PO1 = new PayoutDTO("PO1", PayoutPurpose.SETTLEMENT, "M1", Money.cny(12_345), "****1234",
            PayoutStatus.FAILED, "2026120602000001", "PAYEE_CARD_INFO_ERROR", Instant.parse("2026-12-06T06:00:00Z"),
            Instant.parse("2026-12-06T06:00:01Z"));

    final List<PayoutQry> asked = new ArrayList<>();
    final PayoutService service = new PayoutService() {
        @Override
        public Result<PayoutDTO> payout(PayoutCmd cmd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Result<PayoutDTO> get(String payoutNo) {
            return "PO1".equals(payoutNo) ? Result.ok(PO1) : Result.fail(ErrorCode.PAYOUT_NOT_FOUND, "no payout " + payoutNo);
        }

        @Override
        public Result<List<PayoutDTO>> list(PayoutQry qry) {
            asked.add(qry);
            return Result.ok(List.of(PO1));
        }
    };
    final PayoutOpsController controller = new PayoutOpsController(service, new Times(ZoneId.of("Asia/Shanghai")));

    @Test
    void listsPayoutsOfAStatusWithTheMaskedAccountAndTheChannelsReason() {
        PayoutOpsController.ListView list = controller.list("failed", " M1 ", null, 20);

        assertThat(asked).containsExactly(new PayoutQry(PayoutStatus.FAILED, "M1", 20));
        assertThat(list.data()).singleElement().satisfies(p -> {
            assertThat(p.bankAccount()).isEqualTo("****1234");
            assertThat(p.amount()).isEqualTo(new PayoutOpsController.AmountView(12_345, "CNY"));
            assertThat(p.failureCode()).isEqualTo("PAYEE_CARD_INFO_ERROR");
            assertThat(p.createdAt()).isEqualTo("2026-12-06T14:00:00+08:00");
        });
    }

    @Test
    void anUnknownStatusOrLimitIsAParameterError() {
        assertThatThrownBy(() -> controller.list("PAID", null, null, 20)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> controller.list(null, null, null, 0)).isInstanceOf(BizException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void aPayoutIsFoundByOurNumberOrTheChannelsAndAnUnknownNumberFindsNothing() {
        assertThat(controller.list(null, null, "PO1", 50).data()).extracting(PayoutOpsController.PayoutView::payoutNo)
                .containsExactly("PO1");
        assertThat(asked).as("our number is a lookup, not a list").isEmpty();

        assertThat(controller.list(null, null, " 2026120602000001 ", 50).data())
                .extracting(PayoutOpsController.PayoutView::payoutNo).containsExactly("PO1");
        assertThat(controller.list(null, null, "NO-SUCH", 50).data()).isEmpty();
    }
}
