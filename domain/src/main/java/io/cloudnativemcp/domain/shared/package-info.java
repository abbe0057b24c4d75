/** Small value types and the exception hierarchy shared by every aggregate. */
package io.cloudnativemcp.domain.shared;
