package org.yousaid.survey;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.moderation.ModeratedContent;

/**
 * Free-text survey answers as moderation reads them: exactly the text tagging analysed, so the
 * redaction offsets point at the same characters. A survey answer is shown to no one but its family
 * and the forum leads reviewing it unless the family agreed to be quoted (without their name); only
 * then can a forum lead approve it for quoting and a response cite it.
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
    public ContentType contentType() {
        return ContentType.SURVEY_ANSWER;
    }

    @Override
    public Set<UUID> quotable(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(answers.quotable(areaId, ids));
    }

    @Override
    public Map<UUID, String> texts(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : texts.texts(answers.findAmong(areaId, ids));
    }
}
