/**
 * The wire: ZeroMQ sockets (JeroMQ), connection files and signed multipart messages.
 */
package org.neuromorph.kernel.wire;
