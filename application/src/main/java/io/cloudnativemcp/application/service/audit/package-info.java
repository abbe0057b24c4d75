/** The audit trail the use cases write to, in front of the audit repository port. */
package io.cloudnativemcp.application.service.audit;
