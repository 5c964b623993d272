package io.paysuite.member.config;

import io.paysuite.member.infra.card.CardTokenVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The card token key comes from a file named by configuration ({@code paysuite.member.card-token-key-file}), never the repository. */
@Configuration(proxyBeanMethods = false)
public class CardTokenVaultConfig {

    @Bean
    CardTokenVault cardTokenVault(MemberProperties properties) {
        try {
            String base64 = Files.readString(properties.cardTokenKeyFile(), StandardCharsets.US_ASCII).trim();
            return new CardTokenVault(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card token key " + properties.cardTokenKeyFile(), e);
        }
    }
}
