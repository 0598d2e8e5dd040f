package dev.hearth.assistant.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a tiny llama-architecture model with random weights as a GGUF v3 file, so the
 * llama.cpp path can be tested without downloading anything.
 * <p>
 * The file follows the GGUF specification (little-endian header, metadata key/values,
 * tensor infos, then the tensor data, each tensor aligned to {@code general.alignment})
 * and carries what llama.cpp's llama loader asks for: the {@code llama.*}
 * hyperparameters, an SPM ("llama") vocabulary with scores and token types (the 256 byte
 * tokens SPM falls back on, ChatML's {@code <|im_start|>}/{@code <|im_end|>} as control
 * tokens, printable ASCII and some whole words), and every tensor of a llama block in
 * F32.
 * <p>
 * The weights are random (uniform noise) but shaped so generation is well behaved:
 * residual dimension 0 is a constant that no layer writes to, and the output rows of
 * control and byte tokens have a large negative weight there, so a generation never ends
 * on end-of-sequence and never emits partial UTF-8. Generated text is gibberish made of
 * the vocabulary's words and characters; with temperature 0 it is deterministic.
 */
final class TinyGguf {

	/** The shape of the model. */
	record Spec(int embedding, int layers, int heads, int kvHeads, int feedForward, int contextLength, long seed,
			String chatTemplate) {

		/** A model of about 0.14 M parameters (0.6 MB): loads in milliseconds. */
		static Spec tiny() {
			return new Spec(64, 2, 4, 2, 128, 512, 42, null);
		}

		/** 14 M parameters (57 MB): larger than L2 caches, smaller than big L3 caches. */
		static Spec small() {
			return new Spec(512, 4, 8, 8, 1536, 1024, 7, null);
		}

		/** 154 M parameters (617 MB): larger than this machine's 480 MB L3 cache. */
		static Spec large() {
			return new Spec(2048, 3, 16, 16, 5632, 1024, 11, null);
		}

		Spec withChatTemplate(String template) {
			return new Spec(this.embedding, this.layers, this.heads, this.kvHeads, this.feedForward, this.contextLength,
					this.seed, template);
		}

		int headDim() {
			return this.embedding / this.heads;
		}

	}

	static final int UNK = 0;

	static final int BOS = 1;

	static final int EOS = 2;

	static final int IM_START = 3;

	static final int IM_END = 4;

	private static final int FIRST_BYTE_TOKEN = 5;

	private static final int FIRST_NORMAL_TOKEN = FIRST_BYTE_TOKEN + 256;

	// GGUF token types (llama.cpp's llama_token_type)
	private static final int NORMAL = 1;

	private static final int UNKNOWN = 2;

	private static final int CONTROL = 3;

	private static final int BYTE = 6;

	// GGUF metadata value types
	private static final int UINT32 = 4;

	private static final int INT32 = 5;

	private static final int FLOAT32 = 6;

	private static final int BOOL = 7;

	private static final int STRING = 8;

	private static final int ARRAY = 9;

	private static final int GGML_TYPE_F32 = 0;

	private static final int ALIGNMENT = 32;

	private static final double SQRT_3 = Math.sqrt(3);

	private static final String[] WORDS = { "the", "to", "your", "you", "is", "and", "of", "for", "in", "on", "with",
			"it", "we", "our", "can", "will", "not", "be", "this", "that", "are", "have", "please", "help", "thanks",
			"sorry", "hello", "router", "internet", "fibre", "mobile", "plan", "bill", "invoice", "payment", "refund",
			"account", "password", "reset", "restart", "settings", "speed", "line", "order", "service", "support",
			"team", "contact", "days", "month", "check", "answer", "question", "customer", "agent", "data", "roaming",
			"SIM", "TV", "box", "Wi-Fi", "cable", "light", "green", "red", "wait", "minutes", "again", "today" };

	private TinyGguf() {
	}

	/** The vocabulary, in token-id order. */
	static List<String> vocabulary() {
		LinkedHashSet<String> tokens = new LinkedHashSet<>();
		tokens.add("<unk>");
		tokens.add("<s>");
		tokens.add("</s>");
		tokens.add("<|im_start|>");
		tokens.add("<|im_end|>");
		for (int b = 0; b < 256; b++) {
			tokens.add("<0x%02X>".formatted(b));
		}
		tokens.add("\u2581");
		for (char c = '!'; c <= '~'; c++) {
			tokens.add(String.valueOf(c));
		}
		for (char c = 'a'; c <= 'z'; c++) {
			tokens.add("\u2581" + c);
		}
		for (String word : WORDS) {
			tokens.add("\u2581" + word);
			tokens.add(word);
		}
		return List.copyOf(tokens);
	}

	/** Writes the model to {@code file} and returns it. */
	static Path write(Path file, Spec spec) throws IOException {
		if (spec.embedding() % spec.heads() != 0 || spec.heads() % spec.kvHeads() != 0) {
			throw new IllegalArgumentException("heads must divide the embedding and kv heads the heads: " + spec);
		}
		List<String> vocabulary = vocabulary();
		List<TensorData> tensors = tensors(spec, vocabulary.size());
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			Header metadata = new Header();
			metadata(metadata, spec, vocabulary);
			Header header = new Header();
			header.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
			header.u32(3);
			header.u64(tensors.size());
			header.u64(metadata.keys);
			header.bytes(metadata.toByteArray());
			long offset = 0;
			for (TensorData tensor : tensors) {
				header.string(tensor.name());
				header.u32(tensor.shape().length);
				for (long dim : tensor.shape()) {
					header.u64(dim);
				}
				header.u32(GGML_TYPE_F32);
				header.u64(offset);
				offset += padded(tensor.bytes());
			}
			header.pad();
			header.writeTo(out);
			for (TensorData tensor : tensors) {
				tensor.writeTo(out, new SplittableRandom(spec.seed() ^ tensor.name().hashCode()));
				out.write(new byte[(int) (padded(tensor.bytes()) - tensor.bytes())]);
			}
		}
		return file;
	}

	/** Bytes of weights read to decode one token (every tensor once; F32). */
	static long weightBytes(Spec spec) {
		return tensors(spec, vocabulary().size()).stream().mapToLong(TensorData::bytes).sum();
	}

	private static void metadata(Header h, Spec spec, List<String> vocabulary) {
		h.kvString("general.architecture", "llama");
		h.kvString("general.name", "hearth-tiny-random");
		h.kvU32("general.alignment", ALIGNMENT);
		h.kvU32("general.file_type", 0);
		h.kvU32("llama.context_length", spec.contextLength());
		h.kvU32("llama.embedding_length", spec.embedding());
		h.kvU32("llama.block_count", spec.layers());
		h.kvU32("llama.feed_forward_length", spec.feedForward());
		h.kvU32("llama.attention.head_count", spec.heads());
		h.kvU32("llama.attention.head_count_kv", spec.kvHeads());
		h.kvF32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
		h.kvF32("llama.rope.freq_base", 10000f);
		h.kvU32("llama.rope.dimension_count", spec.headDim());
		h.kvU32("llama.vocab_size", vocabulary.size());
		h.kvString("tokenizer.ggml.model", "llama");
		h.key("tokenizer.ggml.tokens");
		h.u32(ARRAY);
		h.u32(STRING);
		h.u64(vocabulary.size());
		vocabulary.forEach(h::string);
		h.key("tokenizer.ggml.scores");
		h.u32(ARRAY);
		h.u32(FLOAT32);
		h.u64(vocabulary.size());
		for (int id = 0; id < vocabulary.size(); id++) {
			// SPM merges the adjacent pair whose merged piece scores highest: prefer long
			// pieces
			h.f32((id < FIRST_NORMAL_TOKEN) ? 0f : vocabulary.get(id).length() - 100f);
		}
		h.key("tokenizer.ggml.token_type");
		h.u32(ARRAY);
		h.u32(INT32);
		h.u64(vocabulary.size());
		for (int id = 0; id < vocabulary.size(); id++) {
			h.u32(tokenType(id));
		}
		h.kvU32("tokenizer.ggml.bos_token_id", BOS);
		h.kvU32("tokenizer.ggml.eos_token_id", EOS);
		h.kvU32("tokenizer.ggml.unknown_token_id", UNK);
		h.kvBool("tokenizer.ggml.add_bos_token", true);
		h.kvBool("tokenizer.ggml.add_eos_token", false);
		if (spec.chatTemplate() != null) {
			h.kvString("tokenizer.chat_template", spec.chatTemplate());
		}
	}

	private static int tokenType(int id) {
		if (id == UNK) {
			return UNKNOWN;
		}
		if (id < FIRST_BYTE_TOKEN) {
			return CONTROL;
		}
		return (id < FIRST_NORMAL_TOKEN) ? BYTE : NORMAL;
	}

	private static List<TensorData> tensors(Spec spec, int vocab) {
		int embd = spec.embedding();
		int kv = spec.kvHeads() * spec.headDim();
		int ff = spec.feedForward();
		float inScale = (float) (1 / Math.sqrt(embd));
		List<TensorData> tensors = new ArrayList<>();
		tensors.add(new TensorData("token_embd.weight", embd, vocab, Fill.EMBEDDING, 1f));
		for (int i = 0; i < spec.layers(); i++) {
			String blk = "blk." + i + ".";
			tensors.add(new TensorData(blk + "attn_norm.weight", embd, 1, Fill.ONES, 1f));
			tensors.add(new TensorData(blk + "attn_q.weight", embd, embd, Fill.RANDOM, inScale));
			tensors.add(new TensorData(blk + "attn_k.weight", embd, kv, Fill.RANDOM, inScale));
			tensors.add(new TensorData(blk + "attn_v.weight", embd, kv, Fill.RANDOM, inScale));
			tensors.add(new TensorData(blk + "attn_output.weight", embd, embd, Fill.RANDOM_BUT_ROW_0, inScale));
			tensors.add(new TensorData(blk + "ffn_norm.weight", embd, 1, Fill.ONES, 1f));
			tensors.add(new TensorData(blk + "ffn_gate.weight", embd, ff, Fill.RANDOM, inScale));
			tensors.add(new TensorData(blk + "ffn_up.weight", embd, ff, Fill.RANDOM, inScale));
			tensors.add(new TensorData(blk + "ffn_down.weight", ff, embd, Fill.RANDOM_BUT_ROW_0,
					(float) (1 / Math.sqrt(ff))));
		}
		tensors.add(new TensorData("output_norm.weight", embd, 1, Fill.ONES, 1f));
		tensors.add(new TensorData("output.weight", embd, vocab, Fill.OUTPUT, 0.5f));
		return tensors;
	}

	private static long padded(long bytes) {
		return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
	}

	private enum Fill {

		ONES, RANDOM, RANDOM_BUT_ROW_0, EMBEDDING, OUTPUT

	}

	/**
	 * One F32 tensor of {@code rows} rows of {@code columns} values; GGUF lists the
	 * dimensions innermost first ({@code ne0 = columns}), and a 1-row tensor is 1-D.
	 */
	private record TensorData(String name, int columns, int rows, Fill fill, float scale) {

		long[] shape() {
			return (this.rows == 1) ? new long[] { this.columns } : new long[] { this.columns, this.rows };
		}

		long bytes() {
			return 4L * this.columns * this.rows;
		}

		void writeTo(OutputStream out, SplittableRandom random) throws IOException {
			ByteBuffer row = ByteBuffer.allocate(4 * this.columns).order(ByteOrder.LITTLE_ENDIAN);
			for (int r = 0; r < this.rows; r++) {
				row.clear();
				for (int c = 0; c < this.columns; c++) {
					row.putFloat(value(r, c, random));
				}
				out.write(row.array());
			}
		}

		/**
		 * Uniform noise with standard deviation {@code scale} (cheaper than Gaussian).
		 */
		private float noise(SplittableRandom random) {
			return (float) ((random.nextDouble() * 2 - 1) * SQRT_3) * this.scale;
		}

		private float value(int row, int column, SplittableRandom random) {
			return switch (this.fill) {
				case ONES -> 1f;
				case RANDOM -> (float) random.nextGaussian() * this.scale;
				// output dimension 0 is the residual stream's constant: no layer writes
				// to it
				case RANDOM_BUT_ROW_0 -> (row == 0) ? 0f : (float) random.nextGaussian() * this.scale;
				// every token embeds with a constant 4 in dimension 0
				case EMBEDDING -> (column == 0) ? 4f : (float) random.nextGaussian() * this.scale;
				// control and byte tokens: a large negative weight on the constant, never
				// sampled
				case OUTPUT -> (column == 0) ? ((row < FIRST_NORMAL_TOKEN) ? -100f : 0f)
						: (float) random.nextGaussian() * this.scale;
			};
		}

	}

	/** The header, metadata and tensor infos, little-endian, in memory. */
	private static final class Header {

		private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

		private int keys;

		private void ensure(int bytes) {
			if (this.buffer.remaining() < bytes) {
				ByteBuffer larger = ByteBuffer
					.allocate(Math.max(this.buffer.capacity() * 2, this.buffer.position() + bytes))
					.order(ByteOrder.LITTLE_ENDIAN);
				this.buffer.flip();
				larger.put(this.buffer);
				this.buffer = larger;
			}
		}

		void bytes(byte[] bytes) {
			ensure(bytes.length);
			this.buffer.put(bytes);
		}

		void u32(int value) {
			ensure(4);
			this.buffer.putInt(value);
		}

		void u64(long value) {
			ensure(8);
			this.buffer.putLong(value);
		}

		void f32(float value) {
			ensure(4);
			this.buffer.putFloat(value);
		}

		void string(String value) {
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			u64(utf8.length);
			bytes(utf8);
		}

		void key(String key) {
			string(key);
			this.keys++;
		}

		void kvString(String key, String value) {
			key(key);
			u32(STRING);
			string(value);
		}

		void kvU32(String key, int value) {
			key(key);
			u32(UINT32);
			u32(value);
		}

		void kvF32(String key, float value) {
			key(key);
			u32(FLOAT32);
			f32(value);
		}

		void kvBool(String key, boolean value) {
			key(key);
			u32(BOOL);
			ensure(1);
			this.buffer.put((byte) (value ? 1 : 0));
		}

		void pad() {
			int padding = (int) (padded(this.buffer.position()) - this.buffer.position());
			bytes(new byte[padding]);
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.buffer.array(), this.buffer.position());
		}

		void writeTo(OutputStream out) throws IOException {
			out.write(this.buffer.array(), 0, this.buffer.position());
		}

	}

}
