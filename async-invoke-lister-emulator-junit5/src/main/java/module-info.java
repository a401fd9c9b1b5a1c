/**
 * {@code io.github.asyncinvokelister.emulator.junit5.BedrockRuntimeEmulatorExtension}: the Bedrock Runtime emulator as
 * a JUnit 5 extension.
 */
// Named as the artifact and the package are, after OkHttp's mockwebserver3.junit5; the digits say which JUnit.
@SuppressWarnings("module")
module io.github.asyncinvokelister.emulator.junit5 {
    // In the API's signatures: the emulator, its clock and clients, and JUnit's extension interfaces.
    requires transitive io.github.asyncinvokelister.emulator;
    requires transitive org.junit.jupiter.api;

    exports io.github.asyncinvokelister.emulator.junit5;
}
