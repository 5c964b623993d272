package io.paysuite.channel.infra.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.recon.FeeRate;
import io.paysuite.channel.recon.FeeRates;
import io.paysuite.channel.routing.RoutingRules;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The agreed rates as the routing rules in force state them ({@code fee_bps}, {@code fee_fixed_minor}): the first rule
 * of the channel and method that states a fee. The rules in force when the day is reconciled, not on the bill day: a
 * rate changed in between shows up as a fee difference, for an operator to accept.
 */
@Component
public class RoutingFeeRates implements FeeRates {

    private final RoutingRules rules;

    public RoutingFeeRates(RoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<FeeRate> of(ChannelCode channel, PayMethod method) {
        return rules.of(method).stream().filter(rule -> rule.channel() == channel).map(FeeRate::of).flatMap(Optional::stream).findFirst();
    }
}
