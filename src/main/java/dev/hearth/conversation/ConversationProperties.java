package dev.hearth.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.conversation}.
 *
 * @param tokenSecret the key that signs conversation tokens (set the same one on every
 * replica); empty to generate one and keep it in the data folder
 * @param tokenTtl how long a conversation token is valid
 * @param maxMessageChars the longest message a customer may send
 * @param historyTurns earlier messages the answer pipeline sees
 * @param handoffSla how soon a person should answer a handed-over conversation (also what
 * customers are told)
 * @param abandonAfter a customer silent this long while waiting for a person has left
 * @param closeAfter an ended or idle conversation is closed after this long
 */
@ConfigurationProperties("hearth.conversation")
record ConversationProperties(String tokenSecret, @DefaultValue("30d") Duration tokenTtl,
		@DefaultValue("2000") int maxMessageChars, @DefaultValue("6") int historyTurns,
		@DefaultValue("5m") Duration handoffSla, @DefaultValue("30m") Duration abandonAfter,
		@DefaultValue("24h") Duration closeAfter) {
}
