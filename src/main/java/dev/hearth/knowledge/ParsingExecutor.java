package dev.hearth.knowledge;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parser work on a few threads of its own, with a bounded queue and a timeout, so
 * that at most {@code threads} documents are held in memory by parsers at once and no
 * import waits on a parser forever: a task past its time is interrupted and abandoned.
 * Thread-safe.
 */
final class ParsingExecutor implements AutoCloseable {

	private final ThreadPoolExecutor pool;

	private final Duration timeout;

	ParsingExecutor(ParsingProperties properties) {
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.queue()), (task) -> {
					Thread thread = new Thread(task, "document-parser-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.pool.allowCoreThreadTimeOut(true);
		this.timeout = properties.timeout();
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * The task's result; its own exceptions are rethrown as they are (unchecked) or
	 * wrapped in {@link ExecutionException}.
	 * @throws TimeoutException when it ran longer than the timeout (it is interrupted)
	 * @throws RejectedExecutionException when too many files wait to be read
	 */
	<T> T run(Callable<T> task) throws ExecutionException, TimeoutException {
		Future<T> future = this.pool.submit(task);
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading a document", ex);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
