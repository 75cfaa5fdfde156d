package dev.podbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other in one direction only: transports (telegram, demo) and notifications sit
 * on the chat-neutral command layer, which sits on accounts and the Pod Point client. The Pod Point client knows
 * nothing of the bot, so a second API generation can sit behind {@code PodPointClient}; the demo is reachable from
 * nothing else, so it can be left out.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.podbot");
    }

    @Test
    void featurePackagesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("podpoint").definedBy("dev.podbot.podpoint..")
                .layer("account").definedBy("dev.podbot.account..")
                .layer("command").definedBy("dev.podbot.command..")
                .layer("telegram").definedBy("dev.podbot.telegram..")
                .layer("notify").definedBy("dev.podbot.notify..")
                .layer("stats").definedBy("dev.podbot.stats..")
                .layer("receipt").definedBy("dev.podbot.receipt..")
                .layer("demo").definedBy("dev.podbot.demo..")
                .layer("ops").definedBy("dev.podbot.ops..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .whereLayer("telegram").mayOnlyBeAccessedByLayers("ops")
                // stats draws the monthly digest for notify's outbox (through notify's OutboxRenderer interface)
                // receipts (issue 13) follow the charger commands' changes on notify's clock and tick
                .whereLayer("notify").mayOnlyBeAccessedByLayers("stats", "receipt")
                .whereLayer("stats").mayNotBeAccessedByAnyLayer()
                // the charger commands open a receipt for each change they send; nothing else reaches receipts
                .whereLayer("receipt").mayOnlyBeAccessedByLayers("command")
                .whereLayer("command").mayOnlyBeAccessedByLayers("telegram", "notify", "demo", "stats", "receipt")
                .whereLayer("account").mayOnlyBeAccessedByLayers("command", "telegram", "notify", "demo", "ops", "stats",
                        "receipt")
                .check(classes);
    }

    @Test
    void thePodPointClientKnowsNothingOfTheBot() {
        noClasses().that().resideInAPackage("dev.podbot.podpoint..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.podbot.account..", "dev.podbot.command..",
                        "dev.podbot.telegram..", "dev.podbot.notify..", "dev.podbot.demo..", "dev.podbot.ops..")
                .check(classes);
    }

    @Test
    void theCommandLayerIsChatNeutral() {
        noClasses().that().resideInAPackage("dev.podbot.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "dev.podbot.telegram..")
                .check(classes);
    }

    @Test
    void onlyTheTelegramPackageAndNativeRegistrationTouchTheTelegramLibrary() {
        noClasses().that().resideOutsideOfPackages("dev.podbot.telegram..", "dev.podbot.ops..")
                .and().doNotHaveFullyQualifiedName("dev.podbot.NativeReflection")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..")
                .check(classes);
    }
}
