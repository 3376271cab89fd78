package org.yousaid.survey;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.moderation.ModeratedContent;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.shared.ProblemException;

/**
 * Free-text survey answers as moderation sees them: the text tagging analysed, so a flagged answer
 * reaches the safeguarding queue like a wall comment. Survey answers are never public.
 */
@Singleton
final class SurveyAnswerModeration implements ModeratedContent {

    private final AnswerStore answers;
    private final SurveyAnswerTexts texts;

    SurveyAnswerModeration(AnswerStore answers, SurveyAnswerTexts texts) {
        this.answers = answers;
        this.texts = texts;
    }

    @Override
    public String contentType() {
        return SurveyAnswerTagging.CONTENT_TYPE;
    }

    @Override
    public ReviewItem get(String areaId, UUID id) {
        return answers.find(areaId, id).map(this::item).orElseThrow(() -> new ProblemException(
                SurveyProblem.ANSWER_NOT_FOUND, "There is no such survey answer."));
    }

    @Override
    public List<ReviewItem> find(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : answers.findAmong(areaId, ids).stream().map(this::item).toList();
    }

    private ReviewItem item(SurveyAnswer a) {
        return new ReviewItem(contentType(), a.id(), a.areaId(), texts.text(a).orElse(null), null, a.respondentRole(),
                a.status(), a.submittedAt() == null ? a.updatedAt() : a.submittedAt(), null, null);
    }
}
