package org.yousaid.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.yousaid.identity.Caller;

@Controller("/v1/areas/{areaId}/moderation/themes")
@ExecuteOn(TaskExecutors.BLOCKING)
class TaxonomyController {

    private final TaxonomyService taxonomy;

    TaxonomyController(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Get
    TaxonomyService.TaxonomyView getAreaTaxonomy(Caller caller, String areaId) {
        return taxonomy.taxonomy(caller, areaId);
    }

    @Get("/history")
    TaxonomyService.History getAreaTaxonomyHistory(Caller caller, String areaId) {
        return taxonomy.history(caller, areaId);
    }

    @Post
    TaxonomyService.TaxonomyView addAreaTheme(Caller caller, String areaId, @Body TaxonomyService.NewTheme request) {
        return taxonomy.add(caller, areaId, request);
    }

    @Put("/{themeId}")
    TaxonomyService.TaxonomyView describeAreaTheme(Caller caller, String areaId, String themeId,
                                                   @Body TaxonomyService.ThemeText request) {
        return taxonomy.describe(caller, areaId, themeId, request);
    }

    @Post("/{themeId}/retire")
    TaxonomyService.TaxonomyView retireAreaTheme(Caller caller, String areaId, String themeId) {
        return taxonomy.retire(caller, areaId, themeId);
    }

    @Post("/{themeId}/merge")
    TaxonomyService.TaxonomyView mergeAreaTheme(Caller caller, String areaId, String themeId, @Body TaxonomyService.Merge request) {
        return taxonomy.merge(caller, areaId, themeId, request);
    }

    @Post("/{themeId}/split")
    TaxonomyService.TaxonomyView splitAreaTheme(Caller caller, String areaId, String themeId, @Body TaxonomyService.Split request) {
        return taxonomy.split(caller, areaId, themeId, request);
    }
}
