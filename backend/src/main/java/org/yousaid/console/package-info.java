/**
 * The staff console: server-rendered pages (GOV.UK Frontend, no single-page framework) through
 * which forum leads, commissioners and area admins use YouSaid. It sits above every feature and
 * calls their services; no feature depends on it.
 */
package org.yousaid.console;
