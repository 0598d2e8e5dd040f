package dev.hearth.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a turn handed its conversation over, stored with the message that told the customer
 * (its {@code answer.handoff}) and shown to the widget.
 *
 * @param mode {@code LIVE} or {@code TICKET}
 * @param rule the escalation rule that won
 * @param estimatedWaitSeconds the wait the customer was told, for a live handoff;
 * otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffDetails(String mode, String rule, Long estimatedWaitSeconds) {
}
