package org.yousaid.outcome;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.yousaid.identity.Caller;

@Controller("/v1/areas/{areaId}")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class OutcomeController {

    private static final String PERIOD = "[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])";

    private final OutcomeService outcomes;

    OutcomeController(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Get("/outcomes")
    OutcomeViews.OutcomeList listOutcomes(Caller caller, String areaId) {
        return outcomes.list(caller, areaId);
    }

    @Post("/outcomes")
    @Status(HttpStatus.CREATED)
    OutcomeViews.OutcomeView createOutcome(Caller caller, String areaId, @Body OutcomeViews.OutcomeRequest request) {
        return outcomes.create(caller, areaId, request);
    }

    @Post("/outcomes/{outcomeId}/indicators")
    @Status(HttpStatus.CREATED)
    OutcomeViews.IndicatorView createIndicator(Caller caller, String areaId, UUID outcomeId,
                                               @Body OutcomeViews.IndicatorRequest request) {
        return outcomes.addIndicator(caller, areaId, outcomeId, request);
    }

    @Get("/indicators/{indicatorId}")
    OutcomeViews.IndicatorView getIndicator(Caller caller, String areaId, UUID indicatorId) {
        return outcomes.indicator(caller, areaId, indicatorId);
    }

    @Put("/indicators/{indicatorId}/values/{period}")
    OutcomeViews.ValueView putIndicatorValue(Caller caller, String areaId, UUID indicatorId, @Pattern(regexp = PERIOD) String period,
                                             @Body OutcomeViews.ValueRequest request) {
        return outcomes.enter(caller, areaId, indicatorId, period, request);
    }

    @Get("/indicators/{indicatorId}/values/{period}/history")
    OutcomeViews.ValueHistory getIndicatorValueHistory(Caller caller, String areaId, UUID indicatorId,
                                                       @Pattern(regexp = PERIOD) String period) {
        return outcomes.history(caller, areaId, indicatorId, period);
    }
}
