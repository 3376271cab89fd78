package org.yousaid.area;

/**
 * Work in an area that only a forum lead can close, kept by features above area (moderation's open
 * safeguarding cases). Area asks it before the last forum lead goes, so a concern is never left with
 * nobody able to act on it; area knows none of those features, they implement this.
 */
public interface ForumLeadDuties {

    /** How many items of this work are open in the area. */
    long open(String areaId);

    /** What the work is, as a refusal names it ("open safeguarding cases"). */
    String describe();
}
