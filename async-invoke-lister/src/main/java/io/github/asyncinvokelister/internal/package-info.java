/**
 * Not API, and not exported by the module: the paging engine behind
 * {@link io.github.asyncinvokelister.AsyncInvokeLister} (the walker, read-ahead, the SDK adapter and its response
 * reader, the token codec, the service's limits). Public only where the API package must reach it.
 */
package io.github.asyncinvokelister.internal;
