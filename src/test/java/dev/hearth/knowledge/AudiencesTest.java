package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudiencesTest {

	@Test
	void untaggedContentIsInternalNeverForCustomers() {
		assertThat(Audiences.visibleTo(Map.of(), List.of("customer"))).isFalse();
		assertThat(Audiences.visibleTo(Map.of("audience", List.of()), List.of("customer"))).isFalse();
		assertThat(Audiences.visibleTo(Map.of("audience", List.of("agent")), List.of("customer"))).isFalse();
		assertThat(Audiences.visibleTo(Map.of("audience", List.of("agent", "customer")), List.of("customer"))).isTrue();
		assertThat(Audiences.applied(Map.of("product", List.of("tv")))).containsExactly("internal");
		assertThat(Audiences.applied(Map.of("audience", List.of("business")))).containsExactly("business");
	}

	@Test
	void anFaqEntryWithoutAudienceGetsTheFaqDefaultAndATaggedOneKeepsItsOwn() {
		assertThat(Audiences.withDefault(Map.of("product", List.of("tv")), Audiences.FAQ_DEFAULT))
			.containsEntry("audience", List.of("customer"))
			.containsEntry("product", List.of("tv"));
		Map<String, List<String>> agents = Map.of("audience", List.of("agent"));
		assertThat(Audiences.withDefault(agents, Audiences.FAQ_DEFAULT)).isSameAs(agents);
	}

}
