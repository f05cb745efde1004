package org.wsdepends.examples.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client sends: {@code {"text":"..."}}, decoded with JSON-B and validated. */
public class ChatMessage {

    /** The text; not blank, at most 500 characters. */
    @NotBlank
    @Size(max = 500)
    public String text;
}
