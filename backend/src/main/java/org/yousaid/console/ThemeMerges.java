package org.yousaid.console;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.yousaid.identity.Caller;
import org.yousaid.moderation.TaxonomyService;

/**
 * The API merges one theme into another; the page merges several at once. Each is the API's merge
 * (its rules, its version, its audit), all in one transaction, so a refusal of any leaves every
 * theme as it was rather than half the choice merged.
 */
@Singleton
class ThemeMerges {

    private final TaxonomyService taxonomy;

    ThemeMerges(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Transactional
    public TaxonomyService.TaxonomyView mergeAll(Caller caller, String areaId, List<String> themes, String into) {
        TaxonomyService.TaxonomyView view = null;
        for (String theme : themes) {
            view = taxonomy.merge(caller, areaId, theme, new TaxonomyService.Merge(into));
        }
        return view;
    }
}
