# Hearth's container image: Eclipse Temurin JRE 21, the Spring Boot jar unpacked in layers (dependencies change
# rarely, the application often), a non-root user, a JVM that exits on OutOfMemoryError so Kubernetes restarts it.
#
# Build the jars first (the server's and kb-import's), then the image (any OCI builder: docker buildx, podman,
# buildah, kaniko):
#   mvn -DskipTests package
#   docker build -t registry.example.com/hearth:0.1.0 .
# Without a daemon or a registry (Debian's podman, a base made here): .ci/image.
# docs/operations.md describes the image and what has been verified where.

ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

FROM ${JRE_IMAGE} AS layers
WORKDIR /build
ARG JAR_FILE=target/hearth-*.jar
COPY ${JAR_FILE} hearth.jar
RUN java -Djarmode=tools -jar hearth.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE}
# uid/gid 10001, as the Helm chart's securityContext expects; the data folder belongs to it
RUN groupadd --system --gid 10001 hearth \
	&& useradd --system --uid 10001 --gid hearth --home-dir /var/lib/hearth --shell /usr/sbin/nologin hearth \
	&& install -d -o hearth -g hearth -m 0750 /var/lib/hearth
WORKDIR /opt/hearth
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# the kb-import CLI (its own runnable jar, picocli and Jackson inside)
COPY kb-import/target/kb-import.jar ./kb-import.jar
# Debian's German-English dictionary (trans-de-en, GPL-2+, a package of its own): German questions over English
# content are asked again translated word by word (docs/adr/0069). Left out, with a note, where the build reaches
# no package mirror: German questions are then answered from German content only.
RUN if [ ! -f /usr/share/trans/de-en ]; then \
		(apt-get update -qq && apt-get install -y -qq --no-install-recommends trans-de-en \
			&& rm -rf /var/lib/apt/lists/*) \
		|| echo "trans-de-en not installed: German questions are answered from German content only"; \
	fi
USER 10001:10001
# DJL unpacks the tokenizer's native library into DJL_CACHE_DIR (default ~/.djl.ai): keep it on /tmp
ENV HEARTH_DATA=/var/lib/hearth \
	HEARTH_PORT=8080 \
	DJL_CACHE_DIR=/tmp/djl
EXPOSE 8080
# the data folder (index, working files) and /tmp (native libraries, upload buffers) must be writable:
# the chart mounts volumes there and keeps the root filesystem read-only
VOLUME ["/var/lib/hearth", "/tmp"]
# Extra JVM options: JDK_JAVA_OPTIONS (e.g. -Xss512k). kb-import inside the image:
#   java -jar /opt/hearth/kb-import.jar status
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=60", \
	"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
	"org.springframework.boot.loader.launch.JarLauncher"]
