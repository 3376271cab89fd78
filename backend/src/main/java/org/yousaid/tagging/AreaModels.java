package org.yousaid.tagging;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;

/**
 * The retrained theme model an area's tagging uses, as the tagger takes it: its number, version and
 * themes at once, its bytes (a dozen megabytes) read only by a server that has not loaded it yet.
 */
@Singleton
final class AreaModels {

    private final ThemeModelRepository models;
    private final TransactionOperations<Connection> transactions;

    AreaModels(ThemeModelRepository models, TransactionOperations<Connection> transactions) {
        this.models = models;
        this.transactions = transactions;
    }

    Optional<ThemeTagger.AreaModel> active(String areaId) {
        return transactions.executeRead(status -> models.active(areaId)).map(active ->
                new ThemeTagger.AreaModel(areaId, active.number(), active.version(), Set.of(active.themes()),
                        () -> transactions.executeRead(status -> models.packed(areaId, active.number()))
                                .map(PackedThemeModel::model)
                                .orElseThrow(() -> new IllegalStateException("the area switched model meanwhile"))));
    }
}
