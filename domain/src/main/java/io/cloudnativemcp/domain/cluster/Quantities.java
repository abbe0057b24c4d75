package io.cloudnativemcp.domain.cluster;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 250m}, {@code 1.5}, {@code 128Mi}, {@code 2G}) as numbers. */
public final class Quantities {
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1024L)),
          Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
          Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)),
          Map.entry("Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
          Map.entry("Pi", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024)),
          Map.entry("Ei", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024)));

  private Quantities() {}

  /**
   * The value of a quantity in base units (cores, bytes).
   *
   * @throws IllegalArgumentException when it is not a quantity
   */
  public static double parse(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("empty quantity");
    }
    String q = quantity.strip();
    int end = q.length();
    while (end > 0 && Character.isLetter(q.charAt(end - 1))) {
      end--;
    }
    String number = q.substring(0, end);
    String suffix = q.substring(end);
    BigDecimal factor = SUFFIXES.get(suffix);
    try {
      if (factor == null || number.isEmpty()) {
        return new BigDecimal(q).doubleValue(); // "1e3": an exponent, not a suffix
      }
      return new BigDecimal(number).multiply(factor).doubleValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a quantity: " + quantity, e);
    }
  }

  /** Millicores of a CPU quantity, or -1 when it cannot be read. */
  public static long milliCores(Object quantity) {
    try {
      return Math.round(parse(String.valueOf(quantity)) * 1000);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** Bytes of a memory quantity, or -1 when it cannot be read. */
  public static long bytes(Object quantity) {
    try {
      return Math.round(parse(String.valueOf(quantity)));
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** {@code 250m}, as kubectl top prints CPU. */
  public static String formatMilliCores(long milli) {
    return milli < 0 ? "-" : milli + "m";
  }

  /** {@code 128Mi}, as kubectl top prints memory. */
  public static String formatBytes(long bytes) {
    if (bytes < 0) {
      return "-";
    }
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + "Ki";
    }
    if (bytes < 10L * 1024 * 1024 * 1024) {
      return (bytes / (1024 * 1024)) + "Mi";
    }
    return (bytes / (1024L * 1024 * 1024)) + "Gi";
  }
}
