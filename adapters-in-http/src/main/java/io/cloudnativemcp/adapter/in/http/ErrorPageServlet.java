package io.cloudnativemcp.adapter.in.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's own error answers (a path nothing serves, a method a servlet does not take, an
 * exception that escaped) as {@code application/problem+json}, in place of Liberty's error pages,
 * which name exception classes. web.xml sends every such error here.
 */
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/_error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Called directly rather than as an error page: there is nothing here.
    int status = code instanceof Integer i ? i : 404;
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    switch (status) {
      case 404 -> Problems.write(response, 404, "Not Found", "No such endpoint.", "not_found");
      case 405 -> Problems.write(response, 405, "Method Not Allowed", "Method not allowed on this endpoint.", "method_not_allowed");
      case 400 -> Problems.write(response, 400, "Bad Request", "The request could not be read.", "bad_request");
      default -> {
        int shown = status >= 400 && status < 600 ? status : 500;
        Problems.write(response, shown, shown >= 500 ? "Internal Server Error" : "Error",
            shown >= 500 ? "The server could not process the request; the server log has the details." : "The request could not be processed.",
            shown >= 500 ? "internal_error" : "http_error");
      }
    }
  }
}
