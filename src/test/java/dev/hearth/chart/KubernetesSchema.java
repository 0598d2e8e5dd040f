package dev.hearth.chart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks a rendered manifest against the Kubernetes API's schema, offline: the Kubernetes
 * Java client's generated models (from the API's OpenAPI document) refuse unknown fields,
 * missing required fields and wrong JSON types at every level. Only the kinds the chart
 * renders are known; any other kind or API version is refused.
 */
final class KubernetesSchema {

	private static final Map<String, Class<?>> MODELS = Map.ofEntries(
			Map.entry("apps/v1/Deployment", V1Deployment.class), Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
			Map.entry("v1/Service", V1Service.class), Map.entry("v1/ConfigMap", V1ConfigMap.class),
			Map.entry("v1/Secret", V1Secret.class), Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
			Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
			Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
			Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			Map.entry("batch/v1/Job", V1Job.class));

	private static final Gson GSON = new Gson();

	private KubernetesSchema() {
	}

	/**
	 * Validates one manifest.
	 * @param manifest the manifest as parsed from YAML
	 * @throws AssertionError naming the manifest and the first violation
	 */
	static void validate(Map<String, Object> manifest) {
		String key = manifest.get("apiVersion") + "/" + manifest.get("kind");
		Class<?> model = MODELS.get(key);
		if (model == null) {
			throw new AssertionError("no schema for " + key + " (a kind or API version the chart should not render)");
		}
		JsonElement json = GSON.toJsonTree(manifest);
		try {
			Method validate = model.getMethod("validateJsonElement", JsonElement.class);
			validate.invoke(null, json);
		}
		catch (InvocationTargetException ex) {
			throw new AssertionError(key + " " + name(manifest) + " violates the schema: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot validate " + key, ex);
		}
	}

	private static Object name(Map<String, Object> manifest) {
		return (manifest.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("name") : "(no name)";
	}

}
