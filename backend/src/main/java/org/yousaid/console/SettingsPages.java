package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaProblem;
import org.yousaid.area.PrivacyNotice;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.area.SafeguardingContact;
import org.yousaid.area.SupportLine;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.ProblemException;

/**
 * The area admin's settings: the named safeguarding contact forum leads escalate to, and the support
 * lines families are signposted to. The same service and rules as the API's {@code PUT …/settings}:
 * area admins only, a contact can be replaced but not removed, and the area's own lines or the
 * national ones, said outright.
 */
@Controller("/console/areas/{areaId}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SettingsPages {

    static final String REFUSED = "You cannot change this area's settings";
    private static final Pattern LINE_ERROR = Pattern.compile("supportLines\\[(\\d+)]");

    /** The contact as the form holds it (blank, not null, for what is not set). */
    record ContactForm(String name, String role, String phone, String email) {

        public boolean blank() {
            return Stream.of(name, role, phone, email).allMatch(String::isBlank);
        }

        SafeguardingContact contact() {
            return new SafeguardingContact(name, role, orNull(phone), orNull(email));
        }
    }

    /** One support line as a row of the form; {@code error} is shown on the row's name. */
    record LineForm(int index, String name, String forWhom, String phone, String text, String url, String hours,
                    @Nullable String error) {

        public boolean blank() {
            return Stream.of(name, forWhom, phone, text, url, hours).allMatch(String::isBlank);
        }

        SupportLine line() {
            return new SupportLine(name, forWhom, orNull(phone), orNull(text), orNull(url), orNull(hours));
        }

        LineForm withError(String message) {
            return new LineForm(index, name, forWhom, phone, text, url, hours, message);
        }
    }

    private final StaffSessions sessions;
    private final AreaSettingsService settings;
    private final AreaAccess access;

    SettingsPages(StaffSessions sessions, AreaSettingsService settings, AreaAccess access) {
        this.sessions = sessions;
        this.settings = settings;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            // Forum leads and commissioners read the settings through the API; this page is the admin's form.
            access.require(caller, areaId, Role.AREA_ADMIN);
            AreaSettingsService.Settings now = settings.get(caller, areaId);
            SafeguardingContact c = now.safeguardingContact();
            ContactForm contact = c == null ? new ContactForm("", "", "", "")
                    : new ContactForm(c.name(), c.role(), text(c.phone()), text(c.email()));
            List<LineForm> lines = new ArrayList<>();
            if (!now.nationalDefaults()) {
                for (SupportLine l : now.supportLines()) {
                    lines.add(new LineForm(lines.size(), l.name(), l.forWhom(), text(l.phone()), text(l.text()), text(l.url()),
                            text(l.hours()), null));
                }
            }
            PrivacyNotice notice = now.privacyNotice();
            return page(HttpStatus.OK, request, caller, areaId, now, contact, now.nationalDefaults() ? "national" : "own",
                    withBlankRow(lines), notice == null ? "" : notice.url(),
                    notice == null || notice.updatedOn() == null ? "" : notice.updatedOn().toString(), List.of(),
                    "saved".equals(done) ? "The area\u2019s settings were saved." : null);
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String areaId, @Body Map<String, String> form) {
        return Pages.forPost(sessions, request, form.get("csrf"), REFUSED, caller -> {
            // Who may not change the settings is refused before being told what is wrong with the form.
            access.require(caller, areaId, Role.AREA_ADMIN);
            ContactForm contact = new ContactForm(field(form, "contact-name"), field(form, "contact-role"),
                    field(form, "contact-phone"), field(form, "contact-email"));
            String choice = field(form, "lines");
            List<LineForm> rows = new ArrayList<>();
            for (int i = 0; i < AreaSettingsService.MAX_SUPPORT_LINES + 1 && form.containsKey("line-" + i + "-name"); i++) {
                rows.add(new LineForm(i, field(form, "line-" + i + "-name"), field(form, "line-" + i + "-for"),
                        field(form, "line-" + i + "-phone"), field(form, "line-" + i + "-text"), field(form, "line-" + i + "-url"),
                        field(form, "line-" + i + "-hours"), null));
            }
            List<LineForm> filled = rows.stream().filter(r -> !r.blank()).toList();
            boolean national = "national".equals(choice);
            List<Pages.FieldError> errors = new ArrayList<>();
            String noticeUrl = field(form, "notice-url");
            String noticeUpdated = field(form, "notice-updated");
            PrivacyNotice notice = null;
            java.time.LocalDate updatedOn = null;
            if (!noticeUpdated.isBlank()) {
                try {
                    updatedOn = java.time.LocalDate.parse(noticeUpdated.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(new Pages.FieldError("notice-updated", "Enter the date the privacy notice last changed, for example 2026-12-01"));
                }
            }
            if (!noticeUrl.isBlank()) {
                notice = new PrivacyNotice(noticeUrl.strip(), updatedOn);
            } else if (updatedOn != null) {
                errors.add(new Pages.FieldError("notice-url", "Enter the web address of the privacy notice"));
            }
            if (!national && !"own".equals(choice)) {
                errors.add(new Pages.FieldError("lines", "Select which support lines families are shown"));
            } else if (!national && filled.isEmpty()) {
                errors.add(new Pages.FieldError("line-0-name", "Enter at least one support line of the area\u2019s own, or choose the national lines"));
            }
            if (errors.isEmpty()) {
                try {
                    settings.put(caller, areaId, new AreaSettingsService.SettingsRequest(contact.blank() ? null : contact.contact(),
                            national ? null : filled.stream().map(LineForm::line).toList(), national ? Boolean.TRUE : null, notice));
                    return Pages.seeOther("/console/areas/" + areaId + "/settings?done=saved");
                } catch (ProblemException e) {
                    if (e.problem() != AreaProblem.SETTINGS_INVALID) {
                        throw e;
                    }
                    rows = markLineErrors(e.errors(), filled, rows, errors);
                    if (e.errors().containsKey("privacyNotice.url")) {
                        errors.add(new Pages.FieldError("notice-url", "Enter a web address that starts with https://, up to 500 characters"));
                    }
                    if (e.errors().containsKey("safeguardingContact")) {
                        errors.addFirst(new Pages.FieldError("contact-name", "Enter the safeguarding contact\u2019s name and role"
                                + " (up to 200 characters each), and a phone number (up to 40) or email address (up to 254)"));
                    }
                }
            }
            return page(HttpStatus.BAD_REQUEST, request, caller, areaId, settings.get(caller, areaId), contact, choice,
                    rows.isEmpty() ? withBlankRow(rows) : rows, noticeUrl, noticeUpdated, errors, null);
        });
    }

    private static List<LineForm> markLineErrors(Map<String, String> serviceErrors, List<LineForm> sent, List<LineForm> rows,
                                                 List<Pages.FieldError> errors) {
        Map<Integer, String> byRow = new HashMap<>();
        for (String key : serviceErrors.keySet()) {
            Matcher m = LINE_ERROR.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
                byRow.put(sent.get(Integer.parseInt(m.group(1))).index(), "Support line " + (sent.get(Integer.parseInt(m.group(1))).index() + 1)
                        + ": enter its name and who it is for (up to 200 characters each), and a phone number, text instruction or web address");
            }
        }
        if (serviceErrors.containsKey("supportLines")) {
            errors.add(new Pages.FieldError("line-0-name", "Enter at most " + AreaSettingsService.MAX_SUPPORT_LINES + " support lines"));
        }
        if (serviceErrors.containsKey("nationalLinesOnly")) {
            errors.add(new Pages.FieldError("lines", "Choose either the area\u2019s own support lines or the national ones"));
        }
        byRow.keySet().stream().sorted().forEach(i -> errors.add(new Pages.FieldError("line-" + i + "-name", byRow.get(i))));
        return rows.stream().map(r -> byRow.containsKey(r.index()) ? r.withError(byRow.get(r.index())) : r).toList();
    }

    private MutableHttpResponse<?> page(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                        AreaSettingsService.Settings now, ContactForm contact, String choice, List<LineForm> lines,
                                        String noticeUrl, String noticeUpdated, List<Pages.FieldError> errors, @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("contact", contact);
        model.put("hasContact", now.safeguardingContact() != null);
        model.put("contactError", MembersPages.message(errors, "contact-name"));
        model.put("choice", choice);
        model.put("noticeUrl", noticeUrl);
        model.put("noticeUpdated", noticeUpdated);
        model.put("noticeError", MembersPages.message(errors, "notice-url"));
        model.put("noticeDateError", MembersPages.message(errors, "notice-updated"));
        model.put("choiceError", MembersPages.message(errors, "lines"));
        String firstLineError = MembersPages.message(errors, "line-0-name");
        model.put("lines", lines.stream().map(l -> l.index() == 0 && l.error() == null && firstLineError != null
                ? l.withError(firstLineError) : l).toList());
        model.put("nationalDefaults", now.nationalDefaults());
        model.put("nationalLines", AreaSettingsService.NATIONAL_LINES);
        model.put("maxLines", AreaSettingsService.MAX_SUPPORT_LINES);
        model.put("errors", errors);
        model.put("done", done);
        return Pages.areaPage(status, "console/settings", request, access, caller, areaId, model);
    }

    /** One empty row to add a line with (a form without script cannot add rows). */
    private static List<LineForm> withBlankRow(List<LineForm> lines) {
        if (lines.size() >= AreaSettingsService.MAX_SUPPORT_LINES) {
            return lines;
        }
        List<LineForm> all = new ArrayList<>(lines);
        all.add(new LineForm(lines.size(), "", "", "", "", "", "", null));
        return all;
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String orNull(String value) {
        return value.isBlank() ? null : value;
    }
}
