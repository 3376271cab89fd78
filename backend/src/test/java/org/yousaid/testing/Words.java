package org.yousaid.testing;

/** Families' words the tests send, written for them (never a real family's). */
public final class Words {

    /** Seven families waiting for equipment: what "you said, we did" tests answer. */
    public static final String[] EQUIPMENT_WAITS = {
        "We have waited five months for a wheelchair and my son cannot get to school without it.",
        "The wait for a specialist seat at home was seven months, far too long for a growing child.",
        "Our daughter's standing frame took half a year to arrive and she lost so much progress.",
        "We waited over four months for a hoist, my back is ruined from lifting him.",
        "Still waiting for the communication aid the therapist asked for in the spring.",
        "The wheelchair service waiting list is so long, we have been waiting since last year.",
        "Months of waiting for a bath seat and nobody can tell us when it will come.",
    };

    private Words() {
    }
}
