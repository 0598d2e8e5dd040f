package dev.hearth.privacy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Anchor records sent to a syslog collector as RFC 5424 messages over UDP (facility "log
 * audit", severity informational; app name {@code hearth}, message id
 * {@code AUDIT_ANCHOR}, the JSON record as the message). UDP gives no delivery receipt:
 * use it beside the file or the webhook. Thread-safe.
 */
final class SyslogAnchor implements AnchorSink {

	/** facility 13 (log audit) * 8 + severity 6 (informational) */
	private static final int PRIORITY = 13 * 8 + 6;

	private final String host;

	private final int port;

	SyslogAnchor(String host, int port) {
		this.host = host;
		this.port = port;
	}

	@Override
	public String name() {
		return "syslog";
	}

	@Override
	public void write(String json) throws IOException {
		String hostname;
		try {
			hostname = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			hostname = "-";
		}
		byte[] message = ("<" + PRIORITY + ">1 " + Instant.now() + " " + hostname + " hearth - AUDIT_ANCHOR - " + json)
			.getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(message, message.length, new InetSocketAddress(this.host, this.port)));
		}
	}

}
