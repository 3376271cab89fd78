package org.yousaid.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yousaid.testing.Tokens;

/** A browser: keeps the cookies it is given, does not follow redirects, so the test sees each one. */
final class ConsoleBrowser {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final URI server;

    ConsoleBrowser(URI server) {
        this.server = server;
    }

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post with fields in order, a name as often as it is sent (ticked checkboxes, repeated rows). */
    HttpResponse<String> postFields(String path, java.util.List<Map.Entry<String, String>> form) throws IOException, InterruptedException {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The form token a page embeds. */
    static String formTokenIn(String page) {
        Matcher m = FORM_TOKEN.matcher(page);
        return m.find() ? m.group(1) : "no token on the page";
    }


    /** A form post of a body as given: repeated fields (checkboxes, one select per row) in their order. */
    HttpResponse<String> postRaw(String path, String urlEncodedBody) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody)));
    }

    /** A form post as htmx sends it (the {@code HX-Request} header), as a page enhanced with htmx does. */
    HttpResponse<String> postHtmx(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // A template that fails while it renders leaves the response open: fail the test, do not hang it.
        request.timeout(java.time.Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** The form token the sign-in page embeds (and sets as a cookie). */
    String formToken() throws IOException, InterruptedException {
        Matcher m = FORM_TOKEN.matcher(get("/console/sign-in").body());
        return m.find() ? m.group(1) : "no token on the page";
    }

    /** Signs in at /console/session with a fresh Firebase ID token, as the sign-in page's script will. */
    HttpResponse<String> signIn(String uid) throws IOException, InterruptedException {
        return post("/console/session", Map.of("csrf", formToken(), "idToken", Tokens.idToken(uid)));
    }

    /** A form post whose fields may repeat (checkboxes), in the order given. */
    HttpResponse<String> post(String path, java.util.List<Map.Entry<String, String>> form) throws IOException, InterruptedException {
        String body = form.stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens a server-sent events stream as the browser's EventSource would (with the cookies, no
     * timeout): the lines arrive as the server sends them.
     */
    HttpResponse<java.util.stream.Stream<String>> stream(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Accept", "text/event-stream").GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    /**
     * What the form posting to {@code action} on a page would send as it stands: its inputs' values,
     * textareas' text, selects' chosen options and ticked boxes (buttons are left out). Enough for the
     * console's own server-rendered forms, not a general HTML parser.
     */
    static Map<String, String> fields(String page, String action) {
        int at = page.indexOf("action=\"" + action + "\"");
        if (at < 0) {
            throw new AssertionError("no form posting to " + action);
        }
        String form = page.substring(at, page.indexOf("</form>", at));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
        while (input.find()) {
            String tag = input.group(1);
            String name = attribute(tag, "name");
            String type = attribute(tag, "type");
            if (name == null || (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked"))) {
                continue;
            }
            String value = attribute(tag, "value");
            fields.put(name, value == null ? "" : value);
        }
        Matcher area = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (area.find()) {
            fields.put(attribute(area.group(1), "name"), unescape(area.group(2)));
        }
        Matcher select = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (select.find()) {
            Matcher chosen = Pattern.compile("<option([^>]*selected[^>]*)>").matcher(select.group(2));
            Matcher first = Pattern.compile("<option([^>]*)>").matcher(select.group(2));
            String value = chosen.find() ? attribute(chosen.group(1), "value") : first.find() ? attribute(first.group(1), "value") : "";
            fields.put(attribute(select.group(1), "name"), value);
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
