-- Indexes for the audit API's filters (tool, outcome) in newest-first order.
create index audit_event_action_idx on audit_event (action, occurred_at);
create index audit_event_outcome_idx on audit_event (outcome, occurred_at);
