package dev.hearth.escalation;

import java.util.concurrent.ThreadPoolExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the draft a handed-over conversation wants, after the handoff committed, on a
 * bounded executor of its own ({@value #THREADS} threads, at most {@value #QUEUE}
 * waiting; beyond that a draft is skipped with a warning), never on the customer's
 * request. Like a Spring Modulith {@code @ApplicationModuleListener}, but without a
 * transaction: no database connection is held while the LLM writes. A failed draft is
 * logged and skipped: the agent answers without one. Thread-safe.
 */
@Configuration(proxyBeanMethods = false)
class Drafts {

	static final int THREADS = 2;

	static final int QUEUE = 100;

	private static final Logger log = LoggerFactory.getLogger(Drafts.class);

	private final ApprovedLlmGateway gateway;

	private final ApplicationEventPublisher events;

	Drafts(ApprovedLlmGateway gateway, ApplicationEventPublisher events) {
		this.gateway = gateway;
		this.events = events;
	}

	@Bean
	static ThreadPoolTaskExecutor draftExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(THREADS);
		executor.setMaxPoolSize(THREADS);
		executor.setQueueCapacity(QUEUE);
		executor.setThreadNamePrefix("draft-");
		executor.setRejectedExecutionHandler((task, pool) -> log
			.warn("{} drafts are waiting already: this one is skipped, the agent answers without it", QUEUE));
		return executor;
	}

	@Async("draftExecutor")
	@TransactionalEventListener
	void on(DraftRequested request) {
		try {
			this.gateway.draft(request.question(), request.history(), request.rule())
				.ifPresent((draft) -> this.events
					.publishEvent(new DraftWritten(request.conversation(), draft.endpoint(), draft.text())));
		}
		catch (RuntimeException ex) {
			log.warn("Drafting an answer for conversation {} failed: {}", request.conversation(), ex.getMessage());
		}
	}

}
