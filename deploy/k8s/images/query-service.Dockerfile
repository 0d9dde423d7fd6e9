# The query service (dev.candleflow.query.QueryService) on a JRE, for docker-compose.yml and
# deploy/k8s/query-service.yaml. Build context: query-service/target, after
# `mvn -B -DskipTests package -pl query-service -am` (the jar and its runtime classpath in lib/):
#
#   docker build -f deploy/k8s/images/query-service.Dockerfile -t candleflow/query-service:0.1.0-SNAPSHOT \
#     query-service/target
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app candleflow
WORKDIR /app
COPY lib/ /app/lib/
COPY query-service-0.1.0-SNAPSHOT.jar /app/query-service.jar
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/query-service.jar:/app/lib/*", "dev.candleflow.query.QueryService"]
CMD ["--host", "0.0.0.0", "--port", "8080"]
