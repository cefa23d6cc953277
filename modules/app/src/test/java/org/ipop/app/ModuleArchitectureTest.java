package org.ipop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The modular monolith's rules, checked over the compiled code of every module:
 * modules talk only through each other's root (API) package, there are no cycles, platform modules never depend on
 * capability modules, only persistence code touches the MongoDB driver, and nothing uses field injection.
 */
class ModuleArchitectureTest {

    /** The platform modules; every other module under org.ipop (but the application) is a capability module. */
    static final Set<String> PLATFORM = Set.of("kernel", "reference", "tabular", "persistence", "audit", "tenancy",
            "identity");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ipop");

    @Test
    void modules_use_only_the_root_package_of_other_modules() {
        noClasses().should(new ArchCondition<>("reach into another module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = module(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String to = module(target);
                    if (to != null && from != null && !to.equals(from) && !isRootPackage(target, to)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                });
            }
        }).check(CLASSES);
    }

    @Test
    void modules_have_no_cycles() {
        slices().matching("org.ipop.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void platform_modules_never_depend_on_capability_modules() {
        noClasses().that(new DescribedPredicate<JavaClass>("are in a platform module") {
            @Override
            public boolean test(JavaClass javaClass) {
                return PLATFORM.contains(module(javaClass));
            }
        }).should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are in a capability module") {
            @Override
            public boolean test(JavaClass javaClass) {
                String module = module(javaClass);
                return module != null && !PLATFORM.contains(module) && !module.equals("app");
            }
        }).check(CLASSES);
    }

    @Test
    void only_persistence_code_touches_the_mongodb_driver() {
        noClasses().that().resideOutsideOfPackages("org.ipop.persistence..", "org.ipop.*.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void dependencies_are_injected_through_constructors_not_fields() {
        fields().should().notBeAnnotatedWith("jakarta.inject.Inject")
                .andShould().notBeAnnotatedWith("jakarta.annotation.Resource")
                .andShould().notBeAnnotatedWith("org.eclipse.microprofile.config.inject.ConfigProperty")
                .check(CLASSES);
    }

    /** org.ipop.&lt;module&gt;[.internal…]: the module is the third package segment. */
    static String module(JavaClass javaClass) {
        String[] segments = javaClass.getPackageName().split("\\.");
        return segments.length >= 3 && segments[0].equals("org") && segments[1].equals("ipop") ? segments[2] : null;
    }

    private static boolean isRootPackage(JavaClass javaClass, String module) {
        return javaClass.getPackageName().equals("org.ipop." + module);
    }
}
