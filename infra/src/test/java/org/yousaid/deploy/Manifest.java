package org.yousaid.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** One rendered overlay's documents, read as maps, with the few walks the checks need. */
record Manifest(String overlay, List<Map<String, Object>> documents) {

    @SuppressWarnings("unchecked")
    static Manifest rendered(String overlay) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(Repo.read("infra/k8s/rendered/" + overlay + ".yaml"))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return new Manifest(overlay, docs);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(get(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
    }

    /** A workload's pod spec: a Deployment's or a Job's template. */
    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(get(workload, "spec", "template", "spec"));
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(get(workload, "spec", "template", "metadata", "labels"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload, String which) {
        return list(podSpec(workload).get(which));
    }

    static Map<String, Object> container(Map<String, Object> workload, String name) {
        return containers(workload, "containers").stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** A container's plain env values by name ({@code valueFrom} entries map to null). */
    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> e : list(container.get("env"))) {
            env.put((String) e.get("name"), e.get("value") == null ? null : String.valueOf(e.get("value")));
        }
        return env;
    }

    static Object get(Object node, String... path) {
        Object at = node;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }
}
