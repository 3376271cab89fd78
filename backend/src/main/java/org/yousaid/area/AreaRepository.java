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

    @Query("select * from areas order by name")
    List<Area> listAll();

    @Query("select * from areas where id in (:ids) order by name")
    List<Area> findAll(List<String> ids);

    @Query("""
            insert into areas (id, name) values (:id, :name)
            on conflict (id) do nothing""")
    int insertIfAbsent(String id, String name);
}
