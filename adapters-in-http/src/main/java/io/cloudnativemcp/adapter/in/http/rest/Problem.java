package io.cloudnativemcp.adapter.in.http.rest;

/**
 * An RFC 9457 problem document.
 *
 * @param type a URI naming the problem type ({@code about:blank} for plain HTTP statuses)
 * @param title short summary of the status
 * @param status HTTP status
 * @param detail what went wrong, for this request
 * @param code a stable machine-readable code
 */
public record Problem(String type, String title, int status, String detail, String code) {
  public static final String MEDIA_TYPE = "application/problem+json";
}
