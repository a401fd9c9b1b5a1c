/**
 * Benchmarks of the lister against the AWS SDK's own paginator and boto3, all over the embedded emulator; see
 * BENCHMARKS.md at the repository root. Built only by the {@code bench} Maven profile; nothing here is API.
 */
package io.github.asyncinvokelister.bench;
