package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.HarnessSettings;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options every subcommand shares. Settings are the same {@code fer.*} keys as the tests use (README "Settings"):
 * {@code -D key=value} on the command line wins over a system property, which wins over an environment variable.
 */
final class CommonOptions {
    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "a harness setting, e.g. -D fer.loss.margin=0.2")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--protocol", converter = ProtocolName.class,
            description = "smoke | reduced | paper (default: fer.protocol, else reduced)")
    String protocol;

    /** An unknown protocol is a usage error (exit code 2), like an unknown option. */
    static final class ProtocolName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return io.github.mbaseresnet.experiment.Protocol.named(value).name();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = {"-q", "--quiet"}, description = "no progress output on stderr")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "stack traces with error messages")
    boolean verbose;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /**
     * The settings, after refusing any {@code fer.*} key no setting reads (from {@code -D}, a system property or a
     * {@code FER_*} variable) as a usage error: a typo must not silently run the defaults. So is {@code -D key=} with
     * no value (e.g. an unset shell variable after the {@code =}), which the settings would read as not set.
     */
    HarnessSettings harnessSettings() {
        if (protocol != null) {
            settings.put("fer.protocol", protocol);
        }
        java.util.List<String> empty = settings.entrySet().stream().filter(e -> e.getValue().isBlank())
                .map(e -> "-D " + e.getKey() + "=").toList();
        if (!empty.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), String.join(", ", empty)
                    + ": no value; give one, or leave the setting out for its default");
        }
        java.util.Set<String> given = new java.util.TreeSet<>(settings.keySet());
        given.addAll(System.getProperties().stringPropertyNames());
        java.util.List<String> unknown = new java.util.ArrayList<>(HarnessSettings.unknownSettings(given,
                System.getenv().keySet()));
        settings.keySet().stream().filter(k -> !k.startsWith("fer.")) // -D is for settings only: fer_epochs, " fer.x"
                .forEach(k -> unknown.add("'" + k + "' (settings are fer.* keys)"));
        if (!unknown.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    HarnessSettings.unknownMessage(unknown));
        }
        return HarnessSettings.layered(settings);
    }

    /** Implemented by commands that carry these options, so the error handler can honour --verbose. */
    interface Holder {
        CommonOptions common();
    }
}
