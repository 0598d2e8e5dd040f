package dev.hearth.assistant.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import dev.hearth.assistant.model.ModelProperties.LlamaSettings;

/**
 * A GGUF model run in-process by llama.cpp (de.kherud:llama), as a Spring AI
 * {@link ChatModel}.
 * <p>
 * A prompt's system, user and assistant messages are rendered with the model's own chat
 * template (llama.cpp reads it from the GGUF file; a model without one, or with one
 * llama.cpp cannot run, gets ChatML). {@link #stream} emits one {@link ChatResponse} per
 * piece of text as llama.cpp produces it, then a last one with the finish reason
 * ({@code STOP} or {@code LENGTH}) and the token usage; {@link #call} collects the same.
 * Max tokens, temperature, top-k/p, penalties and stop sequences come from the prompt's
 * {@link ChatOptions}, else from the settings.
 * <p>
 * <b>Concurrency.</b> The native model has one sequence slot, so generations run one at a
 * time on a single daemon thread this class owns; further requests wait their turn in
 * arrival order. Disposing a stream's subscription stops its generation after the token
 * in progress (or drops it from the queue). The class is thread-safe.
 * <p>
 * <b>Lifecycle.</b> The constructor checks the files and loads the model (seconds for a
 * real model); {@link #close()} stops the current generation, fails queued ones and ends
 * llama.cpp's task loop. de.kherud:llama 4.2.0 does not free the model's native memory on
 * close, and leaves its loop thread attached to the JVM: {@link NativeThreadGuard} keeps
 * that thread from holding the JVM when {@code main} returns.
 * <p>
 * Failures (files, loading, generation, a closed model) are
 * {@link ModelUnavailableException}s, thrown by {@code call} and signalled by
 * {@code stream}.
 */
final class LlamaChatModel implements ChatModel, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LlamaChatModel.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LlamaSettings settings;

	private final GgufFile file;

	private final LlamaModel model;

	private final ExecutorService worker;

	private final AtomicLong tokensGenerated = new AtomicLong();

	private volatile boolean closed;

	/**
	 * Checks the files and loads the model.
	 * @param settings the model's settings
	 * @throws ModelUnavailableException if a file is missing or not GGUF, or llama.cpp
	 * cannot load it
	 */
	LlamaChatModel(LlamaSettings settings) {
		this.settings = checked(settings);
		this.file = GgufFile.read(settings.modelPath(), GgufFile.Role.MODEL);
		GgufFile adapter = null;
		if (settings.loraPath() != null) {
			adapter = GgufFile.read(settings.loraPath(), GgufFile.Role.LORA);
			if (!adapter.isAdapter()) {
				throw new ModelUnavailableException(
						"The file " + settings.loraPath()
								+ " is a GGUF model, not a LoRA adapter (its general.type is not 'adapter').",
						"Set hearth.assistant.model.llama.lora-path to an adapter made with llama.cpp's "
								+ "convert_lora_to_gguf.py, or leave it empty.");
			}
		}
		long trained = this.file.trainedContextLength();
		if (trained > 0 && settings.contextSize() > trained) {
			log.warn("hearth.assistant.model.llama.context-size {} exceeds the {} tokens {} was trained with: "
					+ "answers may degrade past that", settings.contextSize(), trained, this.file.name());
		}
		ModelParameters parameters = parameters(settings);
		long started = System.nanoTime();
		this.model = NativeThreadGuard.load(() -> load(parameters));
		log.info("Loaded {} in {} ms{}", this.file, (System.nanoTime() - started) / 1_000_000,
				(adapter != null) ? " with LoRA adapter " + adapter.path() : "");
		this.worker = Executors
			.newSingleThreadExecutor(Thread.ofPlatform().name("llama-generation").daemon(true).factory());
	}

	private static LlamaSettings checked(LlamaSettings settings) {
		if (settings.modelPath() == null) {
			throw new ModelUnavailableException(
					"hearth.assistant.model.provider is llama, but hearth.assistant.model.llama.model-path is not set.",
					"Set it to the model's GGUF file (see docs/models.md), or set the provider to none.");
		}
		if (settings.contextSize() < 16 || settings.maxTokens() < 1 || settings.maxTokens() >= settings.contextSize()
				|| settings.threads() < 0 || settings.temperature() < 0 || settings.gpuLayers() < 0) {
			throw new ModelUnavailableException("The llama settings are out of range: " + settings,
					"Use context-size >= 16, 1 <= max-tokens < context-size, threads >= 0 (0: all processors), "
							+ "temperature >= 0 and gpu-layers >= 0 under hearth.assistant.model.llama.");
		}
		return settings;
	}

	private static ModelParameters parameters(LlamaSettings settings) {
		int threads = (settings.threads() > 0) ? settings.threads() : Runtime.getRuntime().availableProcessors();
		ModelParameters parameters = new ModelParameters().setModel(settings.modelPath().toString())
			.setCtxSize(settings.contextSize())
			.setThreads(threads)
			.setThreadsBatch(threads)
			.setParallel(1);
		if (settings.gpuLayers() > 0) {
			parameters.setGpuLayers(settings.gpuLayers());
		}
		if (settings.loraPath() != null) {
			parameters.addLoraAdapter(settings.loraPath().toString());
		}
		if (!settings.nativeLog()) {
			parameters.disableLog();
		}
		return parameters;
	}

	private LlamaModel load(ModelParameters parameters) {
		try {
			return new LlamaModel(parameters);
		}
		catch (LinkageError ex) {
			throw new ModelUnavailableException(
					"llama.cpp's native library cannot be loaded on this machine (" + System.getProperty("os.name")
							+ ", " + System.getProperty("os.arch") + "): " + ex.getMessage(),
					"Run Hearth on Linux x86-64 (the platform de.kherud:llama ships for), or use provider openai.", ex);
		}
		catch (RuntimeException ex) {
			throw new ModelUnavailableException(
					"llama.cpp could not load " + this.file
							+ ((this.settings.loraPath() != null) ? " with the LoRA adapter " + this.settings.loraPath()
									: "")
							+ ": " + ex.getMessage(),
					"Check that the file is complete and of an architecture this llama.cpp (early 2025) supports, "
							+ "and that an adapter was made for this model; set "
							+ "hearth.assistant.model.llama.native-log=true to see llama.cpp's own report.",
					ex);
		}
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<ChatResponse> chunks = stream(prompt).collectList().block();
		StringBuilder text = new StringBuilder();
		for (ChatResponse chunk : chunks) {
			text.append(chunk.getResult().getOutput().getText());
		}
		ChatResponse last = chunks.get(chunks.size() - 1);
		Generation generation = new Generation(new AssistantMessage(text.toString()), last.getResult().getMetadata());
		return new ChatResponse(List.of(generation), last.getMetadata());
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.create(sink -> {
			Job job = new Job(prompt, sink);
			sink.onDispose(job::cancel);
			try {
				this.worker.execute(job);
			}
			catch (RejectedExecutionException ex) {
				sink.error(closedException());
			}
		});
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return ChatOptions.builder()
			.model(this.file.name())
			.maxTokens(this.settings.maxTokens())
			.temperature(this.settings.temperature())
			.build();
	}

	/**
	 * Renders the prompt's messages with the model's chat template.
	 * @param prompt the prompt
	 * @return the text llama.cpp will tokenize
	 */
	String render(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("The prompt has no messages");
		}
		ObjectNode request = json.createObjectNode();
		ArrayNode array = request.putArray("messages");
		for (Message message : messages) {
			String role = switch (message.getMessageType()) {
				case SYSTEM -> "system";
				case USER -> "user";
				case ASSISTANT -> "assistant";
				case TOOL -> throw new IllegalArgumentException("The llama.cpp model does not take tool messages");
			};
			String text = message.getText();
			array.addObject().put("role", role).put("content", (text != null) ? text : "");
		}
		return this.model.applyTemplate(json.writeValueAsString(request));
	}

	/** Tokens of a rendered prompt, as llama.cpp will count them. */
	int countTokens(String rendered) {
		return this.model.encode(rendered).length + (this.file.addsBosToken() ? 1 : 0);
	}

	/** Tokens generated since the model was loaded, cancelled generations included. */
	long tokensGenerated() {
		return this.tokensGenerated.get();
	}

	GgufFile file() {
		return this.file;
	}

	/** Whether the model is loaded and accepts generations (false once closed). */
	boolean isOpen() {
		return !this.closed;
	}

	/**
	 * Stops the running generation, fails the queued ones and ends llama.cpp's task loop.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.worker.shutdown();
		try {
			if (!this.worker.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("A llama.cpp generation did not stop within 30 s of close");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.model.close();
		log.info("Closed {}", this.file.path());
	}

	private ModelUnavailableException closedException() {
		return new ModelUnavailableException("The llama.cpp model " + this.file.path() + " has been closed.",
				"Hearth is shutting down; retry on a running instance.");
	}

	/** One generation, run on the worker thread. */
	private final class Job implements Runnable {

		private final Prompt prompt;

		private final FluxSink<ChatResponse> sink;

		private volatile boolean cancelled;

		Job(Prompt prompt, FluxSink<ChatResponse> sink) {
			this.prompt = prompt;
			this.sink = sink;
		}

		void cancel() {
			this.cancelled = true;
		}

		@Override
		public void run() {
			if (this.cancelled) {
				return;
			}
			if (LlamaChatModel.this.closed) {
				this.sink.error(closedException());
				return;
			}
			try {
				generate();
			}
			catch (IllegalArgumentException | ModelUnavailableException ex) {
				this.sink.error(ex);
			}
			catch (RuntimeException ex) {
				this.sink.error(new ModelUnavailableException(
						"llama.cpp failed while generating with " + LlamaChatModel.this.file.path() + ": "
								+ ex.getMessage(),
						"Retry; if it persists, set hearth.assistant.model.llama.native-log=true and check the log.",
						ex));
			}
		}

		private void generate() {
			ChatOptions options = this.prompt.getOptions();
			String rendered = render(this.prompt);
			int promptTokens = countTokens(rendered);
			int context = LlamaChatModel.this.settings.contextSize();
			if (promptTokens >= context) {
				throw new ModelUnavailableException(
						"The prompt has " + promptTokens + " tokens; the model's context holds " + context + ".",
						"Send fewer or shorter passages, or raise hearth.assistant.model.llama.context-size.");
			}
			int maxTokens = Math.min(
					option(options, ChatOptions::getMaxTokens, LlamaChatModel.this.settings.maxTokens()),
					context - promptTokens);
			InferenceParameters parameters = inferenceParameters(rendered, options, maxTokens);
			LlamaIterator tokens = LlamaChatModel.this.model.generate(parameters).iterator();
			int outputs = 0;
			while (tokens.hasNext()) {
				if (this.cancelled || LlamaChatModel.this.closed) {
					tokens.cancel();
					if (!this.cancelled) {
						this.sink.error(closedException());
					}
					return;
				}
				LlamaOutput output = tokens.next();
				outputs++;
				LlamaChatModel.this.tokensGenerated.incrementAndGet();
				if (!output.text.isEmpty()) {
					this.sink.next(chunk(output.text, null, null));
				}
			}
			// one output per generated token, then a last one that only says "stopped"
			LlamaChatModel.this.tokensGenerated.decrementAndGet();
			int completionTokens = Math.max(0, outputs - 1);
			String finishReason = (completionTokens >= maxTokens) ? "LENGTH" : "STOP";
			this.sink.next(chunk("", finishReason, new DefaultUsage(promptTokens, completionTokens)));
			this.sink.complete();
		}

		private InferenceParameters inferenceParameters(String rendered, ChatOptions options, int maxTokens) {
			InferenceParameters parameters = new InferenceParameters(rendered).setNPredict(maxTokens)
				.setTemperature(option(options, ChatOptions::getTemperature, LlamaChatModel.this.settings.temperature())
					.floatValue())
				.setCachePrompt(true);
			if (options != null) {
				if (options.getTopK() != null) {
					parameters.setTopK(options.getTopK());
				}
				if (options.getTopP() != null) {
					parameters.setTopP(options.getTopP().floatValue());
				}
				if (options.getFrequencyPenalty() != null) {
					parameters.setFrequencyPenalty(options.getFrequencyPenalty().floatValue());
				}
				if (options.getPresencePenalty() != null) {
					parameters.setPresencePenalty(options.getPresencePenalty().floatValue());
				}
				if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
					parameters.setStopStrings(options.getStopSequences().toArray(String[]::new));
				}
			}
			return parameters;
		}

		private ChatResponse chunk(String text, String finishReason, DefaultUsage usage) {
			ChatGenerationMetadata.Builder generation = ChatGenerationMetadata.builder();
			if (finishReason != null) {
				generation.finishReason(finishReason);
			}
			ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
				.model(LlamaChatModel.this.file.name());
			if (usage != null) {
				metadata.id(UUID.randomUUID().toString()).usage(usage);
			}
			return new ChatResponse(
					new ArrayList<>(List.of(new Generation(new AssistantMessage(text), generation.build()))),
					metadata.build());
		}

	}

	private static <T> T option(ChatOptions options, Function<ChatOptions, T> getter, T fallback) {
		T value = (options != null) ? getter.apply(options) : null;
		return (value != null) ? value : fallback;
	}

}
