package io.paysuite.member.merchant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Both merchant ports in memory with the SQL's unique keys (request number, merchant id, app id,
 * serial) and all-or-nothing onboarding.
 */
final class InMemoryMerchants implements MerchantRepository, AppKeyRepository {

    final Map<String, Merchant> byRequestNo = new ConcurrentHashMap<>();
    final Map<String, String> appMerchant = new ConcurrentHashMap<>();
    final Map<String, AppKey> bySerial = new ConcurrentHashMap<>();
    final List<String> disabledMerchants = new ArrayList<>();
    private long numbers = 10_000_000;

    @Override
    public synchronized Optional<Merchant> insert(NewMerchant m) {
        String merchantId = m.merchantId() != null ? m.merchantId() : "M" + (++numbers);
        if (byRequestNo.containsKey(m.requestNo()) || findByMerchantId(merchantId).isPresent()
                || appMerchant.containsKey(m.appId()) || bySerial.containsKey(m.serialNo())) {
            return Optional.empty();
        }
        Merchant merchant = new Merchant(merchantId, m.name(), io.paysuite.api.member.RealNameStatus.UNVERIFIED, true,
                m.requestNo(), m.requestDigest(), m.appId(), m.serialNo(), m.createdAt());
        byRequestNo.put(m.requestNo(), merchant);
        appMerchant.put(m.appId(), merchantId);
        bySerial.put(m.serialNo(), new AppKey(merchantId, m.appId(), m.serialNo(), m.publicKeyPem(), m.createdAt(), null));
        return Optional.of(merchant);
    }

    @Override
    public Optional<Merchant> findByRequestNo(String requestNo) {
        return Optional.ofNullable(byRequestNo.get(requestNo));
    }

    @Override
    public Optional<Merchant> findByMerchantId(String merchantId) {
        return byRequestNo.values().stream().filter(m -> m.merchantId().equals(merchantId)).findFirst();
    }

    @Override
    public boolean appExists(String appId) {
        return appMerchant.containsKey(appId);
    }

    @Override
    public Optional<String> merchantOfUsableApp(String appId) {
        return Optional.ofNullable(appMerchant.get(appId)).filter(m -> !disabledMerchants.contains(m));
    }

    @Override
    public synchronized boolean insert(AppKey key) {
        return bySerial.putIfAbsent(key.serialNo(), key) == null;
    }

    @Override
    public synchronized int retireOthers(String appId, String keepSerialNo, java.time.Instant until) {
        int changed = 0;
        for (AppKey key : bySerial.values()) {
            if (key.appId().equals(appId) && !key.serialNo().equals(keepSerialNo)
                    && (key.validUntil() == null || key.validUntil().isAfter(until))) {
                bySerial.put(key.serialNo(), new AppKey(key.merchantId(), key.appId(), key.serialNo(), key.publicKeyPem(),
                        key.validFrom(), until));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public Optional<AppKey> findBySerialNo(String serialNo) {
        return Optional.ofNullable(bySerial.get(serialNo));
    }

    @Override
    public Optional<AppKey> findUsable(String appId, String serialNo) {
        return findBySerialNo(serialNo).filter(k -> k.appId().equals(appId))
                .filter(k -> merchantOfUsableApp(appId).isPresent());
    }
}
