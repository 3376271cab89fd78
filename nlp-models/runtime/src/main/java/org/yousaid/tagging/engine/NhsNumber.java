package org.yousaid.tagging.engine;

/**
 * NHS number check digit (modulus 11): weights 10..2 over the first nine digits; 11 - (sum mod 11)
 * is the tenth digit, 11 counts as 0 and 10 means the number is invalid. Ten random digits pass
 * about one time in eleven, so the check keeps order numbers and the like out of redaction spans.
 */
final class NhsNumber {

    private NhsNumber() {
    }

    static boolean valid(String digits) {
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
