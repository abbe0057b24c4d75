package io.cloudnativemcp.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The hexagon, checked on every build: dependencies point inwards and technology stays in its adapter. */
@AnalyzeClasses(
    packages = "io.cloudnativemcp",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
  /** Fixtures that modules share through test-jars are tests too. */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private static final String BASE = "io.cloudnativemcp";

  @ArchTest
  static final ArchRule hexagon_is_respected =
      onionArchitecture()
          .domainModels(BASE + ".domain..")
          .applicationServices(BASE + ".application..")
          .adapter("http", BASE + ".adapter.in.http..")
          .adapter("persistence", BASE + ".adapter.out.persistence..")
          .adapter("k8s", BASE + ".adapter.out.k8s..")
          .adapter("outbound-http", BASE + ".adapter.out.http..")
          .withOptionalLayers(true) // there is no separate domain-service ring
          .ignoreDependency(resideInAPackage(BASE + ".bootstrap.."), alwaysTrue())
          .ensureAllClassesAreContainedInArchitectureIgnoring(BASE + ".bootstrap..");

  @ArchTest
  static final ArchRule domain_is_plain_java =
      classes()
          .that()
          .resideInAPackage(BASE + ".domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(BASE + ".domain..", "java..")
          .because("the rules must be testable and readable without any framework");

  @ArchTest
  static final ArchRule application_uses_only_whitelisted_annotations =
      classes()
          .that()
          .resideInAPackage(BASE + ".application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              BASE + ".domain..",
              BASE + ".application..",
              "java..",
              "jakarta.inject..",
              "jakarta.enterprise.context..")
          .because("use cases may carry a scope and an @Inject constructor, nothing more");

  @ArchTest
  static final ArchRule adapters_use_ports_not_services =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".application.service");

  @ArchTest
  static final ArchRule adapters_do_not_know_each_other =
      slices().matching(BASE + ".adapter.(*).(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule only_the_k8s_adapter_knows_the_kubernetes_client =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".adapter.out.k8s..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.kubernetes.client..", "io.fabric8..", "com.google.gson..");

  @ArchTest
  static final ArchRule only_the_persistence_adapter_knows_jpa =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".adapter.out.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..", "org.flywaydb..", "java.sql..");

  @ArchTest
  static final ArchRule only_the_http_adapter_knows_the_mcp_sdk_and_jaxrs =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".adapter.in.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.modelcontextprotocol..", "jakarta.ws.rs..", "tools.jackson..");

  @ArchTest
  static final ArchRule only_the_http_adapter_and_the_startup_know_servlets =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".adapter.in.http..", BASE + ".bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.servlet..")
          .because("bootstrap hooks the startup sequence into the container's lifecycle, nothing else");

  @ArchTest
  static final ArchRule only_bootstrap_reads_microprofile_config =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.microprofile.config..");

  @ArchTest
  static final ArchRule incoming_and_outgoing_ports_do_not_depend_on_each_other =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".application.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".application.port.out..");

  @ArchTest
  static final ArchRule outgoing_ports_do_not_know_incoming_ports =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".application.port.out..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".application.port.in..");

  @ArchTest
  static final ArchRule incoming_ports_are_named_use_cases =
      classes()
          .that()
          .resideInAPackage(BASE + ".application.port.in")
          .and()
          .areInterfaces()
          .and()
          .areNotNestedClasses()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("UseCase")
          .orShould()
          .haveSimpleNameEndingWith("Result")
          .orShould()
          .haveSimpleName("Credential")
          .because("port.in holds use cases and the commands, queries and results they exchange");

  @ArchTest
  static final ArchRule services_implement_a_use_case =
      classes()
          .that()
          .resideInAPackage(BASE + ".application.service")
          .and()
          .areTopLevelClasses()
          .and()
          .areNotInterfaces()
          .should()
          .haveSimpleNameEndingWith("Service")
          .andShould()
          .implement(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a use case", c -> c.getSimpleName().endsWith("UseCase")));

  @ArchTest
  static final ArchRule domain_packages_are_free_of_cycles =
      slices().matching(BASE + ".domain.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule application_packages_are_free_of_cycles =
      slices().matching(BASE + ".application.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  @ArchTest
  static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
