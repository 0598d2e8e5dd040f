package dev.hearth.chart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.hearth.chart.RenderedChart.list;
import static dev.hearth.chart.RenderedChart.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lints and renders the Helm chart in {@code helm/hearth} with Helm itself (embedded by
 * helm-java, no network, no cluster), validates every rendered manifest against the
 * Kubernetes schemas offline, and checks the properties an operator relies on: a non-root
 * read-only container with writable data and /tmp, probes on the health groups, egress
 * only to the named services, and no secret value outside a Secret.
 */
class HelmChartTest {

	private static final Path CHART = Path.of("helm", "hearth");

	private static final String EXTERNAL_DB = "jdbc:postgresql://db.example.com:5432/hearth";

	@Test
	void lintsCleanlyInStrictMode() {
		LintResult result = new Helm(CHART).lint().strict().call();

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@Test
	void defaultValuesNeedOnlyTheDatabase() {
		assertThatThrownBy(() -> template().call()).hasMessageContaining("database.url is required");

		RenderedChart chart = render(template().set("database.url", EXTERNAL_DB));

		assertThat(chart.kinds()).containsExactlyInAnyOrder("ServiceAccount/hearth", "Secret/hearth",
				"ConfigMap/hearth", "Service/hearth", "Deployment/hearth", "NetworkPolicy/hearth",
				"PodDisruptionBudget/hearth");
		Map<String, Object> pod = map(chart.one("Deployment", "hearth"), "spec", "template", "spec");
		assertRunsAsNonRootWithReadOnlyRoot(pod);
		assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
		Map<String, Object> container = list(pod, "containers").get(0);
		assertThat(map(container, "livenessProbe", "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
		assertThat(map(container, "readinessProbe", "httpGet").get("path")).isEqualTo("/actuator/health/readiness");
		assertThat(map(container, "startupProbe", "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
		assertThat(env(container)).containsEntry("HEARTH_DB_URL", EXTERNAL_DB)
			.containsEntry("HEARTH_DATA", "/var/lib/hearth")
			.containsEntry("DJL_CACHE_DIR", "/tmp/djl");
		assertThat(mounts(container)).containsEntry("data", "/var/lib/hearth")
			.containsEntry("tmp", "/tmp")
			.containsEntry("config", "/config");
		assertThat(volume(pod, "data")).containsKey("emptyDir");
		// encryption at rest: a generated AES-256 key from the Secret, mounted as the key
		// file; prod refuses to
		// start without one
		assertThat(env(container)).containsEntry("HEARTH_CRYPTO_KEY_FILE", "/etc/hearth/crypto/keys")
			.containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(mounts(container)).containsEntry("crypto-keys", "/etc/hearth/crypto");
		assertThat(map(volume(pod, "crypto-keys"), "secret").get("secretName")).isEqualTo("hearth");
		String keys = new String(
				Base64.getDecoder().decode((String) map(chart.one("Secret", "hearth"), "data").get("encryption-keys")),
				StandardCharsets.UTF_8);
		assertThat(keys).matches("chart-1=[A-Za-z0-9+/]{43}=\\n");
		assertThat(applicationYml(chart)).contains("embedded-when-unavailable: false").contains("provider: none");
		// with no addresses given, Hearth may resolve names and reach the database's
		// port, nothing else
		assertThat(list(map(chart.one("NetworkPolicy", "hearth"), "spec"), "egress"))
			.extracting(HelmChartTest::describe)
			.containsExactly("namespace kube-system:[53, 53]", "any:[5432]");
		assertNoSecretOutsideSecrets(chart);
	}

	@Test
	void fullFeaturedValuesRenderEveryPartValid() {
		RenderedChart chart = render(template().withValuesFile(CHART.resolve("ci/full-values.yaml")));

		assertThat(chart.kinds()).contains("Ingress/hearth", "HorizontalPodAutoscaler/hearth",
				"Deployment/hearth-inference", "Service/hearth-inference", "NetworkPolicy/hearth-inference",
				"Job/hearth-realm-import-1", "ConfigMap/hearth-realm");
		Map<String, Object> deployment = chart.one("Deployment", "hearth");
		assertThat(map(deployment, "spec")).as("the autoscaler owns the replica count").doesNotContainKey("replicas");
		Map<String, Object> pod = map(deployment, "spec", "template", "spec");
		assertRunsAsNonRootWithReadOnlyRoot(pod);
		assertRunsAsNonRootWithReadOnlyRoot(
				map(chart.one("Deployment", "hearth-inference"), "spec", "template", "spec"));
		assertRunsAsNonRootWithReadOnlyRoot(map(chart.one("Job", "hearth-realm-import-1"), "spec", "template", "spec"));
		Map<String, Object> container = list(pod, "containers").get(0);
		assertThat(env(container)).containsEntry("HEARTH_OIDC_ISSUER", "https://sso.example.com/realms/hearth")
			.containsEntry("JDK_JAVA_OPTIONS", "-Xss512k");
		assertThat(secretRef(container, "HEARTH_DB_PASSWORD")).isEqualTo("hearth-db/password");
		assertThat(secretRef(container, "HEARTH_OIDC_CLIENT_SECRET")).isEqualTo("hearth/oidc-client-secret");
		assertThat(secretRef(container, "HEARTH_APPROVED_LLM_0_API_KEY")).isEqualTo("hearth/approved-llm-0-api-key");

		String yml = applicationYml(chart);
		assertThat(yml).contains("base-url: http://hearth-inference:8080/v1")
			.contains("model: hearth-small")
			.contains("api-key: ${HEARTH_APPROVED_LLM_0_API_KEY:}")
			.contains("- hearth-inference")
			.contains("- llm.corp.example")
			.contains("key: shop");
		assertThat(
				list(map(chart.one("Deployment", "hearth-inference"), "spec", "template", "spec"), "containers").get(0)
					.get("args"))
			.asList()
			.containsSequence("--lora", "/models/northwind-support-lora.gguf");

		// egress: DNS, the PostgreSQL and Keycloak addresses, the inference pods and the
		// approved LLM; nothing else
		List<Map<String, Object>> egress = list(map(chart.one("NetworkPolicy", "hearth"), "spec"), "egress");
		assertThat(egress).allSatisfy(
				(rule) -> assertThat(list(rule, "to")).as("a rule without 'to' allows everything").isNotEmpty());
		assertThat(egress).extracting(HelmChartTest::describe)
			.containsExactly("namespace kube-system:[53, 53]", "10.10.0.5/32:[5432]", "10.10.1.0/28:[8443]",
					"pods inference:[8080]", "10.20.0.0/24:[8443]");
		assertNoSecretOutsideSecrets(chart);
		String realm = (String) map(chart.one("ConfigMap", "hearth-realm"), "data").get("hearth-realm.json");
		assertThat(realm).contains("https://support.example.com/console/login/oauth2/code/keycloak")
			.contains("${HEARTH_CONSOLE_CLIENT_SECRET}")
			.doesNotContain("CHANGE-ME");
	}

	@Test
	void logsAreJsonPodsAreScrapedAndTheDashboardShipsOnRequest() {
		RenderedChart chart = render(template().set("database.url", EXTERNAL_DB));
		Map<String, Object> deployment = chart.one("Deployment", "hearth");
		Map<String, Object> container = list(map(deployment, "spec", "template", "spec"), "containers").get(0);
		assertThat(env(container)).containsEntry("HEARTH_LOG_FORMAT", "ecs");
		assertThat(map(deployment, "spec", "template", "metadata", "annotations"))
			.containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/path", "/actuator/prometheus")
			.containsEntry("prometheus.io/port", "8080");
		assertThat(chart.kinds()).doesNotContain("ConfigMap/hearth-dashboard");
		assertThat(env(container)).as("no tracing without a collector")
			.doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
		Map<String, Object> traced = list(map(
				render(template().set("database.url", EXTERNAL_DB)
					.set("observability.tracing.endpoint", "http://otel-collector.monitoring:4318/v1/traces")
					.set("observability.tracing.samplingProbability", "0.25")).one("Deployment", "hearth"),
				"spec", "template", "spec"), "containers")
			.get(0);
		assertThat(env(traced))
			.containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
					"http://otel-collector.monitoring:4318/v1/traces")
			.containsEntry("HEARTH_TRACING_SAMPLING", "0.25");

		RenderedChart withDashboard = render(template().set("database.url", EXTERNAL_DB)
			.set("observability.grafanaDashboard.enabled", "true")
			.set("observability.grafanaDashboard.namespace", "monitoring"));
		Map<String, Object> configMap = withDashboard.one("ConfigMap", "hearth-dashboard");
		assertThat(map(configMap, "metadata")).containsEntry("namespace", "monitoring");
		assertThat(map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
		JsonNode dashboard = JsonMapper.builder().build().readTree((String) map(configMap, "data").get("hearth.json"));
		assertThat(dashboard.get("uid").asString()).isEqualTo("hearth-overview");
		List<String> queries = dashboard.findValues("expr").stream().map(JsonNode::asString).toList();
		for (String series : List.of("hearth_questions_total", "hearth_answers_total", "hearth_answer_seconds_count",
				"hearth_escalations_total", "hearth_queue_size", "hearth_queue_wait_seconds_bucket",
				"hearth_answer_seconds_bucket", "hearth_retrieval_seconds_bucket", "hearth_model_embed_seconds_bucket",
				"hearth_model_generate_seconds_bucket", "hearth_approved_llm_calls_seconds_bucket",
				"hearth_approved_llm_tokens_total", "hearth_import_documents_total", "hearth_import_chunks_total",
				"hearth_import_duration_seconds_bucket")) {
			assertThat(queries).as("a panel draws " + series).anyMatch((query) -> query.contains(series));
		}
	}

	@Test
	void trialValuesBundlePostgresqlAndVllm() {
		RenderedChart chart = render(template().withValuesFile(CHART.resolve("ci/trial-values.yaml")));

		assertThat(chart.kinds()).contains("StatefulSet/hearth-postgresql", "Service/hearth-postgresql",
				"PersistentVolumeClaim/hearth-data", "PersistentVolumeClaim/hearth-inference-models");
		Map<String, Object> container = list(map(chart.one("Deployment", "hearth"), "spec", "template", "spec"),
				"containers")
			.get(0);
		assertThat(env(container)).containsEntry("HEARTH_DB_URL", "jdbc:postgresql://hearth-postgresql:5432/hearth");
		assertThat(secretRef(container, "HEARTH_DB_PASSWORD")).isEqualTo("hearth/db-password");
		assertRunsAsNonRootWithReadOnlyRoot(
				map(chart.one("StatefulSet", "hearth-postgresql"), "spec", "template", "spec"));
		assertThat(
				list(map(chart.one("Deployment", "hearth-inference"), "spec", "template", "spec"), "containers").get(0)
					.get("args"))
			.asList()
			.contains("--enable-lora", "hearth-small=/models/northwind-support-lora", "hearth-small-base");
		assertThat(volume(map(chart.one("Deployment", "hearth-inference"), "spec", "template", "spec"), "shm"))
			.extracting((v) -> map(v, "emptyDir").get("medium"))
			.isEqualTo("Memory");
		assertThat(list(map(chart.one("NetworkPolicy", "hearth"), "spec"), "egress"))
			.extracting(HelmChartTest::describe)
			.containsExactly("namespace kube-system:[53, 53]", "pods postgresql:[5432]", "pods inference:[8080]");
		assertNoSecretOutsideSecrets(chart);
	}

	@Test
	void keycloakWithoutAddressesOpensOnlyTheIssuersPort() {
		RenderedChart chart = render(template().set("database.url", EXTERNAL_DB)
			.set("networkPolicy.egress.postgresql.cidrs[0]", "10.0.0.9/32")
			.set("keycloak.issuerUri", "https://sso.example.com:8443/realms/hearth"));

		assertThat(list(map(chart.one("NetworkPolicy", "hearth"), "spec"), "egress"))
			.extracting(HelmChartTest::describe)
			.containsExactly("namespace kube-system:[53, 53]", "10.0.0.9/32:[5432]", "any:[8443]");
	}

	@Test
	void refusesSecretsInConfigAndPersistenceWithSeveralReplicas() {
		assertThatThrownBy(() -> template().set("database.url", EXTERNAL_DB)
			.set("config.hearth.escalation.approved-llms[0].api-key", "sk-live-123")
			.call()).hasMessageContaining("config holds a password, secret or API key");
		assertThatThrownBy(() -> template().set("database.url", EXTERNAL_DB)
			.set("data.persistence.enabled", "true")
			.set("replicaCount", "2")
			.call()).hasMessageContaining("data.persistence needs a single replica");
	}

	@Test
	void auditAnchorFileGetsItsOwnWritableVolumeOnlyWhenOn() {
		RenderedChart off = render(template().set("database.url", EXTERNAL_DB));
		Map<String, Object> offPod = map(off.one("Deployment", "hearth"), "spec", "template", "spec");
		assertThat(mounts(list(offPod, "containers").get(0))).doesNotContainKey("audit-anchor");
		assertThat(off.kinds()).doesNotContain("PersistentVolumeClaim/hearth-audit-anchor");
		assertThat(applicationYml(off)).doesNotContain("audit-anchor");

		RenderedChart on = render(template().set("database.url", EXTERNAL_DB)
			.set("auditAnchor.file.enabled", "true")
			.set("auditAnchor.file.storageClass", "worm"));
		Map<String, Object> pod = map(on.one("Deployment", "hearth"), "spec", "template", "spec");
		Map<String, Object> container = list(pod, "containers").get(0);
		assertThat(mounts(container)).containsEntry("audit-anchor", "/var/lib/hearth-audit");
		assertThat(list(container, "volumeMounts")).filteredOn((m) -> "audit-anchor".equals(m.get("name")))
			.singleElement()
			.satisfies((m) -> assertThat(m.get("readOnly")).as("the file is appended to").isNotEqualTo(true));
		assertThat(map(volume(pod, "audit-anchor"), "persistentVolumeClaim").get("claimName"))
			.isEqualTo("hearth-audit-anchor");
		Map<String, Object> claim = on.one("PersistentVolumeClaim", "hearth-audit-anchor");
		assertThat(map(claim, "metadata", "annotations")).containsEntry("helm.sh/resource-policy", "keep");
		assertThat(map(claim, "spec").get("storageClassName")).isEqualTo("worm");
		assertThat(applicationYml(on)).contains("audit-anchor:").contains("file: /var/lib/hearth-audit/anchors.jsonl");

		RenderedChart existing = render(template().withValuesFile(CHART.resolve("ci/full-values.yaml")));
		Map<String, Object> fullPod = map(existing.one("Deployment", "hearth"), "spec", "template", "spec");
		assertThat(map(volume(fullPod, "audit-anchor"), "persistentVolumeClaim").get("claimName"))
			.isEqualTo("hearth-audit-worm");
		assertThat(existing.kinds()).doesNotContain("PersistentVolumeClaim/hearth-audit-anchor");

		assertThatThrownBy(() -> template().set("database.url", EXTERNAL_DB)
			.set("auditAnchor.file.enabled", "true")
			.set("replicaCount", "2")
			.call()).hasMessageContaining("needs a ReadWriteMany claim");
		assertThat(render(template().set("database.url", EXTERNAL_DB)
			.set("auditAnchor.file.enabled", "true")
			.set("replicaCount", "2")
			.set("auditAnchor.file.accessModes[0]", "ReadWriteMany")).kinds())
			.contains("PersistentVolumeClaim/hearth-audit-anchor");
		assertThatThrownBy(() -> template().set("database.url", EXTERNAL_DB)
			.set("auditAnchor.file.enabled", "true")
			.set("auditAnchor.file.path", "/var/lib/hearth/anchors.jsonl")
			.call()).hasMessageContaining("auditAnchor.file.path must be an absolute file path");
	}

	private static TemplateCommand template() {
		return new Helm(CHART).template()
			.withName("hearth")
			.withNamespace("support")
			.withKubeVersion("1.31.0")
			// helm-java's template is not client-only: Helm's lookup would ask a cluster
			.set("secrets.reuseGenerated", "false");
	}

	private static RenderedChart render(TemplateCommand command) {
		RenderedChart chart = RenderedChart.parse(command.call());
		chart.manifests().forEach(KubernetesSchema::validate);
		return chart;
	}

	private static void assertRunsAsNonRootWithReadOnlyRoot(Map<String, Object> pod) {
		assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
		assertThat(map(pod, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");
		for (Map<String, Object> container : list(pod, "containers")) {
			Map<String, Object> security = map(container, "securityContext");
			assertThat(security).as(container.get("name") + "")
				.containsEntry("readOnlyRootFilesystem", true)
				.containsEntry("allowPrivilegeEscalation", false);
			assertThat(map(security, "capabilities").get("drop")).asList().containsExactly("ALL");
		}
	}

	/**
	 * Every Secret value (decoded) must not appear in any ConfigMap or literal env value.
	 */
	private static void assertNoSecretOutsideSecrets(RenderedChart chart) {
		List<String> secretValues = new ArrayList<>();
		for (Map<String, Object> secret : chart.ofKind("Secret")) {
			map(secret, "data").values()
				.forEach((v) -> secretValues
					.add(new String(Base64.getDecoder().decode((String) v), StandardCharsets.UTF_8)));
		}
		assertThat(secretValues).isNotEmpty().allSatisfy((v) -> assertThat(v).hasSizeGreaterThanOrEqualTo(8));
		List<String> exposed = new ArrayList<>();
		for (Map<String, Object> configMap : chart.ofKind("ConfigMap")) {
			map(configMap, "data").values().forEach((v) -> exposed.add((String) v));
		}
		for (Map<String, Object> manifest : chart.manifests()) {
			collectEnvValues(manifest, exposed);
		}
		for (String value : secretValues) {
			assertThat(exposed).as("a secret value outside a Secret").noneMatch((text) -> text.contains(value));
		}
	}

	@SuppressWarnings("unchecked")
	private static void collectEnvValues(Object node, List<String> values) {
		if (node instanceof Map<?, ?> map) {
			if (map.containsKey("name") && map.get("value") instanceof String value) {
				values.add(value);
			}
			map.values().forEach((child) -> collectEnvValues(child, values));
		}
		else if (node instanceof List<?> list) {
			list.forEach((child) -> collectEnvValues(child, values));
		}
	}

	private static String applicationYml(RenderedChart chart) {
		return (String) map(chart.one("ConfigMap", "hearth"), "data").get("application.yml");
	}

	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new java.util.LinkedHashMap<>();
		list(container, "env").stream()
			.filter((e) -> e.get("value") != null)
			.forEach((e) -> env.put((String) e.get("name"), (String) e.get("value")));
		return env;
	}

	private static String secretRef(Map<String, Object> container, String name) {
		Map<String, Object> variable = list(container, "env").stream()
			.filter((e) -> name.equals(e.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no env " + name));
		Map<String, Object> ref = map(variable, "valueFrom", "secretKeyRef");
		return ref.get("name") + "/" + ref.get("key");
	}

	private static Map<String, String> mounts(Map<String, Object> container) {
		Map<String, String> mounts = new java.util.LinkedHashMap<>();
		list(container, "volumeMounts").forEach((m) -> mounts.put((String) m.get("name"), (String) m.get("mountPath")));
		return mounts;
	}

	private static Map<String, Object> volume(Map<String, Object> pod, String name) {
		return list(pod, "volumes").stream()
			.filter((v) -> name.equals(v.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume " + name));
	}

	/** One egress rule as "destination:[ports]". */
	@SuppressWarnings("unchecked")
	private static String describe(Map<String, Object> rule) {
		List<String> to = new ArrayList<>();
		for (Map<String, Object> peer : list(rule, "to")) {
			if (peer.get("ipBlock") instanceof Map<?, ?> block) {
				to.add((String) block.get("cidr"));
			}
			else if (peer.get("podSelector") instanceof Map<?, ?> selector && selector.get("matchLabels") != null) {
				to.add("pods "
						+ ((Map<String, Object>) selector.get("matchLabels")).get("app.kubernetes.io/component"));
			}
			else if (peer.get("namespaceSelector") instanceof Map<?, ?> selector) {
				to.add("namespace "
						+ ((Map<String, Object>) selector.get("matchLabels")).get("kubernetes.io/metadata.name"));
			}
		}
		return (to.isEmpty() ? "any" : String.join(",", to)) + ":"
				+ list(rule, "ports").stream().map((p) -> p.get("port")).toList();
	}

}
