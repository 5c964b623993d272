package io.paysuite.pay.infra.event;

import io.paysuite.kit.mq.BatchedMarks;
import io.paysuite.pay.order.PayOrderRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * The "the broker stored its {@code PAY_SUCCEEDED}" marks of {@code SUCCESS} pay orders ({@code pay_order.announced_at}),
 * batched by the kit's {@link BatchedMarks}: one {@code UPDATE … WHERE pay_order_no IN (…)} per flush (ShardingSphere
 * routes the list by the numbers' genes: one statement per physical table they name), each mark on the side (real or
 * load traffic) its pay order was.
 *
 * <p>Why a mark at all: pay-core runs as two instances sharing the pay order check's consumer group, so about half of
 * the checks land on the instance that did not send; {@code AnnouncedHere} (this process's memory) cannot tell it
 * that the announcement is stored, and without the row saying so it would send a duplicate for half the payments.
 * A mark lost in a crash or a failed write means only that the pay order's check sends the announcement once more;
 * consumers deduplicate on the pay order number.
 */
final class AnnouncedMarks extends BatchedMarks {

    AnnouncedMarks(PayOrderRepository orders, Clock clock, Duration delay) {
        super("pay-announced-marks", clock, delay, orders::markAnnounced, "their checks send PAY_SUCCEEDED again");
    }
}
