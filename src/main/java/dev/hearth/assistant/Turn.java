package dev.hearth.assistant;

/**
 * An earlier message of the conversation.
 *
 * @param fromCustomer whether the customer wrote it
 * @param text what it said
 */
public record Turn(boolean fromCustomer, String text) {
}
