/**
 * The content kernel: what every kind of family text has in common, and the one seam through which
 * the rest of YouSaid reaches it. A content feature (wall comments, survey answers) implements
 * {@link org.yousaid.content.ContentSource} once for its {@link org.yousaid.content.ContentType}
 * and publishes the past-tense events here; moderation, tagging, responses and a family's rights
 * read texts and voices only through {@link org.yousaid.content.ContentSources}. What an author sees
 * about their own words comes back through {@link org.yousaid.content.MyWords}, implemented above
 * the features. Depends only on {@code area} (a signpost's support lines).
 */
package org.yousaid.content;
