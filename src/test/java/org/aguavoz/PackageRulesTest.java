package org.aguavoz;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.aguavoz.outbox.Outbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes: the ticket lifecycle in the middle depends on no feature
 * around it; Twilio stays at the edges; only the notices queue SMS; no two packages depend on each other.
 */
class PackageRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.aguavoz");
    }

    @Test
    void ticketsDependOnNoFeaturePackage() {
        // Communities and phone numbers are what a ticket is about; api, staff and config are shared plumbing
        // (problem documents, role names, the clock). Everything that acts on tickets depends on tickets, not back.
        noClasses().that().resideInAPackage("org.aguavoz.tickets")
                .should().dependOnClassesThat(resideInAPackage("org.aguavoz..").and(not(resideInAnyPackage(
                        "org.aguavoz.tickets", "org.aguavoz.communities", "org.aguavoz.phones", "org.aguavoz.api",
                        "org.aguavoz.staff", "org.aguavoz.config"))))
                .check(main);
    }

    @Test
    void twilioStaysAtTheEdges() {
        noClasses().that().resideOutsideOfPackages("org.aguavoz.intake..", "org.aguavoz.outbox")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..")
                .check(main);
    }

    @Test
    void onlyTheNoticesQueueSms() {
        // Who is told what after a ticket event is decided in one place; a new feature adds a rule there.
        noClasses().that().resideOutsideOfPackages("org.aguavoz.notices", "org.aguavoz.outbox")
                .should().dependOnClassesThat().areAssignableTo(Outbox.class)
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.aguavoz.(**)").should().beFreeOfCycles().check(main);
    }
}
