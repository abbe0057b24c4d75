/** Who may do what: access rules, decisions, permissions and server modes. */
package io.cloudnativemcp.domain.access;
