package org.yousaid.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yousaid.deploy.Manifest.container;
import static org.yousaid.deploy.Manifest.containers;
import static org.yousaid.deploy.Manifest.env;
import static org.yousaid.deploy.Manifest.get;
import static org.yousaid.deploy.Manifest.list;
import static org.yousaid.deploy.Manifest.map;
import static org.yousaid.deploy.Manifest.podLabels;
import static org.yousaid.deploy.Manifest.podSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests (infra/k8s), rendered per overlay and kept in infra/k8s/rendered: valid
 * against the schemas of what they declare, current with their sources, and consistent with the
 * server (its settings, its ports, its roles) and with each other (selectors, secrets, autoscalers).
 */
class ManifestsTest {

    private static final List<String> OVERLAYS = List.of("production", "trial");

    record Checked(int exit, List<Map<String, Object>> lines) {
        Map<String, Object> summary() {
            return lines.stream().filter(l -> Boolean.TRUE.equals(l.get("summary"))).findFirst().orElseThrow();
        }

        List<Map<String, Object>> documents() {
            return lines.stream().filter(l -> !Boolean.TRUE.equals(l.get("summary"))).toList();
        }
    }

    /** The npm validator (infra/k8s/validate), each output line read as JSON (YAML reads JSON). */
    @SuppressWarnings("unchecked")
    static Checked validate(String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Repo.root().resolve("infra/k8s/validate/validate.sh").toString()));
        command.addAll(List.of(files));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Yaml yaml = new Yaml(new LoaderOptions());
        List<Map<String, Object>> lines = out.lines().filter(l -> l.startsWith("{"))
                .map(l -> (Map<String, Object>) yaml.load(l)).toList();
        return new Checked(process.exitValue(), lines);
    }

    @Test
    void everyRenderedDocumentIsValidAgainstTheKubernetesCloudNativePgAndPrometheusOperatorSchemas() throws Exception {
        String[] files = OVERLAYS.stream().map(o -> Repo.root().resolve("infra/k8s/rendered/" + o + ".yaml").toString())
                .toArray(String[]::new);
        Checked checked = validate(files);

        int documents = OVERLAYS.stream().mapToInt(o -> Manifest.rendered(o).documents().size()).sum();
        assertThat(checked.documents()).hasSize(documents);
        assertThat(checked.documents()).allSatisfy(d -> assertThat(d.get("errors")).as(d.get("file") + " " + d.get("kind") + " "
                + d.get("name")).asList().isEmpty());
        assertThat(checked.summary()).containsEntry("failed", 0).containsEntry("documents", documents);
        assertThat(checked.exit()).isZero();
        Set<String> kinds = new TreeSet<>();
        checked.documents().forEach(d -> kinds.add(String.valueOf(d.get("kind"))));
        assertThat(kinds).contains("Deployment", "Job", "Cluster", "ScheduledBackup", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PodMonitor", "Service", "ConfigMap", "Secret");
        System.out.printf("manifests: %d documents valid (%s)%n", documents, String.join(", ", kinds));
    }

    @Test
    void theValidatorRefusesWhatAStrictApiServerWould() throws Exception {
        Checked checked = validate(Path.of(getClass().getResource("/broken.yaml").toURI()).toString());

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.summary()).containsEntry("documents", 5).containsEntry("failed", 5);
        Map<String, String> errors = new java.util.HashMap<>();
        checked.documents().forEach(d -> errors.put(String.valueOf(d.get("name")), String.valueOf(d.get("errors"))));
        assertThat(errors.get("typo")).contains("'\"livenessprobe\"' does not exist in type 'IContainer'");
        assertThat(errors.get("wrong-type")).contains("spec/ports/0/port must be integer");
        assertThat(errors.get("db")).contains("'\"backups\"' does not exist in type 'IClusterSpec'");
        assertThat(errors.get("unknown")).contains("no schema for apiVersion example.com/v1, kind Widget");
        assertThat(errors.get("sm")).contains("'\"intervall\"' does not exist in type 'IEndpoint'");
    }

    @Test
    void theRenderedManifestsAreWhatTheOverlaysRenderNow() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl (its built-in Kustomize) is not on this machine");
        for (String overlay : OVERLAYS) {
            Process process = new ProcessBuilder("kubectl", "kustomize", Repo.root().resolve("infra/k8s/overlays/" + overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Repo.read("infra/k8s/rendered/" + overlay + ".yaml"))
                    .as("infra/k8s/rendered/%s.yaml is stale: run infra/k8s/render.sh", overlay).isEqualTo(rendered);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void webPodsOnlyServeAndWorkerPodsDoTheWork(String overlay) {
        Manifest m = Manifest.rendered(overlay);
        Map<String, String> web = env(container(m.one("Deployment", "yousaid-web"), "yousaid"));
        Map<String, String> worker = env(container(m.one("Deployment", "yousaid-worker"), "yousaid"));

        assertThat(web).containsEntry("YOUSAID_TAGGING_WORKERS", "0").containsEntry("YOUSAID_PUSH_SENDERS", "0")
                .containsEntry("YOUSAID_ALERT_SENDERS", "0").containsEntry("YOUSAID_RETENTION_SWEEP", "false");
        assertThat(Integer.parseInt(worker.get("YOUSAID_TAGGING_WORKERS"))).isPositive();
        assertThat(Integer.parseInt(worker.get("YOUSAID_PUSH_SENDERS"))).isPositive();
        assertThat(Integer.parseInt(worker.get("YOUSAID_ALERT_SENDERS"))).isPositive();
        assertThat(worker).containsEntry("YOUSAID_RETENTION_SWEEP", "true").containsEntry("YOUSAID_TAGGING_GIVE_WAY", "0");
        // Only web pods are behind the Service; the workers' port answers probes.
        Map<String, Object> service = m.one("Service", "yousaid-web");
        assertThat(map(get(service, "spec", "selector"))).isEqualTo(podLabels(m.one("Deployment", "yousaid-web")).entrySet().stream()
                .filter(e -> !e.getKey().equals("app.kubernetes.io/part-of"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(selects(map(get(service, "spec", "selector")), podLabels(m.one("Deployment", "yousaid-worker")))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everyPodRunsAsNobodyWithResourcesProbesAndTheSchemaItsCodeExpects(String overlay) {
        Manifest m = Manifest.rendered(overlay);
        List<Map<String, Object>> workloads = new ArrayList<>(m.ofKind("Deployment"));
        workloads.addAll(m.ofKind("Job"));
        assertThat(workloads).hasSize(3);
        Set<String> images = new TreeSet<>();
        for (Map<String, Object> w : workloads) {
            String name = (String) get(w, "metadata", "name");
            Map<String, Object> pod = podSpec(w);
            assertThat(pod).as(name).containsEntry("automountServiceAccountToken", false).containsEntry("serviceAccountName", "yousaid");
            assertThat(map(pod.get("securityContext"))).as(name).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
            List<Map<String, Object>> all = new ArrayList<>(containers(w, "containers"));
            all.addAll(containers(w, "initContainers"));
            for (Map<String, Object> c : all) {
                String what = name + "/" + c.get("name");
                images.add((String) c.get("image"));
                assertThat(map(c.get("securityContext"))).as(what).containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
                assertThat(get(c, "securityContext", "capabilities", "drop")).as(what).isEqualTo(List.of("ALL"));
                Map<String, Object> resources = map(c.get("resources"));
                assertThat(get(resources, "requests", "cpu")).as(what + " cpu request").isNotNull();
                // Memory is requested as much as it is limited: the JVM's heap is a share of the limit.
                assertThat(get(resources, "limits", "memory")).as(what + " memory").isNotNull()
                        .isEqualTo(get(resources, "requests", "memory"));
                assertThat(get(resources, "limits", "cpu")).as(what + " no CPU limit (throttling a JVM stalls it)").isNull();
            }
            if (w.get("kind").equals("Deployment")) {
                Map<String, Object> main = container(w, "yousaid");
                assertThat(get(main, "startupProbe", "httpGet", "path")).as(name).isEqualTo("/health/liveness");
                assertThat(get(main, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/health/liveness");
                assertThat(get(main, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/health/readiness");
                Map<String, Object> wait = containers(w, "initContainers").get(0);
                // As long as the Job may run (its activeDeadlineSeconds).
                assertThat(wait.get("args")).as(name + " waits for the migration Job").isEqualTo(List.of("migrate", "--wait", "--timeout", "30m"));
            } else {
                assertThat(container(w, "migrate").get("args")).isEqualTo(List.of("migrate"));
                assertThat(get(w, "spec", "activeDeadlineSeconds")).isEqualTo(1800);
            }
        }
        assertThat(images).as("one image for every role").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everySettingIsOneTheServerKnows(String overlay) {
        Manifest m = Manifest.rendered(overlay);
        Set<String> known = knownSettings();
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> w : m.ofKind("Deployment")) {
            containers(w, "containers").forEach(c -> used.addAll(env(c).keySet()));
            containers(w, "initContainers").forEach(c -> used.addAll(env(c).keySet()));
        }
        m.ofKind("Job").forEach(j -> containers(j, "containers").forEach(c -> used.addAll(env(c).keySet())));
        m.ofKind("ConfigMap").forEach(c -> used.addAll(map(c.get("data")).keySet()));
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(used.stream().filter(u -> !known.contains(u)).toList())
                .as("settings neither the README's configuration nor application.yml names").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everySecretAPodNeedsIsMadeHereOrTheReadmeSaysHowToMakeIt(String overlay) {
        Manifest m = Manifest.rendered(overlay);
        Set<String> made = new TreeSet<>();
        m.ofKind("Secret").forEach(s -> made.add((String) get(s, "metadata", "name")));
        String readme = Repo.read("README.md");
        Set<String> needed = new TreeSet<>();
        for (Map<String, Object> w : m.documents()) {
            collectSecretRefs(w, needed);
        }
        assertThat(needed).contains("yousaid-db-app");
        for (String secret : needed) {
            if (secret.equals("yousaid-db-app")) {
                continue; // CloudNativePG makes it for the Cluster's owner.
            }
            if (overlay.equals("trial")) {
                assertThat(made).as("the trial makes its own " + secret).contains(secret);
            } else {
                assertThat(Pattern.compile("kubectl (-n \\S+ )?create secret generic " + Pattern.quote(secret) + "\\s").matcher(readme).find())
                        .as("the README says how to make " + secret).isTrue();
            }
        }
        if (overlay.equals("production")) {
            assertThat(made).as("production's keys are the operator's, never in the repository").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void selectorsBudgetsAutoscalersAndPoliciesFindTheirPods(String overlay) {
        Manifest m = Manifest.rendered(overlay);
        Map<String, Map<String, Object>> deployments = new java.util.HashMap<>();
        m.ofKind("Deployment").forEach(d -> deployments.put((String) get(d, "metadata", "name"), d));
        for (Map<String, Object> pdb : m.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = map(get(pdb, "spec", "selector", "matchLabels"));
            assertThat(deployments.values().stream().filter(d -> selects(selector, podLabels(d))).count())
                    .as((String) get(pdb, "metadata", "name")).isEqualTo(1);
        }
        Set<String> autoscaled = new TreeSet<>();
        for (Map<String, Object> hpa : m.ofKind("HorizontalPodAutoscaler")) {
            String targetName = (String) get(hpa, "spec", "scaleTargetRef", "name");
            Map<String, Object> target = deployments.get(targetName);
            assertThat(target).as((String) get(hpa, "metadata", "name")).isNotNull();
            autoscaled.add(targetName);
            Number min = (Number) get(hpa, "spec", "minReplicas");
            assertThat(min.intValue()).isPositive().isLessThanOrEqualTo(((Number) get(hpa, "spec", "maxReplicas")).intValue());
        }
        // An autoscaler owns its Deployment's replicas: a number in the manifest would undo it at every apply.
        deployments.forEach((name, d) -> {
            if (autoscaled.contains(name)) {
                assertThat(get(d, "spec", "replicas")).as(name).isNull();
            } else {
                assertThat(((Number) get(d, "spec", "replicas")).intValue()).as(name).isPositive();
            }
        });
        if (overlay.equals("production")) {
            Map<String, Object> workers = m.one("HorizontalPodAutoscaler", "yousaid-worker");
            assertThat(get(list(get(workers, "spec", "metrics")).get(0), "external", "metric", "name")).isEqualTo("yousaid_tagging_jobs_due");
            assertThat(Repo.read("infra/k8s/monitoring/prometheus-adapter-rules.yaml"))
                    .contains("as: yousaid_tagging_jobs_due").contains("max(yousaid_tagging_jobs{state=\"due\"");
            Map<String, Object> monitor = m.one("ServiceMonitor", "yousaid");
            Map<String, Object> metrics = m.one("Service", "yousaid-metrics");
            assertThat(selects(map(get(monitor, "spec", "selector", "matchLabels")), map(get(metrics, "metadata", "labels")))).isTrue();
            assertThat(get(list(get(monitor, "spec", "endpoints")).get(0), "port")).isEqualTo(get(list(get(metrics, "spec", "ports")).get(0), "name"));
        }
        // Every port a policy opens or a Service targets is one the pods listen on, by the server's defaults.
        for (Map<String, Object> d : deployments.values()) {
            List<Integer> ports = list(container(d, "yousaid").get("ports")).stream().map(p -> ((Number) p.get("containerPort")).intValue()).toList();
            assertThat(ports).contains(8080, 9464);
        }
        Map<String, Object> webIngress = m.one("NetworkPolicy", "yousaid-web-ingress");
        assertThat(get(list(get(list(get(webIngress, "spec", "ingress")).get(0), "ports")).get(0), "port")).isEqualTo(8080);
        Map<String, Object> deny = m.one("NetworkPolicy", "yousaid-default-deny");
        assertThat(get(deny, "spec", "podSelector")).isEqualTo(Map.of());
        assertThat(get(deny, "spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
    }

    @Test
    void productionKeepsAFamilysWordsOnTwoMachinesAndBacksThemUp() {
        Manifest m = Manifest.rendered("production");
        Map<String, Object> cluster = m.one("Cluster", "yousaid-db");
        assertThat(get(cluster, "spec", "instances")).isEqualTo(3);
        assertThat(map(get(cluster, "spec", "postgresql", "synchronous"))).containsEntry("number", 1).containsEntry("dataDurability", "required");
        assertThat(get(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).asString().startsWith("s3://");
        assertThat(get(cluster, "spec", "backup", "retentionPolicy")).isEqualTo("30d");
        assertThat(get(cluster, "spec", "affinity", "podAntiAffinityType")).isEqualTo("required");
        Map<String, Object> nightly = m.one("ScheduledBackup", "yousaid-db-nightly");
        assertThat(get(nightly, "spec", "cluster", "name")).isEqualTo("yousaid-db");
        // Web and workers at the autoscalers' maxima, by their pools, fit the database's connections.
        int connections = 0;
        for (Map<String, Object> hpa : m.ofKind("HorizontalPodAutoscaler")) {
            Map<String, Object> d = m.one("Deployment", (String) get(hpa, "spec", "scaleTargetRef", "name"));
            connections += ((Number) get(hpa, "spec", "maxReplicas")).intValue()
                    * Integer.parseInt(env(container(d, "yousaid")).get("YOUSAID_DB_POOL_SIZE"));
        }
        assertThat(connections).isLessThan(Integer.parseInt((String) get(cluster, "spec", "postgresql", "parameters", "max_connections")) - 20);
        Map<String, Object> trial = Manifest.rendered("trial").one("Cluster", "yousaid-db");
        assertThat(get(trial, "spec", "instances")).isEqualTo(1);
        assertThat(get(trial, "spec", "backup")).isNull();
    }

    /** Names the README's configuration table, the server's application*.yml and the README's text give. */
    static Set<String> knownSettings() {
        Set<String> known = new TreeSet<>();
        Matcher readme = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(Repo.read("README.md"));
        while (readme.find()) {
            known.add(readme.group(1));
        }
        for (String file : List.of("backend/src/main/resources/application.yml", "backend/src/main/resources/application-dev.yml")) {
            Matcher yml = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):").matcher(Repo.read(file));
            while (yml.find()) {
                known.add(yml.group(1));
            }
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static void collectSecretRefs(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            Object secretKeyRef = m.get("secretKeyRef");
            if (secretKeyRef instanceof Map<?, ?> ref && !Boolean.TRUE.equals(ref.get("optional"))) {
                names.add((String) ref.get("name"));
            }
            Object secret = m.get("secret");
            if (secret instanceof Map<?, ?> s && s.get("secretName") != null) {
                names.add((String) s.get("secretName"));
            }
            if (m.get("s3Credentials") instanceof Map<?, ?> s3) {
                ((Map<String, Object>) s3).values().forEach(v -> names.add((String) ((Map<String, Object>) v).get("name")));
            }
            m.values().forEach(v -> collectSecretRefs(v, names));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectSecretRefs(v, names));
        }
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
