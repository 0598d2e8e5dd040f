package dev.hearth.assistant.model;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.assistant.model}: which language model answers, and how.
 *
 * @param provider {@code none} (no model: Hearth answers extractively), {@code llama} (a
 * GGUF file run in-process by llama.cpp) or {@code openai} (an OpenAI-compatible server
 * inside the network)
 * @param llama the in-process llama.cpp model, for {@code provider=llama}
 * @param openai the OpenAI-compatible server, for {@code provider=openai}
 */
@ConfigurationProperties("hearth.assistant.model")
record ModelProperties(@DefaultValue("none") Provider provider, @DefaultValue LlamaSettings llama,
		@DefaultValue OpenAiSettings openai) {

	/** Where answers come from. */
	enum Provider {

		NONE, LLAMA, OPENAI

	}

	/**
	 * The in-process llama.cpp model.
	 *
	 * @param modelPath the model's GGUF file
	 * @param loraPath a LoRA adapter (GGUF) to apply to the model; none if empty
	 * @param contextSize tokens of context (prompt plus answer)
	 * @param threads CPU threads for generation; 0 for one per available processor
	 * @param maxTokens the longest answer, in tokens, unless a request asks for fewer
	 * @param temperature sampling temperature; 0 always takes the likeliest token
	 * @param gpuLayers layers to offload to a GPU (the bundled llama.cpp is CPU-only:
	 * keep 0)
	 * @param nativeLog whether llama.cpp writes its own log to standard output and error
	 */
	record LlamaSettings(Path modelPath, Path loraPath, @DefaultValue("4096") int contextSize,
			@DefaultValue("0") int threads, @DefaultValue("512") int maxTokens, @DefaultValue("0.2") double temperature,
			@DefaultValue("0") int gpuLayers, @DefaultValue("false") boolean nativeLog) {

	}

	/**
	 * An OpenAI-compatible chat completions server (vLLM, llama.cpp's server, Ollama).
	 *
	 * @param baseUrl the API's base URL, up to and including {@code /v1}, e.g.
	 * {@code http://llm.internal:8000/v1}
	 * @param model the model name the server knows
	 * @param apiKey a bearer token; empty sends no {@code Authorization} header
	 * @param maxTokens the longest answer, in tokens, unless a request asks for fewer
	 * @param temperature sampling temperature
	 * @param timeout how long to wait to connect, and then for each part of the answer
	 */
	record OpenAiSettings(URI baseUrl, String model, @DefaultValue("") String apiKey,
			@DefaultValue("512") int maxTokens, @DefaultValue("0.2") double temperature,
			@DefaultValue("60s") Duration timeout) {

	}

}
