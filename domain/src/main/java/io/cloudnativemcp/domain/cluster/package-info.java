/** Values that cross the Kubernetes ports, free of client-library types, and the summary rules. */
package io.cloudnativemcp.domain.cluster;
