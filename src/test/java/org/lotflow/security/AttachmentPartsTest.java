package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AttachmentParts}: an attachment's texts fit the engine's columns and a link is a web address. */
class AttachmentPartsTest {

    @Test
    void textsUpToTheEnginesColumnsPassLongerAreRefusedNeverCut() {
        assertThat(AttachmentParts.refusal("attachment-name", "n".repeat(255))).isNull();
        assertThat(AttachmentParts.refusal("attachment-name", "n".repeat(256))).startsWith("attachment-name: at most 255"
                + " characters, was 256 (never cut)");
        assertThat(AttachmentParts.refusal("attachment-type", "t".repeat(256))).contains("at most 255");
        assertThat(AttachmentParts.refusal("attachment-description", "d".repeat(4000))).isNull();
        assertThat(AttachmentParts.refusal("attachment-description", "d".repeat(4001))).contains("at most 4000",
                "attached document");
        // as the databases count: an emoji is two UTF-16 units (re-test F2: 200 emoji reached the database)
        assertThat(AttachmentParts.refusal("attachment-name", "\ud83d\udcc4".repeat(127))).isNull();
        assertThat(AttachmentParts.refusal("attachment-name", "\ud83d\udcc4".repeat(128))).contains("was 256");
        assertThat(AttachmentParts.isText("url")).isTrue();
        assertThat(AttachmentParts.isText("content")).isFalse();
        assertThat(AttachmentParts.refusal("content", "x".repeat(10_000))).as("a file's content is not a text").isNull();
    }

    @Test
    void aLinkIsAWebAddress() {
        assertThat(AttachmentParts.refusal("url", "https://dms.example/r/17")).isNull();
        assertThat(AttachmentParts.refusal("url", "HTTP://dms.example/r/17")).isNull();
        assertThat(AttachmentParts.refusal("url", "")).isNull();
        for (String link : new String[] {"javascript:alert(1)", "file:///etc/passwd", "dms.example/r/17", "data:text/html,x",
                "http://", "https:javascript:alert(1)", " https://dms.example/r/17", "https://dms.example/r 17",
                "https://dms.example/r/17\n", "java\tscript:alert(1)"}) {
            assertThat(AttachmentParts.refusal("url", link)).as(link).contains("http:// or https://");
        }
    }
}
