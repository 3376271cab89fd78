package org.yousaid;

import io.micronaut.runtime.Micronaut;

/** YouSaid's backend: closes the loop between SEND families and commissioners. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
