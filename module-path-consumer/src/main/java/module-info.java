/**
 * A user's modular application, in miniature: it needs only these two lines to list from the emulator on the module
 * path (the SDK's modules come through the library's {@code requires transitive}).
 */
module io.github.asyncinvokelister.example {
    requires io.github.asyncinvokelister;
    requires io.github.asyncinvokelister.emulator;
}
