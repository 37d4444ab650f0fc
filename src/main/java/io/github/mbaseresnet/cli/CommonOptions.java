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

    HarnessSettings harnessSettings() {
        if (protocol != null) {
            settings.put("fer.protocol", protocol);
        }
        return HarnessSettings.layered(settings);
    }

    /** Implemented by commands that carry these options, so the error handler can honour --verbose. */
    interface Holder {
        CommonOptions common();
    }
}
