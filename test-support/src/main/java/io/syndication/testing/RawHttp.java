package io.syndication.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** HTTP/1.1 on a bare socket, for requests no HTTP client would send: a body that lies, stalls or never ends. */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * The answer's status line, its headers (lower case) and its body as one last line, read until the
     * other side closes the connection: an answer that left it open fails the read at the socket's bound.
     */
    public static List<String> answer(Socket caller) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(caller.getInputStream(), StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        lines.add(in.readLine());
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            lines.add(header.toLowerCase());
        }
        StringBuilder body = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            body.append((char) c);
        }
        lines.add(body.toString());
        return lines;
    }
}
