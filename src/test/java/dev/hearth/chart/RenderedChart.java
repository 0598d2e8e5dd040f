package dev.hearth.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.Yaml;

/**
 * The manifests {@code helm template} rendered, parsed, with small lookups for
 * assertions.
 *
 * @param manifests the non-empty YAML documents, in order
 */
record RenderedChart(List<Map<String, Object>> manifests) {

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String yaml) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				manifests.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(List.copyOf(manifests));
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.manifests.stream().filter((m) -> kind.equals(m.get("kind"))).toList();
	}

	Map<String, Object> one(String kind, String name) {
		return ofKind(kind).stream()
			.filter((m) -> name.equals(map(m, "metadata").get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + kinds()));
	}

	List<String> kinds() {
		return this.manifests.stream().map((m) -> m.get("kind") + "/" + map(m, "metadata").get("name")).toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> parent, String... path) {
		Map<String, Object> current = parent;
		for (String key : path) {
			current = (Map<String, Object>) Objects.requireNonNull(current.get(key), () -> "no " + key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
