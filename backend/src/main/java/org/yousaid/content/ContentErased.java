package org.yousaid.content;

/**
 * A family's words were erased at their request, or because a retention period passed: the feature
 * removed the text in the same transaction. Moderation, tagging and the loop drop what they derived
 * from it (tags, embeddings, moderated text, proposed redactions); ids and actions stay.
 */
public record ContentErased(ContentRef ref, Why why) {

    public enum Why {
        FAMILY_REQUEST, RETENTION
    }
}
