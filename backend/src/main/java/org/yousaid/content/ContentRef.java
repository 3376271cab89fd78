package org.yousaid.content;

import java.util.UUID;

/** One piece of family text in an area: what moderation, tagging and responses key their records by. */
public record ContentRef(String areaId, ContentType type, UUID id) {

    public static ContentRef comment(String areaId, UUID id) {
        return new ContentRef(areaId, ContentType.COMMENT, id);
    }

    public static ContentRef surveyAnswer(String areaId, UUID id) {
        return new ContentRef(areaId, ContentType.SURVEY_ANSWER, id);
    }
}
