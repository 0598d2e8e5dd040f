package dev.hearth.assistant.model;

import java.nio.file.Path;
import java.util.List;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;

import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A program for {@link JvmExitIT}'s child JVMs: loads the model at {@code args[1]},
 * generates, and returns from {@code main} in the way {@code args[0]} says. Prints what
 * it did, then "main returns".
 * <ul>
 * <li>{@code close}: through {@link LlamaChatModel}, closed before returning;</li>
 * <li>{@code no-close}: through {@link LlamaChatModel}, never closed;</li>
 * <li>{@code throw}: through {@link LlamaChatModel}, closed, then {@code main}
 * throws;</li>
 * <li>{@code raw}: de.kherud:llama alone, closed: shows the native thread that holds the
 * JVM.</li>
 * </ul>
 */
final class LlamaExitMain {

	private LlamaExitMain() {
	}

	public static void main(String[] args) {
		String mode = args[0];
		Path file = Path.of(args[1]);
		if ("raw".equals(mode)) {
			LlamaModel model = new LlamaModel(
					new ModelParameters().setModel(file.toString()).setCtxSize(256).setThreads(1).disableLog());
			int outputs = 0;
			for (LlamaOutput output : model.generate(new InferenceParameters("hello").setNPredict(5))) {
				outputs += (output != null) ? 1 : 0;
			}
			model.close();
			System.out.println("generated " + (outputs - 1) + " tokens");
		}
		else {
			LlamaChatModel model = new LlamaChatModel(
					new ModelProperties.LlamaSettings(file, null, 256, 1, 5, 0.0, 0, false));
			Prompt prompt = new Prompt(List.of(new UserMessage("hello")), ChatOptions.builder().maxTokens(5).build());
			int tokens = model.call(prompt).getMetadata().getUsage().getCompletionTokens();
			model.stream(prompt).take(1).blockLast();
			System.out.println("generated " + tokens + " tokens");
			if (!"no-close".equals(mode)) {
				model.close();
			}
		}
		System.out.println("main returns");
		System.out.flush();
		if ("throw".equals(mode)) {
			throw new IllegalStateException("main fails on purpose");
		}
	}

}
