package io.paysuite.api.member;

import java.io.Serializable;

/** Unbind a buyer's card. Idempotent on ({@code buyerId}, {@code cardId}). */
public record UnbindCardCmd(String buyerId, String cardId) implements Serializable {
}
