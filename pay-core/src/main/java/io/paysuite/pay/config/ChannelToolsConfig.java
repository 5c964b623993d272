package io.paysuite.pay.config;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.pay.order.tool.ChannelTool;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channel methods pay-core offers: each one a {@link ChannelTool}.  */
@Configuration(proxyBeanMethods = false)
public class ChannelToolsConfig {

    @Bean
    ChannelTool alipayQrTool(ChannelService channels, LedgerService ledger) {
        return new ChannelTool(PayMethod.ALIPAY_QR, channels, ledger);
    }

    @Bean
    ChannelTool alipayCodeTool(ChannelService channels, LedgerService ledger) {
        return new ChannelTool(PayMethod.ALIPAY_CODE, channels, ledger);
    }

    /** WeChat's payment code (v2 micropay in channel-gateway). */
    @Bean
    ChannelTool wechatCodeTool(ChannelService channels, LedgerService ledger) {
        return new ChannelTool(PayMethod.WECHAT_CODE, channels, ledger);
    }

    /** A bound card's token charged at UnionPay (ACP token payment). */
    @Bean
    ChannelTool bankCardTool(ChannelService channels, LedgerService ledger) {
        return new ChannelTool(PayMethod.BANK_CARD, channels, ledger);
    }

    @Bean
    ChannelTool wechatQrTool(ChannelService channels, LedgerService ledger) {
        return new ChannelTool(PayMethod.WECHAT_QR, channels, ledger);
    }
}
