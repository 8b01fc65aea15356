package io.syndication.minimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint: its first 200 is when the application is ready. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
