package io.paysuite.api.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderNoTest {

    private final OrderNo orderNo = new OrderNo(Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC), 7);

    @Test
    void orderNumberCarriesKindSecondNodeSequenceAndGene() {
        String no = orderNo.next(OrderNo.Kind.TRADE, 417);
        assertThat(no).hasSize(26).startsWith("T20261122101530" + "07").endsWith("0417");
        assertThat(ShardGene.ofOrderNo(no)).isEqualTo(417);
    }

    @Test
    void numbersIssuedConcurrentlyInOneSecondAreUnique() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(orderNo.next(OrderNo.Kind.PAY, i % 1024)));
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void buyerGenePlacesEveryOrderOfThatBuyerInOneTable() {
        int gene = ShardGene.ofUserId("20880000000123");
        String first = orderNo.next(OrderNo.Kind.TRADE, gene);
        String second = orderNo.next(OrderNo.Kind.PAY, gene);
        assertThat(ShardGene.ofOrderNo(first)).isEqualTo(ShardGene.ofOrderNo(second)).isEqualTo(gene);
        assertThat(ShardGene.database(gene, 2)).isEqualTo(gene % 2);
        assertThat(ShardGene.table(gene, 2, 4)).isEqualTo((gene / 2) % 4);
    }

    @Test
    void nonNumericKeysStillGetAStableGeneInRange() {
        int gene = ShardGene.ofKey("M100|order-1");
        assertThat(gene).isBetween(0, 1023).isEqualTo(ShardGene.ofKey("M100|order-1"));
    }

    @org.junit.jupiter.api.Test
    void aMemberBuyerIdTakesTheGeneOfItsNumber() {
        org.assertj.core.api.Assertions.assertThat(ShardGene.ofUserId("U10000007")).isEqualTo(ShardGene.ofUserId("10000007"))
                .isEqualTo(10000007 % ShardGene.GENES);
    }
}
