-- Escalation can keep the bot: it declines politely or asks which of a few answers is meant.
alter table escalation_decision drop constraint escalation_decision_action_check;
alter table escalation_decision add constraint escalation_decision_action_check
    check (action in ('HUMAN', 'APPROVED_LLM', 'APPROVED_LLM_DRAFT_FOR_AGENT', 'DECLINE', 'CLARIFY'));
alter table escalation_decision drop constraint escalation_decision_outcome_check;
alter table escalation_decision add constraint escalation_decision_outcome_check
    check (outcome in ('HANDED_OFF', 'TICKET', 'LLM_ANSWERED', 'NOT_HANDED_OFF', 'DECLINED', 'CLARIFIED'));
