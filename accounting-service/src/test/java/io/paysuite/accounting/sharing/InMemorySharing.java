package io.paysuite.accounting.sharing;

import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.api.sharing.SharingReturnDTO;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Profit sharing's store and events in memory, unique on the merchant's numbers like the tables. */
final class InMemorySharing implements SharingStore, SharingEvents {

    final Map<String, SharingOrder> orders = new LinkedHashMap<>();
    final Map<String, Returned> returns = new LinkedHashMap<>();
    final List<SharingOrder> announced = new ArrayList<>();
    final List<String> settledTrades = new ArrayList<>();

    @Override
    public synchronized boolean insert(SharingOrder order) {
        if (findByOutOrderNo(order.merchantId(), order.outOrderNo()).isPresent()) {
            return false;
        }
        orders.put(order.orderNo(), order);
        return true;
    }

    @Override
    public synchronized Optional<SharingOrder> find(String orderNo) {
        return Optional.ofNullable(orders.get(orderNo));
    }

    @Override
    public synchronized Optional<SharingOrder> findByOutOrderNo(String merchantId, String outOrderNo) {
        return orders.values().stream().filter(o -> o.merchantId().equals(merchantId) && o.outOrderNo().equals(outOrderNo))
                .findFirst();
    }

    @Override
    public synchronized boolean finish(SharingOrder order, SharingReceiverResult result, Instant at) {
        SharingOrder now = orders.get(order.orderNo());
        if (now.status() != SharingOrderStatus.PROCESSING) {
            return false;
        }
        orders.put(order.orderNo(), now.finished(result, at));
        return true;
    }

    @Override
    public synchronized boolean finish(SharingOrder order, SharingReceiverResult result) {
        boolean moved = finish(order, result, Instant.EPOCH);
        if (moved) {
            announced.add(orders.get(order.orderNo()));
        }
        return moved;
    }

    @Override
    public synchronized boolean unfrozen(String tradeNo) {
        return orders.values().stream().anyMatch(o -> o.tradeNo().equals(tradeNo) && o.unfreeze());
    }

    @Override
    public synchronized boolean settled(String merchantId, String tradeNo) {
        return settledTrades.contains(tradeNo);
    }

    @Override
    public synchronized List<SharingOrder> processing(Instant before, int limit) {
        return orders.values().stream().filter(o -> o.status() == SharingOrderStatus.PROCESSING).limit(limit).toList();
    }

    @Override
    public synchronized boolean insertReturn(SharingReturnDTO giveBack, String digest) {
        if (findReturn(giveBack.merchantId(), giveBack.outReturnNo()).isPresent()) {
            return false;
        }
        returns.put(giveBack.returnNo(), new Returned(giveBack, digest));
        return true;
    }

    @Override
    public synchronized Optional<Returned> findReturn(String merchantId, String outReturnNo) {
        return returns.values().stream().filter(r -> r.giveBack().merchantId().equals(merchantId)
                && r.giveBack().outReturnNo().equals(outReturnNo)).findFirst();
    }

    @Override
    public synchronized long returnedOf(String orderNo, String receiverMerchantId) {
        return returns.values().stream().map(Returned::giveBack)
                .filter(r -> r.orderNo().equals(orderNo) && r.receiverMerchantId().equals(receiverMerchantId))
                .mapToLong(r -> r.amount().minor()).sum();
    }

    @Override
    public synchronized void returnSucceeded(String returnNo) {
        Returned r = returns.get(returnNo);
        SharingReturnDTO g = r.giveBack();
        returns.put(returnNo, new Returned(new SharingReturnDTO(g.returnNo(), g.outReturnNo(), g.orderNo(), g.merchantId(),
                g.receiverMerchantId(), g.amount(), SharingReceiverResult.SUCCESS, g.createdAt()), r.digest()));
    }
}
