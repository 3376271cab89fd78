package org.yousaid.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read as a builder would read it (no container engine runs on our machines; the
 * image's run is rehearsed by infra/image/rehearse.sh). Its stages, its layers' order, its user,
 * its health check, and that what it copies exists and what it starts is ours.
 */
class ImageTest {

    private static final String DOCKERFILE = Repo.read("infra/image/Dockerfile");

    /** The instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : DOCKERFILE.lines().toList()) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
            } else {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        return out;
    }

    @Test
    void aBuildStageAndARunStageWithTheModelsAndCoreNlpInLayersOfTheirOwn() {
        List<String> from = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(from).hasSize(3);
        assertThat(from.get(0)).matches("FROM node:20\\S* AS node");
        assertThat(from.get(1)).matches("FROM eclipse-temurin:21-jdk\\S* AS build");
        assertThat(from.get(2)).matches("FROM eclipse-temurin:21-jre\\S*");
        List<String> runStage = instructions().subList(instructions().indexOf(from.get(2)), instructions().size());
        List<String> layers = runStage.stream().filter(i -> i.startsWith("COPY --from=build")).toList();
        // Least often changed first: a release that changes only our code ships only the last layer.
        assertThat(layers).containsExactly("COPY --from=build /out/corenlp /app/corenlp", "COPY --from=build /out/lib /app/lib",
                "COPY --from=build /out/nlp-models /app/nlp-models", "COPY --from=build /out/yousaid /app/yousaid");
        String assemble = Repo.read("infra/image/assemble.sh");
        for (String dir : List.of("corenlp", "lib", "nlp-models", "yousaid")) {
            assertThat(assemble).contains("\"$out/" + dir);
        }
        assertThat(instructions()).contains("RUN --mount=type=cache,target=/root/.m2 bash infra/image/assemble.sh /out");
        // The board report draws its charts with Java2D: no fonts, no PDF.
        assertThat(runStage).anyMatch(i -> i.startsWith("RUN ") && i.contains("fontconfig") && i.contains("fonts-dejavu-core"));
        assertThat(Repo.read(".ci/run")).contains("fontconfig fonts-dejavu-core");
    }

    @Test
    void whatTheBuildStageCopiesExists() {
        Pattern copy = Pattern.compile("^COPY (?!--from)(.+) (\\S+)$");
        int sources = 0;
        for (String i : instructions()) {
            Matcher m = copy.matcher(i);
            if (m.matches()) {
                for (String source : m.group(1).split(" ")) {
                    assertThat(Files.exists(Repo.root().resolve(source))).as(source).isTrue();
                    sources++;
                }
            }
        }
        assertThat(sources).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theBuildStageHasEveryModuleTheRootPomNames() {
        // Maven reads every module of the reactor before it builds one: a module the stage lacks fails the build.
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.read("pom.xml"));
        List<String> copied = instructions().stream().filter(i -> i.startsWith("COPY ") && !i.startsWith("COPY --from")).toList();
        int modules = 0;
        while (module.find()) {
            String dir = module.group(1);
            modules++;
            assertThat(copied).as("the build stage copies " + dir + "/pom.xml")
                    .anyMatch(c -> c.startsWith("COPY " + dir + " ") || c.startsWith("COPY " + dir + "/pom.xml "));
        }
        assertThat(modules).isEqualTo(4);
    }

    @Test
    void itRunsAsAUserWhoOwnsNothingAndChecksItsOwnLiveness() {
        List<String> all = instructions();
        String user = all.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).isEqualTo("USER 10001:10001");
        // Kubernetes checks a pod's user by number (runAsNonRoot); the manifests run as the same one.
        assertThat(Repo.read("infra/k8s/base/web.yaml")).contains("runAsUser: 10001");
        String health = all.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(health).contains("--start-period=").contains("/health/liveness").contains("grep -q ' 200 '");
        String entry = all.stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertThat(entry).isEqualTo("ENTRYPOINT [\"java\", \"-cp\", \"/app/yousaid/*:/app/lib/*:/app/corenlp/*\", \"org.yousaid.Application\"]");
        assertThat(Files.exists(Repo.root().resolve("backend/src/main/java/org/yousaid/Application.java"))).isTrue();
        assertThat(Repo.read("backend/src/main/java/org/yousaid/Application.java")).contains("\"migrate\"");
        assertThat(all).anyMatch(i -> i.startsWith("ENV YOUSAID_MODELS_DIR=/app/nlp-models/models"));
    }

    @Test
    void theBuildContextLeavesOutWhatIsBuiltOrLocal() {
        String ignore = Repo.read("infra/image/Dockerfile.dockerignore");
        assertThat(ignore.lines().map(String::strip).toList()).contains("**/target", "**/node_modules", ".yousaid", ".git");
    }
}
