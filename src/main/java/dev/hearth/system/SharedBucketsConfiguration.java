package dev.hearth.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@link SharedBuckets} every module's rate limits may use, and the hourly removal of
 * buckets idle for an hour (every limit refills within that, so they are full).
 */
@Configuration(proxyBeanMethods = false)
class SharedBucketsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SharedBucketsConfiguration.class);

	private static final Duration IDLE = Duration.ofHours(1);

	@Bean
	SharedBuckets sharedBuckets(DataSource dataSource) {
		return new SharedBuckets(dataSource);
	}

	@Bean
	IdleBucketCleaner idleBucketCleaner(SharedBuckets buckets) {
		return new IdleBucketCleaner(buckets);
	}

	static final class IdleBucketCleaner {

		private final SharedBuckets buckets;

		IdleBucketCleaner(SharedBuckets buckets) {
			this.buckets = buckets;
		}

		@Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
		void removeIdle() {
			int removed = this.buckets.removeIdle(IDLE);
			if (removed > 0) {
				log.debug("Removed {} idle rate-limit buckets", removed);
			}
		}

	}

}
