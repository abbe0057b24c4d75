package io.cloudnativemcp.adapter.in.http.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serves {@code /metrics}. Who may read it is decided by the authentication filter in front. */
public class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient PrometheusMetrics metrics;

  public MetricsServlet(PrometheusMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
