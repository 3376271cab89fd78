package org.yousaid.area;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AreaRepository extends GenericRepository<Area, String> {

    @Query("select * from areas where id = :id")
    Optional<Area> find(String id);

    /** Taken before a role changes, so two changes in one area (two admins demoting each other) run one after the other. */
    @Query("select * from areas where id = :id for update")
    Optional<Area> lock(String id);

    @Query("select * from areas order by name, id limit :limit")
    List<Area> firstPage(int limit);

    /** Areas after the named one in (name, id) order; a cursor to a deleted area reads as the end. */
    @Query("""
            select * from areas where (name, id) > ((select a.name from areas a where a.id = :afterId), :afterId)
            order by name, id limit :limit""")
    List<Area> pageAfter(String afterId, int limit);

    @Query("select * from areas where id in (:ids) order by name")
    List<Area> findAll(List<String> ids);

    @Query("""
            insert into areas (id, name) values (:id, :name)
            on conflict (id) do nothing""")
    int insertIfAbsent(String id, String name);
}
