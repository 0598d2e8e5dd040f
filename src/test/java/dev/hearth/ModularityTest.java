package dev.hearth;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the feature modules' dependencies pointing one way (retrieval imports nothing of
 * Hearth).
 */
class ModularityTest {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(HearthApplication.class).verify();
	}

}
