# The candle job on the official Flink image, for application mode (deploy/k8s/flink-deployment.yaml).
# Build context: jobs/candle-job/target (after `mvn -B -DskipTests package -pl jobs/candle-job -am`):
#
#   docker build -f deploy/k8s/images/candle-job.Dockerfile -t candleflow/candle-job:0.1.0-SNAPSHOT \
#     jobs/candle-job/target
#
# The Prometheus reporter ships in the image's plugins/ and needs only its config. Checkpoints and
# savepoints on S3-style storage need the S3 filesystem plugin, which the image enables at start
# when ENABLE_BUILT_IN_PLUGINS names its jar (set in the FlinkDeployment's pod template).
FROM flink:2.2.1-java17
COPY --chown=flink:flink candle-job-0.1.0-SNAPSHOT-flink.jar /opt/flink/usrlib/candle-job.jar
