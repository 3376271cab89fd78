package org.yousaid.response;

/**
 * The forum signs off what is published: a change it has not seen (an edit, an action added) sends a
 * response awaiting sign-off or signed off back to draft. A draft, a response with changes requested and a
 * published one keep their status (a published response's edits are published as revisions).
 */
record ReturnToDraft(String from, String to) {

    static ReturnToDraft afterChangeTo(String status) {
        return new ReturnToDraft(status, switch (status) {
            case ResponseRow.AWAITING_SIGN_OFF, ResponseRow.SIGNED_OFF -> ResponseRow.DRAFT;
            default -> status;
        });
    }

    /** Whether the change took the forum's sign-off away (the caller must be told). */
    boolean returned() {
        return !from.equals(to);
    }
}
