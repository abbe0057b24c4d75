package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.Map;
import java.util.Optional;

/** A resource gateway that forwards to another; tests override single methods to inject failures. */
class ForwardingGateway implements ClusterGateway {
  private final ClusterGateway delegate;

  ForwardingGateway(ClusterGateway delegate) {
    this.delegate = delegate;
  }

  @Override
  public ClusterGateway on(ClusterTarget target) {
    delegate.on(target);
    return this;
  }

  @Override
  public ResourcePage list(ListQuery query) {
    return delegate.list(query);
  }

  @Override
  public Map<String, Object> get(ResourceRef ref) {
    return delegate.get(ref);
  }

  @Override
  public Map<String, Object> create(Map<String, Object> manifest, Optional<String> namespace) {
    return delegate.create(manifest, namespace);
  }

  @Override
  public Map<String, Object> patch(ResourceRef ref, PatchType type, Object patch) {
    return delegate.patch(ref, type, patch);
  }

  @Override
  public void delete(ResourceRef ref, DeleteOptions options) {
    delegate.delete(ref, options);
  }

  @Override
  public Reachability reachability() {
    return delegate.reachability();
  }
}
