package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.ProblemException;

/**
 * What each area sets for itself: its named safeguarding contact and the support lines families are
 * signposted to. An area that has set none uses national lines that are open to anyone in England.
 */
@Singleton
public class AreaSettingsService {

    /** National lines for anyone in England; an area adds its own (its SENDIASS, its front door). */
    public static final List<SupportLine> NATIONAL_LINES = List.of(
            new SupportLine("Emergency services", "anyone in immediate danger", "999", null, null, "24 hours"),
            new SupportLine("Childline", "children and young people", "0800 1111", null, "https://www.childline.org.uk",
                    "24 hours"),
            new SupportLine("NSPCC Helpline", "adults worried about a child", "0808 800 5000", null, "https://www.nspcc.org.uk",
                    null),
            new SupportLine("Samaritans", "anyone who needs to talk", "116 123", null, "https://www.samaritans.org", "24 hours"),
            new SupportLine("Shout", "anyone in crisis, by text", null, "Text SHOUT to 85258", "https://giveusashout.org",
                    "24 hours"),
            new SupportLine("Contact", "families with disabled children", "0808 808 3555", null, "https://contact.org.uk", null));

    /** How many support lines an area may set. */
    public static final int MAX_SUPPORT_LINES = 20;

    /** What staff see and area admins set. */
    @Serdeable
    public record Settings(@Nullable SafeguardingContact safeguardingContact, List<SupportLine> supportLines, boolean nationalDefaults,
                           @Nullable PrivacyNotice privacyNotice) {
    }

    /**
     * What an area admin changes. A field left out, null or empty keeps what the area has: a client
     * that sends an empty list or no contact by default must not silently take the named
     * safeguarding contact or the area's own support lines away. Going back to the national lines is
     * said outright with {@code nationalLinesOnly}; the contact can be replaced, never removed.
     */
    @Serdeable
    public record SettingsRequest(@Nullable SafeguardingContact safeguardingContact, @Nullable List<SupportLine> supportLines,
                           @Nullable Boolean nationalLinesOnly, @Nullable PrivacyNotice privacyNotice) {
    }

    private final AreaAccess access;
    private final AreaSettingsRepository settings;
    private final AuditLog audit;
    private final Clock clock;

    AreaSettingsService(AreaAccess access, AreaSettingsRepository settings, AuditLog audit, Clock clock) {
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<SafeguardingContact> safeguardingContact(String areaId) {
        return settings.find(areaId).map(AreaSettings::safeguardingContact);
    }

    /** The area's own lines, or the national ones when it has set none. */
    /** The area's privacy notice, if its admin has set one. */
    public Optional<PrivacyNotice> privacyNotice(String areaId) {
        return settings.find(areaId).map(AreaSettings::privacyNotice);
    }

    /** Each of {@code areaIds} that published a privacy notice, with it. */
    Map<String, PrivacyNotice> privacyNotices(java.util.Collection<String> areaIds) {
        return areaIds.isEmpty() ? Map.of() : settings.withPrivacyNotice(areaIds).stream()
                .collect(java.util.stream.Collectors.toMap(AreaSettings::areaId, AreaSettings::privacyNotice));
    }

    public List<SupportLine> supportLines(String areaId) {
        return settings.find(areaId).map(AreaSettings::supportLines).filter(l -> !l.isEmpty()).orElse(NATIONAL_LINES);
    }

    @Transactional
    public Settings get(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.COMMISSIONER, Role.AREA_ADMIN);
        return view(areaId);
    }

    @Transactional
    List<SupportLine> supportLinesFor(Caller caller, String areaId) {
        access.member(caller, areaId);
        return supportLines(areaId);
    }

    @Transactional
    public Settings put(Caller caller, String areaId, SettingsRequest request) {
        CurrentUser admin = access.require(caller, areaId, Role.AREA_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        SafeguardingContact contact = request.safeguardingContact();
        if (contact != null && (bad(contact.name(), 200) || bad(contact.role(), 200) || badOptional(contact.phone(), 40)
                || badOptional(contact.email(), 254))) {
            errors.put("safeguardingContact", "a name and role (1 to 200 characters), and a phone or email");
        }
        List<SupportLine> lines = request.supportLines() == null ? List.of() : request.supportLines();
        boolean national = Boolean.TRUE.equals(request.nationalLinesOnly());
        if (national && !lines.isEmpty()) {
            errors.put("nationalLinesOnly", "either the area's own support lines or the national ones, not both");
        }
        if (lines.size() > MAX_SUPPORT_LINES) {
            errors.put("supportLines", "at most 20");
        }
        for (int i = 0; i < lines.size(); i++) {
            SupportLine l = lines.get(i);
            if (l == null || bad(l.name(), 200) || bad(l.forWhom(), 200) || badOptional(l.phone(), 40) || badOptional(l.text(), 200)
                    || badOptional(l.url(), 500) || badOptional(l.hours(), 200) || (l.phone() == null && l.text() == null && l.url() == null)) {
                errors.put("supportLines[" + i + "]", "a name, who it is for, and a phone, text or url");
            }
        }
        PrivacyNotice notice = request.privacyNotice();
        if (notice != null && (notice.url() == null || !PrivacyNotice.valid(notice.url()))) {
            errors.put("privacyNotice.url", "an https:// address of at most 500 characters");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(AreaProblem.SETTINGS_INVALID, "Some settings are not valid; see errors.", errors);
        }
        Optional<AreaSettings> current = settings.find(areaId);
        SafeguardingContact keptContact = contact != null ? contact : current.map(AreaSettings::safeguardingContact).orElse(null);
        List<SupportLine> keptLines = national ? List.of()
                : !lines.isEmpty() ? lines : current.map(AreaSettings::supportLines).orElse(List.of());
        settings.save(areaId, keptContact, keptLines, clock.instant().truncatedTo(ChronoUnit.MICROS), admin.uid());
        if (notice != null) {
            settings.savePrivacyNotice(areaId, notice.url(), notice.updatedOn());
        }
        audit.record(areaId, admin.uid(), "area.settings", null, null,
                Map.of("safeguardingContact", String.valueOf(keptContact != null), "supportLines", Integer.toString(keptLines.size()),
                        "privacyNotice", String.valueOf(notice != null)));
        return view(areaId);
    }

    private Settings view(String areaId) {
        Optional<AreaSettings> own = settings.find(areaId);
        boolean national = own.map(s -> s.supportLines().isEmpty()).orElse(true);
        return new Settings(own.map(AreaSettings::safeguardingContact).orElse(null), supportLines(areaId), national,
                own.map(AreaSettings::privacyNotice).orElse(null));
    }

    private static boolean bad(@Nullable String text, int max) {
        return FamilyText.accepted(text, max).isEmpty();
    }

    private static boolean badOptional(@Nullable String text, int max) {
        return text != null && bad(text, max);
    }
}
