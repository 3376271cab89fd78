package org.yousaid;

import io.micronaut.runtime.Micronaut;
import org.yousaid.cli.MigrateCommand;
import org.yousaid.cli.RetrainThemesCommand;
import picocli.CommandLine;

/** YouSaid's backend: closes the loop between SEND families and commissioners. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("retrain-themes") || args[0].equals("migrate"))) {
            Object command = args[0].equals("migrate") ? new MigrateCommand() : new RetrainThemesCommand();
            int exit = new CommandLine(command).execute(java.util.Arrays.copyOfRange(args, 1, args.length));
            if (exit != 0) {
                System.exit(exit);
            }
            return;
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
