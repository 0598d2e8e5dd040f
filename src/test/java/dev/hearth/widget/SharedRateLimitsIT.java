package dev.hearth.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SharedBuckets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's rate limits are shared by replicas through PostgreSQL (issue 13): two
 * {@link SharedBuckets} on one database stand for two replicas, and requests spread over
 * both are counted once; over a limit the answer is 429 with {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SharedRateLimitsIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	WidgetSites sites;

	@Test
	void twoReplicasDrawFromOneBucketEvenConcurrently() throws Exception {
		RateLimits first = new RateLimits(new SharedBuckets(this.dataSource));
		RateLimits second = new RateLimits(new SharedBuckets(this.dataSource));
		String key = "test:" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Long>> tries = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				RateLimits replica = (i % 2 == 0) ? first : second;
				tries.add(pool.submit(() -> replica.acquire(key, 10, true)));
			}
			int allowed = 0;
			for (Future<Long> attempt : tries) {
				allowed += (attempt.get() == 0) ? 1 : 0;
			}
			// a greedy refill may give one token back while the 40 run (one per 6 s)
			assertThat(allowed).isBetween(10, 11);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(new RateLimits(null).acquire(key, 10, true)).as("a replica counting alone knows nothing of it")
			.isZero();
	}

	@Test
	void aRefusedBucketLeavesTheBucketsAfterItUntouched() {
		SharedBuckets buckets = new SharedBuckets(this.dataSource);
		String tag = Long.toString(System.nanoTime(), 36);
		SharedBuckets.Limit before = new SharedBuckets.Limit("before:" + tag, 1000);
		SharedBuckets.Limit single = new SharedBuckets.Limit("single:" + tag, 1);
		SharedBuckets.Limit after = new SharedBuckets.Limit("after:" + tag, 2);
		assertThat(buckets.take(List.of(before, single, after))).as("every bucket has a token").isNull();
		SharedBuckets.Refusal refused = buckets.take(List.of(before, single, after));
		assertThat(refused).isNotNull();
		assertThat(refused.index()).as("the bucket of one, now empty").isEqualTo(1);
		assertThat(refused.seconds()).isBetween(1L, 60L);
		assertThat(buckets.take(List.of(after))).as("the refusal took nothing from the bucket after it").isNull();
		assertThat(buckets.take(List.of(after))).as("which is empty now").isNotNull();
		assertThat(buckets.take(List.of())).isNull();
	}

	@Test
	void aBucketRefillsSteadilyOverAMinute() throws Exception {
		SharedBuckets buckets = new SharedBuckets(this.dataSource);
		SharedBuckets.Limit perSecond = new SharedBuckets.Limit("refill:" + Long.toString(System.nanoTime(), 36), 60);
		int allowed = 0;
		SharedBuckets.Refusal refused = null;
		while (refused == null && allowed < 100) {
			refused = buckets.take(List.of(perSecond));
			allowed += (refused == null) ? 1 : 0;
		}
		// 60 at once, and one more per second that the 60 took
		assertThat(allowed).isBetween(60, 70);
		assertThat(refused.seconds()).isEqualTo(1);
		Thread.sleep(1100);
		assertThat(buckets.take(List.of(perSecond))).as("a token came back within a second").isNull();
	}

	@Test
	void aTakeCommitsWithoutWaitingForTheFlushAndLeavesTheSessionAsItWas() throws Exception {
		try (java.sql.Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (java.sql.Statement statement = connection.createStatement()) {
				statement
					.execute("select * from hearth_take_tokens(array['flush:" + UUID.randomUUID() + "'], array[5])");
				assertThat(setting(statement)).as("the take's own transaction").isEqualTo("off");
				connection.commit();
				assertThat(setting(statement)).as("the next transaction on the same connection").isEqualTo("on");
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	private static String setting(java.sql.Statement statement) throws java.sql.SQLException {
		try (java.sql.ResultSet row = statement.executeQuery("show synchronous_commit")) {
			row.next();
			return row.getString(1);
		}
	}

	@Test
	void aBucketNeedsACapacity() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new SharedBuckets.Limit("zero", 0))
			.withMessage("perMinute must be at least 1, got 0");
	}

	/** What one shared consumption costs (docs/benchmarks.md); printed, not asserted. */
	@Test
	void costOfOneConsumption() {
		RateLimits shared = new RateLimits(new SharedBuckets(this.dataSource));
		RateLimits local = new RateLimits(null);
		long[] sharedNanos = new long[200];
		long[] localNanos = new long[200];
		for (int i = 0; i < 200; i++) {
			String key = "cost:" + (i % 20) + ":" + UUID.randomUUID().toString().substring(0, 4);
			long start = System.nanoTime();
			shared.acquire(key, 1000, true);
			sharedNanos[i] = System.nanoTime() - start;
			start = System.nanoTime();
			local.acquire(key, 1000, false);
			localNanos[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(sharedNanos);
		java.util.Arrays.sort(localNanos);
		System.out.printf("SharedRateLimitsIT cost: shared p50 %.2f ms p95 %.2f ms; local p50 %.3f ms p95 %.3f ms%n",
				sharedNanos[100] / 1e6, sharedNanos[190] / 1e6, localNanos[100] / 1e6, localNanos[190] / 1e6);
		long[] threeNanos = new long[200];
		for (int i = 0; i < 200; i++) {
			String key = UUID.randomUUID().toString().substring(0, 8);
			long start = System.nanoTime();
			shared.acquire(List.of(new RateLimits.Limit("post:" + key, 1000),
					new RateLimits.Limit("conversation:" + key, 1000), new RateLimits.Limit("site:cost", 100000)),
					true);
			threeNanos[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(threeNanos);
		System.out.printf("SharedRateLimitsIT cost: a POST's three shared buckets p50 %.2f ms p95 %.2f ms%n",
				threeNanos[100] / 1e6, threeNanos[190] / 1e6);
	}

	@Test
	void aConversationsLimitHoldsAcrossReplicasWithA429AndRetryAfter() throws Exception {
		WidgetProperties.RateLimit limits = new WidgetProperties.RateLimit(1000, 3, 1000, 1000, true);
		WidgetRateLimitFilter one = new WidgetRateLimitFilter(limits, this.sites,
				new RateLimits(new SharedBuckets(this.dataSource)));
		WidgetRateLimitFilter two = new WidgetRateLimitFilter(limits, this.sites,
				new RateLimits(new SharedBuckets(this.dataSource)));
		String path = "/api/widget/conversations/" + UUID.randomUUID() + "/messages";
		assertThat(post(one, path, "198.51.100.1").getStatus()).isEqualTo(200);
		assertThat(post(two, path, "198.51.100.2").getStatus()).isEqualTo(200);
		assertThat(post(one, path, "198.51.100.3").getStatus()).isEqualTo(200);
		MockHttpServletResponse refused = post(two, path, "198.51.100.4");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.getContentAsString()).contains("Too many messages and actions in one conversation")
			.contains("at most 3 a minute");
		assertThat(
				post(one, "/api/widget/conversations/" + UUID.randomUUID() + "/messages", "198.51.100.5").getStatus())
			.as("another conversation")
			.isEqualTo(200);
	}

	@Test
	void aSitesLimitCountsAllItsVisitorsOnEveryReplica() throws Exception {
		String site = "ratelimit" + Long.toHexString(System.nanoTime());
		WidgetProperties.RateLimit limits = new WidgetProperties.RateLimit(1000, 1000, 1000, 4, true);
		WidgetSites withSite = new WidgetSites(new WidgetProperties("demo",
				List.of(new WidgetProperties.Site(site, List.of(), "Rate", "#112233", null, "right", java.util.Map.of(),
						java.util.Map.of(), null)),
				limits, java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5),
				java.time.Duration.ofMinutes(5)));
		WidgetRateLimitFilter one = new WidgetRateLimitFilter(limits, withSite,
				new RateLimits(new SharedBuckets(this.dataSource)));
		WidgetRateLimitFilter two = new WidgetRateLimitFilter(limits, withSite,
				new RateLimits(new SharedBuckets(this.dataSource)));
		for (int i = 0; i < 4; i++) {
			MockHttpServletResponse ok = post((i % 2 == 0) ? one : two, "/api/widget/conversations?site=" + site,
					"203.0.113." + i);
			assertThat(ok.getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = post(one, "/api/widget/conversations?site=" + site, "203.0.113.99");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentAsString()).contains("on this site");
		assertThat(post(two, "/api/widget/conversations", "203.0.113.100").getStatus()).as("another site")
			.isEqualTo(200);
	}

	@Test
	void anAddressLimitHoldsAcrossReplicas() throws Exception {
		WidgetProperties.RateLimit limits = new WidgetProperties.RateLimit(2, 1000, 1000, 1000, true);
		WidgetRateLimitFilter one = new WidgetRateLimitFilter(limits, this.sites,
				new RateLimits(new SharedBuckets(this.dataSource)));
		WidgetRateLimitFilter two = new WidgetRateLimitFilter(limits, this.sites,
				new RateLimits(new SharedBuckets(this.dataSource)));
		String address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":"
				+ Long.toHexString(System.nanoTime() & 0xffff);
		String path = "/api/widget/conversations/" + UUID.randomUUID() + "/messages";
		assertThat(post(one, path, address).getStatus()).isEqualTo(200);
		assertThat(post(two, path, address).getStatus()).isEqualTo(200);
		assertThat(post(one, path, address).getStatus()).isEqualTo(429);
	}

	private static MockHttpServletResponse post(WidgetRateLimitFilter filter, String path, String address)
			throws Exception {
		int query = path.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				(query >= 0) ? path.substring(0, query) : path);
		if (query >= 0) {
			for (String pair : path.substring(query + 1).split("&")) {
				String[] parts = pair.split("=", 2);
				request.setParameter(parts[0], parts[1]);
			}
		}
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
