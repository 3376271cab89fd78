package org.yousaid.survey;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.moderation.ModeratedContent;

/**
 * Free-text survey answers as moderation reads them: exactly the text tagging analysed, so the
 * redaction offsets point at the same characters. Survey answers are never public; publishing one
 * means a forum lead approved it for quoting in reports.
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
    public Map<UUID, String> texts(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : texts.texts(answers.findAmong(areaId, ids));
    }
}
