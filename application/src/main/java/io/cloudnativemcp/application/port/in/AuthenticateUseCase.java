package io.cloudnativemcp.application.port.in;

/** Use case: turning a request's credential into a principal; failures are audited. */
public interface AuthenticateUseCase {
  AuthenticationResult authenticate(AuthenticateCommand command);
}
