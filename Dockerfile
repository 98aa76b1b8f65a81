# The service as an image: built with the Maven wrapper, run as a non-root user on a JRE.
# The packaged jar has no embedded database: set SPRING_DATASOURCE_URL (docker-compose.yml does).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
# dependencies first, so that a change of the sources reuses this layer
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/fleet-telemetry-*.jar /build/fleet-telemetry.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 fleet \
    && useradd --system --uid 10001 --gid fleet --home-dir /app --shell /usr/sbin/nologin fleet \
    && mkdir -p /app/data && chown fleet:fleet /app/data
WORKDIR /app
COPY --from=build /build/fleet-telemetry.jar /app/fleet-telemetry.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/fleet-telemetry.jar"]
