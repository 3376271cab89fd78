package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.Query;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The schema distributes by local area (Citus, {@code infra/citus/distribute.sql}): read from the
 * migrated database's own catalogue, every table but {@code areas} (the reference table) and
 * Flyway's history carries {@code area_id}; every primary key, unique constraint and unique index
 * of those tables leads with it; every foreign key either points at {@code areas} or joins two
 * tenant tables on {@code area_id} first, so none crosses areas. The Citus script distributes
 * exactly those tables, each after the tables it references. And every query the repositories run
 * names {@code area_id} (so it routes to one shard), but for the few that read across areas on
 * purpose, each listed in {@link #CROSS_AREA} with how it runs on Citus.
 */
@MicronautTest(transactional = false)
class DistributionCatalogueTest {

    private static final Set<String> NOT_TENANT = Set.of("areas", "flyway_schema_history");

    /**
     * Repository methods whose query reads or writes across areas on purpose. On Citus each is a
     * fan-out to every shard, merged on the coordinator; each is small or rare.
     */
    static final Map<String, String> CROSS_AREA = new TreeMap<>(Map.ofEntries(
            Map.entry("AlertOutbox.dueAreas",
                    "which areas have due rows, the oldest first, read without a lock (a fan-out to every shard, each reading its partial index of due rows, merged on the coordinator); the lease that follows (nextDueIn, FOR UPDATE SKIP LOCKED) names one area and runs on its shard"),
            Map.entry("AreaRepository.find",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaRepository.findAll",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaRepository.firstPage",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaRepository.insertIfAbsent",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaRepository.lock",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaRepository.pageAfter",
                    "the reference table: a copy on every node, read locally; written only when an area is made"),
            Map.entry("AreaThemeRepository.lock",
                    "an advisory lock, no table: taken on the coordinator, where every transaction starts"),
            Map.entry("InvitationRecords.purgeExpiredBefore",
                    "the retention sweep, hourly, across areas: a multi-shard statement Citus runs on every shard in parallel"),
            Map.entry("MemberRecords.holdOffRequests",
                    "an advisory lock, no table: taken on the coordinator, where every transaction starts"),
            Map.entry("MemberRecords.of",
                    "one person's memberships across the areas they belong to (by uid): a fan-out to every shard, a handful of rows each, on /v1/me, export, erasure and console sign-in"),
            Map.entry("MembershipRepository.listByUid",
                    "one person's memberships across the areas they belong to (by uid): a fan-out to every shard, a handful of rows each, on /v1/me, export, erasure and console sign-in"),
            Map.entry("MembershipRepository.listByUidAfter",
                    "one person's memberships across the areas they belong to (by uid): a fan-out to every shard, a handful of rows each, on /v1/me, export, erasure and console sign-in"),
            Map.entry("MembershipRepository.staffRoles",
                    "one person's memberships across the areas they belong to (by uid): a fan-out to every shard, a handful of rows each, on /v1/me, export, erasure and console sign-in"),
            Map.entry("MembershipRepository.waitForErasure",
                    "an advisory lock, no table: taken on the coordinator, where every transaction starts"),
            Map.entry("Outbox.figures",
                    "the metrics' figure across areas, every 5 s: a fan-out whose each part reads the partial index of live rows"),
            Map.entry("Outbox.dueAreas",
                    "which areas have due rows, the oldest first, read without a lock (a fan-out to every shard, each reading its partial index of due rows, merged on the coordinator); the lease that follows (nextDueIn, FOR UPDATE SKIP LOCKED) names one area and runs on its shard"),
            Map.entry("OutcomeRepository.lock",
                    "an advisory lock, no table: taken on the coordinator, where every transaction starts"),
            Map.entry("PushRecords.purgeFinishedBefore",
                    "the retention sweep, hourly, across areas: a multi-shard statement Citus runs on every shard in parallel"),
            Map.entry("RetentionCandidates.rejected",
                    "the retention sweep, hourly, across areas: a multi-shard statement Citus runs on every shard in parallel"),
            Map.entry("RetentionCandidates.unreviewed",
                    "the retention sweep, hourly, across areas: a multi-shard statement Citus runs on every shard in parallel"),
            Map.entry("TaggingJobs.reclaimExpired",
                    "jobs whose lease ran out back in the queue, when a worker finds nothing due and every tenth of a lease: a multi-shard UPDATE Citus runs on every shard in parallel, each on its partial index of running jobs"),
            Map.entry("TaggingJobs.figures",
                    "the metrics' figure across areas, every 5 s: a fan-out whose each part reads the partial index of live rows"),
            Map.entry("TaggingJobs.dueAreas",
                    "which areas have due rows, the oldest first, read without a lock (a fan-out to every shard, each reading its partial index of due rows, merged on the coordinator); the lease that follows (nextDueIn, FOR UPDATE SKIP LOCKED) names one area and runs on its shard")));

    /**
     * A statement Citus can send to one shard: it compares area_id with a parameter (or a list of
     * them), or inserts rows whose area_id is a parameter.
     */
    private static final Pattern ROUTED = Pattern.compile(
            "area_id\\s*(=|in)\\s*\\(?\\s*:|insert into \\w+ \\(area_id[^)]*\\)\\s*(values \\(:areaId|select :areaId)",
            Pattern.CASE_INSENSITIVE);

    @Inject
    Fixtures fixtures;

    record Constraint(String table, String kind, List<String> columns, String referenced, List<String> referencedColumns) {
    }

    @Test
    void everyTenantTableLeadsWithTheAreaAndNoKeyCrossesAreas() throws SQLException {
        Set<String> tables = new TreeSet<>(strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')"""));
        Set<String> tenants = new TreeSet<>(strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'area_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')"""));
        Set<String> withoutArea = new TreeSet<>(tables);
        withoutArea.removeAll(tenants);
        assertThat(withoutArea).as("tables without area_id").isEqualTo(new TreeSet<>(NOT_TENANT));
        assertThat(tenants).hasSizeGreaterThan(30);

        List<String> wrong = new ArrayList<>();
        for (Constraint c : constraints()) {
            if (!tenants.contains(c.table())) {
                continue;
            }
            if (!c.columns().get(0).equals("area_id")) {
                wrong.add(c + ": does not lead with area_id");
            }
            if (c.kind().equals("f") && !(c.referenced().equals("areas") && c.referencedColumns().equals(List.of("id")))
                    && !(tenants.contains(c.referenced()) && c.referencedColumns().get(0).equals("area_id"))) {
                wrong.add(c + ": references another table other than by its area");
            }
            if (c.kind().equals("f") && c.referenced().equals("flyway_schema_history")) {
                wrong.add(c + ": references Flyway's history");
            }
        }
        for (String index : strings("""
                select c.relname || ' ' || pg_get_indexdef(i.indexrelid) from pg_index i
                join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and i.indisunique
                  and (select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0]) <> 'area_id'""")) {
            String table = index.substring(0, index.indexOf(' '));
            if (tenants.contains(table)) {
                wrong.add("unique index not leading with area_id: " + index);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theCitusScriptDistributesEveryTenantTableColocatedAfterWhatItReferences() throws Exception {
        String script = Files.readString(Path.of(System.getProperty("yousaid.repo.root", "..")).resolve("infra/citus/distribute.sql"));
        Matcher distributed = Pattern.compile("create_distributed_table\\('([a-z_]+)', 'area_id', colocate_with => '([a-z_]+)'\\)")
                .matcher(script);
        List<String> order = new ArrayList<>();
        String first = null;
        while (distributed.find()) {
            order.add(distributed.group(1));
            if (first == null) {
                first = distributed.group(1);
                assertThat(distributed.group(2)).isEqualTo("none");
            } else {
                assertThat(distributed.group(2)).as(distributed.group(1) + " colocated").isEqualTo(first);
            }
        }
        assertThat(script).contains("select create_reference_table('areas');");
        Set<String> tenants = new TreeSet<>(strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'area_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')"""));
        assertThat(new TreeSet<>(order)).as("the script's tables").isEqualTo(tenants);
        assertThat(order).doesNotHaveDuplicates();
        for (Constraint c : constraints()) {
            if (c.kind().equals("f") && tenants.contains(c.referenced())) {
                assertThat(order.indexOf(c.referenced())).as(c.table() + " after " + c.referenced())
                        .isLessThan(order.indexOf(c.table()));
            }
        }
    }

    @Test
    void everyQueryNamesTheAreaButTheFewThatReadAcrossAreasOnPurpose() {
        Map<String, String> unrouted = new LinkedHashMap<>();
        int queries = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yousaid")) {
            for (JavaMethod method : type.getMethods()) {
                if (!method.isAnnotatedWith(Query.class)) {
                    continue;
                }
                queries++;
                String sql = method.reflect().getAnnotation(Query.class).value();
                if (!ROUTED.matcher(sql).find()) {
                    unrouted.put(type.getSimpleName() + "." + method.getName(), sql.replaceAll("\\s+", " "));
                }
            }
        }
        System.out.println("queries: " + queries + ", across areas: " + unrouted.size());
        unrouted.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        assertThat(queries).isGreaterThan(250);
        assertThat(new TreeSet<>(unrouted.keySet())).isEqualTo(CROSS_AREA.keySet());
    }

    private List<Constraint> constraints() throws SQLException {
        List<Constraint> out = new ArrayList<>();
        for (String row : strings("""
                select con.conrelid::regclass::text || '|' || con.contype::text || '|'
                  || (select string_agg(a.attname, ',' order by k.ord) from unnest(con.conkey) with ordinality k(n, ord)
                      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) || '|'
                  || coalesce(con.confrelid::regclass::text, '') || '|'
                  || coalesce((select string_agg(a.attname, ',' order by k.ord) from unnest(con.confkey) with ordinality k(n, ord)
                      join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n), '')
                from pg_constraint con where con.connamespace = 'public'::regnamespace and con.contype in ('p', 'u', 'f')""")) {
            String[] f = row.split("\\|", -1);
            out.add(new Constraint(f[0], f[1], List.of(f[2].split(",")), f[3], f[4].isEmpty() ? List.of() : List.of(f[4].split(","))));
        }
        return out;
    }

    private List<String> strings(String sql) {
        return fixtures.column(sql);
    }
}
