/**
 * A family's rights over what YouSaid holds about them: "my words" (what an author sees about their
 * own texts), export of everything held, erasure at their request, and the retention periods after
 * which words go without anyone asking. Sits above the content features and the features that
 * consume them; nothing below depends on it except through {@code content.MyWords}.
 */
package org.yousaid.rights;
