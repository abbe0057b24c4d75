/** The audit trail: events, outcomes, masking of sensitive values, retention. */
package io.cloudnativemcp.domain.audit;
