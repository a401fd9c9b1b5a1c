/**
 * Not API: the SDK adapter, the token codec and the page walker behind
 * {@link io.github.asyncinvokelister.AsyncInvokeLister}. Anything here may change in any release.
 */
package io.github.asyncinvokelister.internal;
