/**
 * The language models that write Hearth's answers, behind Spring AI's
 * {@link org.springframework.ai.chat.model.ChatModel} ({@code call} and {@code stream}).
 * The answer pipeline asks the application context for a {@code ChatModel}; this package
 * decides whether there is one and which.
 * <p>
 * {@code hearth.assistant.model.provider} chooses ({@link ModelConfiguration}, settings
 * in {@link ModelProperties}):
 * <ul>
 * <li>{@code none} (the default): no {@code ChatModel} bean at all; Hearth answers
 * extractively from the retrieved passages.</li>
 * <li>{@code llama}: a GGUF file run in-process by llama.cpp through de.kherud:llama
 * ({@link LlamaChatModel}), optionally with a LoRA adapter. The prompt is rendered with
 * the model's own chat template (ChatML if it has none), generations run one at a time on
 * a daemon thread, disposing a stream stops its generation, and the last streamed
 * response carries the finish reason and token usage. {@link GgufFile} checks the files
 * first, so a missing or foreign file is named with what to do; {@link NativeThreadGuard}
 * lets the JVM exit although de.kherud:llama leaves a native thread attached.</li>
 * <li>{@code openai}: an OpenAI-compatible server inside the network (vLLM, llama.cpp's
 * server, Ollama) through Spring AI's OpenAI client ({@link OpenAiCompatibleChatModel}).
 * Its HTTP client comes from {@link ModelHttpClients}, the package's only factory of
 * outbound clients, where a guard on egress can be put.</li>
 * </ul>
 * <p>
 * Every failure (a model that cannot load, a native error, a server that is down, slow or
 * answering an error) reaches the caller as a {@link ModelUnavailableException}, thrown
 * by {@code call} or signalled by {@code stream}, with a message naming the file or
 * server and an {@link ModelUnavailableException#action() action}; the caller then
 * answers another way or escalates. At start-up the same exception stops the application,
 * and {@link ModelFailureAnalyzer} prints it as Spring Boot's short failure report.
 * <p>
 * The package depends on nothing else of Hearth. {@code docs/models.md} tells operators
 * how to configure each provider and where the files go.
 */
package dev.hearth.assistant.model;
