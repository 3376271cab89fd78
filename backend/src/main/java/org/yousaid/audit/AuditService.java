package org.yousaid.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;

/**
 * Area admins and forum leads read their area's audit log, newest first (the forum answers for its
 * desk, and the log holds no family's words); nobody can change it.
 */
@Singleton
public class AuditService {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final AreaAccess access;
    private final AuditRepository entries;
    private final Cursors cursors;

    AuditService(AreaAccess access, AuditRepository entries, Cursors cursors) {
        this.access = access;
        this.entries = entries;
        this.cursors = cursors;
    }

    @Transactional
    public Page<AuditEntry> page(Caller caller, String areaId, @Nullable String action, @Nullable String cursor, int limit) {
        access.require(caller, areaId, Role.AREA_ADMIN, Role.FORUM_LEAD);
        Cursors.Listing listing = cursors.listing(caller.uid(), "audit", areaId, String.valueOf(action));
        Cursor before = listing.after(cursor);
        return listing.page(entries.page(areaId, before == null ? END_OF_TIME : before.at(),
                        before == null ? new UUID(-1L, -1L) : before.id(), action, limit + 1), limit,
                e -> new Cursor(e.at(), e.id()), Function.identity());
    }
}
