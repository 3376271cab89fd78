package org.yousaid.console;

import java.util.List;
import java.util.Map;
import org.yousaid.identity.Role;

/**
 * Where each role's work is in an area: the pages its navigation offers, in the order the work is
 * usually done. A page a role cannot use is not offered (its service would refuse it anyway).
 */
final class ConsoleNav {

    private ConsoleNav() {
    }

    /** One page of an area's work. {@code path} is under {@code /console/areas/{area}/}. */
    record Page(String path, String label, String purpose) {
    }

    /** A link in the area's navigation, marked when it is the page being shown. */
    record Link(String href, String label, String purpose, boolean current) {
    }

    static final Map<Role, List<Page>> BY_ROLE = Map.of(
            Role.FORUM_LEAD, List.of(
                    new Page("safeguarding", "Safeguarding", "Open cases: escalate to the safeguarding contact or mark handled"),
                    new Page("queue", "Review queue", "Families' words waiting for a person before anything is public"),
                    new Page("themes", "Themes", "The area's themes: add, rename, merge, split, retire"),
                    new Page("groups", "Similar words", "Words families said alike, with the people and \u201cme too\u201d counts"),
                    new Page("model", "Theme model", "How well the area's model tags, and retraining"),
                    new Page("responses", "You said, we did", "Responses waiting for the forum's sign-off"),
                    new Page("audit", "Audit log", "Who decided what on the desk, and when")),
            Role.COMMISSIONER, List.of(
                    new Page("surveys", "Surveys", "Start, edit, publish and retire surveys; results"),
                    new Page("invitations", "Invitations", "Who was asked, and the EHC plan events that sent them"),
                    new Page("responses", "You said, we did", "Draft, cite, aim at outcomes, act and publish"),
                    new Page("outcomes", "Outcomes", "The area's outcomes and indicators, with their trends"),
                    new Page("loop", "Loop metrics", "How much, how well, is anyone better off"),
                    new Page("report", "Board report", "The quarterly report: view, PDF and CSV")),
            Role.AREA_ADMIN, List.of(
                    new Page("members", "Members", "People and their roles"),
                    new Page("settings", "Area settings", "Support lines and the safeguarding contact"),
                    new Page("outbox", "Push outbox", "What was sent to families' phones, and what failed"),
                    new Page("audit", "Audit log", "Who did what, and when")));

    static List<Page> pages(Role role) {
        return BY_ROLE.getOrDefault(role, List.of());
    }

    /** The area's navigation for a role; {@code currentPath} marks the page being shown. */
    static List<Link> links(Role role, String areaId, String currentPath) {
        return pages(role).stream().map(page -> {
            String href = "/console/areas/" + areaId + "/" + page.path();
            return new Link(href, page.label(), page.purpose(), currentPath.equals(href) || currentPath.startsWith(href + "/"));
        }).toList();
    }
}
