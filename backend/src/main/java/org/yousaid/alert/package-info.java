/**
 * Safeguarding alerts that need no phone: an email through GOV.UK Notify to the area's forum leads
 * and its safeguarding contact when a case opens, from an outbox written with the case. The only
 * package that knows Notify.
 */
package org.yousaid.alert;
