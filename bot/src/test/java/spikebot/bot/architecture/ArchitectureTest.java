package spikebot.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code as rules the build checks: data flows one way (adapter → core → feature →
 * knowledge/index), so no package may depend on one that depends back on it, and the core knows no feature.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("spikebot");
    }

    @Test
    void noPackageCycles() {
        slices().matching("spikebot.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreKnowsNoFeatureAndNoAdapter() {
        noClasses().that().resideInAPackage("spikebot.bot.core..")
                .should().dependOnClassesThat().resideInAnyPackage("spikebot.bot.ask..", "spikebot.bot.passive..",
                        "spikebot.bot.solved..", "spikebot.bot.spike..", "spikebot.bot.wiring..",
                        "spikebot.bot.discord..", "spikebot.bot.console..", "spikebot.bot.cli..")
                .check(classes);
    }

    @Test
    void onlyTheDiscordAdapterKnowsJda() {
        noClasses().that().resideOutsideOfPackage("spikebot.bot.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..").check(classes);
    }

    @Test
    void theDomainKnowsNeitherLuceneNorTheBot() {
        noClasses().that().resideInAPackage("spikebot.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "spikebot.index..",
                        "spikebot.bot..").check(classes);
        noClasses().that().resideInAPackage("spikebot.index..")
                .should().dependOnClassesThat().resideInAPackage("spikebot.bot..").check(classes);
    }
}
