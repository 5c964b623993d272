package io.paysuite.cashier.page.wallet;

import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.cashier.page.BuyerCards;
import io.paysuite.cashier.page.FormGuard;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the wallet page: what it reads, what it does, its page models (the login, session, guard and cards are the cashier's). */
@Configuration(proxyBeanMethods = false)
public class WalletPageConfig {

    @Bean
    WalletBook walletBook(LedgerService ledger, WalletService wallets, WalletPageProperties properties) {
        return new WalletBook(ledger, wallets, properties.movements());
    }

    @Bean
    WalletActions walletActions(TradeService trades, PayService pay, WalletService wallets, WalletPageProperties properties,
                                Clock clock) {
        return new WalletActions(trades, pay, wallets, properties, clock);
    }

    @Bean
    WalletPages walletPages(WalletBook book, BuyerCards cards, FormGuard guard, WalletPageProperties properties) {
        return new WalletPages(book, cards, guard, properties);
    }
}
