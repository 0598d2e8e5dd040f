package dev.hearth.assistant.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The model package is an adapter layer: it may use Spring, Spring AI and the model
 * libraries, and Hearth's privacy module (every outbound call passes its egress guard),
 * but nothing else of Hearth, so the answer pipeline can depend on it and not the other
 * way round.
 */
class ModelPackageDependenciesTest {

	@Test
	void importsNothingElseOfHearthButThePrivacyModule() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.hearth.assistant.model");
		noClasses().that()
			.resideInAPackage("dev.hearth.assistant.model..")
			.should()
			.dependOnClassesThat(
					resideInAPackage("dev.hearth..").and(resideOutsideOfPackage("dev.hearth.assistant.model.."))
						.and(resideOutsideOfPackage("dev.hearth.privacy..")))
			.check(classes);
	}

}
