# One recipe for all three services: they differ only in module name and port.
#   docker build --build-arg SERVICE=booking-service --build-arg PORT=8081 -t booking-service .
# The build context is the repository root, because a service needs its sibling modules.

FROM maven:3.9.11-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /build
# The whole reactor (.dockerignore keeps target/ and .git out): Maven reads every module's pom
# even when it builds one service, and -am builds the modules that service depends on.
COPY . .
# The cache mount keeps downloaded dependencies between builds without baking them into a layer.
RUN --mount=type=cache,target=/root/.m2 \
    : "${SERVICE:?pass --build-arg SERVICE=<module>}" \
 && mvn -B -ntp -pl "${SERVICE}" -am -DskipTests package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" \
      extract --layers --launcher --destination extracted

FROM eclipse-temurin:21.0.8_9-jre
ARG PORT
RUN : "${PORT:?pass --build-arg PORT=<the service's port>}" \
 && groupadd --gid 10001 clinic \
 && useradd --uid 10001 --gid clinic --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin clinic \
 && mkdir -p /var/lib/clinic && chown clinic:clinic /var/lib/clinic
WORKDIR /app
# Least to most often changed, so a code change rebuilds and ships only the last layers.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Files stay root-owned: the service can read its code but not rewrite it. /var/lib/clinic is
# the one place it may write (content-service keeps its search index there, on a volume).
USER 10001:10001
# Fixed per image so the health check below and the application agree on the port.
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
# Needs no curl or wget, which the JRE image need not ship: bash's /dev/tcp sends the request.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/[0-9.]* 200'"]
# Heap sized from the container's memory limit rather than the host's RAM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
