package org.yousaid.moderation;

import jakarta.inject.Singleton;
import org.yousaid.area.ForumLeadDuties;

/** Open safeguarding cases keep an area's last forum lead from being demoted: only a forum lead can close them. */
@Singleton
class OpenSafeguardingCases implements ForumLeadDuties {

    private final SafeguardingCaseRepository cases;

    OpenSafeguardingCases(SafeguardingCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public long open(String areaId) {
        return cases.countOpen(areaId);
    }

    @Override
    public String describe() {
        return "safeguarding cases";
    }
}
