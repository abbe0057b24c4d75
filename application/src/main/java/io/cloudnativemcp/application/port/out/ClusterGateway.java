package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing port to a Kubernetes cluster's resources, of any kind the cluster serves. Objects cross
 * it as JSON-like maps, so no client-library type leaves the adapter. Every method may throw the
 * {@link ClusterException} subclasses.
 */
public interface ClusterGateway {

  /**
   * The same port addressing a context and acting for an identity. With impersonation configured,
   * an unbound gateway refuses calls that need an identity rather than act with the server's own.
   *
   * @throws UnknownContextException when the context is not one the server may use
   */
  ClusterGateway on(ClusterTarget target);

  /** Lists one page of resources of a kind. */
  ResourcePage list(ListQuery query);

  /**
   * Reads one resource.
   *
   * @throws ResourceNotFoundException when it does not exist
   */
  Map<String, Object> get(ResourceRef ref);

  /**
   * Creates an object from a complete manifest ({@code apiVersion}, {@code kind}, {@code metadata}).
   *
   * @param namespace namespace for a namespaced kind whose manifest names none
   * @return the object as created
   * @throws ClusterRequestException when it exists already or the API server refuses it
   */
  Map<String, Object> create(Map<String, Object> manifest, Optional<String> namespace);

  /**
   * Patches an object.
   *
   * @param patch a map (merge, strategic, apply) or a list of operations (json)
   * @return the object after the patch
   */
  Map<String, Object> patch(ResourceRef ref, PatchType type, Object patch);

  /**
   * Deletes an object.
   *
   * @throws ResourceNotFoundException when it does not exist
   */
  void delete(ResourceRef ref, DeleteOptions options);

  /** Whether the API server answers now (for readiness); never throws. */
  Reachability reachability();

  /** The answer of {@link #reachability()}. */
  enum Reachability {
    REACHABLE,
    UNREACHABLE,
    NOT_CONFIGURED
  }
}
