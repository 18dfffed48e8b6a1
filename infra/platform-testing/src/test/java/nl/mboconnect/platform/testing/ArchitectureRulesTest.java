package nl.mboconnect.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The rules see what a class is, not what it is called: they pass what fits and catch what breaks. */
class ArchitectureRulesTest {

    private static final JavaClasses FITS = new ClassFileImporter()
            .importPackages("nl.mboconnect.platform.testing.fixture.fits");
    private static final JavaClasses BREAKS = new ClassFileImporter()
            .importPackages("nl.mboconnect.platform.testing.fixture.breaks");

    @Test
    void aDomainClassThatReachesForMongoDbIsCaughtWhateverItsName() {
        assertThat(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.evaluate(FITS).hasViolation()).isFalse();
        EvaluationResult broken = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.evaluate(BREAKS);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(line -> line.contains("SeatRules"))
                .noneMatch(line -> line.contains("SeatLedger"));
    }

    @Test
    void aStoreThatShowsMongoDbOrIsPublicIsCaught() {
        assertThat(ArchitectureRules.NO_STORAGE_TYPES_IN_PUBLIC_SIGNATURES.evaluate(FITS).hasViolation()).isFalse();
        assertThat(ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE.evaluate(FITS).hasViolation()).isFalse();
        assertThat(ArchitectureRules.NO_STORAGE_TYPES_IN_PUBLIC_SIGNATURES.evaluate(BREAKS).getFailureReport()
                .getDetails()).anyMatch(line -> line.contains("SeatLedger.byEvent"))
                .anyMatch(line -> line.contains("SeatLedger.count"));
        assertThat(ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE.evaluate(BREAKS).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("SeatLedger"));
    }
}
