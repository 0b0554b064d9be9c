/**
 * Test helpers of the codec shared with other modules' tests through this module's test-jar
 * (its own package, so that the named module {@code io.varbind.codec} does not split it).
 */
package io.varbind.codec.testing;
