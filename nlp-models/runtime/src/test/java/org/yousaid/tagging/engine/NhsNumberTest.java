package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void checksTheModulus11CheckDigit() {
        assertThat(NhsNumber.valid("9434765919")).isTrue();
        assertThat(NhsNumber.valid("3982597919")).isTrue();
        assertThat(NhsNumber.valid("9434765918")).isFalse();
        assertThat(NhsNumber.valid("1234567890")).isFalse();
        assertThat(NhsNumber.valid("943476591")).isFalse();
    }
}
