package dev.hearth.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinedNamesTest {

	private static final String SETUP = "# Setting up your Northwind Hub\n\nYour Northwind Hub is the router that "
			+ "connects your home to our fibre network and creates your Wi-Fi.";

	@Test
	void aNameTheKnowledgeBaseDefinesAsTheGenericWordIsFound() {
		assertThat(DefinedNames.nameFor("router", List.of("Nothing here.", SETUP))).contains("Hub");
		assertThat(DefinedNames.nameFor("router", List.of("Connect it. The Hub 4 is a router."))).contains("Hub 4");
	}

	@Test
	void wordsThatOnlyOccurTogetherOrAnotherShapeDefineNothing() {
		assertThat(DefinedNames.nameFor("router", List.of("Keep your Northwind Hub if you use your own router.")))
			.isEmpty();
		assertThat(DefinedNames.nameFor("router", List.of("Your Northwind Hub is the router's best friend.")))
			.isEmpty();
		assertThat(DefinedNames.nameFor("sim", List.of("An eSIM is a digital SIM built into your phone."))).isEmpty();
		assertThat(DefinedNames.nameFor("network", List.of(SETUP))).isEmpty();
		assertThat(DefinedNames.nameFor("controller",
				List.of("Northwind Fibre Ltd is the controller of the personal data we hold about you.")))
			.isEmpty();
	}

	@Test
	void onlyTheGenericWordOnItsOwnIsTheCompanysThing() {
		assertThat(DefinedNames.plain("how do I restart my router?", "router")).isTrue();
		assertThat(DefinedNames.plain("Router keeps blinking", "router")).isTrue();
		assertThat(DefinedNames.plain("is the router included?", "router")).isTrue();
		assertThat(DefinedNames.plain("I'd rather plug in my Asus router.", "router")).isFalse();
		assertThat(DefinedNames.plain("can I use my own router?", "router")).isFalse();
		assertThat(DefinedNames.plain("How fast does the 4G backup router take over?", "router")).isFalse();
	}

	@Test
	void theQuestionIsAskedWithTheName() {
		assertThat(DefinedNames.named("how do I restart my router?", "router", "Northwind Hub"))
			.isEqualTo("how do I restart my Northwind Hub?");
		assertThat(DefinedNames.named("Routers and modems", "router", "Hub")).isEqualTo("Hub and modems");
		assertThat(DefinedNames.named("my routerbox", "router", "Hub")).isEqualTo("my routerbox");
	}

}
