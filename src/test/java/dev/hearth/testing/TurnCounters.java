package dev.hearth.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what a piece of work costs: embedding calls (and texts embedded), JDBC
 * statements executed and transactions committed (an auto-commit statement is a
 * transaction of its own). Registered as a {@link BeanPostProcessor}, it wraps the
 * application's {@link DataSource} and {@link EmbeddingModel} in counting proxies. For
 * benchmarks only; thread-safe.
 */
public final class TurnCounters implements BeanPostProcessor {

	private final AtomicLong embeddingCalls = new AtomicLong();

	private final AtomicLong embeddedTexts = new AtomicLong();

	private final AtomicLong statements = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	/** What was counted since the last {@link #reset()}. */
	public record Counts(long embeddingCalls, long embeddedTexts, long statements, long transactions) {
	}

	public Counts snapshot() {
		return new Counts(this.embeddingCalls.get(), this.embeddedTexts.get(), this.statements.get(),
				this.transactions.get());
	}

	public void reset() {
		this.embeddingCalls.set(0);
		this.embeddedTexts.set(0);
		this.statements.set(0);
		this.transactions.set(0);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			return proxy(dataSource, (method, args) -> {
				Object result = invoke(dataSource, method, args);
				return (result instanceof Connection connection) ? connection(connection) : result;
			}, DataSource.class, AutoCloseable.class);
		}
		if (bean instanceof EmbeddingModel model) {
			return proxy(model, (method, args) -> {
				if (method.getDeclaringClass() == EmbeddingModel.class || method.getName().equals("call")) {
					if (!method.getName().equals("dimensions")) {
						this.embeddingCalls.incrementAndGet();
						this.embeddedTexts.addAndGet(texts(args));
					}
				}
				return invoke(model, method, args);
			}, EmbeddingModel.class, AutoCloseable.class);
		}
		return bean;
	}

	private Connection connection(Connection connection) {
		return proxy(connection, (method, args) -> {
			Object result = invoke(connection, method, args);
			if (method.getName().equals("commit")) {
				this.transactions.incrementAndGet();
			}
			return (result instanceof Statement statement) ? statement(connection, statement, method.getReturnType())
					: result;
		}, Connection.class);
	}

	private Object statement(Connection connection, Statement statement, Class<?> type) {
		return proxy(statement, (method, args) -> {
			if (method.getName().startsWith("execute")) {
				this.statements.incrementAndGet();
				if (connection.getAutoCommit()) {
					this.transactions.incrementAndGet();
				}
			}
			return invoke(statement, method, args);
		}, type);
	}

	private static long texts(Object[] args) {
		if (args == null || args.length == 0) {
			return 0;
		}
		return switch (args[0]) {
			case List<?> list -> list.size();
			case EmbeddingRequest request -> request.getInstructions().size();
			default -> 1;
		};
	}

	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Object target, Handler handler, Class<?>... types) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getName().equals("close") && method.getParameterCount() == 0
					&& !(target instanceof AutoCloseable)) {
				return null;
			}
			if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
					&& type.isInstance(target)) {
				return target;
			}
			return handler.handle(method, args);
		};
		return (T) Proxy.newProxyInstance(TurnCounters.class.getClassLoader(), types, invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
