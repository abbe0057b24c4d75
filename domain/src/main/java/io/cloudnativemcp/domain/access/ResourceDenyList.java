package io.cloudnativemcp.domain.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Kinds no tool may read or change ({@code kubernetes.deniedResources}), written {@code group/Kind}:
 * {@code /Secret} or {@code Secret} for the core group, {@code rbac.authorization.k8s.io/*} for a
 * whole group, {@code apps/Deployment} for one kind. Kinds compare case-insensitively.
 */
public final class ResourceDenyList {
  private final List<Entry> entries;
  private final List<String> source;

  private record Entry(Glob group, Glob kind) {}

  private ResourceDenyList(List<Entry> entries, List<String> source) {
    this.entries = List.copyOf(entries);
    this.source = List.copyOf(source);
  }

  public static ResourceDenyList none() {
    return new ResourceDenyList(List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException for an entry that is not {@code group/Kind}
   */
  public static ResourceDenyList of(Collection<String> entries) {
    List<Entry> parsed = new ArrayList<>();
    for (String raw : entries) {
      String e = Objects.requireNonNull(raw, "an entry must not be null").strip();
      if (e.isEmpty()) {
        throw new IllegalArgumentException("an entry of the deny list is empty");
      }
      int slash = e.lastIndexOf('/');
      String group = slash < 0 ? "" : e.substring(0, slash).strip();
      String kind = (slash < 0 ? e : e.substring(slash + 1)).strip();
      if (kind.isEmpty()) {
        throw new IllegalArgumentException("'" + e + "' names no kind; write group/Kind, such as apps/Deployment or /Secret");
      }
      if (group.equals("core") || group.equals("v1")) {
        group = "";
      }
      parsed.add(new Entry(group.isEmpty() ? null : new Glob(group), new Glob(kind.toLowerCase(Locale.ROOT))));
    }
    return new ResourceDenyList(parsed, List.copyOf(entries));
  }

  /** Whether a kind of a group ({@code ""} for core) is denied. */
  public boolean denies(String group, String kind) {
    String g = group == null ? "" : group;
    String k = kind.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      boolean groupMatches = e.group() == null ? g.isEmpty() : e.group().matches(g);
      if (groupMatches && e.kind().matches(k)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public List<String> entries() {
    return source;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
