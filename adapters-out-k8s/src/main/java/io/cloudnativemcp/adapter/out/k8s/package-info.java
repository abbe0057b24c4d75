/** Kubernetes adapter: the cluster ports through the official Kubernetes Java client. */
package io.cloudnativemcp.adapter.out.k8s;
