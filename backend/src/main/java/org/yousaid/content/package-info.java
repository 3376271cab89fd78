/**
 * The shared words for family text across features: a typed reference and the past-tense events
 * content features publish (wall comments, survey answers) and tagging and moderation listen to.
 * Depends on nothing else of YouSaid.
 */
package org.yousaid.content;
