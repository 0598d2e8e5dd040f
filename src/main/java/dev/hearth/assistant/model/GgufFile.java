package dev.hearth.assistant.model;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The header of a GGUF file, checked before llama.cpp sees the file: llama.cpp only says
 * "could not load model", so a missing, unreadable or foreign file is reported here with
 * its path and what to do.
 * <p>
 * Reads the magic, the version and the metadata key/values (skipping arrays such as the
 * vocabulary); keeps the few scalar values Hearth uses. Not the tensors. Immutable.
 */
final class GgufFile {

	/** What the file is meant to be, for messages. */
	enum Role {

		MODEL("model", "hearth.assistant.model.llama.model-path"),
		LORA("LoRA adapter", "hearth.assistant.model.llama.lora-path");

		final String noun;

		final String property;

		Role(String noun, String property) {
			this.noun = noun;
			this.property = property;
		}

	}

	private static final int MAGIC = 0x46554747; // "GGUF", little-endian

	private static final int MAX_KEYS = 1_000_000;

	private static final int MAX_STRING = 64 << 20;

	private final Path path;

	private final long size;

	private final int version;

	private final Map<String, Object> values;

	private GgufFile(Path path, long size, int version, Map<String, Object> values) {
		this.path = path;
		this.size = size;
		this.version = version;
		this.values = values;
	}

	/**
	 * Reads and checks the header of {@code path}.
	 * @param path the file
	 * @param role what the file should be, for the messages
	 * @return the header
	 * @throws ModelUnavailableException if the file is missing, unreadable, not GGUF, of
	 * an unsupported version or truncated
	 */
	static GgufFile read(Path path, Role role) {
		String what = "The GGUF " + role.noun + " file " + path;
		String setIt = "set " + role.property + " to a GGUF " + role.noun + " file (see docs/models.md).";
		if (!Files.exists(path)) {
			throw new ModelUnavailableException(what + " does not exist.",
					"Put the " + role.noun + " there, or " + setIt);
		}
		if (!Files.isRegularFile(path)) {
			throw new ModelUnavailableException(what + " is not a regular file.", "S" + setIt.substring(1));
		}
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			Reader reader = new Reader(channel);
			int magic = reader.u32();
			if (magic != MAGIC) {
				byte[] first = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(magic).array();
				throw new ModelUnavailableException(what + " is not a GGUF file: it starts with bytes " + HexFormat
					.ofDelimiter(" ")
					.formatHex(first) + ", a GGUF file with 'GGUF' (47 47 55 46).", "Use the " + role.noun
							+ "'s GGUF build (llama.cpp's convert_hf_to_gguf.py makes one from Hugging Face files), or "
							+ setIt);
			}
			int version = reader.u32();
			if (version != 2 && version != 3) {
				throw new ModelUnavailableException(
						what + " is GGUF version " + Integer.toUnsignedString(version)
								+ "; the bundled llama.cpp reads versions 2 and 3.",
						"Convert it again with llama.cpp's tools.");
			}
			reader.u64(); // tensor count
			long keys = reader.u64();
			if (keys < 0 || keys > MAX_KEYS) {
				throw corrupt(what, role, "it claims " + Long.toUnsignedString(keys) + " metadata keys");
			}
			Map<String, Object> values = new HashMap<>();
			for (long i = 0; i < keys; i++) {
				String key = reader.string();
				Object value = reader.value(reader.u32());
				if (value != null) {
					values.put(key, value);
				}
			}
			return new GgufFile(path, channel.size(), version, Map.copyOf(values));
		}
		catch (EOFException ex) {
			throw corrupt(what, role, "its header ends early");
		}
		catch (IllegalStateException ex) {
			throw corrupt(what, role, ex.getMessage());
		}
		catch (AccessDeniedException ex) {
			throw new ModelUnavailableException(
					what + " cannot be read by this process (user " + System.getProperty("user.name") + ").",
					"Make the file readable for that user.", ex);
		}
		catch (IOException ex) {
			throw new ModelUnavailableException(what + " cannot be read: " + ex.getMessage(),
					"Check the file and the disk, or " + setIt, ex);
		}
	}

	private static ModelUnavailableException corrupt(String what, Role role, String detail) {
		return new ModelUnavailableException(what + " is truncated or corrupt: " + detail + ".",
				"Copy the " + role.noun + " file again and compare its checksum with the original.");
	}

	Path path() {
		return this.path;
	}

	long size() {
		return this.size;
	}

	int version() {
		return this.version;
	}

	/** {@code general.architecture}, e.g. {@code llama} or {@code qwen2}; may be null. */
	String architecture() {
		return string("general.architecture");
	}

	/** {@code general.name}, or the file name. */
	String name() {
		String name = string("general.name");
		return (name != null) ? name : this.path.getFileName().toString();
	}

	/** Whether this is a LoRA adapter ({@code general.type = adapter}). */
	boolean isAdapter() {
		return "adapter".equals(string("general.type"));
	}

	/** Whether llama.cpp puts a beginning-of-sequence token before a prompt. */
	boolean addsBosToken() {
		Object add = this.values.get("tokenizer.ggml.add_bos_token");
		// llama.cpp's default for SPM ("llama") vocabularies is true, for BPE false
		return (add instanceof Boolean b) ? b : "llama".equals(string("tokenizer.ggml.model"));
	}

	/** Whether the file carries a chat template ({@code tokenizer.chat_template}). */
	boolean hasChatTemplate() {
		return this.values.containsKey("tokenizer.chat_template");
	}

	/** The context length the model was trained with, or 0 if unknown. */
	long trainedContextLength() {
		Object length = this.values.get(architecture() + ".context_length");
		return (length instanceof Number n) ? n.longValue() : 0;
	}

	private String string(String key) {
		return (this.values.get(key) instanceof String s) ? s : null;
	}

	@Override
	public String toString() {
		return this.path + " (GGUF v" + this.version + ", " + architecture() + ", " + this.size + " bytes)";
	}

	/** Little-endian reads over a file channel, buffered. */
	private static final class Reader {

		private final FileChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

		Reader(FileChannel channel) {
			this.channel = channel;
			this.buffer.flip();
		}

		private void need(int bytes) throws IOException {
			if (this.buffer.remaining() >= bytes) {
				return;
			}
			this.buffer.compact();
			while (this.buffer.position() < bytes) {
				if (this.channel.read(this.buffer) < 0) {
					throw new EOFException();
				}
			}
			this.buffer.flip();
		}

		private void skip(long bytes) throws IOException {
			long inBuffer = Math.min(bytes, this.buffer.remaining());
			this.buffer.position(this.buffer.position() + (int) inBuffer);
			long rest = bytes - inBuffer;
			if (rest > 0) {
				long target = this.channel.position() + rest;
				if (target > this.channel.size()) {
					throw new EOFException();
				}
				this.channel.position(target);
			}
		}

		int u32() throws IOException {
			need(4);
			return this.buffer.getInt();
		}

		long u64() throws IOException {
			need(8);
			return this.buffer.getLong();
		}

		String string() throws IOException {
			long length = u64();
			if (length < 0 || length > MAX_STRING) {
				throw new IllegalStateException("a string claims " + Long.toUnsignedString(length) + " bytes");
			}
			byte[] bytes = new byte[(int) length];
			int read = 0;
			while (read < bytes.length) {
				need(1);
				int chunk = Math.min(this.buffer.remaining(), bytes.length - read);
				this.buffer.get(bytes, read, chunk);
				read += chunk;
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}

		/** A scalar value of GGUF {@code type}; arrays are skipped (null). */
		Object value(int type) throws IOException {
			switch (type) {
				case 0, 1 -> {
					need(1);
					return (int) this.buffer.get();
				}
				case 2, 3 -> {
					need(2);
					return (int) this.buffer.getShort();
				}
				case 4 -> {
					return Integer.toUnsignedLong(u32());
				}
				case 5 -> {
					return u32();
				}
				case 6 -> {
					need(4);
					return this.buffer.getFloat();
				}
				case 7 -> {
					need(1);
					return this.buffer.get() != 0;
				}
				case 8 -> {
					return string();
				}
				case 9 -> {
					skipArray();
					return null;
				}
				case 10, 11 -> {
					return u64();
				}
				case 12 -> {
					need(8);
					return this.buffer.getDouble();
				}
				default -> throw new IllegalStateException("unknown metadata value type " + type);
			}
		}

		private void skipArray() throws IOException {
			int type = u32();
			long count = u64();
			if (count < 0 || count > this.channel.size()) {
				throw new IllegalStateException("an array claims " + Long.toUnsignedString(count) + " elements");
			}
			int width = switch (type) {
				case 0, 1, 7 -> 1;
				case 2, 3 -> 2;
				case 4, 5, 6 -> 4;
				case 10, 11, 12 -> 8;
				default -> 0;
			};
			if (width > 0) {
				skip(count * width);
				return;
			}
			for (long i = 0; i < count; i++) {
				if (type == 8) {
					long length = u64();
					if (length < 0 || length > MAX_STRING) {
						throw new IllegalStateException("a string claims " + Long.toUnsignedString(length) + " bytes");
					}
					skip(length);
				}
				else {
					value(type);
				}
			}
		}

	}

}
