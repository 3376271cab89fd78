package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yousaid.area.AreaProblem;
import org.yousaid.identity.AuthProblem;
import org.yousaid.moderation.ModerationProblem;
import org.yousaid.testing.Contract;
import org.yousaid.notify.NotifyProblem;
import org.yousaid.outcome.OutcomeProblem;
import org.yousaid.response.ResponseProblem;
import org.yousaid.tagging.TaggingProblem;
import org.yousaid.survey.SurveyProblem;
import org.yousaid.wall.WallProblem;

/** The code enums and the contract's ProblemCode list must agree, in both directions. */
class ProblemCatalogueTest {

    static Stream<ProblemCode> allCodes() {
        return Stream.of(RequestProblem.values(), IdempotencyProblem.values(), AuthProblem.values(),
                AreaProblem.values(), WallProblem.values(), ModerationProblem.values(),
                SurveyProblem.values(), NotifyProblem.values(), TaggingProblem.values(), OutcomeProblem.values(),
                ResponseProblem.values(), org.yousaid.rights.RightsProblem.values()).flatMap(Stream::of);
    }

    @Test
    void everyCodeIsInTheContractAndEveryContractCodeExists() {
        Set<String> inEnums = new TreeSet<>(allCodes().map(ProblemCode::code).toList());
        Set<String> inSpec = new TreeSet<>();
        Contract.get().spec().at("/components/schemas/ProblemCode/enum").forEach(n -> inSpec.add(n.asText()));

        assertThat(inSpec).containsExactlyElementsOf(inEnums);
    }

    @Test
    void codesAreDottedAndStatusesAreErrors() {
        List<String> bad = new ArrayList<>();
        allCodes().forEach(p -> {
            if (!p.code().matches("^[a-z]+\\.[a-z_]+$") || p.status().getCode() < 400) {
                bad.add(p.code());
            }
        });
        assertThat(bad).isEmpty();
    }
}
