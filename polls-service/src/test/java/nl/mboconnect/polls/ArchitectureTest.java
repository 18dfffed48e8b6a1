package nl.mboconnect.polls;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nl.mboconnect.platform.testing.ArchitectureRules;

/** The shape every service keeps, decided by what a class is (ArchitectureRules). */
@AnalyzeClasses(packages = "nl.mboconnect.polls", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule storesKeepMongoDbToThemselves = ArchitectureRules.NO_STORAGE_TYPES_IN_PUBLIC_SIGNATURES;

    @ArchTest
    static final ArchRule resourcesStoresAndListenersArePackagePrivate = ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE;
}
