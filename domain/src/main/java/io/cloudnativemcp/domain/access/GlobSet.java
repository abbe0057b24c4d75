package io.cloudnativemcp.domain.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Include and exclude patterns, written as a list where {@code !} marks an exclusion: {@code ["*",
 * "!kube-system"]} matches every value but {@code kube-system}. A value matches when some include
 * matches and no exclude does.
 */
public final class GlobSet {
  private final List<Glob> includes;
  private final List<Glob> excludes;
  private final List<String> source;

  private GlobSet(List<Glob> includes, List<Glob> excludes, List<String> source) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
    this.source = List.copyOf(source);
  }

  public static GlobSet of(Collection<String> patterns) {
    List<Glob> in = new ArrayList<>();
    List<Glob> out = new ArrayList<>();
    for (String p : patterns) {
      String t = p.trim();
      if (t.startsWith("!")) {
        out.add(new Glob(t.substring(1)));
      } else {
        in.add(new Glob(t));
      }
    }
    if (in.isEmpty() && !out.isEmpty()) {
      in.add(new Glob("*")); // ["!kube-system"] alone means "everything but kube-system"
    }
    return new GlobSet(in, out, List.copyOf(patterns));
  }

  public static GlobSet all() {
    return of(List.of("*"));
  }

  public static GlobSet none() {
    return of(List.of());
  }

  public boolean matches(String value) {
    return includes.stream().anyMatch(g -> g.matches(value))
        && excludes.stream().noneMatch(g -> g.matches(value));
  }

  /** True when every value matches: a single {@code *} and no exclusions. */
  public boolean isUnrestricted() {
    return excludes.isEmpty() && includes.stream().anyMatch(g -> g.pattern().equals("*"));
  }

  public List<String> patterns() {
    return source;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
