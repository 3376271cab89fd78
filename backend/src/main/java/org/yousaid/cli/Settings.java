package org.yousaid.cli;

/** A setting as the server reads it: a system property first, then the environment variable. */
final class Settings {

    private Settings() {
    }

    static String of(String environment, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }

    static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
