package dev.hearth.assistant.model;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the JVM exit although de.kherud:llama leaves a native thread attached to it.
 * <p>
 * Loading a model in de.kherud:llama 4.2.0 starts llama.cpp's task loop on a native
 * thread that attaches itself to the JVM as a non-daemon thread and never detaches, not
 * even after {@code LlamaModel.close()} ends the loop. When {@code main} returns, the JVM
 * waits in {@code DestroyJavaVM} for every non-daemon thread, so it would wait for ever.
 * <p>
 * {@link #load} records the threads a model load attaches. A daemon watcher then looks
 * four times a second for that exact state: a {@code DestroyJavaVM} thread (the launcher
 * is exiting) and no non-daemon thread left but the recorded ones. It then calls
 * {@link System#exit} with the status the launcher would have used (1 if {@code main}
 * ended with an uncaught exception or Spring Boot reported a failed start, else 0), so
 * shutdown hooks run as usual. It never acts while any other non-daemon thread runs (a
 * web server, a worker), and {@code System.exit} from elsewhere does not wait for these
 * threads in the first place. Thread-safe.
 */
final class NativeThreadGuard {

	private static final Logger log = LoggerFactory.getLogger(NativeThreadGuard.class);

	private static final Duration ATTACH_WAIT = Duration.ofSeconds(5);

	private static final long POLL_MILLIS = 250;

	private static final Set<Thread> leaked = ConcurrentHashMap.newKeySet();

	private static final Object loadLock = new Object();

	private static volatile boolean mainFailed;

	private static Thread watcher;

	private NativeThreadGuard() {
	}

	/**
	 * Runs a native model load and records the threads it attaches to the JVM. Loads are
	 * serialised so that threads are attributed to the right load.
	 * @param <T> the loaded model
	 * @param loader the load
	 * @return what the loader returned
	 */
	static <T> T load(Supplier<T> loader) {
		synchronized (loadLock) {
			watchMainThread();
			Set<Thread> before = Set.of(liveThreads());
			T loaded = loader.get();
			// the task loop thread attaches itself just after the load returns
			long deadline = System.nanoTime() + ATTACH_WAIT.toNanos();
			Set<Thread> attached = attachedSince(before);
			while (attached.isEmpty() && System.nanoTime() < deadline) {
				sleep(2);
				attached = attachedSince(before);
			}
			if (attached.isEmpty()) {
				log.debug("No native thread attached during the model load");
			}
			leaked.addAll(attached);
			startWatcher();
			return loaded;
		}
	}

	/**
	 * Notes that the application failed (its start-up, say) although {@code main} may not
	 * end with an exception Java sees: the exit status becomes 1.
	 */
	static void applicationFailed() {
		mainFailed = true;
	}

	/** The threads recorded as attached by native model loads. */
	static Set<Thread> attachedThreads() {
		return Set.copyOf(leaked);
	}

	private static Set<Thread> attachedSince(Set<Thread> before) {
		Set<Thread> attached = new HashSet<>();
		for (Thread thread : liveThreads()) {
			// attached from native code: not ours, non-daemon, no Java frames
			if (!before.contains(thread) && !thread.isDaemon() && thread.getStackTrace().length == 0) {
				attached.add(thread);
			}
		}
		return attached;
	}

	/** Remembers whether the thread called "main" dies of an uncaught exception. */
	private static void watchMainThread() {
		Thread current = Thread.currentThread();
		if (!"main".equals(current.getName()) || mainFailed) {
			return;
		}
		Thread.UncaughtExceptionHandler previous = current.getUncaughtExceptionHandler();
		if (previous instanceof MainFailureRecorder) {
			return;
		}
		current.setUncaughtExceptionHandler(new MainFailureRecorder(previous));
	}

	private static synchronized void startWatcher() {
		if (watcher == null && !leaked.isEmpty()) {
			watcher = Thread.ofPlatform().name("llama-exit-guard").daemon(true).start(NativeThreadGuard::watch);
		}
	}

	private static void watch() {
		while (true) {
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				// keep watching: only the JVM's exit ends this thread
			}
			if (onlyLeakedThreadsHoldTheJvm()) {
				int status = mainFailed ? 1 : 0;
				log.debug("Only llama.cpp's native threads keep the JVM alive: exiting with status {}", status);
				System.exit(status);
				return;
			}
		}
	}

	private static boolean onlyLeakedThreadsHoldTheJvm() {
		boolean destroying = false;
		for (Thread thread : liveThreads()) {
			if (thread.isDaemon() || leaked.contains(thread)) {
				continue;
			}
			if (!"DestroyJavaVM".equals(thread.getName())) {
				return false;
			}
			destroying = true;
		}
		return destroying;
	}

	private static Thread[] liveThreads() {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads = new Thread[root.activeCount() + 16];
		int count = root.enumerate(threads, true);
		while (count == threads.length) {
			threads = new Thread[threads.length * 2];
			count = root.enumerate(threads, true);
		}
		Thread[] live = new Thread[count];
		System.arraycopy(threads, 0, live, 0, count);
		return live;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record MainFailureRecorder(
			Thread.UncaughtExceptionHandler delegate) implements Thread.UncaughtExceptionHandler {

		@Override
		public void uncaughtException(Thread thread, Throwable failure) {
			mainFailed = true;
			this.delegate.uncaughtException(thread, failure);
		}

	}

}
